import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLocales } from '../../src/check/check-locales.js'
import { runCli } from '../cli/run-cli.js'
import { check, checkJson, writeTree } from './tree.js'

// What a CI user reads (issue 22, "Output that a CI user acts on"): GitHub's annotation limit and
// step summary, one order in every format, a key missing in many languages on one line, escaped
// keys, markdown columns, words without {{…}}, --min for an absent language, SARIF fingerprints
// and help, JUnit names that stay the same from run to run.

const LANGS = ['cs', 'da', 'de', 'es', 'fi', 'fr', 'it', 'nl', 'pl', 'pt', 'sv']
const EN = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, `Text {{n}} ${i}`]))

/** Eleven languages, each lacking k0 and breaking k1's placeholder; sv has extra keys too. */
function bigTree(): string {
  const files: Record<string, unknown> = { 'en/app.json': EN }
  for (const lang of LANGS) {
    const t: Record<string, string> = { ...EN, k1: 'Text {{m}}' }
    delete t.k0
    if (lang === 'sv') for (let i = 0; i < 12; i++) t[`old${i}`] = 'x'
    files[`${lang}/app.json`] = t
  }
  return writeTree(files)
}

describe('tolk check output in CI', () => {
  const root = bigTree()

  it('github: at most 10 annotations of each severity, failing ones first, then a notice that counts the rest; the step summary is written', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'tolk-summary-')), 'summary.md')
    writeFileSync(summary, '# earlier step\n')
    const full = check(root, '--format', 'github')
    const lines = full.stdout.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10)
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10)
    // Placeholder errors (11) come before the missing keys (11); 12 extra keys warn.
    expect(lines.slice(0, 10).every((l) => l.includes('placeholder'))).toBe(true)
    expect(lines.at(-1)).toMatch(/^::notice title=tolk check::checked 12 files, 11 target languages, .*FAILED: 11 of 11 languages; 14 more problems not annotated \(GitHub shows 10 of each kind per step\)/)
    const few = check(root, '--format', 'github', '--annotations', '1', '--lang', 'sv')
    expect(few.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['::error', '::warning', '::notice'])
    const withSummary = runWithEnv(root, summary)
    expect(withSummary).toContain('# earlier step\n## Translations: ❌ failed')
    expect(withSummary).toMatch(/\| language \| coverage \| min \| missing \| empty \| plurals \| placeholders \| nesting \| formatters \| tags \| stale \| extra \| result \|/)
    expect(withSummary).toMatch(/\| sv \| `█████████░` 91\.6 % \|/)
  })

  it('text: errors, then notes, then warnings; broken text before gaps; a key missing in N languages is one line', () => {
    const r = check(root, '--limit', '12')
    const listed = r.stdout.split('\n').filter((l) => l.startsWith('  '))
    expect(listed[0]).toMatch(/cs\/app\.json:2 {2}cs {2}placeholder: k1 lacks \{\{n\}\}/)
    expect(listed.at(-1)).toMatch(/en\/app\.json:2 {2}k0 missing in 11 languages \(cs, da, de, es, fi, fr, it, nl, …\)$/)
    const json = checkJson(root, '--min', '0,sv=100')
    const order = json.json.problems.map((p) => `${p.severity} ${p.kind}`)
    const firstNote = order.findIndex((o) => o.startsWith('note'))
    const firstWarning = order.findIndex((o) => o.startsWith('warning'))
    expect(order.slice(0, 12)).toEqual([...Array(11).fill('error placeholder'), 'error missing'])
    expect(firstNote).toBeGreaterThan(0)
    expect(order.slice(firstNote, firstWarning).every((o) => o.startsWith('note'))).toBe(true)
    expect(order.slice(firstWarning).every((o) => o.startsWith('warning'))).toBe(true)
  })

  it('text: a key holding a line break is escaped, one problem per line', () => {
    const r = check(writeTree({ 'en/a.json': { 'two\nlines': 'Two lines', ok: 'ok' }, 'de/a.json': { ok: 'ok' } }))
    expect(r.stdout).toMatch(/de {2}missing: two\\nlines is missing\n/)
  })

  it('--min for a language the tree does not hold exits 2 (with --locales and --files)', () => {
    const r = check(writeTree({ 'en/a.json': { a: 'A' }, 'de/a.json': { a: 'A' } }), '--min', '90,nl=100')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^tolk check: --min names nl, not a target language of .* \(target languages: de\)\n$/)
    const po = join(mkdtempSync(join(tmpdir(), 'tolk-min-')), 'de.po')
    writeFileSync(po, ['msgid ""', 'msgstr ""', '"Language: de\\n"', '', 'msgid "File"', 'msgstr "Datei"', ''].join('\n'))
    const files = runCli(['check', '--files', po, '--min', 'fr=100'])
    expect(files.status).toBe(2)
    expect(files.stderr).toMatch(/--min names fr, not a target language of .*de\.po \(target languages: de\)/)
    expect(runCli(['check', '--files', po, '--min', 'de=100']).status).toBe(0)
  })

  it('sarif: a problem keeps its fingerprint when an unrelated line is inserted above it; every rule has help', () => {
    const files = { 'en/a.json': { a: 'A {{n}}', b: 'B' }, 'de/a.json': { a: 'A {{m}}', b: 'B' } }
    const sarif = (r: string) => JSON.parse(check(r, '--format', 'sarif').stdout) as { runs: { results: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; tool: { driver: { rules: { help: { text: string } }[] } } }[] }
    const tree = writeTree(files)
    const before = sarif(tree)
    writeFileSync(join(tree, 'locales/de/a.json'), `${JSON.stringify({ z: 'unrelated', ...files['de/a.json'] }, null, 2)}\n`)
    const after = sarif(tree)
    const [p, q] = [before.runs[0]?.results[0], after.runs[0]?.results[0]]
    expect(p?.locations[0]?.physicalLocation.region.startLine).toBe(2)
    expect(q?.locations[0]?.physicalLocation.region.startLine).toBe(3)
    expect(q?.partialFingerprints).toEqual(p?.partialFingerprints)
    expect(Object.values(p?.partialFingerprints ?? {})[0]).toMatch(/^[0-9a-f]{32}$/)
    expect(before.runs[0]?.tool.driver.rules.every((rule) => rule.help.text.length > 20)).toBe(true)
  })

  it('junit: a test case is named by its check alone, the coverage figure goes in its output', () => {
    const xml = check(root, '--format', 'junit', '--lang', 'de').stdout
    expect(xml).toContain('<testcase classname="tolk.check.de" name="coverage">')
    expect(xml).toMatch(/<system-out>coverage 9\d\.\d % \(min 100\)<\/system-out>/)
  })

  it('counts no {{…}} (nor its formatter) as words', () => {
    const tree = writeTree({ 'en/a.json': { a: '{{count}} files of {{size, bytes(unit: kb)}}' }, 'de/a.json': {} })
    const r = checkLocales({ dir: join(tree, 'locales'), source: 'en', optionalPlurals: new Set() })
    expect(r.languages.get('de')?.words.total).toBe(2)
  })
})

/** The github format with $GITHUB_STEP_SUMMARY set: what the summary file then holds. */
function runWithEnv(root: string, summary: string): string {
  runCli(['check', '--locales', join(root, 'locales'), '--source', 'en', '--format', 'github', '--lang', 'sv'], { env: { GITHUB_STEP_SUMMARY: summary } })
  return readFileSync(summary, 'utf8')
}
