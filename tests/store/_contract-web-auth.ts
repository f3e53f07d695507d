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
