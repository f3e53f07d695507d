// HTTP write and report throughput of `tolk serve`, against peers measured in the same run.
//
//   node bench/http-writes.mjs [--duration 5] [--rounds 2]   (npm run bench builds dist/ first)
//
// 1. PUT translations spread over a 1,000-unit article in 5 target languages, 50 connections,
//    each request with a bearer token, zod validation, the grant check, If-Match version check
//    and a history row: writes/s (2xx only) and p99. Each request names the version it read, so
//    a 412 shows as a non-2xx count: there should be none beyond the (up to 50) requests the
//    1 s warm-up leaves in flight when it stops, whose new versions the generator never reads
//    (the bare peer has the same 50).
// 2. The same requests against a bare Hono + better-sqlite3 endpoint doing one versioned UPDATE
//    and one history INSERT per request (WAL, synchronous=NORMAL), and a Hono hello-world:
//    ratios to both. Targets: >= 4,500 writes/s, p99 < 30 ms.
// 3. GET /api/articles/:id/report of that article (5 languages, after the writes): req/s, p99;
//    the full report lists every untranslated segment (~0.5 MB of JSON here), so the coverage-only
//    `?summary=true` is measured beside it.
//
// Every server runs in its own process, and autocannon (the load generator) in another, so the
// server under test has a core to itself on a 2-core machine. This one file plays each role:
// `--serve bare|hello DB` and `--load writes|report|get ...` are its child modes.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cpuMs, startChild } from './lib/child-server.mjs'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const LANGS = ['sv', 'de', 'fr', 'es', 'it']
const UNITS = 1000
const CONNECTIONS = 50
const args = process.argv.slice(2)

if (args[0] === '--serve') await serveMode(args[1], args[2])
else if (args[0] === '--load') await loadMode(JSON.parse(args[1]))
else await main()

/** The orchestrator: build the data, run each server and its load, print figures and ratios. */
async function main() {
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
  const duration = option('--duration', 5)
  const rounds = option('--rounds', 2)
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
    console.error('bench/http-writes: dist/ is missing: run npm run build (npm run bench does)')
    process.exit(2)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-http-'))
  try {
    const { db, token, article, segments } = await prepare(dir)
    const segFile = path.join(dir, 'segments.json')
    fs.writeFileSync(segFile, JSON.stringify(segments))
    console.log(`article ${article}: ${UNITS} units x ${LANGS.length} languages; ${CONNECTIONS} connections, ${duration} s per run after 1 s warm-up, ${rounds} rounds`)
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

    // All three servers up at once (idle when not loaded); runs interleaved in rounds, so a
    // neighbour loading the machine for a while hurts all three alike. The best round counts.
    const tolkServe = [path.join(ROOT, 'bin/tolk.js'), 'serve', '--port', '0', '--db', db, '--quiet']
    const servers = await Promise.all([
      startChild([SELF, '--serve', 'hello']),
      startChild([SELF, '--serve', 'bare', path.join(dir, 'bare.sqlite')]),
      startChild(tolkServe),
    ])
    const [helloServer, bareServer, tolkServer] = servers
    const [helloUrl, bareUrl, tolkUrl] = servers.map((s) => s.url)
    const runs = { hello: [], bare: [], tolk: [] }
    try {
      for (let round = 1; round <= rounds; round++) {
        runs.hello.push(await measured(helloServer, { kind: 'get', url: `${helloUrl}/`, duration }))
        runs.bare.push(await measured(bareServer, { kind: 'writes', url: bareUrl, duration, segFile, bare: true }))
        runs.tolk.push(await measured(tolkServer, { kind: 'writes', url: tolkUrl, duration, segFile, token, article }))
        console.log(`round ${round}: hello ${fmt(runs.hello.at(-1))}, bare ${fmt(runs.bare.at(-1))}, tolk ${fmt(runs.tolk.at(-1))}`)
      }
      runs.report = [await measured(tolkServer, { kind: 'get', url: `${tolkUrl}/api/articles/${article}/report`, duration, token })]
      runs.summary = [await measured(tolkServer, { kind: 'get', url: `${tolkUrl}/api/articles/${article}/report?summary=true`, duration, token })]
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
    }
    const best = (list) => list.reduce((a, b) => (b.ok2xx > a.ok2xx ? b : a))
    const [hello, bare, tolk, report, summary] = [best(runs.hello), best(runs.bare), best(runs.tolk), runs.report[0], runs.summary[0]]

    const row = (name, r, what) =>
      `${name.padEnd(34)} ${Math.round(r.ok2xx).toLocaleString('en').padStart(8)} ${what}  p99 ${String(r.p99).padStart(4)} ms  p50 ${String(r.p50).padStart(3)} ms  server ${us(r).padStart(7)} CPU/req  non-2xx ${r.non2xx}  errors ${r.errors}`
    console.log('')
    console.log(row('Hono hello-world (GET)', hello, 'req/s   '))
    console.log(row('bare Hono + better-sqlite3 (PUT)', bare, 'writes/s'))
    console.log(row('tolk PUT translation', tolk, 'writes/s'))
    console.log(row('tolk GET article report', report, 'req/s   '))
    console.log(row('tolk GET report ?summary=true', summary, 'req/s   '))
    console.log('')
    console.log(`RATIO tolk / bare endpoint   ${(tolk.ok2xx / bare.ok2xx).toFixed(2)}`)
    console.log(`RATIO tolk / hello-world     ${(tolk.ok2xx / hello.ok2xx).toFixed(2)}`)
    const cpuRatio = (a, b) => (a.cpuPerRequest && b.cpuPerRequest ? (b.cpuPerRequest / a.cpuPerRequest).toFixed(2) : '?')
    console.log(`RATIO by server CPU per request (steadier on a busy machine): tolk / bare ${cpuRatio(tolk, bare)}, tolk / hello-world ${cpuRatio(tolk, hello)}`)
    const pass = tolk.ok2xx >= 4500 && tolk.p99 < 30
    console.log(`target >= 4,500 writes/s with p99 < 30 ms: ${pass ? 'met' : 'NOT met'} (${Math.round(tolk.ok2xx)} writes/s, p99 ${tolk.p99} ms)`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A 1,000-unit article with 5 targets, a translator for all five, and its token. */
async function prepare(dir) {
  const { createSqliteStore } = await import('../dist/store/sqlite/create-sqlite-store.js')
  const { openSqliteAccounts } = await import('../dist/store/sqlite/accounts.js')
  const { importText } = await import('../dist/import/import-text.js')
  const { issueToken } = await import('../dist/auth/tokens.js')
  const db = path.join(dir, 'tolk.sqlite')
  const store = createSqliteStore({ file: db })
  const article = 'en-bench-01'
  const paragraphs = []
  for (let p = 0; p < UNITS / 5; p++) {
    const s = []
    for (let i = 0; i < 5; i++) s.push(`Report ${p * 5 + i} tells how the harbour crew loaded boat number ${p} in the morning.`)
    paragraphs.push(s.join(' '))
  }
  await importText(store, { id: article, tag: 'en-bench', lang: 'en', targets: LANGS, text: `${paragraphs.join('\n\n')}\n` })
  const units = await store.listUnits(article)
  if (units.length !== UNITS) throw new Error(`the generated article has ${units.length} units, not ${UNITS}`)
  await store.close()
  const accounts = openSqliteAccounts({ file: db })
  await accounts.add('bench', [{ role: 'translator', langs: LANGS }])
  const { token } = await issueToken(accounts, 'bench')
  await accounts.close()
  // Segment order: unit-major, so consecutive requests hit different rows of different units.
  const segments = []
  for (const lang of LANGS) for (const u of units) segments.push({ unit: u.id, lang })
  return { db, token, article, segments }
}



/**
 * One load run against a server, with the server's CPU time per request: steadier than
 * requests per second when neighbours load the machine, since waiting costs no CPU.
 */
async function measured(server, config) {
  const before = cpuMs(server.pid)
  const r = await load(config)
  const after = cpuMs(server.pid)
  // The warm-up second is inside the CPU window too: count its requests as well.
  r.cpuPerRequest = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / r.allRequests
  return r
}

function us(r) {
  return r.cpuPerRequest === undefined ? '?' : `${Math.round(r.cpuPerRequest)} µs`
}

function fmt(r) {
  return `${Math.round(r.ok2xx)}/s p99 ${r.p99} ms, server ${us(r)} CPU/req (generator ${r.loadCpu.toFixed(2)} core)`
}

/** Run autocannon in its own process and read its summary. */
function load(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--load', JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load ${config.kind} exited ${code}`))))
  })
}

/** Child mode: autocannon against one URL; prints {ok2xx (per s), p50, p99, non2xx, errors}. */
async function loadMode(config) {
  const { default: autocannon } = await import('autocannon')
  const headers = config.token ? { authorization: `Bearer ${config.token}` } : {}
  let requests = [{ method: 'GET', headers }]
  if (config.kind === 'writes') {
    const segments = JSON.parse(fs.readFileSync(config.segFile, 'utf8'))
    // Versions the server answered, kept between the rounds' load processes. `versions` names
    // the data the server writes to (bench/pg-writes.mjs runs two servers on one database).
    const versionFile = `${config.segFile}.${config.versions ?? (config.bare ? 'bare' : 'tolk')}.versions`
    const read = () => (fs.existsSync(versionFile) ? JSON.parse(fs.readFileSync(versionFile, 'utf8')) : new Array(segments.length).fill(0))
    const versions = read()
    // `part: [i, n]`: this process writes every n-th segment from the i-th, so that two load
    // processes on one database never write the same segment; at exit it keeps the other part's.
    const [part, parts] = config.part ?? [0, 1]
    const mine = segments.map((_, i) => i).filter((i) => i % parts === part)
    process.once('beforeExit', () => {
      const merged = parts === 1 ? versions : read()
      for (const i of mine) merged[i] = versions[i]
      fs.writeFileSync(`${versionFile}.${process.pid}`, JSON.stringify(merged))
      fs.renameSync(`${versionFile}.${process.pid}`, versionFile)
    })
    let next = 0
    requests = [
      {
        method: 'PUT',
        setupRequest(req, context) {
          // Round robin over 5,000 segments: a segment's previous write has long been answered
          // (50 in flight), so the version it carries is the current one.
          const i = mine[next++ % mine.length]
          context.i = i
          const s = segments[i]
          const p = config.bare ? `/w/${s.unit}/${s.lang}` : `/api/articles/${config.article}/units/${s.unit}/translations/${s.lang}`
          return {
            ...req,
            path: p,
            headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${versions[i]}"` },
            body: JSON.stringify({ text: `Översättning ${next} av rapporten`, state: 'translated' }),
          }
        },
        onResponse(status, _body, context, resHeaders) {
          const etag = resHeaders.etag ?? resHeaders.ETag
          if (etag) versions[context.i] = Number(String(etag).replaceAll('"', ''))
        },
      },
    ]
  }
  const run = (duration) =>
    autocannon({ url: config.url, connections: config.connections ?? CONNECTIONS, duration, requests })
  const warm = await run(1) // warm-up: JIT, SQLite page cache, keep-alive connections
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const r = await run(config.duration)
  const cpu = process.cpuUsage(cpu0)
  // Share of one core the load generator used: near 1.0 means it, not the server, was the limit.
  const loadCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - t0)
  const summary = {
    ok2xx: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    loadCpu,
    allRequests: warm.requests.total + r.requests.total,
  }
  process.stdout.write(JSON.stringify(summary))
}

/** Child mode: a peer server. `bare`: versioned update + history insert; `hello`: hello-world. */
async function serveMode(kind, dbFile) {
  const { Hono } = await import('hono')
  const { serve } = await import('@hono/node-server')
  const app = new Hono()
  if (kind === 'hello') {
    app.get('/', (c) => c.text('Hello Hono!'))
  } else {
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(dbFile)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec(`CREATE TABLE t (unit TEXT, lang TEXT, text TEXT, version INTEGER, PRIMARY KEY (unit, lang)) STRICT, WITHOUT ROWID;
      CREATE TABLE history (seq INTEGER PRIMARY KEY, unit TEXT, lang TEXT, version INTEGER, text TEXT, at TEXT) STRICT;`)
    const seed = db.prepare("INSERT INTO t VALUES (?, ?, '', 0)")
    db.transaction(() => {
      for (const s of JSON.parse(fs.readFileSync(path.join(path.dirname(dbFile), 'segments.json'), 'utf8'))) seed.run(s.unit, s.lang)
    })()
    const update = db.prepare('UPDATE t SET text = ?, version = version + 1 WHERE unit = ? AND lang = ? AND version = ?')
    const current = db.prepare('SELECT version FROM t WHERE unit = ? AND lang = ?')
    const history = db.prepare('INSERT INTO history (unit, lang, version, text, at) VALUES (?, ?, ?, ?, ?)')
    const write = db.transaction((unit, lang, version, text) => {
      if (update.run(text, unit, lang, version).changes !== 1) return false
      history.run(unit, lang, version + 1, text, new Date().toISOString())
      return true
    })
    app.put('/w/:unit/:lang', async (c) => {
      const version = Number((c.req.header('if-match') ?? '').replaceAll('"', ''))
      const { text } = await c.req.json()
      if (!write(c.req.param('unit'), c.req.param('lang'), version, text)) {
        // Like tolk, name the current version, so the load generator can catch up.
        c.header('ETag', `"${current.get(c.req.param('unit'), c.req.param('lang'))?.version}"`)
        return c.json({ error: 'conflict' }, 412)
      }
      c.header('ETag', `"${version + 1}"`)
      return c.json({ version: version + 1 })
    })
  }
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`URL http://127.0.0.1:${info.port}`))
  process.once('SIGTERM', () => server.close(() => process.exit(0)))
}
