import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli } from '../cli/run-cli.js'

// Every output of `tolk check --locales` on a small tree full of edge cases, byte for byte, as the
// build before problems were deferred (commit 638cf40) printed them. The tree has: a placeholder
// renamed, `{{{x}}` around the one variable, a variable written twice, a lost nesting, plural
// and ordinal forms missing or not used by the language, blank and whitespace-only strings, a key
// written twice (`c`), a file with more problems than are listed, extra keys and objects, a
// missing namespace file, a one-line minified file, and Japanese and Russian plural rules.
const DIR = 'tests/check/fixtures/golden'
const RUNS: Record<string, string[]> = {
  text: [],
  'sv-limit2': ['--lang', 'sv', '--limit', '2'],
  'sv-limit4': ['--lang', 'sv', '--limit', '4'],
  'sv-limit5': ['--lang', 'sv', '--limit', '5'],
  min50: ['--min', '50'],
  'min-mixed': ['--min', '80,sv=0', '--limit', '50'],
  markdown: ['--format', 'markdown', '--limit', '5'],
  json: ['--format', 'json'],
  github: ['--format', 'github'],
  junit: ['--format', 'junit'],
  sarif: ['--format', 'sarif'],
  'units-quiet': ['--by', 'units', '--quiet'],
  baseline: ['--baseline', `${DIR}/baseline.json`, '--limit', '50'],
}

describe('tolk check --locales prints what it printed before problems were deferred', () => {
  for (const [name, args] of Object.entries(RUNS)) {
    it(name, () => {
      const r = runCli(['check', '--locales', `${DIR}/locales`, '--source', 'en', ...args])
      const expected = readFileSync(join(ROOT, DIR, 'expected', `${name}.out`), 'utf8')
      // SARIF names the tool's version, which moves with package.json.
      const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
      expect(r.stdout + r.stderr).toBe(expected.replaceAll('"version": "0.1.0"', `"version": "${version}"`))
      expect(r.status).toBe(name === 'baseline' ? 0 : 1)
    })
  }
})
