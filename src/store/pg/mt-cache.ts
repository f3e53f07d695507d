import type pg from 'pg'
import { MT_CACHE_DAYS, MT_CACHE_MAX, type MtCache } from '../../mt/cache-types.js'
import { row, rows, transaction } from './db.js'

const DAY = 86_400_000

/** The machine-translation cache on PostgreSQL (table mt_cache), as on SQLite (src/store/sqlite/mt-cache.ts). */
export function createPgMtCache(pool: pg.Pool): MtCache {
  return {
    async get(key, sources, o = {}) {
      const since = (o.now ?? Date.now()) - MT_CACHE_DAYS * DAY
      const found = await rows<{ k: number; target: string }>(
        pool,
        `SELECT s.k, c.target FROM unnest($4::text[]) WITH ORDINALITY s (source, k)
         JOIN mt_cache c ON c.engine = $1 AND c.src_lang = $2 AND c.tgt_lang = $3 AND c.source = s.source AND c.made_at > $5`,
        [key.engine, key.from, key.to, sources, since],
      )
      const out: (string | undefined)[] = sources.map(() => undefined)
      for (const r of found) out[r.k - 1] = r.target
      return out
    },
    async put(key, entries, o = {}) {
      const now = o.now ?? Date.now()
      const max = o.maxEntries ?? MT_CACHE_MAX
      await transaction(pool, async (db) => {
        // One batch per key's source: a source twice in one batch keeps its last target.
        const last = new Map(entries.map((e) => [e.source, e.target]))
        await db.query(
          `INSERT INTO mt_cache (engine, src_lang, tgt_lang, source, target, made_at)
           SELECT $1, $2, $3, e.source, e.target, $6 FROM unnest($4::text[], $5::text[]) e (source, target)
           ON CONFLICT (engine, src_lang, tgt_lang, source) DO UPDATE SET target = excluded.target, made_at = excluded.made_at`,
          [key.engine, key.from, key.to, [...last.keys()], [...last.values()], now],
        )
        await db.query('DELETE FROM mt_cache WHERE made_at <= $1', [now - MT_CACHE_DAYS * DAY])
        const over = (await row<{ n: number }>(db, 'SELECT count(*) AS n FROM mt_cache'))!.n - max
        // The oldest first; the key breaks ties so that the same entries go on every run.
        if (over > 0) {
          await db.query(
            `DELETE FROM mt_cache WHERE (engine, src_lang, tgt_lang, source) IN (
               SELECT engine, src_lang, tgt_lang, source FROM mt_cache ORDER BY made_at, engine, src_lang, tgt_lang, source LIMIT $1)`,
            [over],
          )
        }
      })
    },
    async size() {
      return (await row<{ n: number }>(pool, 'SELECT count(*) AS n FROM mt_cache'))!.n
    },
  }
}
