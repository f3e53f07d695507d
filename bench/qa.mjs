// The QA overview (#21) of a 2,000-segment article with a 5,000-entry termbase: server time.
//
//   node bench/qa.mjs [--requests 40]        (npm run bench builds dist/ first)
//
// 1. GET /edit/:article/sv/qa in-process (app.request: routing, session, every check over every
//    translated unit, term matching both ways, dismissals, hono/jsx render, compression), and the
//    same overview as JSON from GET /api/articles/:id/qa. Target: the page under 200 ms (p50).
// 2. Peer in the same run: the editor page of the same article at its largest page (1,000 rows
//    with their per-segment hints), GET /edit/:article/sv with a page size of 1,000. Read the
//    ratio, not the absolute times: the machine is shared and noisy.
// Every segment is translated; every 7th lost a number, every 11th uses a forbidden term, and
// the source holds termbase terms throughout, so the term checks have work on every row.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '40' } } })
const REQUESTS = Number(values.requests)
const SEGMENTS = 2000
const ENTRIES = 5000
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href)

const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
const { openSqliteAccounts } = await dist('store/sqlite/accounts.js')
const { openSqliteWebAuth } = await dist('store/sqlite/sessions.js')
const { importText } = await dist('import/import-text.js')
const { createApp } = await dist('http/app.js')
const { createWebRoutes } = await dist('web/create-web-routes.js')
const { issueToken } = await dist('auth/tokens.js')

const WORDS = ['river', 'harbour', 'ferry', 'translation', 'memory', 'bridge', 'council', 'budget', 'school', 'station',
  'report', 'election', 'market', 'summit', 'weather', 'train', 'ticket', 'island', 'village', 'museum']
let seed = 11
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
// Terms of letters only (a digit in a term would be a number to the numbers check), ending in q so
// that no stemmer folds two of them into one: riverq, riverbq, …
const letters = (n) => (n === 0 ? '' : letters(Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26)))
const term = (i) => `${WORDS[i % WORDS.length]}${letters(Math.floor(i / WORDS.length))}q`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-qa-'))
const file = path.join(dir, 'tolk.sqlite')
try {
  const store = createSqliteStore({ file })
  const accounts = openSqliteAccounts({ file })
  const web = openSqliteWebAuth({ file }, accounts)
  const id = 'en-news-01'
  // Each sentence names two terms; its translation uses their preferred terms, except every 13th
  // (a term left untranslated) and every 11th (a forbidden term used).
  const picked = Array.from({ length: SEGMENTS }, () => [rand(ENTRIES), rand(ENTRIES)])
  const sentence = (i) => `Sentence ${i} says the ${term(picked[i][0])} met the ${term(picked[i][1])} at ${i % 24} o'clock.`
  const paragraphs = []
  for (let i = 0; i < SEGMENTS; i += 4) paragraphs.push([0, 1, 2, 3].map((k) => sentence(i + k)).join(' '))
  await importText(store, { id, tag: 'en-news', lang: 'en', targets: ['sv'], text: `${paragraphs.join('\n\n')}\n` })
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    terms: [
      { lang: 'en', text: term(i) },
      { lang: 'sv', text: `sv${letters(i + 1)}q`, status: 'preferred' },
      { lang: 'sv', text: `fel${letters(i + 1)}q`, status: 'forbidden' },
    ],
  }))
  await store.terms.addEntries('sv-news', entries, { by: 'bench' })
  const units = await store.listUnits(id)
  for (const [i, u] of units.entries()) {
    const [a, b] = picked[u.position - 1]
    const hours = i % 7 === 0 ? '' : ` ${i % 24}`
    const first = i % 11 === 0 ? `fel${letters(a + 1)}q` : `sv${letters(a + 1)}q`
    const second = i % 13 === 0 ? 'den andra' : `sv${letters(b + 1)}q`
    const text = `Mening ${i} säger att ${first} mötte ${second} klockan${hours}.`
    await store.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text, state: 'translated', ifVersion: 0, author: 'ana' })
  }
  await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
  const { id: sid } = await web.sessions.create('ana')
  const { token } = await issueToken(accounts, 'ana')
  const app = createApp({ store, accounts, log: false })
  app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions, pageSize: 1000 }))
  const browser = { Cookie: `tolk_session=${sid}`, 'Accept-Encoding': 'gzip' }
  const client = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' }

  const measure = async (url, headers = browser, requests = REQUESTS) => {
    const times = []
    let bytes = 0
    for (let i = 0; i < requests + 5; i++) {
      const t0 = performance.now()
      const res = await app.request(url, { headers })
      const body = new Uint8Array(await res.arrayBuffer())
      const dt = performance.now() - t0
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${new TextDecoder().decode(body).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 600)}`)
      if (i >= 5) times.push(dt) // the first requests warm up the JIT, SQLite's cache and the matchers
      bytes = body.byteLength
    }
    times.sort((a, b) => a - b)
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))]
    return { p50: q(0.5), p99: q(0.99), bytes }
  }
  const json = await (await app.request(`/api/articles/${id}/qa?lang=sv`, { headers: { Authorization: `Bearer ${token}` } })).json()
  const page = await measure(`/edit/${id}/sv/qa`)
  const api = await measure(`/api/articles/${id}/qa?lang=sv`, client)
  const peer = await measure(`/edit/${id}/sv`)
  const ms = (n) => `${n.toFixed(1)} ms`
  const byCheck = {}
  for (const f of json.findings) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1
  console.log(`QA overview of a ${units.length}-segment article, ${ENTRIES}-entry termbase (${REQUESTS} requests each, in-process)`)
  console.log(`  findings: ${json.findings.length} (${Object.entries(byCheck).map(([k, v]) => `${k} ${v}`).join(', ')})`)
  console.log(`  QA page   GET /edit/${id}/sv/qa          p50 ${ms(page.p50)}  p99 ${ms(page.p99)}  ${(page.bytes / 1024).toFixed(1)} KB gzip   target p50 < 200 ms: ${page.p50 < 200 ? 'met' : 'NOT met'}`)
  console.log(`  QA JSON   GET /api/articles/${id}/qa     p50 ${ms(api.p50)}  p99 ${ms(api.p99)}`)
  console.log(`  peer      GET /edit/${id}/sv (1,000 rows) p50 ${ms(peer.p50)}  p99 ${ms(peer.p99)}`)
  console.log(`  ratio QA page / editor page (p50): ${(page.p50 / peer.p50).toFixed(2)}`)
  await web.close()
  await accounts.close()
  await store.close()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
