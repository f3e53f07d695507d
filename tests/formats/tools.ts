/**
 * The external checkers the format tests use (xmllint, msgfmt, pocount) and the schemas that
 * scripts/fetch-schemas.sh extracts: which tests need which is said with `itWith` (tests/tools/),
 * which skips a test whose tool is missing and lists it at the end of the run.
 */
import { spawnSync } from 'node:child_process'

export { itWith } from '../tools/need.js'
export { SCHEMAS } from '../tools/registry.js'

/** Run a command; stdout, stderr and status. */
export function run(cmd: string, args: string[], cwd?: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** pocount's counts of one file, from its CSV output (it exits 0 even on broken files: check). */
export function pocount(file: string): {
  translated: number
  fuzzy: number
  untranslated: number
  total: number
} {
  const r = run('pocount', ['--csv', file])
  const row = r.stdout.split('\n').find((l) => l.startsWith(file))
  // translate-toolkit 3.8 misspells a key when a file has units needing review, and fails after
  // printing the row (`ERROR: 'reviewsourdcewords'`); any other error means it could not read.
  const errors = r.stderr
    .split('\n')
    .filter((l) => l.includes('ERROR') && !l.includes("'reviewsourdcewords'"))
  if (!row || errors.length > 0)
    throw new Error(`pocount could not read ${file}: ${r.stderr}${r.stdout}`)
  const n = row
    .split(',')
    .slice(1)
    .map((s) => Number(s.trim()))
  return {
    translated: n[0] ?? NaN,
    fuzzy: n[3] ?? NaN,
    untranslated: n[5] ?? NaN,
    total: n[7] ?? NaN,
  }
}
