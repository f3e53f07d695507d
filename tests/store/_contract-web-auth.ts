import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Passwords } from '../../src/auth/passwords.js'
import type { SessionLifetime, Sessions } from '../../src/auth/sessions.js'
import type { Accounts } from '../../src/auth/types.js'
import { InvalidInput, NotFound } from '../../src/model/errors.js'
import { authVersionMoves } from './_contract-accounts.js'

/**
 * A fresh, empty database's accounts, and passwords and sessions with the given lifetime.
 * `settled` resolves once every change committed so far counts in `accounts.authVersion()`.
 */
export type MakeWebAuth = (lifetime: SessionLifetime) => Promise<{
  accounts: Accounts
  passwords: Passwords
  sessions: Sessions
  close: () => Promise<void>
  settled?: () => Promise<void>
}>

const HOUR = 3600_000

/** The accounts' change signal once it has moved from `before` (within the 1 s allowed), else `before`. */
async function eventually(accounts: Accounts, before: number): Promise<number> {
  for (const end = Date.now() + 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    const now = await accounts.authVersion()
    if (now !== before) return now
  }
  expect(await accounts.authVersion(), 'the change signal moved within 1 s').not.toBe(before)
  return before
}

/**
 * What every store of passwords and sessions must do to end sessions (SQLite now, PostgreSQL
 * later): a new password, a removed account and `endAll` end them at once; a session lasts at
 * most its absolute lifetime, however active.
 */
export function testWebAuth(make: MakeWebAuth): void {
  let w: Awaited<ReturnType<MakeWebAuth>>
  beforeEach(async () => {
    w = await make({ idleMs: 12 * HOUR, maxAgeMs: 24 * HOUR })
    await w.accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
    await w.accounts.add('bo', [{ role: 'viewer', langs: [] }])
  })
  afterEach(async () => w.close())

  const t0 = new Date('2026-01-01T00:00:00Z')
  const at = (h: number) => new Date(t0.getTime() + h * HOUR)

  it('slides the idle expiry, but never past the absolute lifetime', async () => {
    const { id, session } = await w.sessions.create('ana', t0)
    expect(session.expiresAt).toBe(at(12).toISOString())
    expect((await w.sessions.find(id, at(10)))?.expiresAt).toBe(at(22).toISOString())
    expect((await w.sessions.find(id, at(20)))?.expiresAt).toBe(at(24).toISOString())
    expect(await w.sessions.find(id, at(23.9))).toBeDefined()
    expect(await w.sessions.find(id, at(24))).toBeUndefined()
  })

  it('ends every session of one account with a new password, and says how many', async () => {
    const a1 = await w.sessions.create('ana', t0)
    const a2 = await w.sessions.create('ana', t0)
    const b = await w.sessions.create('bo', t0)
    expect(await w.passwords.set('ana', 'scrypt$1$1$1$x$y')).toBe(2)
    expect(await w.sessions.find(a1.id, at(1))).toBeUndefined()
    expect(await w.sessions.find(a2.id, at(1))).toBeUndefined()
    expect(await w.sessions.find(b.id, at(1))).toBeDefined()
    expect(await w.passwords.get('ana')).toBe('scrypt$1$1$1$x$y')
  })

  it('ends every session of one account on demand', async () => {
    const a = await w.sessions.create('ana', t0)
    const b = await w.sessions.create('bo', t0)
    expect(await w.sessions.endAll('ana')).toBe(1)
    expect(await w.sessions.endAll('ana')).toBe(0)
    expect(await w.sessions.find(a.id, at(1))).toBeUndefined()
    expect(await w.sessions.find(b.id, at(1))).toBeDefined()
    await expect(w.sessions.endAll('nobody')).rejects.toThrow(NotFound)
  })

  it('looks at a session without sliding it, for an open stream that checks it is still there', async () => {
    const { id } = await w.sessions.create('ana', t0)
    expect((await w.sessions.peek(id, at(10)))?.expiresAt).toBe(at(12).toISOString())
    expect((await w.sessions.peek(id, at(11)))?.expiresAt).toBe(at(12).toISOString())
    // A request slides it; a peek then sees the new expiry, and the grants as they are now.
    await w.sessions.find(id, at(11))
    await w.accounts.grant('ana', { role: 'reviewer', langs: ['sv'] })
    const seen = await w.sessions.peek(id, at(12))
    expect(seen?.expiresAt).toBe(at(23).toISOString())
    expect(seen?.principal).toEqual({ account: 'ana', grants: [{ role: 'reviewer', langs: ['sv'] }, { role: 'translator', langs: ['sv'] }] })
    expect(await w.sessions.peek(id, at(23))).toBeUndefined()
    expect(await w.sessions.peek('no such session', t0)).toBeUndefined()
    const other = await w.sessions.create('ana', t0)
    await w.sessions.end(other.id)
    expect(await w.sessions.peek(other.id, t0)).toBeUndefined()
  })

  it('moves the accounts’ change signal when sessions end, but not on a sign-in or a request', async () => {
    const now = new Date()
    const v0 = await w.accounts.authVersion()
    const a = await w.sessions.create('ana', now)
    const b = await w.sessions.create('bo', now)
    await w.sessions.find(a.id, now)
    await w.sessions.peek(a.id, now)
    expect(await w.accounts.authVersion()).toBe(v0)
    await w.sessions.end(a.id)
    const v1 = await eventually(w.accounts, v0)
    await w.passwords.set('ana', 'scrypt$1$1$1$x$y')
    await w.sessions.create('ana', now)
    await w.passwords.set('ana', 'scrypt$1$1$1$x$z')
    const v2 = await eventually(w.accounts, v1)
    expect(await w.sessions.endAll('bo')).toBe(1)
    await eventually(w.accounts, v2)
    expect(await w.sessions.find(b.id, now)).toBeUndefined()
  })

  describe('a removed account', () => {
    it('has no live session, no password and cannot get either', async () => {
      await w.passwords.set('ana', 'scrypt$1$1$1$x$y')
      const a = await w.sessions.create('ana', t0)
      await w.accounts.remove('ana')
      expect(await w.sessions.find(a.id, at(1))).toBeUndefined()
      expect(await w.passwords.get('ana')).toBeUndefined()
      await expect(w.passwords.set('ana', 'scrypt$1$1$1$x$z')).rejects.toThrow(InvalidInput)
      await expect(w.sessions.create('ana', at(1))).rejects.toThrow(NotFound)
    })
  })

  describe('the auth version', () => {
    const settled = () => (w.settled ?? (async () => {}))()

    it('moves within a second when a password is set or sessions end', async () => {
      const a = await w.sessions.create('ana', t0)
      await w.sessions.create('ana', t0)
      await w.sessions.create('bo', t0)
      const changes: [string, () => Promise<unknown>][] = [
        ['passwords.set', () => w.passwords.set('bo', 'scrypt$1$1$1$x$y')],
        ['sessions.end', () => w.sessions.end(a.id)],
        ['sessions.endAll', () => w.sessions.endAll('ana')],
      ]
      for (const [what, change] of changes) {
        await settled()
        const before = await w.accounts.authVersion()
        await change()
        await expect(authVersionMoves(w.accounts, before), what).resolves.toBeUndefined()
      }
    })

    it('stays put when sessions are made, found and slid, or nothing was there to end', async () => {
      await w.passwords.set('ana', 'scrypt$1$1$1$x$y')
      await settled()
      const before = await w.accounts.authVersion()
      const { id } = await w.sessions.create('ana', t0)
      expect(await w.sessions.find(id, at(1))).toBeDefined()
      expect(await w.sessions.find('unknown', at(1))).toBeUndefined()
      await w.passwords.get('ana')
      await w.sessions.end('unknown')
      expect(await w.sessions.endAll('bo')).toBe(0)
      await settled()
      expect(await w.accounts.authVersion()).toBe(before)
    })
  })
}
