import type Database from 'better-sqlite3'
import { MT_CACHE_DAYS, MT_CACHE_MAX, type MtCache } from '../../mt/cache-types.js'

const DAY = 86_400_000

/** The machine-translation cache on SQLite (schema 19, table mt_cache). */
export function createSqliteMtCache(db: Database.Database): MtCache {
  const select = db.prepare<[string, string, string, string, number], { target: string }>(
    'SELECT target FROM mt_cache WHERE engine = ? AND src_lang = ? AND tgt_lang = ? AND source = ? AND made_at > ?',
  )
  const insert = db.prepare<[string, string, string, string, string, number]>(`
    INSERT INTO mt_cache (engine, src_lang, tgt_lang, source, target, made_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (engine, src_lang, tgt_lang, source) DO UPDATE SET target = excluded.target, made_at = excluded.made_at`)
  const expire = db.prepare<[number]>('DELETE FROM mt_cache WHERE made_at <= ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM mt_cache')
  // The oldest first; the key breaks ties so that the same entries go on every run.
  const trim = db.prepare<[number]>(`
    DELETE FROM mt_cache WHERE (engine, src_lang, tgt_lang, source) IN (
      SELECT engine, src_lang, tgt_lang, source FROM mt_cache ORDER BY made_at, engine, src_lang, tgt_lang, source LIMIT ?)`)
  const put = db.transaction((rows: [string, string, string, string, string, number][], now: number, max: number) => {
    for (const r of rows) insert.run(...r)
    expire.run(now - MT_CACHE_DAYS * DAY)
    const over = count.get()!.n - max
    if (over > 0) trim.run(over)
  })
  return {
    async get(key, sources, o = {}) {
      const since = (o.now ?? Date.now()) - MT_CACHE_DAYS * DAY
      return sources.map((s) => select.get(key.engine, key.from, key.to, s, since)?.target)
    },
    async put(key, entries, o = {}) {
      const now = o.now ?? Date.now()
      put.immediate(
        entries.map((e) => [key.engine, key.from, key.to, e.source, e.target, now]),
        now,
        o.maxEntries ?? MT_CACHE_MAX,
      )
    },
    async size() {
      return count.get()!.n
    },
  }
}
