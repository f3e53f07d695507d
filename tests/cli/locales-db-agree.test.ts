import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resourceSetId } from '../../src/model/namespaces.js'
import { localeTrees } from './_locale-tree.js'
import { ROOT, runCli } from './run-cli.js'
import { startServer } from '../../src/server.js'

const { root, fresh, writeTree } = localeTrees('tolk-agree-')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`

// One tree with every shape the two readers must count alike (#22.8, #23.8): namespaces in
// subfolders, plural groups (an English `_zero` among them), Russian and Arabic forms English
// lacks, an optional German `_zero` where the source has none, a Chinese plain key standing in
// for a group, an `x_other` that is a plain key, an array, flat and nested keys, an empty string,
// a target without one of the namespaces.
const TREE = {
  'en/common.json': json({ title: 'Tolk', nav: { home: 'Home', about: 'About' }, files_one: 'one file', files_other: '{{count}} files', by_author_and_other: 'by {{author}} and one other', steps: ['Open', 'Save'] }),
  'en/admin/users.json': json({ heading: 'Users', sel_zero: 'none selected', sel_one: 'one selected', sel_other: '{{count}} selected', 'flat.key': 'Flat' }),
  'en/admin/deep/roles.json': json({ role: 'Role' }),
  'de/common.json': json({ title: 'Tolk', nav: { home: 'Start' }, files_zero: 'keine Dateien', files_one: 'eine Datei', files_other: '{{count}} Dateien', steps: ['Öffnen', ''] }),
  'de/admin/users.json': json({ heading: 'Benutzer', sel_zero: 'keiner ausgewählt', sel_one: 'einer ausgewählt', flat: { key: 'Flach' } }),
  'ru/common.json': json({ title: 'Толк', files_one: '{{count}} файл', files_few: '{{count}} файла', files_many: '{{count}} файлов', files_other: '{{count}} файла', by_author_and_other: '{{author}} и ещё один' }),
  'ru/admin/users.json': json({ sel_one: 'выбран {{count}}', sel_other: 'выбрано {{count}}' }),
  'ar/common.json': json({ files_zero: 'لا ملفات', files_two: 'ملفان', files_other: '{{count}} ملف' }),
  'zh/common.json': json({ title: '托尔克', files: '{{count}} 个文件' }),
}

type Counts = { total: number; translated: number }
type Lang = { keys: Counts; forms: Counts; units: Counts }

function check(args: string[]): Record<string, Lang> {
  const r = runCli(['check', ...args, '--format', 'json', '--min', '0'])
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout).languages
}

/** `tolk check --server` against the workbench serving `db` on a real port (read without a token). */
async function checkServer(db: string, args: string[]): Promise<Record<string, Lang>> {
  const server = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, publicRead: true, print: () => {} })
  try {
    const child = spawn(process.execPath, ['bin/tolk.js', 'check', '--server', server.url, ...args, '--format', 'json', '--min', '0'], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    await new Promise((resolve) => child.on('close', resolve))
    return JSON.parse(out).languages
  } finally {
    await server.close()
  }
}

describe('tolk check --db and --locales agree on one tree (keys and forms, #22.8 and #23.8)', () => {
  it('counts the same keys and forms per language (--server too), and export-locales writes the subfolders back byte for byte', async () => {
    const src = writeTree(TREE)
    const db = path.join(fresh(), 'tolk.sqlite')
    const imported = runCli(['import-locales', src, '--source', 'en', '--db', db, '--json'])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    const summary = JSON.parse(imported.stdout)
    expect(summary.namespaces.map((n: { namespace: string }) => n.namespace)).toEqual(['admin/deep/roles', 'admin/users', 'common'])
    expect(summary.warnings).toEqual([])

    // The database also holds the seed articles: only the tree's namespaces and languages are compared.
    const langs = ['--lang', 'ar,de,ru,zh']
    const files = check(['--locales', src, '--source', 'en', ...langs])
    const stored = check(['--db', db, 'common', resourceSetId('admin/users'), resourceSetId('admin/deep/roles'), ...langs])
    expect(Object.keys(stored).sort()).toEqual(Object.keys(files).sort())
    for (const lang of Object.keys(files)) {
      expect({ lang, keys: stored[lang]!.keys, forms: stored[lang]!.forms }).toEqual({ lang, keys: files[lang]!.keys, forms: files[lang]!.forms })
    }
    // The figures themselves: German counts two forms per group (its _zero is optional), Arabic
    // six, Chinese one; a key is a group as one.
    expect(files.de).toMatchObject({ keys: { total: 11, translated: 6 }, forms: { total: 13, translated: 8 } })
    expect(files.ar).toMatchObject({ keys: { total: 11, translated: 0 }, forms: { total: 21, translated: 3 } })
    expect(files.zh).toMatchObject({ keys: { total: 11, translated: 2 }, forms: { total: 11, translated: 2 } })
    // `units` keeps each source's own meaning: keys in a tree, each form a unit in the database.
    expect(files.de!.units).toEqual(files.de!.keys)
    expect(stored.de!.units).toEqual(stored.de!.forms)

    // A running workbench answers the same (its full report carries each set's plural shape).
    const served = await checkServer(db, ['common', resourceSetId('admin/users'), resourceSetId('admin/deep/roles'), ...langs])
    for (const lang of Object.keys(files)) {
      expect({ lang, keys: served[lang]!.keys, forms: served[lang]!.forms }).toEqual({ lang, keys: files[lang]!.keys, forms: files[lang]!.forms })
    }

    const out = fresh()
    const exported = runCli(['export-locales', out, '--db', db])
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)
    expect(fs.readFileSync(path.join(out, 'de/admin/users.json'), 'utf8')).toBe(TREE['de/admin/users.json'])
    const d = spawnSync('diff', ['-r', src, out])
    expect(d.stdout.toString()).toBe('')
    expect(d.status).toBe(0)
  })

  it('takes a namespace with folders wherever a command names an ARTICLE (its derived id)', () => {
    const src = writeTree({ 'en/admin/users.json': json({ title: 'Users' }), 'sv/admin/users.json': json({}) })
    const db = path.join(fresh(), 'tolk.sqlite')
    expect(runCli(['import-locales', src, '--source', 'en', '--db', db]).stdout).toContain(`admin/users (id ${resourceSetId('admin/users')})`)
    const t = runCli(['translate', 'admin/users', 'title', '--lang', 'sv', '--db', db, 'Användare'])
    expect(t.stderr).toBe('')
    expect(t.status).toBe(0)
    const report = JSON.parse(runCli(['report', 'admin/users', '--db', db, '--format', 'json']).stdout)
    expect(report.articles.map((a: { title: string }) => a.title)).toEqual(['admin/users'])
    expect(check(['--db', db, 'admin/users']).sv).toMatchObject({ keys: { total: 1, translated: 1 } })
    const bad = runCli(['report', 'admin/../x', '--db', db])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/invalid namespace/)
  })

  it('refuses a tree with a namespace that could not travel (a space, a backslash), writing nothing', () => {
    for (const bad of ['en/admin/my users.json', 'en/a\\b.json', `en/${'a/'.repeat(9)}x.json`]) {
      const src = writeTree({ 'en/common.json': json({ a: 'A' }), [bad]: json({ b: 'B' }), 'sv/common.json': json({ a: 'Ä' }) })
      const db = path.join(fresh(), 'tolk.sqlite')
      const r = runCli(['import-locales', src, '--source', 'en', '--db', db])
      expect(r.status, bad).toBe(2)
      expect(r.stderr, bad).toMatch(/cannot be imported/)
      expect(r.stderr.trim().split('\n'), bad).toHaveLength(1)
      expect(fs.existsSync(db), bad).toBe(false)
    }
  })
})
