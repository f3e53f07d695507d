import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-locales-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
let n = 0
const fresh = () => path.join(root, `case-${++n}`)

/** Write files under a fresh folder: relative path → text. */
function writeTree(files: Record<string, string>): string {
  const dir = fresh()
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

// Three layouts: two spaces with a final newline, four spaces without one, tabs; nested keys,
// plural forms, an empty target string, non-ASCII text, and an integer-free key order that is
// not alphabetical.
const TREE = {
  'en/common.json': `${JSON.stringify({ title: 'Tolk', nav: { home: 'Home', about: 'About us' }, items_one: 'one item', items_other: '{{count}} items', empty: '' }, null, 2)}\n`,
  'en/errors.json': JSON.stringify({ notFound: 'Not found', server: { down: 'The server is down' } }, null, 4),
  'sv/common.json': `${JSON.stringify({ nav: { home: 'Hem' }, title: 'Tolk', items_one: 'en sak', items_other: '{{count}} saker', empty: '' }, null, '\t')}\n`,
  'sv/errors.json': `${JSON.stringify({ server: { down: 'Servern är nere' } }, null, 2)}\n`,
  'de/common.json': `${JSON.stringify({ nav: { about: 'Über uns' } }, null, 2)}\n`,
  // Russian has plural forms English lacks: kept with the file, not units.
  'ru/common.json': `${JSON.stringify({ items_one: '{{count}} вещь', items_few: '{{count}} вещи', items_many: '{{count}} вещей', items_other: '{{count}} вещи' }, null, 2)}\n`,
}

function diff(a: string, b: string) {
  const r = spawnSync('diff', ['-r', a, b])
  return { status: r.status, out: r.stdout.toString() }
}

describe('tolk import-locales / export-locales', () => {
  it('round-trips a tree byte for byte; a changed translation changes only its line', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    const imported = runCli(['import-locales', src, '--source', 'en', '--db', db, '--json', '--as', 'importer'])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    const summary = JSON.parse(imported.stdout)
    expect(summary.files).toBe(6)
    expect(summary.warnings).toEqual([])
    expect(summary.namespaces.map((s: { namespace: string; units: { new: number } }) => [s.namespace, s.units.new])).toEqual([['common', 6], ['errors', 2]])
    expect(summary.namespaces[0].translations).toEqual({ written: 8, unchanged: 0, unknown: 2 })

    const out = fresh()
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    expect(diff(src, out)).toEqual({ status: 0, out: '' })

    // Importing the same tree again writes nothing; exporting again rewrites nothing.
    const again = JSON.parse(runCli(['import-locales', src, '--source', 'en', '--db', db, '--json']).stdout)
    expect(again.namespaces[0]).toMatchObject({ revision: 1, translations: { written: 0 } })
    expect(JSON.parse(runCli(['export-locales', out, '--db', db, '--json']).stdout).written).toEqual([])

    expect(runCli(['translate', 'common', 'nav.home', '--lang', 'sv', '--db', db, 'Startsida']).status).toBe(0)
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    const d = diff(src, out)
    expect(d.status).toBe(1)
    expect(d.out.split('\n').filter((l) => /^[<>]/.test(l))).toEqual(['< \t\t"home": "Hem"', '> \t\t"home": "Startsida"'])
  })

  it('puts the keys in reports and tolk check --db like any untranslated unit', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    expect(runCli(['import-locales', src, '--source', 'en', '--db', db]).status).toBe(0)
    const report = JSON.parse(runCli(['report', 'common', '--format', 'json', '--db', db]).stdout)
    const common = report.articles[0]
    expect(Object.keys(common.languages)).toEqual(['de', 'ru', 'sv'])
    expect(common.languages.ru.units).toMatchObject({ translated: 2, initial: 4 })
    expect(common.languages.sv.untranslated.map((u: { id: string }) => u.id)).toEqual(['nav.about', 'empty'])
    expect(common.languages.de.units).toMatchObject({ translated: 1, initial: 5 })
    const check = runCli(['check', '--db', db, '--format', 'json', 'common', 'errors'])
    expect(check.status).toBe(1)
    const problems = JSON.parse(check.stdout).problems as { lang: string; key: string }[]
    expect(problems.filter((p) => p.lang === 'sv').map((p) => p.key)).toEqual(['nav.about', 'empty', 'notFound'])
  })

  it('warns about a file it cannot give back byte for byte, and skips a target file without a source (exit 1)', () => {
    const src = writeTree({ 'en/app.json': '{"caf\\u00e9": "Caf\\u00e9"}', 'sv/app.json': '{"caf\\u00e9": "Kaf\\u00e9"}', 'sv/orphan.json': '{"a": "b"}' })
    const db = path.join(fresh(), 'tolk.sqlite')
    const r = runCli(['import-locales', src, '--source', 'en', '--db', db])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/en\/app\.json:1: the key "café" is not a key Tolk can store/)
    const ok = writeTree({ 'en/app.json': '{"title": "Caf\\u00e9"}', 'sv/app.json': '{"title": "Kafé"}', 'sv/orphan.json': '{"a": "b"}' })
    const r2 = runCli(['import-locales', ok, '--source', 'en', '--db', db])
    expect(r2.status).toBe(1)
    expect(r2.stdout).toMatch(/^app: new; units 1 new/m)
    expect(r2.stdout).toMatch(/warning: .*en\/app\.json: not written as JSON\.stringify would/)
    expect(r2.stdout).toMatch(/warning: .*sv\/orphan\.json: en has no orphan\.json; skipped/)
    const out = fresh()
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    expect(fs.readFileSync(path.join(out, 'en', 'app.json'), 'utf8')).toBe('{"title":"Café"}')
    expect(fs.readFileSync(path.join(out, 'sv', 'app.json'), 'utf8')).toBe('{"title":"Kafé"}')
  })

  it('refuses bad usage with one line and exit 2', () => {
    for (const args of [['import-locales'], ['import-locales', 'x'], ['import-locales', 'a', 'b', '--source', 'en'], ['import-locales', 'x', '--source', 'xx-nope'], ['export-locales'], ['import-locales', fresh(), '--source', 'en']]) {
      const r = runCli(args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(runCli(['import-locales', '--help']).status).toBe(0)
    expect(runCli(['export-locales', '--help']).stdout).toMatch(/byte/)
  })

  const bad: [string, Record<string, string>, RegExp][] = [
    ['malformed JSON', { 'sv/common.json': '{\n  "a": "b",\n  "c" "d"\n}\n' }, /sv\/common\.json:3:7: malformed JSON/],
    ['a non-string value', { 'sv/common.json': '{\n  "a": "b",\n  "n": 3\n}\n' }, /sv\/common\.json:3: "n" is a number/],
    ['a key Tolk cannot store', { 'en/common.json': '{\n  "ok": "x",\n  "not ok": "y"\n}\n' }, /en\/common\.json:3: the key "not ok"/],
    ['a flat and a nested key with one path', { 'en/common.json': '{\n  "a.b": "x",\n  "a": {\n    "b": "y"\n  }\n}\n' }, /en\/common\.json.*twice/],
  ]
  for (const [what, files, message] of bad) {
    it(`refuses ${what} with file and line, exit 2, writing nothing`, () => {
      const src = writeTree({ ...TREE, ...files })
      const db = path.join(fresh(), 'tolk.sqlite')
      const r = runCli(['import-locales', src, '--source', 'en', '--db', db])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(runCli(['export-locales', fresh(), '--db', db]).status).toBe(1)
    })
  }
})
