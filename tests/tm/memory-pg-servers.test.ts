/**
 * The PostgreSQL memory when several servers share the database: the catch-up runs once (an
 * advisory lock), follows the history in commit order, and indexes each entry once.
 */
import { expect, it } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import { entryKeys, indexPending } from '../../src/store/pg/memory-index.js'
import { MEMORY_SYNC_LOCK } from '../../src/store/pg/memory-sync.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { storeFixture } from './_memory-fixture.js'

/** Two servers' stores on one fresh database, and a pool onto it for looking. */
async function twoServers() {
  const url = await freshPgUrl()
  const [a, b] = [storeFixture(await openPgStore({ url })), storeFixture(await openPgStore({ url }))]
  const pool = createPgPool(url)
  return { url, pool, a: a!, b: b!, close: () => Promise.all([a!.close(), b!.close(), pool.end()]) }
}

const count = async (pool: import('pg').Pool, sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]!.n

describeWith(['postgres'], 'PostgreSQL memory, several servers', () => {
  it('two servers catching up at once take in each history entry exactly once', async () => {
    const { pool, a, b, close } = await twoServers()
    try {
      const units = await a.addArticle('en-news-01', Array.from({ length: 30 }, (_, i) => `Ship number ${i} sailed at dawn.`))
      let writing = true
      const taken = [0, 0]
      const follow = async (i: number, m: typeof a) => {
        while (writing) taken[i]! += await m.memory.sync()
      }
      const write = async () => {
        for (const [i, u] of units.entries()) {
          await (i % 2 ? a : b).write('en-news-01', u, 'sv', `Skepp ${i} seglade.`, 'translated')
          if (i % 3 === 0) await (i % 2 ? b : a).write('en-news-01', u, 'sv', `Skepp nummer ${i} seglade.`, 'reviewed')
        }
        writing = false
      }
      await Promise.all([follow(0, a), follow(1, b), write()])
      taken[0]! += await a.memory.sync()
      taken[1]! += await b.memory.sync()
      expect(taken[0]! + taken[1]!).toBe(await count(pool, 'SELECT count(*) AS n FROM history'))
      expect(taken[0]).toBeGreaterThan(0)
      expect(taken[1]).toBeGreaterThan(0)
      expect(await count(pool, "SELECT count(*) AS n FROM tm_entries WHERE origin = 'article'")).toBe(30)
      const [hit] = await b.memory.matches({ text: 'Ship number 3 sailed at dawn.', srcLang: 'en', tgtLang: 'sv' })
      expect(hit?.target).toBe('Skepp nummer 3 seglade.')
    } finally {
      await close()
    }
  })

  it('the background catch-up leaves the work to the server at it; a read waits for it', async () => {
    const { a, close, pool } = await twoServers()
    const held = await pool.connect()
    try {
      const [u] = await a.addArticle('en-news-02', ['Snow fell on the town.'])
      await a.write('en-news-02', u!, 'sv', 'Snö föll över staden.', 'final')
      await held.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [MEMORY_SYNC_LOCK])
      expect(await a.memory.sync()).toBe(0)
      let answered = false
      const read = a.memory.pairs().then((p) => ((answered = true), p))
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(answered).toBe(false)
      await held.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [MEMORY_SYNC_LOCK])
      expect(await read).toEqual([{ srcLang: 'en', tgtLang: 'sv', entries: 1 }])
      expect(await a.memory.sync()).toBe(0)
    } finally {
      held.release()
      await close()
    }
  })

  it('takes in a write that committed after a later-numbered one', async () => {
    const { pool, a, close } = await twoServers()
    const slow = await pool.connect()
    try {
      // Two articles: the writers share no coverage counter, so neither waits for the other.
      const [u1] = await a.addArticle('en-news-03', ['The first ship came.'])
      const [u2] = await a.addArticle('en-news-04', ['The second ship left.'])
      // The slow writer takes its history number first and commits last.
      await slow.query('BEGIN')
      await slow.query(
        `INSERT INTO history (article_id, unit_id, lang, version, new_text, old_state, new_state, author, at)
         VALUES ('en-news-03', $1, 'sv', 1, 'Det första skeppet kom.', 'initial', 'translated', 'bo', now())`,
        [u1],
      )
      await slow.query(
        `INSERT INTO translations (article_id, unit_id, lang, text, state, version, author, updated_at)
         VALUES ('en-news-03', $1, 'sv', 'Det första skeppet kom.', 'translated', 1, 'bo', now())`,
        [u1],
      )
      await a.write('en-news-04', u2!, 'sv', 'Det andra skeppet gick.', 'translated')
      expect(await a.memory.sync()).toBe(1)
      await slow.query('COMMIT')
      expect(await a.memory.sync()).toBe(1)
      expect((await a.memory.search({ query: 'skeppet', tgtLang: 'sv' })).map((h) => h.target).sort()).toEqual([
        'Det andra skeppet gick.',
        'Det första skeppet kom.',
      ])
    } finally {
      slow.release()
      await close()
    }
  })

  it('two servers indexing at once index each entry once', async () => {
    const { url, pool, close } = await twoServers()
    try {
      const texts = Array.from({ length: 3000 }, (_, i) => [`Entry ${i} tells of ship ${i % 97} and harbour ${i % 13}.`, `Post ${i}.`] as const)
      await pool.query(
        `INSERT INTO tm_entries (origin, src_lang, tgt_lang, tmx_key, source, target)
         SELECT 'tmx', 'en', 'sv', 'k' || s.i, s.source, s.target FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s (source, target, i)`,
        [texts.map((t) => t[0]), texts.map((t) => t[1])],
      )
      const other = createPgPool(url)
      const done = await Promise.all([indexPending(pool), indexPending(pool), indexPending(other)]).finally(() => other.end())
      expect(done.reduce((x, y) => x + y, 0)).toBe(3000)
      const words = texts.reduce((n, [s, t]) => n + entryKeys('en', s, t).keys.filter((k) => k[0] !== '1').length, 0)
      expect(await count(pool, 'SELECT count(*) AS n FROM tm_words')).toBe(words)
      expect(await count(pool, 'SELECT count(*) AS n FROM tm_entries WHERE index_keys IS NULL')).toBe(0)
    } finally {
      await close()
    }
  })
})
