// Sign-in timing: a wrong password for an account that exists and any password for one that does
// not must cost the same, so the time of a refusal does not tell which names exist.
//
//   node bench/sign-in-timing.mjs [--rounds 30]        (npm run bench builds dist/ first)
//
// POST /sign-in in-process (app.request: CSRF, the attempt reserved in the store, the password
// lookup, one scrypt check, the 401 page), the two kinds interleaved so a noisy neighbour hurts
// both alike. Prints both medians and their ratio; the target is a ratio of 1.00 ± 0.05. The
// limits are raised for the run (every attempt here fails); the rest is the real sign-in.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } })
const ROUNDS = Number(values.rounds)
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href)
if (!fs.existsSync(new URL('../dist/server.js', import.meta.url))) {
  console.error('bench/sign-in-timing: dist/ is missing: run npm run build (npm run bench does)')
  process.exit(2)
}

const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
const { openSqliteWebAuth } = await dist('store/sqlite/sessions.js')
const { hashPassword } = await dist('auth/passwords.js')
const { createApp } = await dist('http/app.js')
const { createWebRoutes } = await dist('web/create-web-routes.js')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-sign-in-'))
const file = path.join(dir, 'tolk.sqlite')
try {
  const store = createSqliteStore({ file })
  const accounts = store.accounts
  const web = openSqliteWebAuth({ file }, accounts)
  await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
  await web.passwords.set('ana', await hashPassword('correct horse battery'))
  const app = createApp({ store, accounts, log: false })
  const limits = { perAccount: 1e9, perAddress: 1e9, windowMs: 60_000 }
  app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions, limits }))

  const page = await app.request('/sign-in')
  const cookie = page.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ')
  const csrf = /data-csrf="([^"]+)"/.exec(await page.text())[1]
  const attempt = async (account) => {
    const t = performance.now()
    const res = await app.request('/sign-in', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, account, password: 'not the password at all' }).toString(),
    })
    await res.arrayBuffer()
    if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`)
    return performance.now() - t
  }

  // Warm-up: the decoy hash, the statements, the JIT.
  for (let i = 0; i < 3; i++) await attempt('ana'), await attempt(`nobody${i}`)
  const known = []
  const unknown = []
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first, so neither always follows the other's garbage.
    if (i % 2 === 0) known.push(await attempt('ana')), unknown.push(await attempt(`nobody${i}`))
    else unknown.push(await attempt(`nobody${i}`)), known.push(await attempt('ana'))
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b)
    return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2
  }
  const mk = median(known)
  const mu = median(unknown)
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${ROUNDS} attempts of each kind`)
  console.log(`wrong password, known account:   median ${mk.toFixed(1)} ms`)
  console.log(`any password, unknown account:   median ${mu.toFixed(1)} ms`)
  console.log(`ratio unknown/known: ${(mu / mk).toFixed(3)} (target 1.00 ± 0.05)`)
  await web.close()
  await store.close()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
