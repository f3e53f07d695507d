// The dashboard's page (Store.listArticlesPage) on PostgreSQL beside SQLite in the same run: the
// same 25,000 articles and counters as bench/dashboard.mjs (2 KB of source, two languages), the
// same orders, filters and page 101, and the ratio PostgreSQL / SQLite for each.
//
//   node bench/pg-dashboard.mjs      (after npm run build; TOLK_BENCH_PG names the server)
//
// The bench makes a schema of its own in the database of TOLK_BENCH_PG and drops it at the end.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openPgStore } from '../dist/store/pg/create-pg-store.js'
import { createSqliteStore } from '../dist/store/sqlite/create-sqlite-store.js'
import { dashboardArticle, fillSqliteDashboard, SOURCE } from './lib/dashboard-data.mjs'
import { medianTime } from './lib/timing.mjs'

const ARTICLES = Number(process.env.BENCH_DASHBOARD_ARTICLES) || 25_000
const ROUNDS = 7
const LIMIT = 50
const SERVER_PG = process.env.TOLK_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/postgres'
const SCHEMA = `tolk_bench_dashboard_${process.pid}`

const dir = mkdtempSync(join(tmpdir(), 'tolk-bench-pg-dashboard-'))
const admin = new pg.Client({ connectionString: SERVER_PG })
try {
  await admin.connect()
} catch (err) {
  console.error(`bench/pg-dashboard: no PostgreSQL at ${SERVER_PG} (${err.message}); set TOLK_BENCH_PG`)
  process.exit(2)
}
const url = `${SERVER_PG}${SERVER_PG.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${SCHEMA},public`)}`
try {
  await admin.query(`CREATE SCHEMA ${SCHEMA}`)
  const file = join(dir, 'tolk.sqlite')
  fillSqliteDashboard(file, ARTICLES)
  const sqlite = createSqliteStore({ file })

  const postgres = await openPgStore({ url })
  const load = new pg.Client({ connectionString: url })
  await load.connect()
  await load.query('BEGIN')
  for (let from = 0; from < ARTICLES; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, ARTICLES - from) }, (_, k) => dashboardArticle(from + k, ARTICLES))
    await load.query(
      `INSERT INTO articles (id, tag, lang, title, source, lead, revision, targets, live_units, live_words, created_at, updated_at)
       SELECT id, tag, 'en', title, $4, '', 1, '["sv","de"]', 60, 420, at, at FROM unnest($1::text[], $2::text[], $3::text[], $5::timestamptz[]) AS r (id, tag, title, at)`,
      [batch.map((a) => a.id), batch.map((a) => a.tag), batch.map((a) => a.title), SOURCE, batch.map((a) => a.at)],
    )
    const rows = batch.flatMap((a) => a.translated.map(([lang, n]) => [a.id, lang, n]))
    await load.query(
      `INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
       SELECT id, lang, 'translated', n, n * 7, 0, 0 FROM unnest($1::text[], $2::text[], $3::int[]) AS r (id, lang, n)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    )
  }
  await load.query('COMMIT')
  await load.query('ANALYZE')
  await load.end()

  const time = (fn) => medianTime(fn, ROUNDS)
  /** The first page and page 101 of one query on one store. */
  const measure = async (store, q) => {
    const page = (more) => store.listArticlesPage({ limit: LIMIT, ...q, ...more })
    const first = await time(() => page({}))
    let after
    for (let i = 0; i < 100 && after !== null; i++) after = (await page(after ? { after } : {})).next
    return [first, after ? await time(() => page({ after })) : NaN]
  }
  console.log(`dashboard on PostgreSQL beside SQLite: ${ARTICLES} articles, 2 languages, pages of ${LIMIT}; median of ${ROUNDS}`)
  // The orders and filters of bench/dashboard.mjs, each named by its query.
  const sorts = ['name', 'progress', 'left', 'changed'].map((sort) => ({ sort }))
  const filtered = [{ sort: 'progress', lang: 'sv', tag: 'en-news' }, { sort: 'name', search: 'article 12' }, { sort: 'left', first: ['sv'] }]
  for (const q of [...sorts, ...filtered]) {
    const label = Object.entries(q).map(([k, v]) => `${k} ${v}`).join(', ')
    const [s1, s101] = await measure(sqlite, q)
    const [p1, p101] = await measure(postgres, q)
    console.log(`  ${label.padEnd(30)} SQLite ${s1.toFixed(1)} ms (page 101: ${s101.toFixed(1)}); PostgreSQL ${p1.toFixed(1)} ms (page 101: ${p101.toFixed(1)}); ratio ${(p1 / s1).toFixed(2)}`)
  }
  await sqlite.close()
  await postgres.close()
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => {})
  await admin.end()
  rmSync(dir, { recursive: true, force: true })
}
