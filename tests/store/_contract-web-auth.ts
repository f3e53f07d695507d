import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Passwords } from '../../src/auth/passwords.js'
import type { SessionLifetime, Sessions } from '../../src/auth/sessions.js'
import type { Accounts } from '../../src/auth/types.js'
import { InvalidInput, NotFound } from '../../src/model/errors.js'

/** A fresh, empty database's accounts, and passwords and sessions with the given lifetime. */
export type MakeWebAuth = (lifetime: SessionLifetime) => Promise<{
  accounts: Accounts
  passwords: Passwords
  sessions: Sessions
  close: () => Promise<void>
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
}
