import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate, issueToken } from '../../src/auth/tokens.js'
import { openSqliteAccounts, TOKEN_CACHE_TTL_MS } from '../../src/store/sqlite/accounts.js'

// The SQLite accounts remember a valid token for up to TOKEN_CACHE_TTL_MS, but a change to rights
// (tokens, grants, accounts), by this process or another, applies to the very next request;
// commits that change no one's rights leave the cache alone. Expiry is exact.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-token-cache-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.useRealTimers())
let n = 0
const fresh = async () => {
  const file = path.join(dir, `${++n}.sqlite`)
  const accounts = openSqliteAccounts({ file })
  await accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
  const { token, info } = await issueToken(accounts, 'ana')
  return { file, accounts, token, info }
}

describe('token cache', () => {
  it('refuses a revoked token at once, though it was just accepted', async () => {
    const { accounts, token, info } = await fresh()
    expect(await authenticate(accounts, token)).toMatchObject({ account: 'ana' })
    expect(await authenticate(accounts, token)).toMatchObject({ account: 'ana' }) // now cached
    await accounts.revokeToken(info.id)
    expect(await authenticate(accounts, token)).toBeUndefined()
    await accounts.close()
  })

  it('refuses at once a token revoked through another Accounts of the same process', async () => {
    const { file, accounts, token, info } = await fresh()
    expect(await authenticate(accounts, token)).toBeDefined()
    const cli = openSqliteAccounts({ file })
    await cli.revokeToken(info.id)
    await cli.close()
    expect(await authenticate(accounts, token)).toBeUndefined()
    await accounts.close()
  })

  it('applies a new grant at once', async () => {
    const { accounts, token } = await fresh()
    expect((await authenticate(accounts, token))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
    await accounts.grant('ana', { role: 'reviewer', langs: ['de'] })
    expect((await authenticate(accounts, token))?.grants).toContainEqual({ role: 'reviewer', langs: ['de'] })
    await accounts.close()
  })

  it('refuses at once a token revoked by another process', async () => {
    const { file, accounts, token, info } = await fresh()
    expect(await authenticate(accounts, token)).toBeDefined()
    // Another process: a plain connection that knows nothing of this one's cache.
    const other = new Database(file)
    other.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), info.id)
    other.close()
    expect(await authenticate(accounts, token)).toBeUndefined()
    await accounts.close()
  })

  it('keeps a token cached while other processes save, and drops it on a change to rights there', async () => {
    const { file, accounts, token } = await fresh()
    const first = await authenticate(accounts, token)
    // Another process commits something that changes no one's rights: the cache holds.
    const other = new Database(file)
    other.prepare('INSERT INTO accounts (name, created_at) VALUES (?, ?)').run('bo', new Date().toISOString())
    expect(await authenticate(accounts, token)).toBe(first)
    // A grant given there: asked anew.
    other.prepare("INSERT INTO grants (account_id, role, lang) SELECT id, 'viewer', '' FROM accounts WHERE name = 'ana'").run()
    other.close()
    const again = await authenticate(accounts, token)
    expect(again).not.toBe(first)
    expect(again?.grants).toContainEqual({ role: 'viewer', langs: [] })
    await accounts.close()
  })

  it('asks the database again once the cache time is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { accounts, token } = await fresh()
    const first = await authenticate(accounts, token)
    expect(await authenticate(accounts, token)).toBe(first) // the cached principal
    vi.advanceTimersByTime(TOKEN_CACHE_TTL_MS + 1)
    const again = await authenticate(accounts, token)
    expect(again).toEqual(first)
    expect(again).not.toBe(first) // looked up anew
    await accounts.close()
  })

  it('checks expiry exactly, not at the end of the cache time', async () => {
    const { accounts } = await fresh()
    const now = new Date()
    const { token } = await issueToken(accounts, 'ana', { expiresAt: new Date(now.getTime() + 60_000), now })
    expect(await authenticate(accounts, token, now)).toBeDefined()
    expect(await authenticate(accounts, token, new Date(now.getTime() + 60_001))).toBeUndefined()
    await accounts.close()
  })

  it('never remembers a refusal: a token issued a moment later works at once', async () => {
    const { accounts } = await fresh()
    expect(await authenticate(accounts, 'tolk_not-yet')).toBeUndefined()
    const { token } = await issueToken(accounts, 'ana')
    expect(await authenticate(accounts, token)).toBeDefined()
    await accounts.close()
  })

  it('hands out a principal no request can change for the next', async () => {
    const { accounts, token } = await fresh()
    const p = await authenticate(accounts, token)
    expect(Object.isFrozen(p)).toBe(true)
    expect(() => (p?.grants[0]?.langs as string[]).push('de')).toThrow(TypeError)
    expect((await authenticate(accounts, token))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
    await accounts.close()
  })
})
