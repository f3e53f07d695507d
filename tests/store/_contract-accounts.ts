import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ensureFirstAdmin } from '../../src/auth/bootstrap.js'
import { authenticate, hashToken, issueToken } from '../../src/auth/tokens.js'
import type { Accounts, AttemptLimit } from '../../src/auth/types.js'
import { InvalidInput, NotFound } from '../../src/model/errors.js'

/**
 * Two Accounts on one fresh, empty database (as two servers would have), and how to close both.
 * `settled` resolves once every change committed so far counts in both `authVersion()`s (where
 * that takes a moment, as on PostgreSQL, whose signals travel by NOTIFY).
 */
export type MakeAccounts = () => Promise<{
  first: Accounts
  second: Accounts
  close: () => Promise<void>
  settled?: () => Promise<void>
}>

/**
 * Wait until `accounts.authVersion()` differs from `before`, for at most one second: how fast an
 * auth change must reach every server.
 */
export async function authVersionMoves(accounts: Accounts, before: number): Promise<void> {
  await vi.waitFor(async () => expect(await accounts.authVersion()).not.toBe(before), { timeout: 1000, interval: 5 })
}

/**
 * What every Accounts must do with sign-in attempts, grants taken back and removed accounts
 * (SQLite now, PostgreSQL later). The attempt limit is the class of fault that concurrency finds,
 * so its tests send reservations together and through two instances.
 */
export function testAccounts(make: MakeAccounts): void {
  let first: Accounts
  let second: Accounts
  let close: () => Promise<void>
  let settled: () => Promise<void>
  beforeEach(async () => {
    const made = await make()
    ;({ first, second, close } = made)
    settled = made.settled ?? (async () => {})
  })
  afterEach(async () => close())

  const WINDOW = 15 * 60_000
  const t0 = new Date('2026-03-01T12:00:00.000Z')
  const at = (ms: number) => new Date(t0.getTime() + ms)
  const limits = (account: string, address = '203.0.113.9'): AttemptLimit[] => [
    { key: `account:${account}`, max: 5 },
    { key: `address:${address}`, max: 20 },
  ]

  describe('sign-in attempts', () => {
    it('reserves up to the limit, then says how long until the oldest attempt leaves the window', async () => {
      for (let i = 0; i < 5; i++) expect(await first.reserveAttempt(limits('ana'), WINDOW, at(i * 1000))).toMatchObject({ ok: true })
      expect(await first.reserveAttempt(limits('ana'), WINDOW, at(10_000))).toEqual({ ok: false, retryAfterMs: WINDOW - 10_000 })
      // A refused attempt is not counted: the window moves on from the first five alone.
      expect(await first.reserveAttempt(limits('ana'), WINDOW, at(WINDOW))).toMatchObject({ ok: true })
      expect(await first.reserveAttempt(limits('bo'), WINDOW, at(10_000))).toMatchObject({ ok: true })
    })

    it('counts every key of an attempt, and refuses when any one is full', async () => {
      for (let i = 0; i < 20; i++) expect((await first.reserveAttempt(limits(`name${i}`), WINDOW, t0)).ok).toBe(true)
      expect(await first.reserveAttempt(limits('ana'), WINDOW, at(1))).toEqual({ ok: false, retryAfterMs: WINDOW - 1 })
      expect((await first.reserveAttempt(limits('ana', '198.51.100.7'), WINDOW, at(1))).ok).toBe(true)
    })

    it('grants exactly the limit to 100 reservations sent at once through two instances', async () => {
      const all = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? first : second).reserveAttempt(limits('ana'), WINDOW, t0)),
      )
      expect(all.filter((r) => r.ok)).toHaveLength(5)
      const numbers = all.flatMap((r) => (r.ok ? [r.attempt] : []))
      expect(new Set(numbers).size).toBe(5)
    })

    it('no longer counts a released attempt, on any key', async () => {
      const held: number[] = []
      for (let i = 0; i < 5; i++) {
        const r = await first.reserveAttempt(limits('ana'), WINDOW, t0)
        if (r.ok) held.push(r.attempt)
      }
      expect((await second.reserveAttempt(limits('ana'), WINDOW, t0)).ok).toBe(false)
      await second.releaseAttempt(held[0] as number)
      await second.releaseAttempt(424242) // unknown: nothing to do
      expect((await first.reserveAttempt(limits('ana'), WINDOW, t0)).ok).toBe(true)
      expect((await first.reserveAttempt(limits('ana'), WINDOW, t0)).ok).toBe(false)
    })
  })

  describe('taking grants back', () => {
    it('takes a whole role, or some of its languages, and the role with its last language', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv', 'de'] }, { role: 'viewer', langs: [] }])
      expect((await first.revoke('ana', { role: 'translator', langs: ['de'] })).grants).toEqual([
        { role: 'translator', langs: ['sv'] },
        { role: 'viewer', langs: [] },
      ])
      expect((await second.revoke('ana', { role: 'translator', langs: ['sv'] })).grants).toEqual([{ role: 'viewer', langs: [] }])
      expect((await first.revoke('ana', { role: 'viewer', langs: [] })).grants).toEqual([])
      expect((await second.get('ana'))?.grants).toEqual([])
    })

    it('loses nothing when grants are given and taken at once through two instances', async () => {
      const langs = (from: number) => Array.from({ length: 10 }, (_, i) => `x${String.fromCharCode(97 + from + i)}`)
      const [keep, take, give] = [langs(0), langs(10), ['sv', 'de', 'fi', 'nb', 'da', 'is', 'et', 'lv', 'lt', 'pl']]
      await first.add('ana', [{ role: 'translator', langs: [...keep, ...take] }])
      await Promise.all([
        ...take.map((l, i) => (i % 2 ? first : second).revoke('ana', { role: 'translator', langs: [l] })),
        ...give.map((l, i) => (i % 2 ? second : first).grant('ana', { role: 'translator', langs: [l] })),
      ])
      expect((await first.get('ana'))?.grants).toEqual([{ role: 'translator', langs: [...keep, ...give].sort() }])
    })

    it('refuses to take what the account does not hold', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      await expect(first.revoke('ana', { role: 'reviewer', langs: [] })).rejects.toThrow(NotFound)
      await expect(first.revoke('ana', { role: 'translator', langs: ['fi'] })).rejects.toThrow(NotFound)
      await expect(first.revoke('nobody', { role: 'viewer', langs: [] })).rejects.toThrow(NotFound)
      expect((await first.get('ana'))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
    })

    it('applies at once to a token already looked up, through another instance', async () => {
      await first.add('ana', [{ role: 'viewer', langs: [] }, { role: 'translator', langs: ['sv'] }])
      const { token } = await issueToken(first, 'ana')
      expect((await first.findByTokenHash(hashToken(token), t0))?.grants).toHaveLength(2)
      await second.revoke('ana', { role: 'translator', langs: [] })
      expect((await first.findByTokenHash(hashToken(token), t0))?.grants).toEqual([{ role: 'viewer', langs: [] }])
    })
  })

  describe('the signal of a change to rights', () => {
    /** Whether `authVersion()` of `a` moves from `before` within the 1 s the issue allows. */
    const movesWithin1s = async (a: Accounts, before: number): Promise<boolean> => {
      for (const end = Date.now() + 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
        if ((await a.authVersion()) !== before) return true
      }
      return (await a.authVersion()) !== before
    }

    it('moves in this instance at once and in another within 1 s, for each change that takes rights away or gives them', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv', 'de'] }])
      const { info } = await issueToken(first, 'ana')
      const changes: [string, () => Promise<unknown>][] = [
        ['grant', () => first.grant('ana', { role: 'reviewer', langs: ['sv'] })],
        ['revoke a language', () => first.revoke('ana', { role: 'translator', langs: ['de'] })],
        ['revoke a token', () => first.revokeToken(info.id)],
        ['remove the account', () => first.remove('ana')],
      ]
      for (const [what, change] of changes) {
        const [mine, theirs] = [await first.authVersion(), await second.authVersion()]
        await change()
        expect(await first.authVersion(), what).not.toBe(mine)
        expect(await movesWithin1s(second, theirs), what).toBe(true)
      }
    })

    it('stays put for what changes no one’s rights: a new token, a lookup, a sign-in attempt', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const [mine, theirs] = [await first.authVersion(), await second.authVersion()]
      const { token } = await issueToken(second, 'ana')
      expect(await second.findByTokenHash(hashToken(token), t0)).toBeDefined()
      await second.reserveAttempt(limits('ana'), WINDOW, t0)
      await second.list()
      expect(await first.authVersion()).toBe(mine)
      expect(await second.authVersion()).toBe(theirs)
    })

    it('tells when a token expires, with the account behind it', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const { token } = await issueToken(first, 'ana', { expiresAt: at(60_000), now: t0 })
      const forever = await issueToken(first, 'ana')
      expect((await second.findByTokenHash(hashToken(token), t0))?.expiresAt).toBe(at(60_000).toISOString())
      expect((await second.findByTokenHash(hashToken(forever.token), t0))?.expiresAt).toBeNull()
    })
  })

  describe('removing an account', () => {
    it('disables it, revokes its tokens and keeps its name from being used again', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const { token, info } = await issueToken(first, 'ana')
      expect(await first.findByTokenHash(hashToken(token), t0)).toBeDefined()
      const removed = await second.remove('ana')
      expect(removed.disabledAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(await first.findByTokenHash(hashToken(token), t0)).toBeUndefined()
      expect((await first.listTokens('ana'))[0]).toMatchObject({ id: info.id })
      expect((await first.listTokens('ana'))[0]?.revokedAt).not.toBeNull()
      expect((await first.get('ana'))?.disabledAt).toBe(removed.disabledAt)
      expect((await first.list()).map((a) => a.name)).toEqual(['ana'])
      for (const again of [
        () => first.add('ana', [{ role: 'viewer', langs: [] }]),
        () => first.grant('ana', { role: 'viewer', langs: [] }),
        () => first.revoke('ana', { role: 'translator', langs: [] }),
        () => first.addToken('ana', hashToken('tolk_x'), null),
      ]) {
        await expect(again()).rejects.toThrow(InvalidInput)
        await expect(again()).rejects.toMatchObject({ code: 'account-removed' })
      }
      expect((await first.remove('ana')).disabledAt).toBe(removed.disabledAt)
      await expect(first.remove('nobody')).rejects.toThrow(NotFound)
    })
  })

  describe('accounts and tokens', () => {
    it('adds accounts with grants and refuses a taken or invalid name', async () => {
      const ana = await first.add('ana', [{ role: 'translator', langs: ['sv', 'de'] }])
      expect(ana.grants).toEqual([{ role: 'translator', langs: ['de', 'sv'] }])
      await expect(second.add('ana', [])).rejects.toThrow(InvalidInput)
      await expect(second.add('ana', [])).rejects.toMatchObject({ code: 'account-exists' })
      await expect(first.add('../x', [])).rejects.toThrow(InvalidInput)
      const more = await second.grant('ana', { role: 'reviewer', langs: ['sv'] })
      expect(more.grants).toEqual([
        { role: 'reviewer', langs: ['sv'] },
        { role: 'translator', langs: ['de', 'sv'] },
      ])
      await expect(first.grant('nobody', { role: 'viewer', langs: [] })).rejects.toThrow(NotFound)
      await first.add('Bo', [])
      await first.add('b', [{ role: 'admin', langs: [] }])
      expect((await second.list()).map((a) => [a.name, a.grants])).toEqual([
        ['Bo', []],
        ['ana', more.grants],
        ['b', [{ role: 'admin', langs: [] }]],
      ])
      expect(await second.count()).toBe(3)
      expect(await second.get('nobody')).toBeUndefined()
      expect(await second.get('ana')).toEqual({ ...more, createdAt: ana.createdAt })
    })

    it('finds the account by a token, and refuses it once revoked or expired', async () => {
      await first.add('ci', [{ role: 'viewer', langs: [] }])
      const { token, info } = await issueToken(first, 'ci')
      expect(info).toMatchObject({ account: 'ci', expiresAt: null, revokedAt: null })
      expect(await authenticate(second, token)).toEqual({ account: 'ci', grants: [{ role: 'viewer', langs: [] }], tokenId: info.id, expiresAt: null })
      expect(await authenticate(second, `${token}x`)).toBeUndefined()
      const revoked = await second.revokeToken(info.id)
      expect(revoked.revokedAt).not.toBeNull()
      expect((await first.revokeToken(info.id)).revokedAt).toBe(revoked.revokedAt) // idempotent
      expect(await authenticate(first, token)).toBeUndefined()
      await expect(first.revokeToken(999)).rejects.toThrow(NotFound)
      await expect(first.revokeToken(999)).rejects.toMatchObject({ code: 'unknown-token' })
      const now = new Date()
      const soon = await issueToken(first, 'ci', { expiresAt: new Date(now.getTime() + 60_000), now })
      expect(soon.info.expiresAt).toBe(new Date(now.getTime() + 60_000).toISOString())
      expect(await authenticate(second, soon.token, now)).toBeDefined()
      expect(await authenticate(second, soon.token, new Date(now.getTime() + 60_001))).toBeUndefined()
      expect((await second.listTokens('ci')).map((t) => t.id)).toEqual([soon.info.id, info.id])
      expect((await second.listTokens()).map((t) => t.id)).toEqual([soon.info.id, info.id])
      expect(await second.listTokens('nobody')).toEqual([])
      await expect(first.addToken('nobody', hashToken('tolk_y'), null)).rejects.toThrow(NotFound)
    })

    it('hands out a principal no request can change for the next', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const { token } = await issueToken(first, 'ana')
      const p = await authenticate(first, token)
      expect(() => (p?.grants[0]?.langs as string[]).push('de')).toThrow(TypeError)
      expect((await authenticate(first, token))?.grants).toEqual([{ role: 'translator', langs: ['sv'] }])
    })

    it('creates the first admin only on a database without accounts', async () => {
      const token = await ensureFirstAdmin(first)
      expect(token).toMatch(/^tolk_/)
      expect((await authenticate(second, token as string))?.grants).toEqual([{ role: 'admin', langs: [] }])
      expect(await ensureFirstAdmin(second)).toBeUndefined()
    })
  })

  describe('the auth version', () => {
    it('moves for both instances, within a second, with every change made through either', async () => {
      let token = 0
      // A new account or token takes no one's rights away, and moves nothing (see below).
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      token = (await issueToken(first, 'ana')).info.id
      const changes: [string, () => Promise<unknown>][] = [
        ['grant', () => second.grant('ana', { role: 'reviewer', langs: ['sv'] })],
        ['revoke', () => second.revoke('ana', { role: 'reviewer', langs: [] })],
        ['revokeToken', () => first.revokeToken(token)],
        ['remove', () => second.remove('ana')],
      ]
      for (const [what, change] of changes) {
        await settled()
        const before = [await first.authVersion(), await second.authVersion()] as const
        await change()
        await expect(authVersionMoves(first, before[0]), what).resolves.toBeUndefined()
        await expect(authVersionMoves(second, before[1]), what).resolves.toBeUndefined()
      }
    })

    it('stays put while nothing changes: reads, refusals, sign-in attempts', async () => {
      await first.add('ana', [{ role: 'translator', langs: ['sv'] }])
      const { token, info } = await issueToken(first, 'ana')
      await first.revokeToken((await issueToken(first, 'ana')).info.id)
      await settled()
      const before = [await first.authVersion(), await second.authVersion()]
      for (const a of [first, second]) {
        await a.get('ana')
        await a.list()
        await a.count()
        await a.listTokens('ana')
        await authenticate(a, token)
        await authenticate(a, token)
        await authenticate(a, 'tolk_unknown')
        await expect(a.add('ana', [])).rejects.toThrow(InvalidInput)
        await expect(a.revoke('ana', { role: 'admin', langs: [] })).rejects.toThrow(NotFound)
        const attempt = await a.reserveAttempt(limits('ana'), WINDOW, t0)
        if (attempt.ok) await a.releaseAttempt(attempt.attempt)
      }
      await settled()
      expect([await first.authVersion(), await second.authVersion()]).toEqual(before)
      expect(await authenticate(second, token)).toMatchObject({ tokenId: info.id })
    })
  })
}
