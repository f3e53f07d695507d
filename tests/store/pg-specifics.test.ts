import { afterEach, expect, it } from 'vitest'
import { CodeMismatch } from '../../src/codes/index.js'
import { segmentDocument } from '../../src/documents/index.js'
import { InvalidInput } from '../../src/model/errors.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createPgStore, openPgStore } from '../../src/store/pg/create-pg-store.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { openStore } from '../../src/store/open-store.js'
import { PRESENCE_LOCK } from '../../src/store/pg/events.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { createPgTranslationOps } from '../../src/store/pg/translations.js'
import type { Store, TranslationEvent } from '../../src/store/types.js'
import { describeWith } from '../tools/need.js'
import { freshPgUrl } from './_pg.js'
import { SAMPLE, article } from './fixtures/articles.js'
import { tally, zeroCounts } from './_recount.js'

const ID = 'en-general-01'

// What only a server database shows: several connections (servers) on one database at once.
describeWith(['postgres'], 'PostgreSQL specifics', () => {
  const open: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const s of open.splice(0).reverse()) await s.close()
  })
  /** A store (a server) and its units, on a database that `url` names, fresh when not given. */
  async function server(url?: string): Promise<{ store: Store; url: string; units: string[] }> {
    const at = url ?? (await freshPgUrl())
    const store = await openPgStore({ url: at })
    open.push(store)
    if (!url) await store.importArticle(article(ID, SAMPLE, { targets: ['sv', 'de'] }))
    return { store, url: at, units: (await store.listUnits(ID)).map((u) => u.id) }
  }

  /** A store on a fresh database whose pool has `max` connections, and that pool. */
  async function pooled(max: number): Promise<{ url: string; pool: ReturnType<typeof createPgPool>; store: Store }> {
    const url = await freshPgUrl()
    const pool = createPgPool(url, { max })
    await migratePg(pool, url)
    const store = createPgStore(pool, { url })
    open.push(store)
    return { url, pool, store }
  }
  const ships = (n: number) => Array.from({ length: n }, (_, i) => `Ship number ${i} sailed at dawn.`).join(' ')

  /** The events of the document after `after`, asked again until `n` have come (a transaction elsewhere on the cluster may hold them back a moment). */
  async function eventsUntil(store: Store, after: number, n: number): Promise<TranslationEvent[]> {
    let got: TranslationEvent[] = []
    for (let i = 0; i < 200 && got.length < n; i++) {
      got = [...got, ...(await store.translationEvents(ID, 'sv', got.at(-1)?.id ?? after, 100))]
      if (got.length < n) await new Promise((r) => setTimeout(r, 25))
    }
    return got
  }

  it('never lets a live stream skip a write committed after a later one: event ids follow commit order, not sequence order', async () => {
    const { store, url, units } = await server()
    const raw = createPgPool(url)
    open.push({ close: () => raw.end() })
    const ops = createPgTranslationOps(() => new Date().toISOString())
    const [first, second] = [await raw.connect(), await raw.connect()]
    try {
      // The first transaction takes the lower history seq, the second the higher, and commits first.
      // (Other states, so the two do not wait for each other on one coverage counter row.)
      await first.query('BEGIN')
      await ops.write(first, { articleId: ID, unitId: units[0]!, lang: 'sv', text: 'Först', state: 'translated', author: 'ann' })
      await second.query('BEGIN')
      await ops.write(second, { articleId: ID, unitId: units[1]!, lang: 'sv', text: 'Sedan', state: 'final', author: 'bo' })
      await second.query('COMMIT')
      // A stream reading now must not hand out the second write's id while the first is open.
      const early = await store.translationEvents(ID, 'sv', 0, 100)
      const cursor = early.at(-1)?.id ?? 0
      await first.query('COMMIT')
      const all = [...early, ...(await eventsUntil(store, cursor, 2 - early.length))]
      expect(all.map((e) => e.text).sort()).toEqual(['Först', 'Sedan'])
      expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((x, y) => x - y))
      expect(new Set(all.map((e) => e.id)).size).toBe(2)
      expect(await store.lastEventId()).toBe(all.at(-1)!.id)
    } finally {
      first.release()
      second.release()
    }
  })

  it('gives every server the events of every other, in one order, and resumes after an id', async () => {
    const a = await server()
    const b = await server(a.url)
    await a.store.writeTranslation({ articleId: ID, unitId: a.units[0]!, lang: 'sv', text: 'A1', state: 'translated', author: 'ann' })
    await b.store.writeTranslation({ articleId: ID, unitId: a.units[1]!, lang: 'sv', text: 'B1', state: 'translated', author: 'bo' })
    await a.store.writeTranslation({ articleId: ID, unitId: a.units[2]!, lang: 'de', text: 'A2', state: 'translated', author: 'ann' })
    const seenByA = await eventsUntil(a.store, 0, 2)
    const seenByB = await eventsUntil(b.store, 0, 2)
    expect(seenByA).toEqual(seenByB)
    expect(seenByA.map((e) => e.text)).toEqual(['A1', 'B1'])
    expect(await b.store.translationEvents(ID, 'sv', seenByA[0]!.id, 10)).toEqual(seenByA.slice(1))
  })

  it('loses no update across servers: of many writers from one version, one wins and the rest are refused', async () => {
    const a = await server()
    const b = await server(a.url)
    const unitId = a.units[1]!
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).store.writeTranslation({ articleId: ID, unitId, lang: 'sv', text: `w${i}`, state: 'translated', author: `u${i}`, ifVersion: 0 }),
      ),
    )
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'version-conflict' })
    const history = await b.store.history(ID, unitId)
    expect(history.map((h) => h.newText)).toEqual([(won[0] as PromiseFulfilledResult<{ text: string }>).value.text])
  })

  it('keeps every unconditional write from many servers at once, each a version of its own', async () => {
    const a = await server()
    const b = await server(a.url)
    const unitId = a.units[2]!
    const written = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? a : b).store.writeTranslation({ articleId: ID, unitId, lang: 'de', text: `w${i}`, state: 'translated', author: 'x' }),
      ),
    )
    expect(written.map((t) => t.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    const history = await a.store.history(ID, unitId, 'de')
    expect(history.map((h) => h.version)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    // Each entry's old text is the text of the entry before: no write was made from a stale read.
    expect(history.slice(1).map((h) => h.oldText)).toEqual(history.slice(0, -1).map((h) => h.newText))
    expect((await a.store.coverage({ articles: [ID], langs: ['de'] }))[0]?.units.translated).toBe(1)
  })

  it('leaves nothing of a write that fails half-way, in the database itself', async () => {
    const { store, url, units } = await server()
    const raw = createPgPool(url)
    open.push({ close: () => raw.end() })
    // A failure after the history entry's CTE ran: only the statement's atomicity can undo it.
    await raw.query(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF new.text = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN new; END $$;
      CREATE TRIGGER boom BEFORE INSERT ON translations FOR EACH ROW EXECUTE FUNCTION boom();`)
    await expect(store.writeTranslation({ articleId: ID, unitId: units[1]!, lang: 'sv', text: 'boom', state: 'translated', author: 'a' })).rejects.toThrow('boom')
    expect(await store.history(ID, units[1]!)).toEqual([])
    expect((await store.getTranslation(ID, units[1]!, 'sv')).version).toBe(0)
    expect((await store.coverage({ articles: [ID], langs: ['sv'] }))[0]?.units.translated).toBe(0)
    expect((await raw.query('SELECT count(*) AS n FROM history')).rows).toEqual([{ n: 0 }])
  })

  it('keeps everything across close and reopen', async () => {
    const { store, url, units } = await server()
    await store.writeTranslation({ articleId: ID, unitId: units[0]!, lang: 'sv', text: 'Ån', state: 'final', author: 'ann' })
    await store.close()
    const again = await server(url)
    expect((await again.store.getTranslation(ID, units[0]!, 'sv')).version).toBe(1)
    expect((await again.store.coverage({ articles: [ID], langs: ['sv'] }))[0]?.units.final).toBe(1)
  })

  it('refuses tolk backup, showing the pg_dump command without the password', async () => {
    const { store } = await server()
    const err = await store.backup('/tmp/tolk.dump').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InvalidInput)
    expect((err as Error).message).toMatch(/back it up with pg_dump: pg_dump --format=custom --file=\/tmp\/tolk\.dump 'postgres(ql)?:\/\//)
  })

  it('writes a translation in one round trip: one statement checks, updates and appends the history', async () => {
    const { url, units } = await server()
    const pool = createPgPool(url)
    await migratePg(pool, url)
    const store = createPgStore(pool, { url })
    open.push(store)
    const sent: string[] = []
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown
    ;(pool as { query: unknown }).query = (...args: unknown[]) => {
      sent.push(String(args[0]).slice(0, 40))
      return query(...args)
    }
    const w = { articleId: ID, unitId: units[0]!, lang: 'sv', text: 'Floden', state: 'translated' as const, author: 'ann' }
    expect((await store.writeTranslation({ ...w, ifVersion: 0 })).version).toBe(1)
    expect((await store.writeTranslation({ ...w, text: 'Ån', ifVersion: 1 })).version).toBe(2)
    expect(sent).toHaveLength(2)
    sent.length = 0
    await expect(store.writeTranslation({ ...w, ifVersion: 1 })).rejects.toMatchObject({ code: 'version-conflict' })
    expect(sent).toHaveLength(1)
    expect((await store.history(ID, units[0]!)).map((h) => [h.version, h.oldText, h.newText])).toEqual([
      [1, null, 'Floden'],
      [2, 'Floden', 'Ån'],
    ])
  })

  it('clears a text fault of a rewritten translation in the write itself, calling no trigger function; other updates of the text clear it by trigger', async () => {
    const { url, units } = await server()
    const pool = createPgPool(url, { max: 1 })
    const ops = createPgTranslationOps(() => new Date().toISOString())
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      // Counted by this backend (pg_stat_xact_user_functions: its counts not yet reported).
      await client.query(`SET LOCAL track_functions = 'pl'`)
      const w = { articleId: ID, unitId: units[0]!, lang: 'sv', text: 'Floden', state: 'translated' as const, author: 'ann' }
      await ops.write(client, { ...w, ifVersion: 0 })
      const fault = (unit: string) =>
        client.query(`INSERT INTO text_faults (article_id, unit_id, lang, what, problem) VALUES ($1, $2, 'sv', 'translation', 'a control character')`, [ID, unit])
      const faults = async () => (await client.query<{ unit_id: string }>('SELECT unit_id FROM text_faults ORDER BY unit_id')).rows.map((r) => r.unit_id)
      const calls = async () => (await client.query<{ n: number }>('SELECT coalesce(sum(calls), 0)::integer AS n FROM pg_stat_xact_user_functions')).rows[0]!.n
      await fault(units[0]!)
      const before = await calls()
      // The same text again clears nothing (it would break the rule again); a new one clears it.
      await ops.write(client, { ...w, ifVersion: 1, state: 'reviewed' })
      expect(await faults()).toEqual([units[0]])
      await ops.write(client, { ...w, text: 'Ån', ifVersion: 2, state: 'reviewed' })
      expect(await faults()).toEqual([])
      // Neither write that kept its state and stale flag called a function; the review (a state change) called the counters'.
      expect(await calls()).toBe(before + 1)
      // In a transaction of its own: the versioned write's mark lasts to the end of its transaction.
      await client.query('COMMIT')
      await client.query('BEGIN')
      await client.query(`SET LOCAL track_functions = 'pl'`)
      await fault(units[0]!)
      const rawBefore = await calls()
      await client.query(`UPDATE translations SET text = 'Älven' WHERE article_id = $1 AND unit_id = $2 AND lang = 'sv'`, [ID, units[0]])
      expect(await faults()).toEqual([])
      expect(await calls()).toBe(rawBefore + 1)
    } finally {
      await client.query('ROLLBACK')
      client.release()
      await pool.end()
    }
  })

  it('sends writes that wait for a connection together, one statement and one commit, each answered as if sent alone', async () => {
    const { pool, store } = await pooled(2)
    await store.importArticle(article('en-news-01', ships(20), { targets: ['sv', 'de'] }))
    const units = (await store.listUnits('en-news-01')).map((u) => u.id)
    await store.writeTranslation({ articleId: 'en-news-01', unitId: units[0]!, lang: 'sv', text: 'Skepp', state: 'translated', author: 'ann' })
    const sent: string[] = []
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown
    ;(pool as { query: unknown }).query = (...args: unknown[]) => {
      sent.push((args[0] as { name?: string }).name ?? 'other')
      return query(...args)
    }
    const w = (unit: string, lang: string, text: string, extra: object = {}) => ({ articleId: 'en-news-01', unitId: unit, lang, text, state: 'translated' as const, author: 'bo', ...extra })
    // 40 at once on 2 connections: new translations, a rewrite of a version read, and among them
    // a lost race (a stale version), a language that is no target and a unit that does not exist.
    const writes = [
      ...units.slice(1).map((u) => w(u, 'sv', `Skepp ${u}`)),
      ...units.slice(1).map((u) => w(u, 'de', `Schiff ${u}`, { ifVersion: 0 })),
      w(units[0]!, 'sv', 'Skeppet', { ifVersion: 1 }),
      w(units[0]!, 'de', 'Schiff', { ifVersion: 3 }),
      w(units[0]!, 'fi', 'Laiva'),
      w('no-such-unit', 'sv', 'Inget'),
    ]
    const answers = await Promise.allSettled(writes.map((x) => store.writeTranslation(x)))
    const made = answers.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ version: number; text: string }>).value)
    expect(made).toHaveLength(writes.length - 3)
    expect(made.find((t) => t.text === 'Skeppet')?.version).toBe(2)
    const refused = answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason as { code?: string })
    expect(refused.map((e) => e.code).sort()).toEqual(['not-a-target', 'unknown-unit', 'version-conflict'])
    // Fewer statements than writes: those that waited went together (the refused ran again alone).
    const batches = sent.filter((n) => n === 'tolk-write-batch').length
    expect(batches).toBeGreaterThan(0)
    expect(sent.filter((n) => n.startsWith('tolk-write')).length).toBeLessThan(writes.length - 10)
    // Each made write is one version in the history, and the counters equal a recount.
    for (const t of made) expect(t.version).toBeGreaterThanOrEqual(1)
    const history = await Promise.all(units.map((u) => store.history('en-news-01', u)))
    expect(history.flat()).toHaveLength(made.length + 1)
    const [sv, de] = await store.coverage({ articles: ['en-news-01'], langs: ['sv', 'de'] })
    expect(sv!.units.translated).toBe(units.length)
    expect(de!.units.translated).toBe(units.length - 1)
  })

  it('stores what writes sent together say as SQLite stores them sent one by one: texts, states, origins, stale, history', async () => {
    // One connection: every write after the first waits, and goes in a batch.
    const { pool, store: pgStore } = await pooled(1)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-batch-'))
    const lite = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
    open.push({ close: async () => { await lite.close(); fs.rmSync(dir, { recursive: true, force: true }) } })
    for (const s of [pgStore, lite]) await s.importArticle(article('en-news-01', ships(6), { targets: ['sv', 'de'] }))
    const units = (await lite.listUnits('en-news-01')).map((u) => u.id)
    const first = { articleId: 'en-news-01', unitId: units[0]!, lang: 'de', text: 'Schiff', state: 'translated' as const, author: 'ann' }
    for (const s of [pgStore, lite]) await s.writeTranslation(first)
    const w = (i: number, lang: string, extra: object) => ({ articleId: 'en-news-01', unitId: units[i]!, lang, text: `Skepp ${i}`, state: 'translated' as const, author: 'bo', ...extra })
    const writes = [
      w(0, 'sv', { origin: { kind: 'memory', score: 87 } }),
      w(1, 'sv', { origin: { kind: 'mt', engine: 'apertium' } }),
      w(2, 'sv', { origin: { kind: 'mt', engine: 'apertium', edited: true } }),
      w(3, 'sv', { origin: { kind: 'aligned', confidence: 0.912 } }),
      w(4, 'sv', { state: 'reviewed' }),
      w(5, 'sv', { state: 'final', text: '' }),
      { ...first, text: 'Das Schiff', state: 'reviewed' as const, ifVersion: 1, author: 'cy' },
      w(1, 'de', { ifVersion: 0, origin: { kind: 'memory', score: 101, edited: true } }),
      // An undo's: made from an older source, so stale from its first version.
      w(3, 'de', { madeFrom: 'Ship number 3 sailed at noon.' }),
    ]
    const names: string[] = []
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown
    ;(pool as { query: unknown }).query = (...args: unknown[]) => {
      names.push((args[0] as { name?: string }).name ?? 'other')
      return query(...args)
    }
    const sent = await Promise.allSettled(writes.map((x) => pgStore.writeTranslation(x)))
    expect(names.filter((n) => n === 'tolk-write-batch')).toHaveLength(1)
    const one: PromiseSettledResult<unknown>[] = []
    for (const x of writes) one.push(await lite.writeTranslation(x).then((value) => ({ status: 'fulfilled' as const, value }), (reason) => ({ status: 'rejected' as const, reason })))
    const plain = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? { ...(r.value as object), updatedAt: 'at' } : { refused: (r.reason as { code?: string }).code })
    expect(sent.map(plain)).toEqual(one.map(plain))
    const history = (s: Store) => Promise.all(units.map((u) => s.history('en-news-01', u))).then((hs) => hs.flat().map((h) => ({ ...h, at: 'at' })))
    expect(await history(pgStore)).toEqual(await history(lite))
    expect(await pgStore.coverage({ articles: ['en-news-01'] })).toEqual(await lite.coverage({ articles: ['en-news-01'] }))
  })

  it('keeps an article\'s counters right when its writes in two languages go in batches, one batch of it at a time', async () => {
    // Two batches of one article at once, moving sv then de and de then sv, would lock its
    // counter rows in opposite orders (two servers' batches did: 1–2 deadlocks in 4 such rounds).
    const { pool, store } = await pooled(4)
    await store.importArticle(article('en-news-01', ships(40), { targets: ['sv', 'de'] }))
    const units = (await store.listUnits('en-news-01')).map((u) => u.id).sort()
    let running = 0
    let most = 0
    const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<unknown>
    ;(pool as { query: unknown }).query = async (...args: unknown[]) => {
      const batch = (args[0] as { name?: string }).name === 'tolk-write-batch'
      if (batch) most = Math.max(most, ++running)
      try {
        return await query(...args)
      } finally {
        if (batch) running--
      }
    }
    const write = (unit: string, lang: string) => store.writeTranslation({ articleId: 'en-news-01', unitId: unit, lang, text: `Skepp ${unit}`, state: 'translated', author: 'bo' })
    for (let round = 0; round < 4; round++) {
      const mine = units.slice(round * 10, round * 10 + 10)
      await Promise.all([
        ...mine.slice(0, 5).map((u) => write(u, 'sv')), ...mine.slice(5).map((u) => write(u, 'de')),
        ...mine.slice(0, 5).map((u) => write(u, 'de')), ...mine.slice(5).map((u) => write(u, 'sv')),
      ])
    }
    expect(most).toBe(1)
    const [sv, de] = await store.coverage({ articles: ['en-news-01'], langs: ['sv', 'de'] })
    expect([sv!.units.translated, de!.units.translated]).toEqual([40, 40])
  })

  it('sends a text with codes alone, beside the batches, and checks its codes as alone', async () => {
    const { pool, store } = await pooled(2)
    const md = Array.from({ length: 12 }, (_, i) => `Read [guide ${i}](https://example.org/${i}) today.`).join('\n\n') + '\n'
    const doc = segmentDocument(md, 'md', { articleId: 'en-docs-01', tag: 'en-docs', lang: 'en' })
    await store.importArticle({ id: 'en-docs-01', tag: 'en-docs', lang: 'en', title: '', source: md, segmented: { lead: doc.lead, units: doc.units }, format: 'md', skeleton: doc.skeleton!, targets: ['sv'] })
    const units = await store.listUnits('en-docs-01')
    const names: string[] = []
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown
    ;(pool as { query: unknown }).query = (...args: unknown[]) => {
      names.push((args[0] as { name?: string }).name ?? 'other')
      return query(...args)
    }
    // Each unit is "Read ⟦1⟧guide N⟦/1⟧ today.": its codes kept, or (the last) dropped.
    const answers = await Promise.allSettled(
      units.map((u, i) => store.writeTranslation({ articleId: 'en-docs-01', unitId: u.id, lang: 'sv', text: i < units.length - 1 ? u.source.replace('Read', 'Läs').replace('today', 'i dag') : 'Läs i dag.', state: 'translated', author: 'bo' })),
    )
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(units.length - 1)
    expect((answers.at(-1) as PromiseRejectedResult).reason).toBeInstanceOf(CodeMismatch)
    // Alone: WRITE, then WRITE again with the source its codes were checked against; no batch.
    expect(names.filter((n) => n === 'tolk-write-batch')).toEqual([])
    expect(names.filter((n) => n === 'tolk-write-translation')).toHaveLength(2 * units.length - 1)
  })

  it('lets a write stuck behind a lock hold up writes of its own article only', async () => {
    const { url, store } = await pooled(4)
    for (const id of ['en-news-01', 'en-news-02']) await store.importArticle(article(id, ships(8), { targets: ['sv'] }))
    const units = (await store.listUnits('en-news-01')).map((u) => u.id)
    const otherUnits = (await store.listUnits('en-news-02')).map((u) => u.id)
    // An import of en-news-01 in flight elsewhere: its units locked until it commits.
    const raw = createPgPool(url)
    open.push({ close: () => raw.end() })
    const other = await raw.connect()
    try {
      await other.query('BEGIN')
      await other.query(`SELECT 1 FROM units WHERE article_id = 'en-news-01' FOR UPDATE`)
      const stuck = units.map((u) => store.writeTranslation({ articleId: 'en-news-01', unitId: u, lang: 'sv', text: `Skepp ${u}`, state: 'translated', author: 'bo' }))
      let stuckDone = 0
      for (const p of stuck) void p.then(() => stuckDone++, () => {})
      const others = await Promise.all(
        otherUnits.map((u) => store.writeTranslation({ articleId: 'en-news-02', unitId: u, lang: 'sv', text: `Skepp ${u}`, state: 'translated', author: 'bo' })),
      )
      expect(others.map((t) => t.version)).toEqual(otherUnits.map(() => 1))
      expect(stuckDone).toBe(0)
      await other.query('COMMIT')
      expect((await Promise.all(stuck)).map((t) => t.version)).toEqual(units.map(() => 1))
    } finally {
      other.release()
    }
  })

  it('writes the pending units as the same JSON text as SQLite, byte for byte, whatever the text holds', async () => {
    const text = 'Quotes " and \\ backslash.\tTab here! Ünïcödé ✓ 😀 and \u2028 a line separator.\nA new line, \u00a0nbsp and a ¿question?\n'
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-pg-json-'))
    const lite = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
    open.push({ close: async () => { await lite.close(); fs.rmSync(dir, { recursive: true, force: true }) } })
    const pgStore = (await server()).store
    for (const s of [lite, pgStore]) await s.importArticle(article('en-general-02', text, { targets: ['sv', 'de'] }))
    const first = (await lite.listUnits('en-general-02'))[0]!.id
    for (const s of [lite, pgStore]) {
      await s.writeTranslation({ articleId: 'en-general-02', unitId: first, lang: 'sv', text: 'Citat', state: 'translated', author: 'ann' })
      await s.importArticle(article('en-general-02', text.replace('Quotes', 'Quoted'), { targets: ['sv', 'de'] }))
    }
    const [mine, theirs] = await Promise.all([pgStore, lite].map((s) => s.pendingUnitsJson('en-general-02', ['sv', 'de'])))
    expect(mine).toEqual(theirs)
    expect(mine![0]!.stale).toContain('\\"')
    const pages = await Promise.all([pgStore, lite].map((s) => s.pendingUnitsJsonPage('en-general-02', 'de', 'untranslated', 0, 2)))
    expect(pages[0]).toEqual(pages[1])
  })

  it('never lets a presence stream skip a report committed after a later one', async () => {
    const { store, url, units } = await server()
    const raw = createPgPool(url)
    open.push({ close: () => raw.end() })
    const other = await raw.connect()
    try {
      // A report in flight on another server: its seq taken, not yet committed.
      await other.query('BEGIN')
      await other.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [PRESENCE_LOCK])
      await other.query(`INSERT INTO presence (article_id, lang, account, unit_id, typing, seen_at, seq)
        VALUES ($1, 'sv', 'ann', $2, false, now(), nextval('presence_seq_seq'))`, [ID, units[0]])
      const later = store.reportPresence({ articleId: ID, lang: 'sv', user: 'bo', unit: units[1]!, typing: true })
      await new Promise((r) => setTimeout(r, 300))
      const early = await store.presenceAfter(ID, 'sv', 0)
      const cursor = early.at(-1)?.seq ?? 0
      await other.query('COMMIT')
      await later
      const all = [...early, ...(await store.presenceAfter(ID, 'sv', cursor))]
      expect(all.map((p) => p.user).sort()).toEqual(['ann', 'bo'])
      expect(await store.lastPresenceSeq()).toBe(all.at(-1)!.seq)
    } finally {
      other.release()
    }
  })

  it('keeps the counters exact while servers import and write one article at once', async () => {
    const a = await server()
    const b = await server(a.url)
    const states = ['translated', 'reviewed', 'final', 'initial'] as const
    const texts = [SAMPLE.replace('Children swim there in summer!', 'Children swim there every summer!'), SAMPLE, SAMPLE.replace(' Who built the mill?', '')]
    // Rounds of imports (units turning obsolete, live again, stale) beside writes moving states.
    for (let round = 0; round < 6; round++) {
      await Promise.all([
        ...texts.map((text, i) => ((i + round) % 2 ? a : b).store.importArticle(article(ID, texts[(i + round) % texts.length]!))),
        ...Array.from({ length: 24 }, async (_, i) => {
          const s = (i % 2 ? a : b).store
          const units = await s.listUnits(ID, { includeObsolete: true })
          const unit = units[(i + round) % units.length]!
          const state = states[(i + round) % states.length]!
          // A unit an import has removed refuses the write; nothing else may fail.
          await s.writeTranslation({ articleId: ID, unitId: unit.id, lang: i % 3 ? 'sv' : 'de', text: state === 'initial' ? '' : `t${i}`, state, author: 'x' })
            .catch((err: { code?: string }) => expect(err.code).toBe('unknown-unit'))
        }),
      ])
    }
    const units = await a.store.listUnits(ID)
    const recount = await Promise.all(['sv', 'de'].map(async (lang) => {
      const c = zeroCounts(ID, lang)
      const ts = await a.store.listTranslations(ID, lang)
      units.forEach((u, i) => tally(c, ts[i]!, u.words))
      return c
    }))
    expect(await b.store.coverage({ articles: [ID] })).toEqual(recount)
  })

  it('is what --db opens for a postgres:// URL, and a second opening finds the same workbench', async () => {
    const { url, units } = await server()
    const store = await openStore(url, { mustExist: true })
    open.push(store)
    expect((await store.listUnits(ID)).map((u) => u.id)).toEqual(units)
    await expect(openStore((await freshPgUrl()), { mustExist: true })).rejects.toThrow('is not a Tolk database')
  })

  it('makes a write racing an import of a new source from the new source, as if one ran after the other', async () => {
    const { store, url, units } = await server()
    const raw = createPgPool(url)
    open.push({ close: () => raw.end() })
    const importer = await raw.connect()
    try {
      // An import in flight on another server: the unit's new source written, not yet committed.
      await importer.query('BEGIN')
      await importer.query(`UPDATE units SET source = 'The river runs past the new mill.' WHERE article_id = $1 AND id = $2`, [ID, units[1]])
      const write = store.writeTranslation({ articleId: ID, unitId: units[1]!, lang: 'sv', text: 'Floden', state: 'translated', author: 'ann' })
      await new Promise((r) => setTimeout(r, 300))
      await importer.query('COMMIT')
      expect((await write).madeFrom).toBe('The river runs past the new mill.')
      expect((await store.getTranslation(ID, units[1]!, 'sv')).madeFrom).toBe('The river runs past the new mill.')
      expect((await store.history(ID, units[1]!)).map((h) => h.newText)).toEqual(['Floden'])
    } finally {
      importer.release()
    }
  })
})
