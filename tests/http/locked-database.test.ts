import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createImporter } from '../../src/store/sqlite/import.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'
import { prepareImport } from '../../src/import/prepare-import.js'
import { ARTICLE, jsonBody, makeTestApp, tPath, type TestApp } from './_setup.js'

// Another process (a CLI import) holds SQLite's write lock while the service writes. The service
// runs as `tolk serve` does: busy timeout 0, so SQLite never blocks the event loop; a write that
// finds the lock retries off the request path and answers 503 with Retry-After after the window.
// The lock is held by a second connection in this process: were the event loop blocked in
// SQLite's busy handler, nothing else here could run until it gave up.

const lockers: Database.Database[] = []
afterEach(() => {
  for (const db of lockers.splice(0)) if (db.open) db.close()
})

/** A second connection holding the write lock (as `BEGIN IMMEDIATE` in a CLI import does). */
function holdWriteLock(file: string): { release: () => void } {
  const db = new Database(file)
  lockers.push(db)
  db.exec('BEGIN IMMEDIATE')
  return { release: () => db.exec('COMMIT') }
}

const served = (window: number) => makeTestApp({}, { busyTimeout: 0, busyWindowMs: window })

/** Track whether a request has answered yet. */
function pending(res: Promise<Response>): { settled: () => boolean; res: Promise<Response> } {
  let done = false
  void res.then(() => (done = true), () => (done = true))
  return { settled: () => done, res }
}

const put = (t: TestApp, text: string) => t.call(tPath(t.units[0]!), jsonBody('PUT', { text }, { 'If-Match': '"0"' }))

describe('a write while another process holds the write lock', () => {
  it('waits off the event loop: /healthz and reads answer meanwhile, and the write lands once the lock goes', async () => {
    const t = await served(10_000)
    const lock = holdWriteLock(t.file)
    const write = pending(put(t, 'Vädret är fint i dag.'))
    await new Promise((r) => setTimeout(r, 50))
    expect(write.settled()).toBe(false)
    const health = await t.call('/healthz', { as: undefined })
    expect(health.status).toBe(200)
    // A read does not wait on the writer either (WAL).
    expect((await t.call(tPath(t.units[1]!))).status).toBe(200)
    expect(write.settled()).toBe(false)
    lock.release()
    const res = await write.res
    expect(res.status).toBe(200)
    expect((await t.store.getTranslation(ARTICLE.id, t.units[0]!, 'sv')).text).toBe('Vädret är fint i dag.')
  })

  it('answers 503 with Retry-After (problem+json) once the lock outlasts the window, and writes nothing', async () => {
    const t = await served(150)
    const lock = holdWriteLock(t.file)
    const res = await put(t, 'Vädret är fint i dag.')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ status: 503, type: expect.stringMatching(/store-busy$/), detail: expect.stringMatching(/nothing was written/) })
    lock.release()
    expect((await t.store.getTranslation(ARTICLE.id, t.units[0]!, 'sv')).version).toBe(0)
    // Free again: the same write goes through.
    expect((await put(t, 'Vädret är fint i dag.')).status).toBe(200)
  })

  it('answers 503 for an article import and a saveMissing post too', async () => {
    const t = await served(100)
    const lock = holdWriteLock(t.file)
    const imp = await t.call('/api/articles', jsonBody('POST', { id: 'sv-general-02', tag: 'sv-general', lang: 'en', targets: ['sv'], text: 'A new text.' }))
    expect(imp.status).toBe(503)
    const missing = await t.call('/locales/add/en/app', jsonBody('POST', { 'nav.home': 'Home' }))
    expect(missing.status).toBe(503)
    lock.release()
    expect(await t.store.getArticle('sv-general-02')).toBeUndefined()
  })
})

describe('an import plans before its write transaction', () => {
  it('aligns while another connection holds the lock, and writes once it is free', async () => {
    const t = await served(10_000)
    const lock = holdWriteLock(t.file)
    const edited = { ...ARTICLE, text: ARTICLE.text.replace('Everyone is happy.', 'Everyone is very happy.') }
    const { input } = await prepareImport(edited)
    let done = false
    const importing = t.store.importArticle(input).then((s) => ((done = true), s))
    await t.call('/healthz', { as: undefined })
    expect(done).toBe(false)
    lock.release()
    const summary = await importing
    expect(summary).toMatchObject({ written: true, units: { stale: 1 } })
  })

  it('plans again under the lock when another import changed the article after its plan', async () => {
    const t = await served(2000)
    const db = openDatabase({ file: t.file })
    lockers.push(db)
    const importer = createImporter(db, () => new Date().toISOString())
    const first = (await prepareImport({ ...ARTICLE, text: `${ARTICLE.text}\nA new last line.\n` })).input
    const second = (await prepareImport({ ...ARTICLE, text: ARTICLE.text.replace('# Welcome', '# Welcome home') })).input
    const plan = importer.plan(second)
    // Another import lands between the plan and the write.
    importer.write(first, importer.plan(first))
    const summary = importer.write(second, plan)
    expect(summary).toMatchObject({ written: true, revision: 3 })
    const units = await t.store.listUnits(ARTICLE.id)
    expect(units.map((u) => u.source).join(' ')).toBe('# Welcome home The weather is fine today. We walk to the harbour. The boats are ready. Everyone is happy.')
    // The line the other import added is gone again: obsolete, kept for its history.
    expect((await t.store.listUnits(ARTICLE.id, { includeObsolete: true })).filter((u) => u.obsolete).map((u) => u.source)).toEqual(['A new last line.'])
  })
})

describe('tolk serve beside a process that holds the write lock', () => {
  it('keeps answering /healthz on a real port while a write waits, then answers that write 503', async () => {
    const { startServer } = await import('../../src/server.js')
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-locked-'))
    const lines: string[] = []
    const server = await startServer({ port: 0, host: '127.0.0.1', db: path.join(dir, 'tolk.sqlite'), quiet: true, busyWindowMs: 1500, print: (l) => lines.push(l) })
    try {
      const auth = { authorization: `Bearer ${lines.find((l) => l.startsWith('tolk_'))}` }
      const units = (await (await fetch(`${server.url}/api/articles/sv-general-01/units`, { headers: auth })).json()) as { units: { id: string }[] }
      const lock = holdWriteLock(path.join(dir, 'tolk.sqlite'))
      const write = pending(fetch(`${server.url}/api/articles/sv-general-01/units/${units.units[0]!.id}/translations/sv`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': '"0"' },
        body: JSON.stringify({ text: 'Toppmötet.' }),
      }))
      // A timer fires and /healthz is served while the write waits: the event loop is not held by
      // SQLite's busy handler (with a blocking busy timeout, neither could run before the write
      // had failed).
      await new Promise((r) => setTimeout(r, 50))
      expect(write.settled()).toBe(false)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      expect(write.settled()).toBe(false)
      const res = await write.res
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2') // the window, rounded up to seconds
      lock.release()
    } finally {
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("the editor's sessions while another process holds the write lock", () => {
  it('find a session without sliding it (no wait), and sign-in waits off the loop until the lock goes', async () => {
    const { openSqliteWebAuth } = await import('../../src/store/sqlite/sessions.js')
    const t = await served(10_000)
    const web = openSqliteWebAuth({ file: t.file, busyTimeout: 0 }, t.accounts)
    try {
      const { id, session } = await web.sessions.create('ana', new Date(Date.now() - 60_000))
      const lock = holdWriteLock(t.file)
      const found = await web.sessions.find(id)
      expect(found?.principal.account).toBe('ana')
      expect(found?.expiresAt).toBe(session.expiresAt) // not slid: that would need the lock
      let signedIn = false
      const creating = web.sessions.create('rev').then(() => (signedIn = true))
      await new Promise((r) => setTimeout(r, 50))
      expect(signedIn).toBe(false)
      lock.release()
      await creating
      expect(signedIn).toBe(true)
      expect((await web.sessions.find(id))?.expiresAt).not.toBe(session.expiresAt)
    } finally {
      await web.close()
    }
  })
})

describe('a lock error that escapes the store', () => {
  it('is answered 503 with Retry-After, never a generic 500 "database is locked"', async () => {
    const { createApp } = await import('../../src/http/app.js')
    const t = await served(100)
    const locked = { ...t.store, listArticles: () => Promise.reject(new Database.SqliteError('database is locked', 'SQLITE_BUSY')) }
    const app = createApp({ store: locked, accounts: t.accounts, log: false })
    const res = await app.request('/api/articles', { headers: { authorization: `Bearer ${t.tokens.boss}` } })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(((await res.json()) as { detail: string }).detail).toMatch(/busy with another writer \(an import\?\); nothing was written/)
  })
})
