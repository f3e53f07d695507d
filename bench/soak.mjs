// Soak of `tolk serve` on a 100,000-unit article, beside a bare Hono + better-sqlite3 server that
// runs the same SQL without authentication, validation or logging.
//
//   node bench/soak.mjs [--seconds 60] [--paging-seconds 15] [--quiet] [--tolk OTHER/bin/tolk.js]
//   (npm run bench builds dist/)
//
// 1. Paging: 20 clients page through the article from start to end (`limit=100`, each following
//    `next`), while a probe calls /healthz 10 times a second: its p99 (target under 100 ms).
// 2. Soak, `--seconds` per server (60 by default): 50 connections, 80 % unit-page reads
//    (`?lang=sv&limit=50` at random cursors) and 20 % versioned writes (PUT with If-Match, the
//    version each unit last answered), the /healthz probe beside it. Tolk first, then the bare
//    server on a copy of the same database. Printed: requests/s (2xx), p99, non-2xx, errors,
//    each server's RSS before and after, the probe's p99 and worst, and RATIO tolk / bare
//    (target at least 0.50). Figures only: nothing is asserted; the machine may be shared.
//
// Each server runs in its own process and the load generator (autocannon) in another; this file
// plays every role (`--serve-bare DB`, `--load JSON` are its child modes). Servers listen on
// 127.0.0.1, port 0.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cpuMs, startChild } from './lib/child-server.mjs'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const ARTICLE = 'en-soak-01'
const UNITS = 100_000
const args = process.argv.slice(2)

if (args[0] === '--serve-bare') await serveBare(args[1])
else if (args[0] === '--load') await loadMode(JSON.parse(args[1]))
else await main()

async function main() {
  const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback)
  const seconds = option('--seconds', 60)
  const pagingSeconds = option('--paging-seconds', 15)
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
    console.error('bench/soak: dist/ is missing: run npm run build (npm run bench does)')
    process.exit(2)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-soak-'))
  try {
    const t0 = performance.now()
    const { db, token, units } = await prepare(dir)
    const bareDb = path.join(dir, 'bare.sqlite')
    fs.copyFileSync(db, bareDb)
    const unitFile = path.join(dir, 'units.json')
    fs.writeFileSync(unitFile, JSON.stringify(units))
    console.log(`article ${ARTICLE}: ${UNITS.toLocaleString('en')} units, target sv; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

    // --tolk PATH: another build's bin/tolk.js (a checkout before a change), for before/after figures.
    const tolkBin = args.includes('--tolk') ? path.resolve(args[args.indexOf('--tolk') + 1]) : path.join(ROOT, 'bin/tolk.js')
    const tolkArgs = [tolkBin, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db]
    if (args.includes('--quiet')) tolkArgs.push('--quiet')
    const tolk = await startChild(tolkArgs)
    let bare
    try {
      // 1. Paging through the whole article, 20 clients.
      const paging = await probed(tolk, { kind: 'paging', url: tolk.url, token, duration: pagingSeconds, connections: 20 })
      console.log('')
      console.log(`1. 20 clients paging through ${UNITS.toLocaleString('en')} units (limit=100) for ${pagingSeconds} s:`)
      console.log(`   ${Math.round(paging.load.ok2xx)} pages/s, p99 ${paging.load.p99} ms, non-2xx ${paging.load.non2xx}, errors ${paging.load.errors}, server ${paging.load.cpuUs === undefined ? '?' : Math.round(paging.load.cpuUs)} µs CPU/page`)
      console.log(`   /healthz p99 ${paging.probe.p99.toFixed(1)} ms, worst ${paging.probe.max.toFixed(1)} ms over ${paging.probe.n} probes (target p99 < 100 ms: ${paging.probe.p99 < 100 ? 'met' : 'NOT met'})`)

      // 2. The soak: tolk, then the bare server on a copy of the same data.
      const soakConfig = { kind: 'soak', unitFile, duration: seconds, connections: 50 }
      const t = await probed(tolk, { ...soakConfig, url: tolk.url, token, article: ARTICLE })
      await tolk.stop()
      bare = await startChild([SELF, '--serve-bare', bareDb])
      const b = await probed(bare, { ...soakConfig, url: bare.url, bare: true })
      console.log('')
      console.log(`2. soak, ${seconds} s each, 50 connections, 80 % page reads (limit=50, random cursors), 20 % versioned writes:`)
      const row = (name, r) =>
        `   ${name.padEnd(30)} ${Math.round(r.load.ok2xx).toLocaleString('en').padStart(7)} req/s  p99 ${String(r.load.p99).padStart(4)} ms  non-2xx ${r.load.non2xx} (412 ${r.load.conflicts})  errors ${r.load.errors}  server ${r.load.cpuUs === undefined ? '?' : Math.round(r.load.cpuUs)} µs CPU/req  RSS ${mb(r.rssBefore)} -> ${mb(r.rssAfter)} MB  /healthz p99 ${r.probe.p99.toFixed(1)} ms, worst ${r.probe.max.toFixed(1)} ms`
      console.log(row('tolk serve', t))
      console.log(row('bare Hono + better-sqlite3', b))
      const ratio = t.load.ok2xx / b.load.ok2xx
      console.log('')
      console.log(`RATIO tolk / bare throughput  ${ratio.toFixed(2)} (target >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`)
      if (t.load.cpuUs && b.load.cpuUs) console.log(`RATIO by server CPU per request (steadier on a busy machine): ${(b.load.cpuUs / t.load.cpuUs).toFixed(2)}`)
      console.log(`/healthz p99 during tolk's soak ${t.probe.p99.toFixed(1)} ms (target < 100 ms: ${t.probe.p99 < 100 ? 'met' : 'NOT met'})`)
    } finally {
      await tolk.stop()
      await bare?.stop()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The 100,000-unit article, a translator with its token; the unit ids in order. */
async function prepare(dir) {
  const { createSqliteStore } = await import('../dist/store/sqlite/create-sqlite-store.js')
  const { importText } = await import('../dist/import/import-text.js')
  const { issueToken } = await import('../dist/auth/tokens.js')
  const db = path.join(dir, 'tolk.sqlite')
  const store = createSqliteStore({ file: db })
  const paragraphs = []
  for (let p = 0; p < UNITS / 5; p++) {
    const s = []
    for (let i = 0; i < 5; i++) s.push(`Report ${p * 5 + i} tells how the harbour crew loaded boat number ${p} in the morning.`)
    paragraphs.push(s.join(' '))
  }
  await importText(store, { id: ARTICLE, tag: 'en-soak', lang: 'en', targets: ['sv'], text: `${paragraphs.join('\n\n')}\n` })
  const units = (await store.listUnits(ARTICLE)).map((u) => u.id)
  if (units.length !== UNITS) throw new Error(`the generated article has ${units.length} units, not ${UNITS}`)
  await store.accounts.add('soak', [{ role: 'translator', langs: ['sv'] }])
  const { token } = await issueToken(store.accounts, 'soak')
  await store.close()
  return { db, token, units }
}



/** Resident set size of a process in bytes, from /proc; undefined elsewhere. */
function rss(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}
function mb(bytes) {
  return bytes === undefined ? "?" : (bytes / 2 ** 20).toFixed(0)
}

/** One load run with the /healthz probe beside it, and the server's RSS before and after. */
async function probed(server, config) {
  const rssBefore = rss(server.pid)
  const cpuBefore = cpuMs(server.pid)
  const probe = startProbe(server.url)
  const load = await runLoad(config)
  const times = probe.stop()
  const rssAfter = rss(server.pid)
  const cpuAfter = cpuMs(server.pid)
  // Server CPU per request (warm-up included on both sides): steadier than req/s on a busy machine.
  load.cpuUs = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / load.allRequests
  times.sort((a, b) => a - b)
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN
  return { load, rssBefore, rssAfter, probe: { n: times.length, p99: at(0.99), max: times.at(-1) ?? NaN } }
}

/** GET /healthz 10 times a second on a connection of its own; the latencies in ms. */
function startProbe(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const times = []
  const timer = setInterval(() => {
    const start = performance.now()
    http
      .get(`${url}/healthz`, { agent }, (res) => {
        res.resume()
        res.on('end', () => times.push(performance.now() - start))
      })
      .on('error', () => times.push(Number.POSITIVE_INFINITY))
  }, 100)
  return {
    stop() {
      clearInterval(timer)
      agent.destroy()
      return times
    },
  }
}

/** Run autocannon in its own process and read its summary. */
function runLoad(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--load', JSON.stringify(config)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load ${config.kind} exited ${code}`))))
  })
}

/** Child mode: autocannon with the paging or the soak mix; prints its summary as JSON. */
async function loadMode(config) {
  const { default: autocannon } = await import('autocannon')
  const auth = config.token ? { authorization: `Bearer ${config.token}` } : {}
  let conflicts = 0
  let requests
  if (config.kind === 'paging') {
    const base = `/api/articles/${ARTICLE}/units?lang=sv&limit=100`
    requests = [
      {
        method: 'GET',
        setupRequest(req, context) {
          return { ...req, path: context.next ? `${base}&cursor=${context.next}` : base, headers: auth }
        },
        onResponse(status, body, context) {
          // Follow `next`; at the end, start again from the first page.
          context.next = status === 200 ? (JSON.parse(body).next ?? undefined) : undefined
        },
      },
    ]
  } else {
    const units = JSON.parse(fs.readFileSync(config.unitFile, 'utf8'))
    const versions = new Map()
    let seed = 12345
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x80000000
    }
    requests = [
      {
        setupRequest(req, context) {
          if (random() < 0.8) {
            const cursor = Math.floor(random() * (units.length - 50))
            context.unit = undefined
            const p = config.bare ? `/units?limit=50&cursor=${cursor}` : `/api/articles/${config.article}/units?lang=sv&limit=50&cursor=${cursor}`
            return { ...req, method: 'GET', path: p, headers: auth, body: undefined }
          }
          const unit = units[Math.floor(random() * units.length)]
          context.unit = unit
          const p = config.bare ? `/w/${unit}/sv` : `/api/articles/${config.article}/units/${unit}/translations/sv`
          return {
            ...req,
            method: 'PUT',
            path: p,
            headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${versions.get(unit) ?? 0}"` },
            body: JSON.stringify({ text: `Rapport ${Math.floor(random() * 1e6)} om hamnen`, state: 'translated' }),
          }
        },
        onResponse(status, _body, context, headers) {
          if (context.unit === undefined) return
          if (status === 412) conflicts++
          const etag = headers.etag ?? headers.ETag
          if (etag) versions.set(context.unit, Number(String(etag).replaceAll('"', '')))
        },
      },
    ]
  }
  const run = (duration) => autocannon({ url: config.url, connections: config.connections, duration, requests, timeout: 30 })
  const warm = await run(2) // warm-up: JIT, page cache, keep-alive connections
  conflicts = 0
  const r = await run(config.duration)
  const summary = {
    ok2xx: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    conflicts,
    errors: r.errors + r.timeouts,
    allRequests: warm.requests.total + r.requests.total,
  }
  process.stdout.write(JSON.stringify(summary))
}

/**
 * Child mode: the bare peer on a copy of tolk's database, running tolk's SQL: the unit page
 * (the same statement as the store's, article row first) and the versioned write (the write
 * lookup, the history append and the translation upsert in one IMMEDIATE transaction). No
 * authentication, no validation, no request log, no group commit.
 */
async function serveBare(dbFile) {
  const { Hono } = await import('hono')
  const { serve } = await import('@hono/node-server')
  const { default: Database } = await import('better-sqlite3')
  const { unitPageSql } = await import('../dist/store/sqlite/unit-pages.js')
  const db = new Database(dbFile)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const article = db.prepare(`SELECT id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at,
    lead FROM articles WHERE id = ?`)
  const page = db.prepare(unitPageSql('after', 'all')).raw()
  const lookup = db.prepare(`
    SELECT u.obsolete, u.source, a.targets, t.text, t.state, t.stale, t.version, t.made_from, t.history_seq,
      u.plural IS NULL OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = ?) AS applies
    FROM units u JOIN articles a ON a.id = u.article_id
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = ?
    WHERE u.article_id = ? AND u.id = ?`)
  const history = db.prepare(`INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state,
    new_state, author, at, prev_seq, memory_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const upsert = db.prepare(`
    INSERT INTO translations (article_id, unit_id, lang, text, state, stale, version, author, updated_at, made_from, history_seq)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, unit_id, lang) DO UPDATE SET text = excluded.text, state = excluded.state,
      stale = excluded.stale, version = excluded.version, author = excluded.author, updated_at = excluded.updated_at,
      made_from = excluded.made_from, history_seq = excluded.history_seq`)
  const write = db.transaction((unit, lang, ifVersion, text, state) => {
    const f = lookup.get(lang, lang, ARTICLE, unit)
    const version = f.version ?? 0
    if (version !== ifVersion) return { conflict: version }
    const at = new Date().toISOString()
    const { lastInsertRowid } = history.run(ARTICLE, unit, lang, version + 1, f.text, text, f.state ?? 'initial', state, 'bare', at, f.history_seq, null)
    upsert.run(ARTICLE, unit, lang, text, state, 0, version + 1, 'bare', at, f.source, lastInsertRowid)
    return { version: version + 1 }
  })
  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/units', (c) => {
    const a = article.get(ARTICLE)
    const rows = page.all({ id: ARTICLE, lang: 'sv', at: Number(c.req.query('cursor') ?? 0), limit: Number(c.req.query('limit') ?? 50) + 1 })
    const limit = Number(c.req.query('limit') ?? 50)
    const next = rows.length > limit ? String(rows[limit - 1][1]) : null
    const units = rows.slice(0, limit).map((r) => ({ id: r[0], position: r[1], block: r[2], kind: r[3], source: r[4], trailing: r[5], words: r[6], translation: r[14] === null ? { text: '', state: 'initial', stale: false, version: 0, author: null, updatedAt: null } : { text: r[11], state: r[12], stale: r[13] === 1, version: r[14], author: r[15], updatedAt: r[16] } }))
    return c.json({ article: a.id, lang: 'sv', units, next })
  })
  app.put('/w/:unit/:lang', async (c) => {
    const ifVersion = Number((c.req.header('if-match') ?? '').replaceAll('"', ''))
    const { text, state } = await c.req.json()
    const r = write.immediate(c.req.param('unit'), c.req.param('lang'), ifVersion, text, state)
    if (r.conflict !== undefined) {
      c.header('ETag', `"${r.conflict}"`)
      return c.json({ error: 'conflict' }, 412)
    }
    c.header('ETag', `"${r.version}"`)
    return c.json({ version: r.version })
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`URL http://127.0.0.1:${info.port}`))
  process.once('SIGTERM', () => server.close(() => process.exit(0)))
}
