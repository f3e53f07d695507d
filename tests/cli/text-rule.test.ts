import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, seededDb } from './run-cli.js'
import { relistTextFaults } from '../store/_relist-text-faults.js'

// The CLI's write paths under the text rule, as real processes: one-line messages naming file and
// line, exit 2, nothing written; `tolk import DIR` skips the bad file and exits 1. And `tolk
// backup` refuses to "copy" the database onto itself.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-cli-rule-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0
const fresh = () => {
  const d = path.join(dir, `case-${++n}`)
  fs.mkdirSync(d, { recursive: true })
  return { d, db: path.join(d, 'tolk.sqlite') }
}

describe('text against the rule, through the CLI', () => {
  it('tolk import DIR refuses the bad file naming file and line, imports the others, exits 1', () => {
    const { d, db } = fresh()
    const articles = path.join(d, 'articles')
    fs.mkdirSync(articles)
    fs.writeFileSync(path.join(articles, 'sv-news-01.txt'), 'The first text.\n')
    fs.writeFileSync(path.join(articles, 'sv-news-02.txt'), 'The second text.\nIt rings\u0007 here.\n')
    fs.writeFileSync(path.join(articles, 'sv-news-03.txt'), 'The third text.\n')
    const r = runCli(['import', articles, '--lang', 'en', '--targets', 'sv', '--json', '--db', db])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toMatch(/skipped sv-news-02\.txt: .*sv-news-02\.txt holds a control character U\+0007 .*line 2, column 9/)
    const out = JSON.parse(r.stdout) as { imported: { article: string }[]; skipped: { file: string }[] }
    expect(out.imported.map((i) => i.article)).toEqual(['sv-news-01', 'sv-news-03'])
    expect(out.skipped.map((s) => s.file)).toEqual(['sv-news-02.txt'])
  })

  it('tolk import-translations refuses a PO file whose target has a control escape, naming file and line', () => {
    const { d, db } = fresh()
    const text = path.join(d, 'sv-news-01.txt')
    fs.writeFileSync(text, 'The weather is fine.\n')
    expect(runCli(['import', text, '--lang', 'en', '--targets', 'sv', '--db', db]).status).toBe(0)
    const exported = runCli(['export', 'sv-news-01', '--lang', 'sv', '--format', 'po', '--db', db])
    expect(exported.status, exported.stderr).toBe(0)
    const po = path.join(d, 'back.po')
    fs.writeFileSync(po, exported.stdout.replace(/msgstr ""\n*$/, 'msgstr "Vädret\\a är fint."\n'))
    const r = runCli(['import-translations', po, '--as', 'ann', '--db', db])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^tolk import-translations: .*back\.po: line \d+: the target of unit \w+ holds a control character U\+0007/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    const report = runCli(['report', '--db', db, '--format', 'json'])
    expect(report.stdout).not.toContain('Vädret')
  })

  it('tolk import-locales refuses a tree with one bad string whole, naming file and line', () => {
    const { d, db } = fresh()
    const tree = path.join(d, 'locales')
    fs.mkdirSync(path.join(tree, 'en'), { recursive: true })
    fs.mkdirSync(path.join(tree, 'sv'), { recursive: true })
    fs.writeFileSync(path.join(tree, 'en', 'app.json'), '{\n  "a": "A",\n  "b": "B"\n}\n')
    fs.writeFileSync(path.join(tree, 'sv', 'app.json'), '{\n  "a": "Ä",\n  "b": "\\u001b[31mB"\n}\n')
    const r = runCli(['import-locales', tree, '--source', 'en', '--db', db])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/sv\/app\.json:3: the string of "b" holds a control character U\+001B/)
    expect(runCli(['export-locales', path.join(d, 'out'), '--db', db]).stdout).not.toContain('app')
  })
})

describe('tolk text-faults', () => {
  it('lists the texts an older Tolk stored against the rule (exit 1), then none once rewritten (exit 0)', () => {
    const { d, db } = fresh()
    const text = path.join(d, 'sv-news-01.txt')
    fs.writeFileSync(text, 'The weather is fine.\n')
    expect(runCli(['import', text, '--lang', 'en', '--targets', 'sv', '--db', db]).status).toBe(0)
    const unit = (JSON.parse(runCli(['report', 'sv-news-01', '--db', db, '--format', 'json']).stdout) as { articles: { languages: { sv: { untranslated: { id: string }[] } } }[] }).articles[0]!.languages.sv.untranslated[0]!.id
    expect(runCli(['translate', 'sv-news-01', unit, '--lang', 'sv', '--as', 'ann', '--db', db, 'Vädret är fint.']).status).toBe(0)
    const raw = new Database(db)
    raw.prepare('UPDATE translations SET text = ?').run('Vädret\u0007 är fint.')
    relistTextFaults(raw)
    raw.close()
    const listed = runCli(['text-faults', '--db', db])
    expect(listed.status).toBe(1)
    expect(listed.stdout).toBe(`sv-news-01/${unit} sv (translation): holds a control character U+0007 (only tab and line breaks are accepted), at line 1, column 7\n`)
    expect(runCli(['translate', 'sv-news-01', unit, '--lang', 'sv', '--as', 'ann', '--db', db, 'Vädret är fint.']).status).toBe(0)
    expect(runCli(['text-faults', '--db', db])).toMatchObject({ status: 0, stdout: 'no stored text breaks the text rule\n' })
  })
})

describe('tolk backup onto the live database', () => {
  it('refuses the database file, a link to it and its -wal name, exit 2 with one line; writes a real copy elsewhere', async () => {
    const { d, db } = fresh()
    await seededDb(db)
    const link = path.join(d, 'link.sqlite')
    fs.symlinkSync(db, link)
    for (const target of [db, path.join(d, '.', 'tolk.sqlite'), link, `${db}-wal`]) {
      const r = runCli(['backup', target, '--force', '--db', db])
      expect(r.status, target).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^tolk backup: .* is the database itself .*\n$/)
    }
    const copy = path.join(d, 'copy.sqlite')
    const ok = runCli(['backup', copy, '--db', db])
    expect(ok.status).toBe(0)
    expect(fs.statSync(copy).size).toBeGreaterThan(0)
  })
})
