import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runCli } from '../cli/run-cli.js'

/**
 * Write a locale tree into a fresh temp dir: keys are paths under `locales/` (`en/app.json`),
 * values are objects (written as pretty JSON, as i18next projects keep them) or raw text.
 */
export function writeTree(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'tolk-check-'))
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, 'locales', path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : `${JSON.stringify(content, null, 2)}\n`)
  }
  return root
}

/** Run `tolk check --locales ROOT/locales --source en ARGS…` through the built CLI. */
export function check(root: string, ...args: string[]) {
  return runCli(['check', '--locales', join(root, 'locales'), '--source', 'en', ...args])
}

export interface CheckJson {
  checked: { files: number; languages: number; strings: number }
  passed: boolean
  languages: Record<string, { coverage: number; missing: number; missingStrings: number; empty: number; plurals: number; placeholders: number; nesting: number; extra: number; min: number | null; passed: boolean; reasons: string[]; units: { total: number; translated: number } }>
  problems: { lang: string; file: string | null; line: number | null; key: string; kind: string; severity: string; message: string }[]
}

/** Run the check with `--format json` and parse what it printed. */
export function checkJson(root: string, ...args: string[]): { status: number | null; json: CheckJson; stderr: string } {
  const r = check(root, '--format', 'json', ...args)
  return { status: r.status, json: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr }
}

/** A small English source with a plain key, a plural, an interpolation and a nesting. */
export const EN = {
  title: 'Tolk',
  segments_one: '{{count}} segment left',
  segments_other: '{{count}} segments left',
  greeting: 'Hello {{name}}, you have {{total, number}} words',
  menu: { file: 'File', help: 'Help: $t(title)' },
}
