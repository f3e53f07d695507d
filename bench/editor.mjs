// The editor page of a 2,000-segment article: server render time and transfer size.
//
//   node bench/editor.mjs [--requests 200]        (npm run bench builds dist/ first)
//
// 1. GET /edit/:article/sv in-process (app.request: routing, session lookup, CSRF, store reads,
//    hono/jsx render, compression), the first page (200 segments) and, for comparison, the whole
//    article on one page: p50 and p99 over many requests. Targets: p99 < 50 ms.
// 2. Bytes on the wire with gzip (the server compresses): HTML of the first page plus the CSS and
//    the script. Target: < 100 KB for the first screen of a paginated article (< 300 KB unpaged).
// 3. Peer in the same run: the same rows as one template string with hand escaping (no
//    components, no i18n, no hints), reading units and translations from the store on every
//    request as a naive page would (Tolk keeps units per article revision, so it can come out
//    ahead). The machine is shared and noisy: read the ratio, not the absolute times.
// Half the segments are translated, and every 10th of those is stale, so rows carry hints, state
// badges and diffs, as they do in real use.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } })
const REQUESTS = Number(values.requests)
const SEGMENTS = 2000
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href)

const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
const { openSqliteAccounts } = await dist('store/sqlite/accounts.js')
const { openSqliteWebAuth } = await dist('store/sqlite/sessions.js')
const { importText } = await dist('import/import-text.js')
const { hashPassword } = await dist('auth/passwords.js')
const { createApp } = await dist('http/app.js')
const { createWebRoutes } = await dist('web/create-web-routes.js')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-editor-'))
const file = path.join(dir, 'tolk.sqlite')
try {
  const store = createSqliteStore({ file })
  const accounts = openSqliteAccounts({ file })
  const web = openSqliteWebAuth({ file }, accounts)
  const words =
    'the harbour boats weather rebels army offensive summit planning leadership drones'.split(' ')
  const sentence = (i) =>
    `Sentence ${i} tells how ${words[i % words.length]} and ${words[(i * 7) % words.length]} met at ${i % 24} o'clock near the ${words[(i * 3) % words.length]}.`
  const paragraphs = []
  for (let i = 0; i < SEGMENTS; i += 4)
    paragraphs.push([0, 1, 2, 3].map((k) => sentence(i + k)).join(' '))
  const text = paragraphs.join('\n\n') + '\n'
  const id = 'en-bench-01'
  await importText(store, { id, tag: 'en-bench', lang: 'en', targets: ['sv'], text })
  const units = await store.listUnits(id)
  for (const [i, u] of units.entries()) {
    if (i % 2 === 1) continue
    await store.writeTranslation({
      articleId: id,
      unitId: u.id,
      lang: 'sv',
      text: `Mening ${i} på svenska.`,
      state: 'translated',
      ifVersion: 0,
      author: 'ana',
    })
  }
  // Edit every 20th sentence so its translation turns stale (with a diff to show).
  const edited = text.replace(/Sentence (\d+) tells how/g, (m, n) =>
    Number(n) % 20 === 0 ? `Sentence ${n} says how` : m,
  )
  await importText(store, { id, tag: 'en-bench', lang: 'en', targets: ['sv'], text: edited })
  await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
  const { sessions, passwords } = web
  await passwords.set('ana', await hashPassword('correct horse battery'))
  const { id: sid } = await sessions.create('ana')
  const cookie = `tolk_session=${sid}`
  const mkApp = (pageSize) => {
    const app = createApp({ store, accounts, log: false })
    app.route('/', createWebRoutes({ store, accounts, passwords, sessions, pageSize }))
    return app
  }

  const measure = async (app, url, requests = REQUESTS) => {
    const times = []
    let bytes = 0
    let raw = 0
    for (let i = 0; i < requests + 20; i++) {
      const t0 = performance.now()
      const res = await app.request(url, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } })
      const body = new Uint8Array(await res.arrayBuffer())
      const dt = performance.now() - t0
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
      if (i >= 20) times.push(dt) // the first requests warm up the JIT and SQLite's cache
      bytes = body.byteLength
      if (i === 0) {
        const plain = await app.request(url, { headers: { Cookie: cookie } })
        raw = (await plain.arrayBuffer()).byteLength
      }
    }
    times.sort((a, b) => a - b)
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))]
    return { p50: q(0.5), p99: q(0.99), bytes, raw }
  }

  const paged = mkApp(200)
  const whole = mkApp(SEGMENTS)
  const url = `/edit/${id}/sv`
  const html = await (await paged.request(url, { headers: { Cookie: cookie } })).text()
  const assetPaths = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  let assetBytes = 0
  for (const a of assetPaths) {
    const res = await paged.request(a, { headers: { 'Accept-Encoding': 'gzip' } })
    assetBytes += (await res.arrayBuffer()).byteLength
  }
  const external = [...html.matchAll(/(?:href|src)="(https?:)?\/\/[^"]+"/g)].length
  const first = await measure(paged, url)
  // Fewer rounds unpaged: each one renders 2,000 rows, and the figure is for comparison only.
  const all = await measure(whole, url, Math.min(REQUESTS, 40))

  // Peer: the rows of the first page as one template string, escaped by hand.
  const translations = await store.listTranslations(id, 'sv')
  const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const peerTimes = []
  for (let i = 0; i < REQUESTS + 20; i++) {
    const t0 = performance.now()
    const [us, ts] = await Promise.all([store.listUnits(id), store.listTranslations(id, 'sv')])
    let out = '<!DOCTYPE html><html><body>'
    for (let k = 0; k < 200; k++) {
      const u = us[k]
      const t = ts[k]
      out += `<div class="seg" id="u-${esc(u.id)}"><p>${esc(u.source)}</p><form method="post"><input type="hidden" name="version" value="${t.version}"><textarea name="text" lang="sv">${esc(t.text)}</textarea><button>Save</button></form></div>`
    }
    out += '</body></html>'
    const dt = performance.now() - t0
    if (i >= 20) peerTimes.push(dt)
  }
  peerTimes.sort((a, b) => a - b)
  const peerP50 = peerTimes[Math.floor(0.5 * peerTimes.length)]
  void translations

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  const ms = (n) => `${n.toFixed(2)} ms`
  console.log(
    `editor page of a ${units.length}-segment article (${REQUESTS} requests each, in-process)`,
  )
  console.log(
    `  first page (200 segments): render p50 ${ms(first.p50)}, p99 ${ms(first.p99)}; HTML ${kb(first.raw)} raw, ${kb(first.bytes)} gzip`,
  )
  console.log(
    `  whole article on one page: render p50 ${ms(all.p50)}, p99 ${ms(all.p99)}; HTML ${kb(all.raw)} raw, ${kb(all.bytes)} gzip`,
  )
  console.log(
    `  CSS + script: ${kb(assetBytes)} gzip (${assetPaths.length} files, cached immutable); requests outside the server: ${external}`,
  )
  console.log(
    `  first screen on the wire: ${kb(first.bytes + assetBytes)} (target < 100 KB); unpaged ${kb(all.bytes + assetBytes)} (target < 300 KB)`,
  )
  console.log(
    `  peer (template string, no i18n/components) p50 ${ms(peerP50)}: tolk first page is ${(first.p50 / peerP50).toFixed(1)}x`,
  )
  console.log(
    `  targets: p99 < 50 ms ${first.p99 < 50 ? 'met' : 'MISSED'} (first page), ${all.p99 < 50 ? 'met' : 'MISSED'} (unpaged)`,
  )
  await web.close()
  await accounts.close()
  await store.close()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
