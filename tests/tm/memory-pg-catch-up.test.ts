/**
 * The PostgreSQL memory's catch-up under load: while requests keep a server busy it takes in a
 * slice at a time, and the memory falls behind. A slice must read about its own size of history,
 * not the whole backlog, or each look costs more the further behind it is (it did: under the write
 * bench a quarter of PostgreSQL's CPU went to counting the backlog again every 250 ms).
 */
import type pg from 'pg'
import { expect, it } from 'vitest'
import { openPgStore } from '../../src/store/pg/create-pg-store.js'
import { syncMemory } from '../../src/store/pg/memory-sync.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { storeFixture } from './_memory-fixture.js'

/** History rows this backend has read (by scan and by index) since the server last counted. */
async function historyRowsRead(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_user_tables
     WHERE relname = 'history' AND schemaname = current_schema()`,
  )
  return Number(rows[0]!.n)
}

describeWith(['postgres'], 'PostgreSQL memory, catching up', () => {
  it('reads about a slice of history per slice, however far behind the memory is', async () => {
    const url = await freshPgUrl()
    const store = await openPgStore({ url })
    // One connection: the catch-up and the stats flush it is measured by run on one backend.
    const pool = createPgPool(url, { max: 1 })
    try {
      const m = storeFixture(store)
      const [unit] = await m.addArticle('en-news-01', ['Ship number one sailed at dawn.'])
      await m.write('en-news-01', unit!, 'sv', 'Skepp nummer ett seglade i gryningen.', 'translated')
      expect(await syncMemory(pool, { wait: true })).toBe(1)
      // A backlog of 3,000 writes, each in a transaction of its own (as under load), of one unit.
      await pool.query(`SET synchronous_commit = off`)
      await pool.query(`DO $$ BEGIN
        FOR i IN 1..3000 LOOP
          INSERT INTO history (article_id, unit_id, lang, version, new_text, old_state, new_state, author, at)
          VALUES ('en-news-01', '${unit}', 'sv', i + 1, 'Skepp nummer ett seglade i gryningen.', 'translated', 'translated', 'anna', now());
          COMMIT;
        END LOOP; END $$`)
      await pool.query('ANALYZE history')

      const flushed = async () => {
        await pool.query('SELECT pg_stat_force_next_flush()')
        // The flush happens when the backend goes idle; the counts are read once it has.
        await new Promise((r) => setTimeout(r, 50))
        await pool.query('SELECT pg_stat_clear_snapshot()')
        return historyRowsRead(pool)
      }
      const before = await flushed()
      expect(await syncMemory(pool, { wait: true, limit: 20 })).toBe(20)
      const read = (await flushed()) - before
      expect(read).toBeGreaterThan(0)
      expect(read).toBeLessThan(200)

      // And slice by slice it still takes in everything, each entry once.
      let taken = 20
      for (let n = 1; n > 0; ) taken += n = await syncMemory(pool, { wait: true, limit: 500 })
      expect(taken).toBe(3000)
      expect(await syncMemory(pool, { wait: true })).toBe(0)
    } finally {
      await pool.end()
      await store.close()
    }
  })
})
