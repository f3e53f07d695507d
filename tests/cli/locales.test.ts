import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localeTrees } from './_locale-tree.js'
import { runCli } from './run-cli.js'

const { root, fresh, writeTree } = localeTrees('tolk-locales-')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

// Three layouts: two spaces with a final newline, four spaces without one, tabs; nested keys,
// plural forms, an empty target string, non-ASCII text, and an integer-free key order that is
// not alphabetical.
const TREE = {
  'en/common.json': `${JSON.stringify({ title: 'Tolk', nav: { home: 'Home', about: 'About us' }, items_one: 'one item', items_other: '{{count}} items', empty: '' }, null, 2)}\n`,
  'en/errors.json': JSON.stringify({ notFound: 'Not found', server: { down: 'The server is down' } }, null, 4),
  'sv/common.json': `${JSON.stringify({ nav: { home: 'Hem' }, title: 'Tolk', items_one: 'en sak', items_other: '{{count}} saker', empty: '' }, null, '\t')}\n`,
  'sv/errors.json': `${JSON.stringify({ server: { down: 'Servern är nere' } }, null, 2)}\n`,
  'de/common.json': `${JSON.stringify({ nav: { about: 'Über uns' } }, null, 2)}\n`,
  // Russian has plural forms English lacks: units of their own, whose source is the `_other` form.
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
    // common: six keys, and items_few and items_many for Russian.
    expect(summary.namespaces.map((s: { namespace: string; units: { new: number } }) => [s.namespace, s.units.new])).toEqual([['common', 8], ['errors', 2]])
    expect(summary.namespaces[0].translations).toEqual({ written: 10, unchanged: 0, unknown: 0 })

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
    expect(common.languages.ru.units).toMatchObject({ translated: 4, initial: 4 })
    expect(common.languages.sv.untranslated.map((u: { id: string }) => u.id)).toEqual(['nav.about', 'empty'])
    expect(common.languages.de.units).toMatchObject({ translated: 1, initial: 5 })
    const check = runCli(['check', '--db', db, '--format', 'json', 'common', 'errors'])
    expect(check.status).toBe(1)
    const problems = JSON.parse(check.stdout).problems as { lang: string; key: string }[]
    expect(problems.filter((p) => p.lang === 'sv').map((p) => p.key)).toEqual(['nav.about', 'empty', 'notFound'])
  })

  it('counts plural forms in tolk check --db per language exactly as tolk check --locales does', () => {
    const j = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`
    const src = writeTree({
      'en/app.json': j({ title: 'Files', items_one: 'one file', items_other: '{{count}} files', place_ordinal_one: '{{count}}st', place_ordinal_two: '{{count}}nd', place_ordinal_few: '{{count}}rd', place_ordinal_other: '{{count}}th', nav: { home: 'Home', files_one: 'one', files_other: 'many' } }),
      'en/extra.json': j({ a_one: 'one a', a_other: '{{count}} a', b: 'Bee' }),
      // Russian: a group missing two of its four forms, a nested group missing whole, no extra.json.
      'ru/app.json': j({ title: 'Файлы', items_one: '{{count}} файл', items_other: '{{count}} файла', place_ordinal_other: '{{count}}-й', nav: { home: 'Главная' } }),
      // Arabic: every form of one group, one form of another, no ordinal, no title.
      'ar/app.json': j({ items_zero: 'لا', items_one: 'واحد', items_two: 'اثنان', items_few: '{{count}} قليل', items_many: '{{count}} كثير', items_other: '{{count}} ملف', nav: { home: 'الرئيسية', files_one: 'واحد' } }),
      'ar/extra.json': j({ a_other: '{{count}} أ', b: 'ب' }),
      // Japanese: only _other, plus a form Japanese does not use (a warning, not a unit).
      'ja/app.json': j({ title: 'ファイル', items_other: '{{count}} ファイル', items_one: '1 ファイル', place_ordinal_other: '第{{count}}', nav: { home: 'ホーム' } }),
      'ja/extra.json': j({ a_other: '{{count}} a', b: 'ビー' }),
      // German: complete but for one form.
      'de/app.json': j({ title: 'Dateien', items_one: 'eine Datei', items_other: '{{count}} Dateien', place_ordinal_other: '{{count}}.', nav: { home: 'Start', files_one: 'eine' } }),
      'de/extra.json': j({ a_one: 'ein a', a_other: '{{count}} a', b: 'Biene' }),
    })
    const db = path.join(fresh(), 'tolk.sqlite')
    const imported = runCli(['import-locales', src, '--source', 'en', '--db', db])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    const pick = (out: string) => {
      const langs = JSON.parse(out).languages as Record<string, { missing: number; missingStrings: number; plurals: number }>
      return Object.fromEntries(Object.entries(langs).map(([l, c]) => [l, { missing: c.missing, missingStrings: c.missingStrings, plurals: c.plurals }]))
    }
    const files = runCli(['check', '--locales', src, '--source', 'en', '--format', 'json'])
    const store = runCli(['check', '--db', db, '--format', 'json', 'app', 'extra'])
    expect(files.status).toBe(1)
    expect(store.status).toBe(1)
    expect(pick(files.stdout)).toEqual({
      // title and the ordinal missing; nav.files and a each lack five of Arabic's six forms.
      ar: { missing: 2, missingStrings: 12, plurals: 10 },
      de: { missing: 0, missingStrings: 1, plurals: 1 },
      ja: { missing: 1, missingStrings: 1, plurals: 0 },
      // items lacks two forms; nav.files (four forms), a (four) and b missing.
      ru: { missing: 3, missingStrings: 11, plurals: 2 },
    })
    expect(pick(store.stdout)).toEqual(pick(files.stdout))
    const problems = JSON.parse(store.stdout).problems as { lang: string; key: string; kind: string; message: string }[]
    expect(problems.filter((p) => p.lang === 'ru').map((p) => [p.kind, p.key])).toEqual([['plural', 'items'], ['untranslated', 'nav.files'], ['untranslated', 'a'], ['untranslated', 'b']])
    expect(problems.find((p) => p.lang === 'ru' && p.kind === 'plural')!.message).toBe('items lacks the plural forms items_few, items_many (ru needs one, few, many, other)')
    // The tree still comes back byte for byte: borrowed forms are not strings of the source.
    const out = fresh()
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    expect(diff(src, out)).toEqual({ status: 0, out: '' })
  })

  it('round-trips keys that are no unit ids: spaces, colons, emoji, 300 characters, __proto__, case', () => {
    const j = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`
    const long = `k${'é'.repeat(299)}`
    const en = { 'Welcome back, {{name}}!': 'Welcome back, {{name}}!', 'errors:notFound': 'Not found', 'a/b c': 'x', '🎉': 'Party', [long]: 'long', ['__proto__']: 'proto', constructor: 'ctor', Save: 'Save', save: 'save', 'You have {{count}} files_one': 'one file', 'You have {{count}} files_other': '{{count}} files', nested: { 'deep key': 'Deep' } }
    const src = writeTree({
      'en/app.json': j(JSON.parse(JSON.stringify(en))),
      'sv/app.json': j({ 'Welcome back, {{name}}!': 'Välkommen, {{name}}!', ['__proto__']: 'proto-sv', save: 'spara', 'You have {{count}} files_other': '{{count}} filer', nested: { 'deep key': 'Djup' } }),
      'ru/app.json': j({ 'You have {{count}} files_few': '{{count}} файла' }),
    })
    const db = path.join(fresh(), 'tolk.sqlite')
    const r = runCli(['import-locales', src, '--source', 'en', '--db', db, '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).namespaces[0].translations).toMatchObject({ unknown: 0 })
    const out = fresh()
    expect(runCli(['export-locales', out, '--db', db]).status).toBe(0)
    expect(diff(src, out)).toEqual({ status: 0, out: '' })
    const report = JSON.parse(runCli(['report', 'app', '--format', 'json', '--db', db]).stdout)
    const sv = report.articles[0].languages.sv.untranslated.map((u: { id: string; key?: string }) => u.key ?? u.id)
    expect(sv).toContain('errors:notFound')
    expect(sv).toContain(long)
    expect(sv).toContain('Save')
    const check = JSON.parse(runCli(['check', '--db', db, '--format', 'json', 'app']).stdout)
    expect(check.problems.filter((p: { lang: string }) => p.lang === 'ru').map((p: { key: string }) => p.key)).toContain('You have {{count}} files')
  })

  it('warns about a file it cannot give back byte for byte, and skips a target file without a source (exit 1)', () => {
    const db = path.join(fresh(), 'tolk.sqlite')
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
    ['an empty key', { 'en/common.json': '{\n  "ok": "x",\n  "": "y"\n}\n' }, /en\/common\.json:3: an empty key: i18next cannot look it up/],
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
      // Not even the database was made.
      const after = runCli(['export-locales', fresh(), '--db', db])
      expect(after.status).toBe(2)
      expect(after.stderr).toMatch(/no database at/)
    })
  }
})
