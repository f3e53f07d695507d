// Translation memory on PostgreSQL beside SQLite, in one run (reads dist/; `npm run bench` builds it).
//
// 1. Loads N generated en→sv segments (the corpus of tm.mjs, bench/lib/tm-corpus.mjs) into a SQLite
//    file and into a PostgreSQL schema, both through the real `memory.importTmx`, once (cached:
//    bench/.data/tm-N.sqlite, schema bench_tm_N of the bench database); prints each load time.
// 2. Top-3 fuzzy matches (threshold 70) for the 500 queries of tm.mjs on each: p50/p90/p99, cold
//    (first pass) and warm (second pass), and the RATIO PostgreSQL / SQLite of the p99s.
// 3. Agreement: the share of queries with the same best score, and with the same top 3 (score,
//    source, target), PostgreSQL against SQLite.
// 4. The bench article (2,000 segments, as tm.mjs analyses it): best match of each distinct
//    segment through `matchMany` on each (as `tolk analyse` asks), time, and how many units get
//    the same best score.
//
//   node bench/tm-pg.mjs [--segments 1000000] [--queries 500] [--pg postgres://…]
// The database: --pg, else TOLK_BENCH_PG, else postgres://postgres@127.0.0.1:5432/postgres.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { benchArticle, makeQueries, writeTmx } from './lib/tm-corpus.mjs'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATA = path.join(ROOT, 'bench', '.data')
const dist = (p) => import(path.join(ROOT, 'dist', p))
const { values: opts } = parseArgs({
  options: {
    segments: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '500' },
    pg: { type: 'string' },
  },
})
const N = Number(opts.segments)
const Q = Number(opts.queries)
const PG = opts.pg ?? process.env.TOLK_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`)
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
fs.mkdirSync(DATA, { recursive: true })

const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
const { optimizeMemoryIndex } = await dist('store/sqlite/memory.js')
const { createPgPool } = await dist('store/pg/pool.js')
const { migratePg } = await dist('store/pg/migrate.js')
const { createPgMemory } = await dist('store/pg/memory.js')
const { normalizeForCompare } = await dist('model/text.js')
const Database = (await import('better-sqlite3')).default
const now = () => new Date().toISOString()

let tmx
const theTmx = () => {
  if (!tmx) {
    tmx = path.join(DATA, `tm-${N}.tmx`)
    const t = performance.now()
    const size = writeTmx(tmx, 0, N)
    console.log(`generated ${N} segments as TMX (${(size / (1 << 20)).toFixed(0)} MiB) in ${fmt(performance.now() - t)}`)
  }
  return tmx
}

// ---- SQLite ---------------------------------------------------------------------------------
const sqliteFile = path.join(DATA, N === 1_000_000 ? 'tm-1m.sqlite' : `tm-${N}.sqlite`)
if (!fs.existsSync(sqliteFile)) {
  const store = createSqliteStore({ file: sqliteFile + '.part' })
  const t = performance.now()
  const s = await store.memory.importTmx(theTmx())
  await store.close()
  const db = new Database(sqliteFile + '.part')
  optimizeMemoryIndex(db)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  console.log(`SQLite: imported ${s.added} entries and merged the index in ${fmt(performance.now() - t)}`)
  fs.renameSync(sqliteFile + '.part', sqliteFile)
  for (const x of ['-wal', '-shm']) fs.rmSync(sqliteFile + '.part' + x, { force: true })
}
const sqlite = createSqliteStore({ file: sqliteFile })

// ---- PostgreSQL -----------------------------------------------------------------------------
const schema = `bench_tm_${N}`
const url = new URL(PG)
url.searchParams.set('options', `-c search_path=${schema},public`)
const pool = createPgPool(url.toString())
const held = async () => {
  try {
    return (await pool.query('SELECT count(*) AS n FROM tm_entries WHERE index_keys IS NOT NULL')).rows[0].n
  } catch {
    return -1
  }
}
if ((await held()) !== N) {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await pool.query(`CREATE SCHEMA ${schema}`)
  await migratePg(pool, url.toString())
  const memory = createPgMemory(pool, now)
  const t = performance.now()
  const s = await memory.importTmx(theTmx())
  const loaded = performance.now() - t
  await pool.query('VACUUM ANALYZE tm_words')
  await pool.query('VACUUM ANALYZE tm_entries')
  console.log(`PostgreSQL: imported and indexed ${s.added} entries in ${fmt(loaded)} (then VACUUM ANALYZE in ${fmt(performance.now() - t - loaded)})`)
}
if (tmx) fs.rmSync(tmx)
const pgMemory = createPgMemory(pool, now)
const size = (await pool.query(`SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS s FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`, [schema])).rows[0].s
console.log(`memory: ${N} segments; SQLite ${(fs.statSync(sqliteFile).size / (1 << 20)).toFixed(0)} MiB, PostgreSQL ${size} (schema ${schema})`)

// ---- top-3 queries --------------------------------------------------------------------------
const queries = makeQueries(N, Q)
const backends = [
  ['SQLite', sqlite.memory],
  ['PostgreSQL', pgMemory],
]
const answers = {}
const p99 = {}
console.log(`\nTOP-3 FUZZY (threshold 70), ${Q} queries on ${N} segments:`)
for (const [name, memory] of backends) {
  for (const text of queries.slice(0, 20)) await memory.matches({ text, srcLang: 'en', tgtLang: 'sv' }) // warm up
  for (const pass of ['cold', 'warm']) {
    const times = []
    const tops = []
    const cpu0 = process.cpuUsage()
    for (const text of queries) {
      const t = performance.now()
      const ms = await memory.matches({ text, srcLang: 'en', tgtLang: 'sv' })
      times.push(performance.now() - t)
      tops.push(ms.map((m) => `${m.score}\u0000${m.source}\u0000${m.target}`))
    }
    const c = process.cpuUsage(cpu0)
    if (pass === 'cold') answers[name] = tops
    p99[`${name} ${pass}`] = pct(times, 99)
    console.log(`  ${name.padEnd(10)} ${pass}: p50 ${fmt(pct(times, 50))}  p90 ${fmt(pct(times, 90))}  p99 ${fmt(pct(times, 99))}  max ${fmt(Math.max(...times))}  (this process's CPU per query ${fmt((c.user + c.system) / 1000 / Q)})`)
  }
}
console.log(`  RATIO PostgreSQL / SQLite p99: cold ${(p99['PostgreSQL cold'] / p99['SQLite cold']).toFixed(2)}×, warm ${(p99['PostgreSQL warm'] / p99['SQLite warm']).toFixed(2)}×  (target: PostgreSQL p99 < 20 ms)`)
let sameBest = 0
let sameTop = 0
for (let k = 0; k < Q; k++) {
  const a = answers.SQLite[k]
  const b = answers.PostgreSQL[k]
  if ((a[0] ?? '').split('\u0000')[0] === (b[0] ?? '').split('\u0000')[0]) sameBest++
  if (a.join('\n') === b.join('\n')) sameTop++
  else if (sameTop - k > -4) console.log(`  differs: ${queries[k]}\n    SQLite ${a.map((x) => x.split('\u0000')[0])}  PostgreSQL ${b.map((x) => x.split('\u0000')[0])}`)
}
console.log(`AGREEMENT over ${Q} queries: same best score ${((100 * sameBest) / Q).toFixed(1)} %, same top 3 ${((100 * sameTop) / Q).toFixed(1)} %  (targets: 100 %, at least 99 %)`)

// ---- the bench article ----------------------------------------------------------------------
const sents = benchArticle(N)
const distinct = [...new Map(sents.map((s) => [normalizeForCompare(s), s])).values()]
const best = {}
console.log(`\nBENCH ARTICLE: ${sents.length} segments, ${distinct.length} distinct, best match each (matchMany, threshold 50):`)
for (const [name, memory] of backends) {
  const t = performance.now()
  const r = await memory.matchMany(distinct.map((text) => ({ text, srcLang: 'en', tgtLang: 'sv', threshold: 50, limit: 1 })))
  const ms = performance.now() - t
  const scores = new Map(distinct.map((s, k) => [normalizeForCompare(s), r[k][0]?.score ?? 0]))
  best[name] = sents.map((s) => scores.get(normalizeForCompare(s)))
  console.log(`  ${name.padEnd(10)} ${fmt(ms)}`)
}
const same = best.SQLite.filter((s, k) => s === best.PostgreSQL[k]).length
console.log(`  units with the same best score: ${same} of ${sents.length}  (target: all)`)

await sqlite.close()
await pool.end()
