import { describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/passwords.js'
import { createApp } from '../../src/http/app.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { openSqliteWebAuth } from '../../src/store/sqlite/sessions.js'
import { createWebRoutes } from '../../src/web/create-web-routes.js'
import { DEFAULT_WEB_OPTIONS } from '../../src/web/env.js'
import { makeWebApp, PASSWORD, type Client } from './_setup.js'

// The limit is reserved in the database before the password is checked, so attempts sent
// together cannot all pass it: the class of fault is concurrency, and these tests fire at once.
const { perAccount } = DEFAULT_WEB_OPTIONS.limits

/** A password check that counts its calls (the real scrypt check underneath). */
function countingVerifier() {
  const calls: string[] = []
  return {
    calls,
    verifyPassword: async (password: string, stored: string) => {
      calls.push(password)
      return verifyPassword(password, stored)
    },
  }
}

const attempt = (c: Client, account: string, password: string) =>
  c.post('/sign-in', { account, password }).then((r) => r.status)

describe('sign-in limit under concurrent attempts', () => {
  it(`checks at most ${perAccount} passwords of 100 attempts at one account sent at once`, async () => {
    const counter = countingVerifier()
    const w = await makeWebApp({ verifyPassword: counter.verifyPassword })
    const c = w.client()
    await c.get('/sign-in')
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(c, 'ana', `wrong password ${i}`)))
    expect(counter.calls.length).toBeLessThanOrEqual(perAccount)
    expect(statuses.filter((s) => s === 401)).toHaveLength(counter.calls.length)
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - counter.calls.length)
  })

  it('refuses the right password sent last among 39 wrong ones sent together', async () => {
    const counter = countingVerifier()
    const w = await makeWebApp({ verifyPassword: counter.verifyPassword })
    const c = w.client()
    await c.get('/sign-in')
    const wrong = Array.from({ length: 39 }, (_, i) => attempt(c, 'ana', `wrong password ${i}`))
    const statuses = await Promise.all([...wrong, attempt(c, 'ana', PASSWORD)])
    expect(statuses.at(-1)).toBe(429)
    expect(statuses).not.toContain(303)
    expect(counter.calls.length).toBeLessThanOrEqual(perAccount)
  })

  it('checks at most the per-address limit of passwords for 100 attempts at 100 accounts from one address', async () => {
    const counter = countingVerifier()
    // A lower address limit than the default 20 (each check is a real scrypt run, and slow).
    const limits = { perAccount, perAddress: 6, windowMs: 15 * 60_000 }
    const w = await makeWebApp({ verifyPassword: counter.verifyPassword, limits })
    const c = w.client()
    await c.get('/sign-in')
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(c, `name${i}`, 'wrong password')))
    expect(counter.calls.length).toBeLessThanOrEqual(limits.perAddress)
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - counter.calls.length)
  })

  it('shares the limit between two servers on one database', async () => {
    const counter = countingVerifier()
    const w = await makeWebApp({ verifyPassword: counter.verifyPassword })
    // A second server: its own connections to the same file, its own process state.
    const store = createSqliteStore({ file: w.file })
    const accounts = openSqliteAccounts({ file: w.file })
    const web = openSqliteWebAuth({ file: w.file }, accounts)
    try {
      const other = createApp({ store, accounts, log: false })
      other.route('/', createWebRoutes({ store, accounts, ...web, verifyPassword: counter.verifyPassword }))
      const c = w.client()
      await c.get('/sign-in')
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const viaOther = async (i: number) =>
        (
          await other.request('/sign-in', {
            method: 'POST',
            headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: c.csrf(), account: 'ana', password: `wrong ${i}` }).toString(),
          })
        ).status
      const statuses = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? attempt(c, 'ana', `wrong ${i}`) : viaOther(i))),
      )
      expect(counter.calls.length).toBeLessThanOrEqual(perAccount)
      expect(statuses.filter((s) => s === 429)).toHaveLength(60 - counter.calls.length)
    } finally {
      await web.close()
      await accounts.close()
      await store.close()
    }
  })

  it('counts failures only: a success releases its reservation', async () => {
    const w = await makeWebApp({ limits: { perAccount: 3, perAddress: 100, windowMs: 60_000 } })
    const c = w.client()
    await c.get('/sign-in')
    expect(await attempt(c, 'ana', 'wrong password 1')).toBe(401)
    expect(await attempt(c, 'ana', 'wrong password 2')).toBe(401)
    const ok = w.client()
    await ok.get('/sign-in')
    expect(await attempt(ok, 'ana', PASSWORD)).toBe(303)
    expect(await attempt(c, 'ana', 'wrong password 3')).toBe(401)
    expect(await attempt(c, 'ana', PASSWORD)).toBe(429)
  })
})

describe('sign-in timing', () => {
  it('runs exactly one password check for an unknown account, as for a wrong password', async () => {
    const counter = countingVerifier()
    const w = await makeWebApp({ verifyPassword: counter.verifyPassword })
    await w.accounts.add('gone', [{ role: 'viewer', langs: [] }])
    await w.web.passwords.set('gone', (await w.web.passwords.get('ana')) as string)
    await w.accounts.remove('gone')
    const c = w.client()
    await c.get('/sign-in')
    for (const account of ['ana', 'nobody', '', 'gone']) {
      const before = counter.calls.length
      expect(await attempt(c, account, 'wrong password'), account).toBe(401)
      expect(counter.calls.length - before, account || '(empty)').toBe(1)
    }
    // A removed account is refused even with its right password, after the same one check.
    const before = counter.calls.length
    expect(await attempt(c, 'gone', PASSWORD)).toBe(401)
    expect(counter.calls.length - before).toBe(1)
  })
})
