// Accounts on PostgreSQL beside SQLite (issue 19, "Sessions and tokens are valid on any server"):
//  1. How long an auth change committed by another process takes to reach a server: another
//     pool revokes (and restores) a token; the time from sending its UPDATE until this server's
//     authVersion() has moved (the NOTIFY on tolk_auth heard by the LISTEN connection). Median,
//     p99 and max over the rounds; the issue's bound is 1,000 ms. SQLite needs no signal (every
//     connection reads the auth_version row), so it has no figure here.
//  2. Token lookups per second, cached (the same token again) and uncached (a new token each
//     time), on PostgreSQL and on SQLite, and the ratios.
//  3. Sign-in reservations per second, 50 at a time through two instances (two pools; two SQLite
//     connections), each for its own account and one shared address, and the ratio.
// Figures, not assertions.
//
//   node bench/pg-auth.mjs [--rounds 200]     (npm run bench builds dist/ first)
//   TOLK_TEST_PG=postgres://… picks the server (default postgres://postgres@127.0.0.1:5432/postgres);
//   the bench works in a schema of its own and drops it at the end.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } })
const ROUNDS = Number(values.rounds)
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href)
if (!fs.existsSync(new URL('../dist/store/pg/accounts.js', import.meta.url))) {
  console.error('bench/pg-auth: dist/ is missing: run npm run build (npm run bench does)')
  process.exit(2)
}
const { createPgAccounts } = await dist('store/pg/accounts.js')
const { createPgPool } = await dist('store/pg/pool.js')
const { migratePg } = await dist('store/pg/migrate.js')
const { openSqliteAccounts } = await dist('store/sqlite/accounts.js')
const { authenticate, issueToken } = await dist('auth/tokens.js')

const base = process.env.TOLK_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres'
const admin = new pg.Pool({ connectionString: base, max: 1 })
try {
  await admin.query('SELECT 1')
} catch (err) {
  console.log(`bench/pg-auth: no PostgreSQL at ${base.replace(/:[^:@/]*@/, ':***@')} (${err.message}): nothing measured`)
  await admin.end()
  process.exit(0)
}
const schema = `bench_auth_${randomBytes(4).toString('hex')}`
await admin.query(`CREATE SCHEMA ${schema}`)
const url = new URL(base)
url.searchParams.set('options', `-c search_path=${schema},public`)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-bench-pg-auth-'))
const ms = (x) => `${x.toFixed(2)} ms`
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]

const pools = [createPgPool(url.toString()), createPgPool(url.toString())]
const other = createPgPool(url.toString())
const sqliteFile = path.join(dir, 'tolk.sqlite')
const lite = [openSqliteAccounts({ file: sqliteFile }), openSqliteAccounts({ file: sqliteFile })]
try {
  await migratePg(pools[0], url.toString())
  const pga = pools.map((p) => createPgAccounts(p))
  for (const a of [pga[0], lite[0]]) await a.add('ana', [{ role: 'translator', langs: ['sv'] }])

  // 1. Propagation.
  const { info } = await issueToken(pga[0], 'ana')
  await pga[0].authSettled()
  const delays = []
  for (let i = 0; i < ROUNDS; i++) {
    const before = await pga[0].authVersion()
    const t = performance.now()
    await other.query(`UPDATE tokens SET revoked_at = ${i % 2 === 0 ? 'now()' : 'NULL'} WHERE id = $1`, [info.id])
    while ((await pga[0].authVersion()) === before) await new Promise((r) => setImmediate(r))
    delays.push(performance.now() - t)
  }
  console.log(
    `auth change to another server (${ROUNDS} rounds): median ${ms(quantile(delays, 0.5))}, p99 ${ms(quantile(delays, 0.99))}, max ${ms(Math.max(...delays))} (bound 1000 ms)`,
  )

  // 2. Token lookups.
  const lookups = async (accounts, cached) => {
    const n = cached ? 20_000 : 1000
    const tokens = cached ? [(await issueToken(accounts, 'ana')).token] : []
    if (!cached) for (let i = 0; i < n; i++) tokens.push((await issueToken(accounts, 'ana')).token)
    if (accounts.authSettled) await accounts.authSettled()
    const t = performance.now()
    for (let i = 0; i < n; i++) if (!(await authenticate(accounts, tokens[i % tokens.length]))) throw new Error('refused')
    return n / ((performance.now() - t) / 1000)
  }
  for (const cached of [true, false]) {
    const p = await lookups(pga[0], cached)
    const s = await lookups(lite[0], cached)
    console.log(
      `token lookups, ${cached ? 'cached' : 'uncached'}: PostgreSQL ${p.toFixed(0)}/s, SQLite ${s.toFixed(0)}/s, PostgreSQL / SQLite ${(p / s).toFixed(2)}`,
    )
  }

  // 3. Sign-in reservations, 50 in flight through two instances.
  const reservations = async (two) => {
    const n = 2000
    let next = 0
    const t = performance.now()
    await Promise.all(
      Array.from({ length: 50 }, async (_, w) => {
        while (next < n) {
          const i = next++
          const r = await two[w % 2].reserveAttempt(
            [
              { key: `account:a${i}`, max: 5 },
              { key: 'address:203.0.113.9', max: 1e9 },
            ],
            900_000,
          )
          if (!r.ok) throw new Error('refused')
        }
      }),
    )
    return n / ((performance.now() - t) / 1000)
  }
  const p = await reservations(pga)
  const s = await reservations(lite)
  console.log(`sign-in reservations, 50 at once over two instances: PostgreSQL ${p.toFixed(0)}/s, SQLite ${s.toFixed(0)}/s, PostgreSQL / SQLite ${(p / s).toFixed(2)}`)
  for (const a of pga) await a.close()
} finally {
  for (const a of lite) await a.close()
  await Promise.all([...pools, other].map((p) => p.end()))
  await admin.query(`DROP SCHEMA ${schema} CASCADE`)
  await admin.end()
  fs.rmSync(dir, { recursive: true, force: true })
}
