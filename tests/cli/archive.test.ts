import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { runCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'tolk-archive-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

/** A database with two articles, one of them partly translated (made in-process: fewer spawns). */
async function database(): Promise<string> {
  const db = join(dir, `db-${++n}`, 'tolk.sqlite')
  const store = createSqliteStore({ file: db })
  const text = '# The guide\n\nThe river runs past the old mill. Children swim there in summer.\n'
  await importText(store, { id: 'en-guide-01', tag: 'en-guide', lang: 'en', targets: ['sv', 'de'], text })
  await importText(store, { id: 'en-guide-02', tag: 'en-guide', lang: 'en', targets: ['sv'], text })
  const [unit] = await store.listUnits('en-guide-01')
  await store.writeTranslation({ articleId: 'en-guide-01', unitId: unit!.id, lang: 'sv', text: 'Guiden', state: 'translated', author: 'ann' })
  await store.close()
  return db
}

const reportJson = (db: string) => runCli(['report', '--summary', '--format', 'json', '--db', db])
/** The test's articles in a report (a new database also holds the seeds). */
const guides = (report: { articles: { id: string }[] }) => report.articles.map((a) => a.id).filter((id) => id.startsWith('en-guide'))

describe('tolk archive and tolk restore', () => {
  it('have --help, naming each other, the API routes and the exit statuses', () => {
    for (const [verb, other, route] of [['archive', 'restore', 'DELETE /api/articles/ARTICLE'], ['restore', 'archive', 'POST /api/articles/ARTICLE/restore']] as const) {
      const r = runCli([verb, '--help'])
      expect(r.status).toBe(0)
      expect(r.stdout).toContain(`Usage: tolk ${verb} ARTICLE`)
      expect(r.stdout).toContain(`tolk ${other}`)
      expect(r.stdout).toContain(route)
      expect(r.stdout).toMatch(/Exit status: 0 .*, 1 .*\n?.*2 bad/s)
    }
    expect(runCli(['--help']).stdout).toMatch(/archive .*\n.*restore /)
  })

  it('exit 2 without an article, on an unknown one (archiving nothing), and on a missing database (creating none)', async () => {
    const db = await database()
    for (const verb of ['archive', 'restore']) {
      const none = runCli([verb, '--db', db])
      expect(none.status).toBe(2)
      expect(none.stderr).toMatch(new RegExp(`^tolk ${verb}: .*ARTICLE`))
      const unknown = runCli([verb, 'en-guide-01', 'en-guide-99', '--db', db])
      expect(unknown.status).toBe(2)
      expect(unknown.stderr).toContain('en-guide-99')
      const missing = join(dir, 'nowhere', 'tolk.sqlite')
      const r = runCli([verb, 'en-guide-01', '--db', missing])
      expect(r.status).toBe(2)
      expect(r.stderr).toContain(missing)
      expect(existsSync(missing)).toBe(false)
    }
    expect(runCli(['restore', '--list', '--db', db]).stdout).toBe('nothing is archived\n')
  })

  it('archive takes an article out of tolk report and tolk check --db; restore brings it back with the same figures', async () => {
    const db = await database()
    const before = JSON.parse(reportJson(db).stdout)
    expect(guides(before)).toEqual(['en-guide-01', 'en-guide-02'])

    const archived = runCli(['archive', 'en-guide-01', '--as', 'ann', '--db', db])
    expect(archived.status).toBe(0)
    expect(archived.stdout).toMatch(/^archived en-guide-01 \(article, \d+ units; targets sv, de\): tolk restore en-guide-01 brings it back\n$/)
    const during = JSON.parse(reportJson(db).stdout)
    expect(guides(during)).toEqual(['en-guide-02'])
    expect(during.articles.length).toBe(before.articles.length - 1)
    const check = JSON.parse(runCli(['check', '--db', db, '--format', 'json']).stdout)
    expect(JSON.stringify(check)).not.toContain('en-guide-01')
    const named = runCli(['report', 'en-guide-01', '--db', db])
    expect(named.status).toBe(2)
    expect(named.stderr).toContain('en-guide-01 is archived')
    expect(named.stderr).toContain('tolk restore en-guide-01')
    const list = runCli(['restore', '--list', '--db', db])
    expect(list.status).toBe(0)
    expect(list.stdout).toMatch(/^en-guide-01 {2}article {4}archived \S+ by ann\n$/)

    const again = runCli(['archive', 'en-guide-01', 'en-guide-02', '--db', db])
    expect(again.status).toBe(1)
    expect(again.stdout).toContain('en-guide-01 is archived already')
    expect(again.stdout).toContain('archived en-guide-02')
    expect(guides(JSON.parse(reportJson(db).stdout))).toEqual([])

    const restored = runCli(['restore', 'en-guide-01', 'en-guide-02', '--db', db])
    expect(restored.status).toBe(0)
    expect(restored.stdout).toMatch(/^restored en-guide-01 \(revision 1, \d+ units; targets sv, de\)\nrestored en-guide-02 /)
    expect(JSON.parse(reportJson(db).stdout)).toEqual(before)
    const twice = runCli(['restore', 'en-guide-01', '--db', db])
    expect(twice.status).toBe(1)
    expect(twice.stdout).toBe('en-guide-01 is not archived: nothing to restore\n')
  })

  it('refuses writes and re-imports of an archived article with exit 2 naming tolk restore', async () => {
    const db = await database()
    const unit = JSON.parse(runCli(['report', 'en-guide-01', '--format', 'json', '--db', db]).stdout).articles[0].languages.de.untranslated[0].id
    expect(runCli(['archive', 'en-guide-01', '--db', db]).status).toBe(0)
    const text = join(dir, 'again.md')
    writeFileSync(text, 'A new text.\n')
    for (const args of [
      ['translate', 'en-guide-01', unit, '--lang', 'de', 'Der Führer'],
      ['import', text, '--id', 'en-guide-01', '--tag', 'en-guide', '--lang', 'en', '--targets', 'sv'],
      ['import', text, '--id', 'en-guide-01'],
    ]) {
      const r = runCli([...args, '--db', db])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toContain('en-guide-01 is archived')
      expect(r.stderr, args.join(' ')).toContain('tolk restore en-guide-01')
    }
    expect(runCli(['restore', 'en-guide-01', '--db', db]).status).toBe(0)
    expect(runCli(['translate', 'en-guide-01', unit, '--lang', 'de', '--db', db, 'Der Führer']).status).toBe(0)
  })
})
