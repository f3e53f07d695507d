import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from './run-cli.js'

// Issue 22, point 8: tolk import-locales and export-locales read a tree by the rules tolk check
// --locales reads it by (folder names, arrays, key shapes, plural groups), so that tolk check --db
// and tolk check --locales agree on it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-layouts-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
let n = 0
const fresh = () => path.join(root, `case-${++n}`)
const j = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`

/** Write files under a fresh folder: relative path → text. */
function writeTree(files: Record<string, string>, dir = fresh()): string {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

/** `tolk ARGS` in `cwd` (the config file is looked for from there). */
function tolk(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tolk.js'), ...args], { cwd, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Every file under `dir` (relative path → text). */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (fs.statSync(path.join(dir, f)).isFile()) out[f] = fs.readFileSync(path.join(dir, f), 'utf8')
  }
  return out
}

/** Per language, the counts both checks give. */
function counts(stdout: string) {
  const langs = JSON.parse(stdout).languages as Record<string, { missing: number; missingStrings: number; plurals: number; coverage: number }>
  return Object.fromEntries(Object.entries(langs).map(([l, c]) => [l, { missing: c.missing, missingStrings: c.missingStrings, plurals: c.plurals }]))
}

/** Import `src` into a fresh database, then check it both ways; the two must agree. */
function importAndCompare(src: string, source: string, extra: string[] = []) {
  const db = path.join(fresh(), 'tolk.sqlite')
  const imported = tolk(['import-locales', src, '--source', source, '--db', db, '--json', ...extra])
  const files = tolk(['check', '--locales', src, '--source', source, '--format', 'json', ...extra])
  // The namespaces only: a new database also holds the seed article.
  const namespaces = imported.status === 2 ? [] : (JSON.parse(imported.stdout).namespaces as { namespace: string }[]).map((s) => s.namespace)
  const store = tolk(['check', '--db', db, '--format', 'json', ...namespaces])
  return { db, imported, files, store }
}

describe('folder names, as tolk check reads them', () => {
  const TREE = {
    'en/app.json': j({ title: 'Files', nav: { home: 'Home' } }),
    'pt_BR/app.json': j({ title: 'Arquivos', nav: { home: 'Início' } }),
    'zhtw/app.json': j({ title: '檔案' }),
  }

  it('imports pt_BR as pt-BR, skips a folder that is no tag with a warning, and maps one with --map', () => {
    const src = writeTree(TREE)
    const plain = importAndCompare(src, 'en')
    expect(plain.imported.stderr).toBe('')
    expect(plain.imported.status).toBe(0)
    const summary = JSON.parse(plain.imported.stdout)
    expect(summary.namespaces.map((s: { targets: string[] }) => s.targets)).toEqual([['pt-BR']])
    expect(summary.warnings).toEqual([{ code: 'not-a-language', message: `${path.join(src, 'zhtw')}: the folder name "zhtw" is not a BCP 47 language tag; skipped (name it en, sv, pt-BR, … or map it: --map zhtw=zh-TW)` }])

    const mapped = importAndCompare(src, 'en', ['--map', 'zhtw=zh-TW'])
    expect(mapped.imported.status).toBe(0)
    expect(JSON.parse(mapped.imported.stdout).namespaces[0].targets).toEqual(['pt-BR', 'zh-TW'])
    expect(counts(mapped.store.stdout)).toEqual(counts(mapped.files.stdout))
    expect(counts(mapped.store.stdout)['zh-TW']).toEqual({ missing: 1, missingStrings: 1, plurals: 0 })
  })

  it('takes the folder map from the config file, as tolk check does', () => {
    const project = writeTree({ ...Object.fromEntries(Object.entries(TREE).map(([k, v]) => [`locales/${k}`, v])), 'tolk.config.json': j({ check: { map: { zhtw: 'zh-TW' } } }) })
    const db = path.join(project, 'tolk.sqlite')
    const r = tolk(['import-locales', 'locales', '--source', 'en', '--db', db, '--json'], project)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).namespaces[0].targets).toEqual(['pt-BR', 'zh-TW'])
    // A flag overrides the file.
    const flag = tolk(['import-locales', 'locales', '--source', 'en', '--db', path.join(project, 'other.sqlite'), '--json', '--map', 'zhtw=zh-HK'], project)
    expect(JSON.parse(flag.stdout).namespaces[0].targets).toEqual(['pt-BR', 'zh-HK'])
  })

  it('exports into the folders the tree has (pt_BR, a mapped zhtw), byte for byte, creating no second folder', () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    expect(tolk(['import-locales', src, '--source', 'en', '--db', db, '--map', 'zhtw=zh-TW']).status).toBe(0)
    const before = readTree(src)
    const r = tolk(['export-locales', src, '--db', db, '--map', 'zhtw=zh-TW', '--json'])
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).written).toEqual([])
    expect(readTree(src)).toEqual(before)
    expect(tolk(['translate', 'app', 'nav.home', '--lang', 'pt-BR', '--db', db, 'Começo']).status).toBe(0)
    const again = tolk(['export-locales', src, '--db', db, '--map', 'zhtw=zh-TW', '--json'])
    expect(JSON.parse(again.stdout).written).toEqual([path.join(src, 'pt_BR', 'app.json')])
    expect(fs.readdirSync(src).sort()).toEqual(['en', 'pt_BR', 'zhtw'])
    // Into an empty folder, a language gets its tag, or the folder --map names for it.
    const out = fresh()
    expect(tolk(['export-locales', out, '--db', db, '--map', 'zhtw=zh-TW']).status).toBe(0)
    expect(fs.readdirSync(out).sort()).toEqual(['en', 'pt-BR', 'zhtw'])
  })

  it('refuses a tree with both pt_BR and pt-BR, naming both (exit 2)', () => {
    const src = writeTree({ ...TREE, 'pt-BR/app.json': j({ title: 'Arquivos' }) })
    const r = tolk(['import-locales', src, '--source', 'en', '--db', path.join(fresh(), 'tolk.sqlite')])
    expect(r.stderr).toBe(`tolk import-locales: ${src}: the folders pt-BR and pt_BR both name the language pt-BR; keep one (i18next loads only one of them)\n`)
    expect(r.status).toBe(2)
  })

  it('refuses a bad --map with one line (exit 2)', () => {
    const r = tolk(['import-locales', writeTree(TREE), '--source', 'en', '--map', 'zhtw', '--db', path.join(fresh(), 'tolk.sqlite')])
    expect(r.stderr).toBe('tolk import-locales: --map takes FOLDER=TAG pairs such as zhtw=zh-TW, not "zhtw"\n')
    expect(r.status).toBe(2)
  })
})

describe('plural groups, as tolk check forms them', () => {
  it('reads an x_other key without another of the source language\'s forms as a plain key', () => {
    const src = writeTree({
      'en/app.json': j({ by_author_and_other: 'by {{author}} and one other', by_author_and_others: 'by {{author}} and {{count}} others', files_one: '{{count}} file', files_other: '{{count}} files' }),
      'ru/app.json': j({ by_author_and_other: '{{author}} и ещё один', by_author_and_others: '{{author}} и ещё {{count}}', files_one: '{{count}} файл', files_few: '{{count}} файла', files_many: '{{count}} файлов', files_other: '{{count}} файла' }),
      'ja/app.json': j({ by_author_and_other: '{{author}} ともう一人', by_author_and_others: '{{author}} と他 {{count}} 人', files_other: '{{count}} ファイル' }),
    })
    const { imported, files, store, db } = importAndCompare(src, 'en')
    expect(imported.stderr).toBe('')
    expect(JSON.parse(files.stdout).passed).toBe(true)
    expect(counts(store.stdout)).toEqual(counts(files.stdout))
    expect(JSON.parse(store.stdout).passed).toBe(true)
    // Units: the two plain keys, the group's two forms, and the two Russian needs besides.
    const report = JSON.parse(tolk(['report', 'app', '--format', 'json', '--db', db]).stdout)
    expect(report.articles[0].units).toBe(6)
  })
})

describe('arrays, as tolk check reads them', () => {
  const TREE = {
    'en/app.json': j({ title: 'Steps', steps: ['Open the file', 'Press {{key}}', 'Done'], help: { list: ['First', { deep: 'Second' }] } }),
    'de/app.json': j({ title: 'Schritte', steps: ['Datei öffnen', '{{key}} drücken'], help: { list: ['Erstens', { deep: 'Zweitens' }] } }),
    'fr/app.json': j({ title: 'Étapes' }),
  }

  it('imports each element as a key (steps.0), counts them as tolk check does, and exports arrays again', () => {
    const src = writeTree(TREE)
    const { imported, files, store, db } = importAndCompare(src, 'en')
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout).warnings).toEqual([])
    expect(counts(store.stdout)).toEqual(counts(files.stdout))
    expect(counts(store.stdout).de).toEqual({ missing: 1, missingStrings: 1, plurals: 0 })
    const units = JSON.parse(tolk(['report', 'app', '--format', 'json', '--db', db]).stdout).articles[0].languages.de.untranslated
    expect(units.map((u: { id: string }) => u.id)).toEqual(['steps.2'])

    const before = readTree(src)
    expect(JSON.parse(tolk(['export-locales', src, '--db', db, '--json']).stdout).written).toEqual([])
    expect(readTree(src)).toEqual(before)
    // A translation fills the array; one element alone (a hole before it) is written keyed by
    // its index, which i18next and tolk check read alike.
    expect(tolk(['translate', 'app', 'steps.2', '--lang', 'de', '--db', db, 'Fertig']).status).toBe(0)
    expect(tolk(['translate', 'app', 'steps.1', '--lang', 'fr', '--db', db, 'Appuyez sur {{key}}']).status).toBe(0)
    expect(tolk(['export-locales', src, '--db', db]).status).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(src, 'de/app.json'), 'utf8')).steps).toEqual(['Datei öffnen', '{{key}} drücken', 'Fertig'])
    expect(JSON.parse(fs.readFileSync(path.join(src, 'fr/app.json'), 'utf8'))).toEqual({ title: 'Étapes', steps: { 1: 'Appuyez sur {{key}}' } })
    const after = importAndCompare(src, 'en')
    expect(after.imported.status).toBe(0)
    expect(counts(after.store.stdout)).toEqual(counts(after.files.stdout))
    expect(counts(after.files.stdout).de).toEqual({ missing: 0, missingStrings: 0, plurals: 0 })
  })
})

describe('a plain key in place of a plural group, as tolk check reads it', () => {
  it('counts zh desc for en desc_one/desc_other as translated, and exports the file as it was', () => {
    const src = writeTree({
      'en/app.json': j({ invite: { desc_one: 'Invite {{count}} person', desc_other: 'Invite {{count}} people' }, title: 'Invite' }),
      'zh/app.json': j({ invite: { desc: '邀请 {{count}} 人' }, title: '邀请' }),
      'ja/app.json': j({ title: '招待' }),
    })
    const { imported, files, store, db } = importAndCompare(src, 'en')
    expect(imported.stderr).toBe('')
    expect(counts(store.stdout)).toEqual(counts(files.stdout))
    expect(JSON.parse(store.stdout).languages.zh).toMatchObject({ coverage: 1, passed: true })
    expect(JSON.parse(store.stdout).languages.ja).toMatchObject({ missing: 1, passed: false })
    // The translation of desc_other is the plain key's text, and the file comes back as it was.
    const units = JSON.parse(tolk(['report', 'app', '--format', 'json', '--db', db]).stdout).articles[0].languages.zh
    expect(units.untranslated).toEqual([])
    const before = readTree(src)
    expect(JSON.parse(tolk(['export-locales', src, '--db', db, '--json']).stdout).written).toEqual([])
    expect(readTree(src)).toEqual(before)
    // A translator's own desc_other is written beside it (i18next takes the form for a count).
    expect(tolk(['translate', 'app', 'invite.desc_other', '--lang', 'zh', '--db', db, '邀请 {{count}} 位']).status).toBe(0)
    expect(tolk(['export-locales', src, '--db', db]).status).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(src, 'zh/app.json'), 'utf8'))).toEqual({ invite: { desc: '邀请 {{count}} 人', desc_other: '邀请 {{count}} 位' }, title: '邀请' })
  })
})

describe('the tree with every real-world layout (tests/check/fixtures/real-tree)', () => {
  it('imports it with the findings tolk check --locales has, and exports it back', () => {
    // Subfolder namespaces (admin/users) are not resource sets yet: compared without them.
    const src = fresh()
    fs.cpSync(path.join(ROOT, 'tests/check/fixtures/real-tree/locales'), src, { recursive: true, filter: (from) => path.basename(from) !== 'admin' })
    const { imported, files, store, db } = importAndCompare(src, 'en-US', ['--map', 'zhtw=zh-TW'])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout).namespaces.map((s: { namespace: string; targets: string[] }) => [s.namespace, s.targets])).toEqual([['common', ['de', 'pt-BR', 'zh', 'zh-TW']]])
    expect(JSON.parse(imported.stdout).warnings).toEqual(['en_US', 'pt_BR'].map((folder) => ({ code: 'not-byte-stable', message: `${path.join(src, folder, 'common.json')}: starts with a byte order mark (BOM); tolk export-locales keeps it when it writes over this file, and writes a new file without one` })))
    // One difference left: de's plain invite.desc for a group German needs two forms of is a
    // plural problem to tolk check --locales (one text for every count), and a missing group to
    // --db (the database keeps the plain key with its file, not as a translation).
    const want = counts(files.stdout)
    want.de = { ...want.de!, missing: want.de!.missing + 1, plurals: want.de!.plurals - 2 }
    expect(counts(store.stdout)).toEqual(want)
    for (const lang of ['pt-BR', 'zh']) expect(JSON.parse(store.stdout).languages[lang]).toMatchObject({ coverage: 1, passed: true })
    // Back into the tree: every file as it was, byte order marks included (kept over a file).
    const before = readTree(src)
    expect(tolk(['export-locales', src, '--db', db, '--map', 'zhtw=zh-TW']).status).toBe(0)
    const after = readTree(src)
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const [file, text] of Object.entries(before)) expect(after[file], file).toBe(text)
  })
})
