/**
 * The external checkers the format tests use (xmllint, msgfmt, pocount) and the schemas that
 * scripts/fetch-schemas.sh extracts. A missing one fails its tests with a line saying how to
 * install it, so nothing passes (or skips) silently.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { it } from 'vitest'

/** Where scripts/fetch-schemas.sh puts the XSDs and the TMX DTD. */
export const SCHEMAS = fileURLToPath(new URL('./schemas/', import.meta.url))

interface Need {
  what: string
  present: () => boolean
  install: string
}

const NEEDS = {
  xmllint: {
    what: 'xmllint',
    present: () => onPath('xmllint'),
    install: 'apt-get install -y libxml2-utils',
  },
  msgfmt: {
    what: 'msgfmt',
    present: () => onPath('msgfmt'),
    install: 'apt-get install -y gettext',
  },
  pocount: {
    what: 'pocount',
    present: () => onPath('pocount'),
    install: 'apt-get install -y translate-toolkit',
  },
  schemas: {
    what: 'the XLIFF and TMX schemas',
    present: () =>
      ['xliff-core-1.2-strict.xsd', 'xliff-core-2.0.xsd', 'xml.xsd', 'tmx14.dtd'].every((f) =>
        existsSync(join(SCHEMAS, f)),
      ),
    install: 'bash scripts/fetch-schemas.sh',
  },
} satisfies Record<string, Need>

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
}

/**
 * `it`, when every named tool is here. Otherwise a failing test that says what to install.
 */
export function itWith(
  tools: (keyof typeof NEEDS)[],
  name: string,
  fn: () => void | Promise<void>,
): void {
  const missing = tools.map((t) => NEEDS[t]).filter((n) => !n.present())
  if (missing.length === 0) return void it(name, fn)
  const how = missing.map((n) => `${n.what} (${n.install})`).join(', ')
  // Never a silent skip: a check by an outside tool that did not run must show as a failure,
  // with the way to install the tool (.ci/run installs them all).
  it(name, () => {
    throw new Error(`missing ${how}: install it to run this test (see .ci/run)`)
  })
}

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
