import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { createPgAccounts } from '../../src/store/pg/accounts.js'
import { migratePg } from '../../src/store/pg/migrate.js'
import { createPgPool } from '../../src/store/pg/pool.js'
import { createPgWebAuth } from '../../src/store/pg/web-auth.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { openSqliteWebAuth } from '../../src/store/sqlite/sessions.js'
import { testWebAuth } from '../store/_contract-web-auth.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'
import { runCli } from '../cli/run-cli.js'
import { makeWebApp, PASSWORD } from './_setup.js'

// Every verb that ends sessions runs as its own process (as an admin would, beside the running
// server); the app's very next request must refuse what was ended. The app keeps its own
// connections and token cache, as `tolk serve` does.
const signedOut = async (res: Response) => res.status === 303 && res.headers.get('location')?.startsWith('/sign-in')

describe('ending sessions from the command line', () => {
  it('tolk user passwd ends every session of the account, at once', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const other = await w.signedIn('ana')
    const rev = await w.signedIn('rev')
    expect((await ana.get('/')).status).toBe(200)
    const res = runCli(['user', 'passwd', 'ana', '--db', w.file], { input: 'a brand new passphrase\n' })
    expect(res.stderr).toBe('')
    expect(res.stdout).toContain('ana: 2 editor sessions ended')
    expect(await signedOut(await ana.get('/'))).toBe(true)
    expect(await signedOut(await other.get('/'))).toBe(true)
    expect((await rev.get('/')).status).toBe(200)
    // The old password is gone, the new one works.
    const c = w.client()
    await c.get('/sign-in')
    expect((await c.post('/sign-in', { account: 'ana', password: PASSWORD })).status).toBe(401)
    expect((await c.post('/sign-in', { account: 'ana', password: 'a brand new passphrase' })).status).toBe(303)
  })

  it('tolk user sign-out ends the sessions and leaves the API tokens', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const { token } = await issueToken(w.accounts, 'ana')
    const api = () => w.app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })
    expect((await api()).status).toBe(200)
    const res = runCli(['user', 'sign-out', 'ana', '--db', w.file])
    expect(res.stdout).toBe('ana: 1 editor session ended\n')
    expect(await signedOut(await ana.get('/'))).toBe(true)
    expect((await api()).status).toBe(200)
  })

  it('tolk user remove disables the account: sessions and cached tokens refused on the next request, no sign-in, name kept', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const { token } = await issueToken(w.accounts, 'ana')
    const api = () => w.app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })
    expect((await api()).status).toBe(200)
    expect((await api()).status).toBe(200) // now in the token cache
    const res = runCli(['user', 'remove', 'ana', '--db', w.file])
    expect(res.stderr).toBe('')
    expect(res.status).toBe(0)
    expect((await api()).status).toBe(401)
    expect(await signedOut(await ana.get('/'))).toBe(true)
    const c = w.client()
    await c.get('/sign-in')
    expect((await c.post('/sign-in', { account: 'ana', password: PASSWORD })).status).toBe(401)
    // Kept in the list, and the name cannot be taken again nor given a token or a password.
    expect(runCli(['user', 'list', '--db', w.file]).stdout).toMatch(/^ana {2}\(removed \d{4}-/m)
    for (const args of [
      ['user', 'add', 'ana', '--role', 'viewer'],
      ['user', 'grant', 'ana', 'viewer'],
      ['token', 'create', 'ana'],
    ]) {
      const r = runCli([...args, '--db', w.file])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(/^tolk \w+: account ana was removed on .*cannot be used again\n$/)
    }
    const passwd = runCli(['user', 'passwd', 'ana', '--db', w.file], { input: 'a brand new passphrase\n' })
    expect(passwd.status).toBe(2)
    expect(passwd.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('tolk user revoke takes a grant back at once, for sessions and cached tokens alike', async () => {
    const w = await makeWebApp()
    await w.accounts.grant('ana', { role: 'reviewer', langs: ['sv', 'de'] })
    const ana = await w.signedIn('ana')
    const { token } = await issueToken(w.accounts, 'vic')
    const api = () => w.app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })
    expect((await api()).status).toBe(200)
    expect((await api()).status).toBe(200)

    const some = runCli(['user', 'revoke', 'ana', 'reviewer', '--lang', 'de', '--db', w.file])
    expect(some.stderr).toBe('')
    expect(some.stdout).toBe('ana  reviewer:sv translator:sv\nana: 1 editor session ended\n')
    expect(await signedOut(await ana.get('/'))).toBe(true)

    const all = runCli(['user', 'revoke', 'vic', 'viewer', '--db', w.file])
    expect(all.stdout).toBe('vic  (no grants)\nvic: 0 editor sessions ended\n')
    expect((await api()).status).toBe(403)

  })

  it('refuses what cannot be revoked, signed out or removed with exit 2 and one line', async () => {
    const w = await makeWebApp()
    for (const args of [
      ['user', 'revoke', 'ana', 'admin'],
      ['user', 'revoke', 'ana', 'translator', '--lang', 'fi'],
      ['user', 'revoke', 'ana', 'viewer', '--lang', 'sv'],
      ['user', 'sign-out', 'nobody'],
      ['user', 'remove', 'ana', 'rev'],
    ]) {
      const r = runCli([...args, '--db', w.file])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect((await w.accounts.get('ana'))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
  })

  it('explains every action in tolk user --help', () => {
    const help = runCli(['user', 'remove', '--help'])
    expect(help.status).toBe(0)
    for (const word of ['revoke NAME ROLE', 'sign-out NAME', 'remove NAME', 'passwd NAME']) expect(help.stdout).toContain(word)
  })
})

describe('SQLite passwords and sessions: the contract', () => {
  testWebAuth(async (lifetime) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-web-auth-'))
    const file = path.join(dir, 'tolk.sqlite')
    const accounts = openSqliteAccounts({ file })
    const web = openSqliteWebAuth({ file, lifetime }, accounts)
    return {
      accounts,
      ...web,
      close: async () => {
        await web.close()
        await accounts.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  })
})

describeWith(['postgres'], 'PostgreSQL passwords and sessions: the contract', () => {
  testWebAuth(async (lifetime) => {
    const url = await freshPgUrl()
    const pool = createPgPool(url)
    await migratePg(pool, url)
    const accounts = createPgAccounts(pool)
    const web = createPgWebAuth(pool, accounts, lifetime)
    return {
      accounts,
      ...web,
      settled: () => accounts.authSettled(),
      close: async () => {
        await web.close()
        await accounts.close()
        await pool.end()
      },
    }
  })
})

describe('session lifetime', () => {
  it('lasts 7 days by default, then ends though used every hour', async () => {
    const w = await makeWebApp()
    const t0 = new Date('2026-01-01T00:00:00Z')
    const { id } = await w.web.sessions.create('ana', t0)
    let last = 0
    for (let h = 1; h <= 8 * 24; h++) {
      if (!(await w.web.sessions.find(id, new Date(t0.getTime() + h * 3600_000)))) break
      last = h
    }
    expect(last).toBe(7 * 24 - 1)
  })
})
