// PostgreSQL at scale (issue 19), beside SQLite in the same run:
//
//   node bench/pg-scale.mjs      (npm run bench builds dist/ first; BENCH_PG_ARTICLES=2500 for a tenth)
//
// 1. `tolk db copy` of bench/store.mjs's big database (25,000 articles × 40 units = 1,000,000
//    units, targets sv, de, fi, half of each translated, with history) from SQLite into an empty
//    PostgreSQL database: MB/s of canonical rows, verified table by table.
// 2. `tolk report --summary --format json` over it on PostgreSQL and on SQLite, median of 3
//    whole processes each. Target on PostgreSQL: under 2 s.
// 3. The copy back into a new SQLite file, and whether the two summaries are byte-identical.
//
// The bench makes a database of its own on the server of TOLK_BENCH_PG (default: the local one)
// and drops it at the end. Tolk itself never creates a database.
import { rmSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { DATA_DIR } from './lib/corpus.mjs'
import { ROOT } from './lib/child-server.mjs'
import { ensureMillionDb } from './lib/store-million.mjs'
import { fmt, median, runNode } from './lib/timing.mjs'

const BIN = join(ROOT, 'bin', 'tolk.js')
const OUT = join(DATA_DIR, 'pg-scale')
const ARTICLES = Math.max(10, Number(process.env.BENCH_PG_ARTICLES) || 25_000)
const UNITS = 40
const SERVER_PG = process.env.TOLK_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/postgres'
const log = (s = '') => process.stdout.write(`${s}\n`)

const { default: pg } = await import('pg')
const admin = new pg.Client({ connectionString: SERVER_PG })
try {
  await admin.connect()
} catch (err) {
  console.error(`bench/pg-scale: no PostgreSQL at ${SERVER_PG} (${err.message}); set TOLK_BENCH_PG`)
  process.exit(2)
}
log(`node ${process.version}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; ${(await admin.query('SELECT version()')).rows[0].version.split(' on ')[0]}`)
const big = await ensureMillionDb({ root: ROOT, dataDir: join(DATA_DIR, 'store'), articles: ARTICLES, units: UNITS, log })
const name = `tolk_bench_scale_${process.pid}`
await admin.query(`CREATE DATABASE ${name}`)
const pgUrl = Object.assign(new URL(SERVER_PG), { pathname: `/${name}` }).toString()
const back = join(OUT, 'back.sqlite')
const failures = []
const tolk = async (label, args, stdoutFile = '/dev/null') => {
  const r = await runNode({ script: BIN, args, stdoutFile, scratch: OUT, timeoutMs: 60 * 60_000 })
  if (r.code !== 0) failures.push(`${label}: exit ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`)
  return r
}
try {
  for (const x of ['', '-wal', '-shm']) rmSync(`${back}${x}`, { force: true })
  log(`\n## 1. tolk db copy ${ARTICLES.toLocaleString('en-US')} × ${UNITS} units from SQLite into PostgreSQL`)
  const copyJson = join(OUT, 'copy.json')
  const there = await tolk('db copy to PostgreSQL', ['db', 'copy', big.file, pgUrl, '--json'], copyJson)
  const report = there.code === 0 ? JSON.parse(readFileSync(copyJson, 'utf8')) : undefined
  if (report) {
    for (const t of report.tables) log(`  ${t.table.padEnd(18)} ${t.rows.toLocaleString('en-US').padStart(10)} rows`)
    log(`  ${(report.bytes / 1e6).toFixed(0)} MB of rows in ${fmt.s(there.wallMs)}: ${(report.bytes / 1e6 / (there.wallMs / 1000)).toFixed(1)} MB/s (whole process, verification included)`)
  }

  log(`\n## 2. tolk report --summary --format json, median of 3 whole processes`)
  const summaries = {}
  for (const [label, db] of [['PostgreSQL', pgUrl], ['SQLite', big.file]]) {
    const runs = []
    for (let i = 0; i < 3; i++) runs.push(await tolk(`summary on ${label}`, ['report', '--summary', '--format', 'json', '--db', db], join(OUT, `summary-${label}.json`)))
    summaries[label] = median(runs.map((r) => r.wallMs))
    log(`  ${label.padEnd(11)} ${fmt.s(summaries[label]).padStart(8)} (${runs.map((r) => fmt.s(r.wallMs)).join(', ')})`)
  }
  log(`TARGET summary on PostgreSQL under 2 s: ${fmt.s(summaries.PostgreSQL)} -> ${summaries.PostgreSQL < 2000 ? 'MET' : 'NOT MET'}`)
  log(`RATIO PostgreSQL / SQLite summary: ${(summaries.PostgreSQL / summaries.SQLite).toFixed(2)}`)
  const same = readFileSync(join(OUT, 'summary-PostgreSQL.json'), 'utf8') === readFileSync(join(OUT, 'summary-SQLite.json'), 'utf8')
  log(`the two summaries are ${same ? 'byte-identical' : 'DIFFERENT'}`)
  if (!same) failures.push('the summaries on PostgreSQL and SQLite differ')

  log(`\n## 3. tolk db copy back into a new SQLite file`)
  const backRun = await tolk('db copy back', ['db', 'copy', pgUrl, back, '--json'], join(OUT, 'back.json'))
  if (backRun.code === 0) {
    const b = JSON.parse(readFileSync(join(OUT, 'back.json'), 'utf8'))
    log(`  ${(b.bytes / 1e6).toFixed(0)} MB in ${fmt.s(backRun.wallMs)}: ${(b.bytes / 1e6 / (backRun.wallMs / 1000)).toFixed(1)} MB/s`)
    const sameRows = report && b.tables.every((t, i) => t.sha256 === report.tables[i].sha256)
    log(`  every table's SHA-256 equals the first copy's: ${sameRows ? 'yes' : 'NO'}`)
    if (!sameRows) failures.push('the copy back differs')
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err) => log(`could not drop ${name}: ${err.message}`))
  await admin.end()
}
if (failures.length > 0) {
  log(`\nFAILURES:\n${failures.map((f) => `- ${f}`).join('\n')}`)
  process.exitCode = 1
}
