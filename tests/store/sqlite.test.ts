import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { segmentDocument } from '../../src/documents/index.js'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations/index.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'
import { SAMPLE, article } from './fixtures/articles.js'
import { CONTRACTS } from './_contracts.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-store-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0
const freshFile = () => path.join(dir, `db-${++n}`, 'tolk.sqlite')

// Each contract in a describe of its own: their hooks (a store made before each test, articles
// imported) then run for their own tests only, not for every test of the file (which made each
// test set up ten stores, and the suite ten times as slow).
describe('SQLite store', () => {
  const fresh = () => createSqliteStore({ file: freshFile() })
  for (const [name, contract] of CONTRACTS) describe(name, () => contract(fresh))
})

describe('SQLite specifics', () => {
  it('creates parent folders and opens in WAL mode with foreign keys on', () => {
    const db = openDatabase({ file: freshFile() })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    db.close()
  })

  it('refuses a database written by a newer schema, saying so', () => {
    const file = freshFile()
    openDatabase({ file }).close()
    const raw = new Database(file)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => createSqliteStore({ file })).toThrow(InvalidInput)
    expect(() => createSqliteStore({ file })).toThrow(
      `written by a newer Tolk (schema ${SCHEMA_VERSION + 1}, this one knows ${SCHEMA_VERSION}): upgrade Tolk`,
    )
  })

  it('keeps everything across close and reopen', async () => {
    const file = freshFile()
    const a = createSqliteStore({ file })
    await a.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    const [unit] = await a.listUnits('en-general-01')
    await a.writeTranslation({
      articleId: 'en-general-01', unitId: unit!.id, lang: 'sv', text: 'Ån', state: 'final', author: 'ann',
    })
    await a.close()
    const b = createSqliteStore({ file })
    expect((await b.getTranslation('en-general-01', unit!.id, 'sv')).version).toBe(1)
    expect((await b.coverage())[0]?.units.final).toBe(1)
    await b.close()
  })

  it('refuses a stale-version write from a second connection to the same file', async () => {
    const file = freshFile()
    const a = createSqliteStore({ file })
    const b = createSqliteStore({ file })
    await a.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    const [unit] = await b.listUnits('en-general-01')
    const write = (store: typeof a, text: string) =>
      store.writeTranslation({
        articleId: 'en-general-01',
        unitId: unit!.id,
        lang: 'sv',
        text,
        state: 'translated',
        author: 'x',
        ifVersion: 0,
      })
    await write(a, 'first')
    await expect(write(b, 'second')).rejects.toMatchObject({ current: { text: 'first', version: 1 } })
    expect((await b.coverage())[0]?.units.translated).toBe(1)
    await a.close()
    await b.close()
  })

  it('refuses deleting units or translations and rewriting history, even in plain SQL', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    await s.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    const [unit] = await s.listUnits('en-general-01')
    await s.writeTranslation({
      articleId: 'en-general-01', unitId: unit!.id, lang: 'sv', text: 'Ån', state: 'translated', author: 'a',
    })
    await s.close()
    const db = new Database(file)
    for (const sql of [
      'DELETE FROM units',
      'DELETE FROM translations',
      'DELETE FROM articles',
      'DELETE FROM history',
      "UPDATE history SET new_text = 'forged'",
      'DELETE FROM import_log',
      'UPDATE import_log SET kept = 0',
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/never deleted|append-only/)
    }
    db.close()
  })

  it('keeps the history of a database written before schema 9, and goes on appending to it', async () => {
    const file = freshFile()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    for (const m of MIGRATIONS.filter((m) => m.version <= 6)) {
      old.exec(m.sql)
      old.pragma(`user_version = ${m.version}`)
    }
    old.exec(`
      INSERT INTO articles (id, tag, lang, title, revision, targets, created_at, updated_at, lead, source)
        VALUES ('en-general-01', 'en-general', 'en', 'T', 1, '["sv","de"]', 't0', 't0', '', 'One. Two.');
      INSERT INTO units (article_id, id, position, block, kind, source, trailing, words, hash)
        VALUES ('en-general-01', 'u1', 1, 1, 'paragraph', 'One.', ' ', 1, 'h1'),
               ('en-general-01', 'u2', 2, 1, 'paragraph', 'Two.', '', 1, 'h2');
      INSERT INTO translations (article_id, unit_id, lang, text, state, version, author, updated_at, made_from)
        VALUES ('en-general-01', 'u1', 'sv', 'Ett!', 'reviewed', 2, 'bo', 't3', 'One.'),
               ('en-general-01', 'u1', 'de', 'Eins', 'translated', 1, 'ann', 't2', 'One.'),
               ('en-general-01', 'u2', 'sv', 'Två', 'translated', 1, 'ann', 't4', 'Two.');
      INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state, new_state, author, at)
        VALUES ('en-general-01', 'u1', 'sv', 1, NULL, 'Ett', 'initial', 'translated', 'ann', 't1'),
               ('en-general-01', 'u1', 'de', 1, NULL, 'Eins', 'initial', 'translated', 'ann', 't2'),
               ('en-general-01', 'u1', 'sv', 2, 'Ett', 'Ett!', 'translated', 'reviewed', 'bo', 't3'),
               ('en-general-01', 'u2', 'sv', 1, NULL, 'Två', 'initial', 'translated', 'ann', 't4');`)
    old.close()

    const s = createSqliteStore({ file })
    const entries = (h: Awaited<ReturnType<typeof s.history>>) => h.map((e) => [e.lang, e.version, e.newText])
    expect(entries(await s.history('en-general-01', 'u1'))).toEqual([
      ['sv', 1, 'Ett'],
      ['de', 1, 'Eins'],
      ['sv', 2, 'Ett!'],
    ])
    expect(entries(await s.history('en-general-01', 'u1', 'sv'))).toEqual([
      ['sv', 1, 'Ett'],
      ['sv', 2, 'Ett!'],
    ])
    expect(entries(await s.history('en-general-01', 'u2'))).toEqual([['sv', 1, 'Två']])
    await s.writeTranslation({
      articleId: 'en-general-01', unitId: 'u1', lang: 'sv', text: 'Ett.', state: 'final', author: 'bo', ifVersion: 2,
    })
    await s.writeTranslation({
      articleId: 'en-general-01', unitId: 'u2', lang: 'de', text: 'Zwei', state: 'translated', author: 'ann', ifVersion: 0,
    })
    expect(entries(await s.history('en-general-01', 'u1', 'sv'))).toEqual([
      ['sv', 1, 'Ett'],
      ['sv', 2, 'Ett!'],
      ['sv', 3, 'Ett.'],
    ])
    expect(entries(await s.history('en-general-01', 'u2'))).toEqual([
      ['sv', 1, 'Två'],
      ['de', 1, 'Zwei'],
    ])
    // Entries from before schema 11 say nothing of where their text came from.
    expect((await s.history('en-general-01', 'u1')).map((e) => e.origin)).toEqual([null, null, null, null])
    await s.close()
  })

  it('gives the units of documents imported before schema 20 their roles from the skeleton', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    const md = '# Title\n\n| A |\n| --- |\n| b |\n\n![A cat](cat.png)\n'
    const doc = segmentDocument(md, 'md', { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
    await s.importArticle({
      id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: 'Title', source: md, format: 'md', targets: ['sv'],
      segmented: { lead: doc.lead, units: doc.units }, ...(doc.skeleton ? { skeleton: doc.skeleton } : {}),
    })
    await s.close()
    // Back to schema 19 for what schema 20 made (the column gone, as a database of then had it),
    // then schema 20 alone run again as the store runs it; the later schemas' parts stay as they
    // are, and the version goes back to the newest, so no other migration runs twice.
    const old = new Database(file)
    old.exec('ALTER TABLE units DROP COLUMN role')
    old.transaction(() => old.exec(MIGRATIONS.find((m) => m.version === 20)!.sql)).immediate()
    old.pragma(`user_version = ${SCHEMA_VERSION}`)
    old.close()
    const again = createSqliteStore({ file })
    const page = await again.unitPage('en-docs-01', { limit: 10 })
    expect(page.rows.map((r) => [r.unit.source, r.unit.role])).toEqual([
      ['Title', 'heading'],
      ['A', 'table-cell'],
      ['b', 'table-cell'],
      ['A cat', 'alt'],
    ])
    await again.close()
  })

  it('brings a schema 22 database to schema 23 with its translations, history and counters as they were', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    await s.importArticle(article('en-general-01', SAMPLE, { targets: ['sv', 'de'] }))
    const ids = (await s.listUnits('en-general-01')).map((u) => u.id)
    const w = (unitId: string, lang: string, text: string, state: 'translated' | 'reviewed' | 'final') =>
      s.writeTranslation({ articleId: 'en-general-01', unitId, lang, text, state, author: 'ann' })
    await w(ids[0]!, 'sv', 'Floden', 'translated')
    await w(ids[1]!, 'sv', 'Floden rinner.', 'reviewed')
    await w(ids[2]!, 'de', 'Kinder.', 'final')
    await s.importArticle(article('en-general-01', SAMPLE.replace('old mill', 'old red mill')))
    const before = { coverage: await s.coverage(), sheet: await s.articleCoverage(), sv: await s.listTranslations('en-general-01', 'sv'), history: await s.history('en-general-01', ids[1]!) }
    await s.close()
    // Back to schema 22 for what schema 23 made (the history columns gone), then schema 23 alone
    // run again as the store runs it, in a transaction; the later schemas' parts stay as they are.
    const old = new Database(file)
    old.exec('ALTER TABLE history DROP COLUMN confirmation; ALTER TABLE history DROP COLUMN reason; ALTER TABLE history DROP COLUMN translator')
    old.transaction(() => old.exec(MIGRATIONS.find((m) => m.version === 23)!.sql)).immediate()
    old.pragma(`user_version = ${SCHEMA_VERSION}`)
    old.close()
    const again = createSqliteStore({ file })
    expect(await again.coverage()).toEqual(before.coverage)
    expect(await again.articleCoverage()).toEqual(before.sheet)
    expect(await again.listTranslations('en-general-01', 'sv')).toEqual(before.sv)
    expect(await again.history('en-general-01', ids[1]!)).toEqual(before.history)
    // The triggers are there again: a rejection counts, a delete is refused.
    await again.writeTranslation({ articleId: 'en-general-01', unitId: ids[0]!, lang: 'sv', text: 'Floden', state: 'rejected', reason: 'Ån', author: 'rita' })
    const [sv] = await again.coverage({ langs: ['sv'] })
    expect(sv?.units).toMatchObject({ translated: 0, reviewed: 1, rejected: 1, stale: 1 })
    await again.close()
    const raw = new Database(file)
    expect(() => raw.exec('DELETE FROM translations')).toThrow('translations are never deleted')
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('translations_no_delete', 'translations_count_insert', 'translations_count_update', 'units_count_update', 'text_faults_translation')").get()).toEqual({ n: 5 })
    raw.close()
  })

  it('leaves nothing of a write that fails half-way, and keeps the writes asked for beside it', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    await s.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    const [a, b, c] = (await s.listUnits('en-general-01')).map((u) => u.id)
    // A failure after the history entry is in: only a rollback of that write can undo it.
    const raw = new Database(file)
    raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON translations WHEN new.text = 'boom'
      BEGIN SELECT RAISE (ABORT, 'boom'); END`)
    raw.close()
    const write = (unitId: string, text: string) =>
      s.writeTranslation({ articleId: 'en-general-01', unitId, lang: 'sv', text, state: 'translated', author: 'a', ifVersion: 0 })
    const results = await Promise.allSettled([write(a!, 'one'), write(b!, 'boom'), write(c!, 'three')])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await s.history('en-general-01', b!)).toEqual([])
    expect((await s.getTranslation('en-general-01', b!, 'sv')).version).toBe(0)
    expect((await s.history('en-general-01', c!)).map((h) => h.newText)).toEqual(['three'])
    const [sv] = await s.coverage({ articles: ['en-general-01'] })
    expect(sv?.units.translated).toBe(2)
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(2)
    db.close()
    await s.close()
  })

  it('leaves the previous revision intact when a process is killed in the middle of an import', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    await s.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    const before = await s.listUnits('en-general-01', { includeObsolete: true })
    await s.close()

    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'kill-mid-import.mjs'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('mid-import')) resolve()
      })
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)))
    })
    // The child's uncommitted pages are already in the WAL file; the kill leaves them there.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)
    const exited = new Promise((resolve) => child.on('exit', (_c, signal) => resolve(signal)))
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')

    const after = createSqliteStore({ file })
    expect((await after.getArticle('en-general-01'))?.revision).toBe(1)
    expect(await after.listUnits('en-general-01', { includeObsolete: true })).toEqual(before)
    const again = await after.importArticle(article('en-general-01', SAMPLE))
    expect(again).toMatchObject({ revision: 1, written: false })
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
    await after.close()
  })

  it('backs up a consistent copy while another connection writes', async () => {
    const file = freshFile()
    const s = createSqliteStore({ file })
    // Enough pages that the copy takes a while: 200 articles of 20 sentences.
    for (let i = 1; i <= 200; i++) {
      const text = Array.from({ length: 20 }, (_, k) => `Sentence ${k} of article ${i} is here.`).join(' ')
      await s.importArticle(article(`en-general-${i}`, text, { targets: ['sv'] }))
    }
    const other = createSqliteStore({ file })
    const units = await other.listUnits('en-general-1')
    let writes = 0
    let writing = true
    const writer = (async () => {
      while (writing) {
        await other.writeTranslation({
          articleId: 'en-general-1', unitId: units[writes % units.length]!.id, lang: 'sv',
          text: `v${writes}`, state: 'translated', author: 'w',
        })
        writes++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const copy = path.join(dir, 'backups', 'copy.sqlite')
    await s.backup(copy)
    writing = false
    await writer
    expect(writes).toBeGreaterThan(0)

    const restored = createSqliteStore({ file: copy })
    expect(await restored.listArticles()).toHaveLength(200)
    const [cov] = await restored.coverage({ articles: ['en-general-1'] })
    const history = (
      await Promise.all(units.map((u) => restored.history('en-general-1', u.id, 'sv')))
    ).flat()
    // Consistent: the counters agree with the rows the copy holds, whatever moment it caught.
    const written = (await restored.listTranslations('en-general-1', 'sv')).filter((t) => t.version > 0)
    expect(cov?.units.translated).toBe(written.length)
    expect(history.length).toBe(written.reduce((sum, t) => sum + t.version, 0))
    const db = new Database(copy, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
    await restored.close()
    await other.close()
    await s.close()
  })
})
