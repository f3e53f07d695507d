// `tolk serve` beside another process that holds the database's write lock (issue 15, item 4).
//
//   node bench/locked-import.mjs          (npm run bench builds dist/ first)
//
// The service runs in this process; a probe calls /healthz every 10 ms and a writer PUTs
// translations one after another, while
//   A. another process holds the write lock (BEGIN IMMEDIATE) for 3 s: the worst case, and
//   B. `tolk import DIR` imports 150 articles (one transaction each) into the same database.
// Printed: /healthz p50, p99 and max, and the writes by status with their p99. Before the fix
// every write waited up to 5 s on the event loop (busy_timeout 5000): /healthz took 5.15 s and
// a write failed with a generic 500. Now /healthz should stay in milliseconds, writes that find
// the lock wait off the loop and answer 503 + Retry-After after 2 s.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const { startServer } = await import(path.join(ROOT, 'dist/server.js'))

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-locked-'))
const db = path.join(dir, 'tolk.sqlite')
const lines = []
const server = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, print: (l) => lines.push(l) })
const auth = { authorization: `Bearer ${lines.find((l) => l.startsWith('tolk_'))}` }
const units = (await (await fetch(`${server.url}/api/articles/sv-general-01/units`, { headers: auth })).json()).units.map((u) => u.id)

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
const ms = (x) => `${x.toFixed(1)} ms`

/** Probe /healthz and write while `child` runs; print the figures. */
async function during(name, child) {
  let running = true
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  void exited.then(() => (running = false))
  const health = []
  const writes = []
  const probe = (async () => {
    while (running) {
      const t = performance.now()
      await (await fetch(`${server.url}/healthz`)).text()
      health.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, 10))
    }
  })()
  const writer = (async () => {
    let i = 0
    while (running) {
      const unit = units[i++ % units.length]
      const current = await fetch(`${server.url}/api/articles/sv-general-01/units/${unit}/translations/sv`, { headers: auth })
      const version = current.headers.get('etag') ?? '"0"'
      const t = performance.now()
      const res = await fetch(`${server.url}/api/articles/sv-general-01/units/${unit}/translations/sv`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': version },
        body: JSON.stringify({ text: `Översättning ${i}.` }),
      })
      await res.text()
      writes.push({ status: res.status, ms: performance.now() - t })
    }
  })()
  const code = await exited
  await Promise.all([probe, writer])
  const byStatus = {}
  for (const w of writes) byStatus[w.status] = (byStatus[w.status] ?? 0) + 1
  console.log(`${name} (exit ${code}):`)
  console.log(`  /healthz: ${health.length} probes, p50 ${ms(pct(health, 50))}, p99 ${ms(pct(health, 99))}, max ${ms(Math.max(...health))}`)
  console.log(`  writes: ${JSON.stringify(byStatus)}, p99 ${ms(pct(writes.map((w) => w.ms), 99))}`)
}

const holder = spawn(process.execPath, ['--input-type=module', '-e', `
  import Database from 'better-sqlite3'
  const db = new Database(${JSON.stringify(db)})
  db.exec('BEGIN IMMEDIATE')
  setTimeout(() => { db.exec('COMMIT'); db.close() }, 3000)
`], { cwd: ROOT, stdio: 'inherit' })
await during('A. another process holds the write lock for 3 s', holder)

const articles = path.join(dir, 'articles')
fs.mkdirSync(articles)
const sentence = (i, k) => `Sentence ${k} of article ${i} talks about the harbour, the boats and the weather today.`
for (let i = 1; i <= 150; i++) {
  const paras = Array.from({ length: 40 }, (_, p) => Array.from({ length: 5 }, (_, k) => sentence(i, p * 5 + k)).join(' '))
  fs.writeFileSync(path.join(articles, `en-bench-${String(i).padStart(3, '0')}.txt`), `${paras.join('\n\n')}\n`)
}
const importer = spawn(process.execPath, ['bin/tolk.js', 'import', articles, '--lang', 'en', '--targets', 'sv', '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
await during('B. tolk import DIR of 150 articles (200 sentences each) beside the server', importer)

await server.close()
fs.rmSync(dir, { recursive: true, force: true })
