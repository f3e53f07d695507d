// Live updates: 200 open event streams on one article, and saves delivered to all of them.
//
//   node bench/live.mjs [--streams 200] [--saves 40]     (npm run bench builds dist/ first)
//
// In-process (app.request): each stream is a real GET /edit/:article/:lang/events on a session,
// read as it comes. Prints the heap per open stream and the time from a save (its commit) to its
// delivery on every stream, p50 and p99 over all deliveries. Delivery waits for the process's
// poller (every 250 ms), so that is the floor of the figure. Then another connection ends the
// session, and it prints how long until the last stream ended (rights watch, every 250 ms).
// Last, as many dashboard streams, and the time from a save to the bar that shows it.
// The machine is shared and noisy.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { streams: { type: 'string', default: '200' }, saves: { type: 'string', default: '40' } },
})
const STREAMS = Number(values.streams)
const SAVES = Number(values.saves)
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href)

const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
const { openSqliteAccounts } = await dist('store/sqlite/accounts.js')
const { openSqliteWebAuth } = await dist('store/sqlite/sessions.js')
const { importText } = await dist('import/import-text.js')
const { createApp } = await dist('http/app.js')
const { createWebRoutes } = await dist('web/create-web-routes.js')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-live-'))
const file = path.join(dir, 'tolk.sqlite')
const store = createSqliteStore({ file })
const accounts = openSqliteAccounts({ file })
const web = openSqliteWebAuth({ file }, accounts)
try {
  const id = 'en-live-01'
  const text = Array.from({ length: SAVES }, (_, i) => `Sentence number ${i} is here.`).join('\n\n')
  await importText(store, { id, tag: 'en-bench', lang: 'en', targets: ['sv'], text })
  const units = await store.listUnits(id)
  await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
  const { id: sid } = await web.sessions.create('ana')
  const app = createApp({ store, accounts, log: false })
  app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions }))

  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const sentAt = new Map() // version text -> time of commit
  const delays = []
  const endedAt = [] // when each stream ended, after the sign-out below
  let delivered = 0
  const readers = []
  for (let s = 0; s < STREAMS; s++) {
    const res = await app.request(`/edit/${id}/sv/events`, { headers: { Cookie: `tolk_session=${sid}` } })
    const reader = res.body.getReader()
    readers.push(reader)
    const decoder = new TextDecoder()
    let buf = ''
    ;(async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) {
          endedAt.push(performance.now())
          return
        }
        buf += decoder.decode(value, { stream: true })
        let end
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const msg = buf.slice(0, end)
          buf = buf.slice(end + 2)
          const data = /^data: (.*)$/m.exec(msg)?.[1]
          if (!msg.startsWith('event: translation') || !data) continue
          const at = sentAt.get(JSON.parse(data).text)
          if (at !== undefined) delays.push(performance.now() - at)
          delivered++
        }
      }
    })()
  }
  await new Promise((r) => setTimeout(r, 300))
  global.gc?.()
  const perStream = (process.memoryUsage().heapUsed - heapBefore) / STREAMS

  for (const [i, u] of units.entries()) {
    const t = `Mening ${i}.`
    await store.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text: t, state: 'translated', ifVersion: 0, author: 'ana' })
    sentAt.set(t, performance.now())
    await new Promise((r) => setTimeout(r, 50))
  }
  const want = units.length * STREAMS
  const deadline = Date.now() + 10_000
  while (delivered < want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  // Rights: another connection (as `tolk user sign-out` in another process) ends the session;
  // every stream must end within 1 s, by the change signal, not at the 15 s heartbeat.
  const other = openSqliteWebAuth({ file }, accounts)
  const signedOutAt = performance.now()
  await other.sessions.endAll('ana')
  await other.close()
  const endDeadline = Date.now() + 20_000
  while (endedAt.length < STREAMS && Date.now() < endDeadline) await new Promise((r) => setTimeout(r, 10))
  const lastEnd = endedAt.length === STREAMS ? Math.max(...endedAt) - signedOutAt : NaN
  for (const r of readers) await r.cancel().catch(() => {})
  delays.sort((a, b) => a - b)
  const q = (p) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? NaN
  console.log(`live updates: ${STREAMS} event streams on one article, ${units.length} saves (in-process)`)
  console.log(`  heap per open stream: ${(perStream / 1024).toFixed(1)} KB`)
  console.log(`  delivered ${delivered} of ${want}; save to delivery p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms (poll every 250 ms)`)
  console.log(`  sign-out by another connection to the last of ${STREAMS} streams ended: ${lastEnd.toFixed(0)} ms (${endedAt.length} ended; the issue allows 1000 ms)`)

  // The dashboard: as many dashboard streams (GET /dashboard/events) on the same article; each
  // save (now as reviewed) moves the sv bar, and the time from a save's commit to the first bar
  // that shows it arriving on each stream is measured. Saves within one poll come as one bar.
  const { id: sid2 } = await web.sessions.create('ana')
  const bars = [] // [performance.now(), reviewed words] per coverage event received
  const dashReaders = []
  for (let s = 0; s < STREAMS; s++) {
    const res = await app.request(`/dashboard/events?articles=${id}`, { headers: { Cookie: `tolk_session=${sid2}` } })
    const reader = res.body.getReader()
    dashReaders.push(reader)
    const decoder = new TextDecoder()
    let buf = ''
    ;(async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buf += decoder.decode(value, { stream: true })
        let end
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const msg = buf.slice(0, end)
          buf = buf.slice(end + 2)
          const data = /^data: (.*)$/m.exec(msg)?.[1]
          if (msg.startsWith('event: coverage') && data) bars.push([performance.now(), s, JSON.parse(data).parts.reviewed])
        }
      }
    })()
  }
  await new Promise((r) => setTimeout(r, 300))
  const reviewedAt = [] // [commit time, reviewed words after it]
  for (const [i, u] of units.entries()) {
    await store.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text: `Mening ${i}.`, state: 'reviewed', ifVersion: 1, author: 'ana' })
    const at = performance.now()
    const [c] = await store.coverage({ articles: [id], langs: ['sv'] })
    reviewedAt.push([at, c.words.reviewed])
    await new Promise((r) => setTimeout(r, 50))
  }
  const lastReviewed = reviewedAt.at(-1)[1]
  const barDeadline = Date.now() + 10_000
  const allShown = () => new Set(bars.filter(([, , r]) => r === lastReviewed).map(([, s]) => s)).size === STREAMS
  while (!allShown() && Date.now() < barDeadline) await new Promise((r) => setTimeout(r, 50))
  for (const r of dashReaders) await r.cancel().catch(() => {})
  // Each save's delay: until each stream first showed a bar with at least its reviewed words.
  const barDelays = []
  for (const [at, reviewed] of reviewedAt) {
    const firstPerStream = new Map()
    for (const [t, s, r] of bars) if (r >= reviewed && t >= at && !firstPerStream.has(s)) firstPerStream.set(s, t)
    for (const t of firstPerStream.values()) barDelays.push(t - at)
  }
  barDelays.sort((a, b) => a - b)
  const bq = (p) => barDelays[Math.min(barDelays.length - 1, Math.floor(p * barDelays.length))] ?? NaN
  console.log(`  dashboard: ${STREAMS} dashboard streams, ${units.length} saves; save to bar p50 ${bq(0.5).toFixed(1)} ms, p99 ${bq(0.99).toFixed(1)} ms (${barDelays.length} of ${units.length * STREAMS}; one coverage read per poll that saw a save)`)
} finally {
  await web.close()
  await accounts.close()
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
