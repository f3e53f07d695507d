import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it, vi } from 'vitest'
import { hashPassword, verifyPassword } from '../../src/auth/passwords.js'
import { issueToken } from '../../src/auth/tokens.js'
import { createApp } from '../../src/http/app.js'
import { createPgAccounts } from '../../src/store/pg/accounts.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { createPgWebAuth } from '../../src/store/pg/web-auth.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { createWebRoutes } from '../../src/web/create-web-routes.js'
import { DEFAULT_WEB_OPTIONS } from '../../src/web/env.js'
import { onCleanup } from '../_cleanup.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { makeClient, PASSWORD } from './_setup.js'

// Two servers behind one address: two apps, each with its own pool on one PostgreSQL schema (its
// own LISTEN connection, its own token cache), as two `tolk serve` processes would have. The
// articles stay in a SQLite file here (the PostgreSQL store is built beside this); what is
// tested is accounts, sessions, tokens and the sign-in limit, which live in PostgreSQL.
describeWith(['postgres'], 'two servers on one PostgreSQL database', () => {
  const servers = async (opts: { verifyPassword?: typeof verifyPassword } = {}) => {
    const url = await freshPgUrl()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-pg-servers-'))
    const store = createSqliteStore({ file: path.join(dir, 'tolk.sqlite') })
    const admin = createPgPool(url)
    await migratePg(admin, url)
    onCleanup(async () => {
      await admin.end()
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })
    const both = [0, 1].map(() => {
      const pool = createPgPool(url)
      const accounts = createPgAccounts(pool)
      const web = createPgWebAuth(pool, accounts)
      const app = createApp({ store, accounts, log: false })
      app.route('/', createWebRoutes({ store, accounts, passwords: web.passwords, sessions: web.sessions, ...opts }))
      onCleanup(async () => {
        await accounts.close()
        await pool.end()
      })
      return { app, accounts, web }
    })
    const [a, b] = both as [(typeof both)[0], (typeof both)[0]]
    await a.accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
    await a.web.passwords.set('ana', await hashPassword(PASSWORD))
    // A load balancer that sends each request to the other server than the last.
    let n = 0
    const balancer = { request: (url: string, init: RequestInit) => (n++ % 2 === 0 ? a : b).app.request(url, init) }
    return { a, b, admin, balancer }
  }

  it('a session made on one server holds on both, and ends on both when ended on either', async () => {
    const { b, balancer } = await servers()
    const ana = makeClient(balancer)
    await ana.get('/sign-in')
    expect((await ana.post('/sign-in', { account: 'ana', password: PASSWORD })).status).toBe(303)
    for (let i = 0; i < 4; i++) expect((await ana.get('/')).status).toBe(200)
    expect(await b.web.sessions.endAll('ana')).toBe(1)
    for (let i = 0; i < 2; i++) expect((await ana.get('/')).status).toBe(303)
  })

  it('shares the sign-in limit between the servers', async () => {
    const checked: string[] = []
    const { balancer } = await servers({
      verifyPassword: async (password, stored) => {
        checked.push(password)
        return verifyPassword(password, stored)
      },
    })
    const c = makeClient(balancer)
    await c.get('/sign-in')
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => c.post('/sign-in', { account: 'ana', password: `wrong ${i}` }).then((r) => r.status)),
    )
    expect(checked.length).toBeLessThanOrEqual(DEFAULT_WEB_OPTIONS.limits.perAccount)
    expect(statuses.filter((s) => s === 401)).toHaveLength(checked.length)
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - checked.length)
  })

  it('a token revoked by another process is refused by both servers within a second, cached or not', async () => {
    const { a, b, admin } = await servers()
    const { token, info } = await issueToken(a.accounts, 'ana')
    const api = (s: typeof a) => s.app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })
    for (const s of [a, b, a, b]) expect((await api(s)).status).toBe(200) // the second round from the caches
    // Another process: a plain connection that knows nothing of these servers.
    await admin.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [info.id])
    for (const s of [a, b]) await vi.waitFor(async () => expect((await api(s)).status).toBe(401), { timeout: 1000, interval: 5 })
  })
})
