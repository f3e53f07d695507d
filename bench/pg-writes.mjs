// PUT translation writes on PostgreSQL, side by side in one run (issue 19):
//
//   node bench/pg-writes.mjs [--duration 5] [--rounds 2] [--only pg1,barePg]
//                                                    (npm run bench builds dist/ first)
// BENCH_PG_STATS=1 prints the bench database's table and function counters at the end (run
// `ALTER SYSTEM SET track_functions = 'pl'` first for the functions): what each write made happen.
//
// 1. Tolk on SQLite, one server (the default store, for reference);
// 2. Tolk on PostgreSQL, one server, then two servers on the same database with the load split
//    between them (25 connections each);
// 3. a bare Hono + `pg` endpoint doing the same versioned UPDATE and history INSERT in one round
//    trip, and the same endpoint on the `postgres` driver (porsager): the driver comparison
//    behind the choice of `pg` (docs/several-servers.md).
// Each: writes/s (2xx only), p99, and CPU per write: the server processes' own, PostgreSQL's
// backends' on the bench database (a local server, read from /proc), and the whole machine's
// (load generators and other sessions included), read from /proc/stat. Each run's servers are
// started for it and stopped after it. Target: Tolk on PostgreSQL at
// least 60 % of the bare pg endpoint; two servers no more than 10 % slower than one (on these 2
// cores PostgreSQL and the load generator share the machine).
//
// The bench makes a database of its own on the server of TOLK_BENCH_PG (default: the local one)
// and drops it at the end. Tolk itself never creates a database.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { cpuMs, ROOT, startChild } from './lib/child-server.mjs'

const SELF = fileURLToPath(import.meta.url)
const HTTP_WRITES = path.join(ROOT, 'bench/http-writes.mjs')
const LANGS = ['sv', 'de', 'fr', 'es', 'it']
const UNITS = 1000
const CONNECTIONS = 50
const SERVER_PG = process.env.TOLK_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/postgres'
const args = process.argv.slice(2)

if (args[0] === '--serve') await serveBare(args[1], args[2], args[3])
else await main()

async function main() {
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
  const duration = option('--duration', 5)
  const rounds = option('--rounds', 2)
  // Some of the runs only (sqlite, pg1, pg2, barePg, barePostgres), when looking into one.
  const only = args.includes('--only') ? new Set(String(args[args.indexOf('--only') + 1]).split(',')) : undefined
  const runs = { sqlite: [], pg1: [], pg2: [], barePg: [], barePostgres: [] }
  for (const k of only ?? []) {
    if (!(k in runs)) {
      console.error(`bench/pg-writes: --only takes ${Object.keys(runs).join(', ')}, not ${k}`)
      process.exit(2)
    }
  }
  const wanted = (k) => !only || only.has(k)
  if (!fs.existsSync(path.join(ROOT, 'dist/store/pg/create-pg-store.js'))) {
    console.error('bench/pg-writes: dist/ is missing: run npm run build (npm run bench does)')
    process.exit(2)
  }
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: SERVER_PG })
  try {
    await admin.connect()
  } catch (err) {
    console.error(`bench/pg-writes: no PostgreSQL at ${SERVER_PG} (${err.message}); set TOLK_BENCH_PG`)
    process.exit(2)
  }
  const name = `tolk_bench_${process.pid}`
  await admin.query(`CREATE DATABASE ${name}`)
  const pgUrl = Object.assign(new URL(SERVER_PG), { pathname: `/${name}` }).toString()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-pg-'))
  const servers = []
  try {
    const sqliteDb = path.join(dir, 'tolk.sqlite')
    const [onSqlite, onPg] = [await prepare(sqliteDb), await prepare(pgUrl)]
    const segFile = path.join(dir, 'segments.json')
    fs.writeFileSync(segFile, JSON.stringify(onPg.segments))
    const settings = (await admin.query(`SELECT current_setting('synchronous_commit') AS sc, current_setting('max_connections') AS mc, version() AS v`)).rows[0]
    console.log(`article ${onPg.article}: ${UNITS} units x ${LANGS.length} languages; ${CONNECTIONS} connections, ${duration} s per run after 1 s warm-up, ${rounds} rounds`)
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
    console.log(`${settings.v.split(' on ')[0]}, synchronous_commit=${settings.sc}, max_connections=${settings.mc}`)

    const serve = (db) => [path.join(ROOT, 'bin/tolk.js'), 'serve', '--port', '0', '--db', db, '--quiet']
    // Each run's servers live for that run only. Kept running, an idle Tolk server catches its
    // memory up at full pace (src/tm/memory-follow.ts) on the writes of the run before, or of
    // its sibling's run on the same database: that took the CPU of the runs after it (the
    // one-server run lost it to the idle second server, and the bare peers to both).
    // Each run starts from the same state of the database: the runs before it left dead rows for
    // autovacuum and dirty pages for a checkpoint, which otherwise land in whichever run comes next
    // (one server alone ran at 4,100 writes/s, and at 3,300/s after the other runs of a round).
    const bench = new pg.Client({ connectionString: pgUrl })
    bench.on('error', () => {}) // ended by the DROP … WITH (FORCE) below when a run failed
    await bench.connect()
    const settle = async () => {
      await bench.query('VACUUM (ANALYZE)')
      await bench.query('CHECKPOINT')
    }
    const during = async (argvs, run) => {
      await settle()
      const started = await Promise.all(argvs.map((argv) => startChild(argv)))
      servers.push(...started)
      try {
        return await run(started)
      } finally {
        await Promise.all(started.map((x) => x.stop()))
        servers.splice(0, servers.length, ...servers.filter((x) => !started.includes(x)))
      }
    }
    const write = (extra) => ({ kind: 'writes', duration, segFile, ...extra })
    const bare = (driver) => (started) => measured(started, [write({ url: started[0].url, bare: true, versions: `bare-${driver}` })], name)
    for (let round = 1; round <= rounds; round++) {
      if (wanted('sqlite')) runs.sqlite.push(await during([serve(sqliteDb)], ([s]) => measured([s], [write({ url: s.url, token: onSqlite.token, article: onSqlite.article, versions: 'sqlite' })])))
      if (wanted('pg1')) runs.pg1.push(await during([serve(pgUrl)], ([s]) => measured([s], [write({ url: s.url, token: onPg.token, article: onPg.article, versions: 'pg' })], name)))
      if (wanted('pg2')) {
        runs.pg2.push(
          await during([serve(pgUrl), serve(pgUrl)], (two) =>
            measured(two, two.map((s, i) => write({ url: s.url, token: onPg.token, article: onPg.article, versions: 'pg', connections: CONNECTIONS / 2, part: [i, 2] })), name),
          ),
        )
      }
      if (wanted('barePg')) runs.barePg.push(await during([[SELF, '--serve', 'pg', pgUrl, segFile]], bare('pg')))
      if (wanted('barePostgres')) runs.barePostgres.push(await during([[SELF, '--serve', 'postgres', pgUrl, segFile]], bare('postgres')))
      console.log(`round ${round}: ${Object.entries(runs).filter(([k]) => wanted(k)).map(([k, v]) => `${k} ${Math.round(v.at(-1).ok2xx)}/s`).join(', ')}`)
    }
    const best = (list) => list.reduce((a, b) => (b.ok2xx > a.ok2xx ? b : a))
    const r = Object.fromEntries(Object.entries(runs).filter(([k]) => wanted(k)).map(([k, v]) => [k, best(v)]))
    const row = (label, x) =>
      x
        ? `${label.padEnd(40)} ${Math.round(x.ok2xx).toLocaleString('en').padStart(7)} writes/s  p99 ${String(x.p99).padStart(4)} ms  server ${us(x.serverCpu)}/write  PostgreSQL ${x.pgCpu === undefined ? '      -' : us(x.pgCpu)}/write  machine ${us(x.machineCpu)}/write  busy ${x.coresBusy.toFixed(2)} cores  non-2xx ${x.non2xx}  errors ${x.errors}`
        : `${label.padEnd(40)}       - (not run)`
    console.log('')
    console.log(row('tolk on SQLite, one server', r.sqlite))
    console.log(row('tolk on PostgreSQL, one server', r.pg1))
    console.log(row('tolk on PostgreSQL, two servers', r.pg2))
    console.log(row('bare Hono + pg (node-postgres)', r.barePg))
    console.log(row('bare Hono + postgres (porsager)', r.barePostgres))
    console.log('')
    const ratio = (a, b) => (a && b ? (a.ok2xx / b.ok2xx).toFixed(2) : '-')
    const target = (a, b, at) => (a && b ? (a.ok2xx >= at * b.ok2xx ? 'met' : 'NOT met') : 'not run')
    console.log(`RATIO tolk on PostgreSQL / bare pg endpoint   ${ratio(r.pg1, r.barePg)} (target >= 0.60: ${target(r.pg1, r.barePg, 0.6)})`)
    console.log(`RATIO two servers / one server                ${ratio(r.pg2, r.pg1)} (target >= 0.90: ${target(r.pg2, r.pg1, 0.9)})`)
    console.log(`RATIO tolk on PostgreSQL / tolk on SQLite     ${ratio(r.pg1, r.sqlite)}`)
    console.log(`RATIO driver: postgres / pg (bare endpoints)   ${ratio(r.barePostgres, r.barePg)}`)
    if (process.env.BENCH_PG_STATS) {
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      const { rows } = await c.query(`SELECT relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables WHERE seq_scan + coalesce(idx_scan, 0) + n_tup_ins + n_tup_upd > 0 ORDER BY relname`)
      console.table(rows)
      const f = await c.query(`SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions ORDER BY calls DESC`)
      console.table(f.rows)
      await c.end()
    }
    await bench.end()
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    fs.rmSync(dir, { recursive: true, force: true })
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err) => console.error(`could not drop ${name}: ${err.message}`))
    await admin.end()
  }
}

/** The bench article (1,000 units, 5 targets), a translator for all five and its token, in `db`. */
async function prepare(db) {
  const { openStore } = await import('../dist/store/open-store.js')
  const { importText } = await import('../dist/import/import-text.js')
  const { issueToken } = await import('../dist/auth/tokens.js')
  const store = await openStore(db)
  try {
    const article = 'en-bench-01'
    const paragraphs = []
    for (let p = 0; p < UNITS / 5; p++) {
      const s = []
      for (let i = 0; i < 5; i++) s.push(`Report ${p * 5 + i} tells how the harbour crew loaded boat number ${p} in the morning.`)
      paragraphs.push(s.join(' '))
    }
    await importText(store, { id: article, tag: 'en-bench', lang: 'en', targets: LANGS, text: `${paragraphs.join('\n\n')}\n` })
    const units = await store.listUnits(article)
    await store.accounts.add('bench', [{ role: 'translator', langs: LANGS }])
    const { token } = await issueToken(store.accounts, 'bench')
    const segments = []
    for (const lang of LANGS) for (const u of units) segments.push({ unit: u.id, lang })
    return { token, article, segments }
  } finally {
    await store.close()
  }
}

/** Total and idle CPU ticks of the whole machine, from /proc/stat. */
function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  return { busy: f.reduce((a, b) => a + b, 0) - f[3] - f[4], all: f.reduce((a, b) => a + b, 0) }
}

/**
 * CPU ticks (USER_HZ, 10 ms) of the PostgreSQL backends serving database `db`, read from /proc:
 * a local server's own cost of the writes. Undefined when no such process is visible (a remote
 * server, or /proc not readable).
 */
function backendTicks(db) {
  let sum
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      // A backend's title: "postgres: 15/main: USER DB HOST(PORT) STATE".
      const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (!title.startsWith('postgres: ') || !title.includes(` ${db} `)) continue
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      sum = (sum ?? 0) + Number(f[11]) + Number(f[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return sum
}

/**
 * Load runs (one per server, at once), with CPU per write of the servers, of PostgreSQL's
 * backends on database `db` (when given and local), and of the machine.
 */
async function measured(servers, configs, db) {
  const server0 = servers.map((s) => cpuMs(s.pid))
  const m0 = machineTicks()
  const t0 = performance.now()
  const pg0 = db ? backendTicks(db) : undefined
  const results = await Promise.all(configs.map(load))
  const pg1 = db ? backendTicks(db) : undefined
  const m1 = machineTicks()
  const wallMs = performance.now() - t0
  const serverMs = servers.reduce((sum, s, i) => sum + (cpuMs(s.pid) - server0[i]), 0)
  const requests = results.reduce((a, x) => a + x.allRequests, 0)
  return {
    ok2xx: results.reduce((a, x) => a + x.ok2xx, 0),
    p99: Math.max(...results.map((x) => x.p99)),
    non2xx: results.reduce((a, x) => a + x.non2xx, 0),
    errors: results.reduce((a, x) => a + x.errors, 0),
    serverCpu: (serverMs * 1000) / requests,
    // Backends that ended during the run (none: the pools keep theirs) would be missed.
    pgCpu: pg0 !== undefined && pg1 !== undefined ? ((pg1 - pg0) * 10 * 1000) / requests : undefined,
    // Ticks of USER_HZ 100 (10 ms each), load generators included: an upper bound per write.
    machineCpu: ((m1.busy - m0.busy) * 10 * 1000) / requests,
    // How many of the machine's cores the run kept busy: near all of them, the run was bounded by
    // CPU; well under, by waiting (on commits, or on one batch of an article at a time).
    coresBusy: ((m1.busy - m0.busy) * 10) / wallMs,
  }
}

function us(v) {
  return `${Math.round(v).toLocaleString('en')} µs`.padStart(9)
}

/** autocannon in its own process, through http-writes' load mode (the same requests). */
function load(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HTTP_WRITES, '--load', JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))))
  })
}

/**
 * Child mode: the bare peer, a Hono endpoint doing the versioned update and the history insert in
 * one statement (one round trip, like Tolk's write), on node-postgres (`pg`) or on `postgres`.
 */
async function serveBare(driver, url, segFile) {
  const { Hono } = await import('hono')
  const { serve } = await import('@hono/node-server')
  const schema = `bare_${driver}`
  const setup = [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    `CREATE TABLE IF NOT EXISTS ${schema}.t (unit text, lang text, text text NOT NULL, version integer NOT NULL, PRIMARY KEY (unit, lang))`,
    `CREATE TABLE IF NOT EXISTS ${schema}.history (seq bigserial PRIMARY KEY, unit text NOT NULL, lang text NOT NULL, version integer NOT NULL, text text NOT NULL, at timestamptz NOT NULL)`,
  ]
  const write = `WITH u AS (UPDATE ${schema}.t SET text = $1, version = version + 1 WHERE unit = $2 AND lang = $3 AND version = $4 RETURNING version)
    INSERT INTO ${schema}.history (unit, lang, version, text, at) SELECT $2, $3, version, $1, now() FROM u RETURNING version`
  const current = `SELECT version FROM ${schema}.t WHERE unit = $1 AND lang = $2`
  const segments = JSON.parse(fs.readFileSync(segFile, 'utf8'))
  let query
  if (driver === 'pg') {
    const { default: pg } = await import('pg')
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    // Named: prepared once per connection, as Tolk's write statement is and as porsager does itself.
    const names = new Map()
    query = async (text, values) => {
      if (!names.has(text)) names.set(text, `q${names.size}`)
      return (await pool.query({ name: names.get(text), text, values })).rows
    }
  } else {
    const { default: postgres } = await import('postgres')
    const sql = postgres(url, { max: 10, onnotice: () => {} })
    query = (text, values) => sql.unsafe(text, values, { prepare: true })
  }
  for (const s of setup) await query(s, [])
  const units = segments.map((s) => s.unit)
  const langs = segments.map((s) => s.lang)
  await query(`INSERT INTO ${schema}.t SELECT u, l, '', 0 FROM unnest($1::text[], $2::text[]) AS x(u, l) ON CONFLICT DO NOTHING`, [units, langs])
  const app = new Hono()
  app.put('/w/:unit/:lang', async (c) => {
    const version = Number((c.req.header('if-match') ?? '').replaceAll('"', ''))
    const { text } = await c.req.json()
    const [unit, lang] = [c.req.param('unit'), c.req.param('lang')]
    const rows = await query(write, [text, unit, lang, version])
    if (rows.length !== 1) {
      c.header('ETag', `"${(await query(current, [unit, lang]))[0]?.version}"`)
      return c.json({ error: 'conflict' }, 412)
    }
    c.header('ETag', `"${version + 1}"`)
    return c.json({ version: version + 1 })
  })
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`URL http://127.0.0.1:${info.port}`))
}
