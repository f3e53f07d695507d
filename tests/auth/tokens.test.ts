import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeGrant, mergeGrants } from '../../src/auth/grants.js'
import { refuseImport, refuseWrite } from '../../src/auth/permissions.js'
import { generateToken, hashToken, parseExpiry, TOKEN_PREFIX } from '../../src/auth/tokens.js'
import { InvalidInput } from '../../src/model/errors.js'

describe('tokens', () => {
  it('are random, prefixed and carry at least 32 bytes', () => {
    const a = generateToken()
    const b = generateToken()
    expect(a).not.toBe(b)
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true)
    expect(Buffer.from(a.slice(TOKEN_PREFIX.length), 'base64url').length).toBeGreaterThanOrEqual(32)
  })

  it('are kept as their SHA-256 only', () => {
    const t = generateToken()
    expect(hashToken(t)).toBe(createHash('sha256').update(t).digest('hex'))
  })

  it('parse expiries such as 30d and refuse nonsense', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseExpiry('30d', now).toISOString()).toBe('2026-01-31T00:00:00.000Z')
    expect(parseExpiry('12h', now).toISOString()).toBe('2026-01-01T12:00:00.000Z')
    expect(parseExpiry('2w', now).toISOString()).toBe('2026-01-15T00:00:00.000Z')
    for (const bad of ['0d', '30', 'd', '-1d', '30y', '1e3d']) expect(() => parseExpiry(bad, now)).toThrow(InvalidInput)
  })
})

describe('grants', () => {
  it('need languages for translator and reviewer, and none for admin and viewer', () => {
    expect(makeGrant('translator', ['sv', 'pt-br'])).toEqual({ role: 'translator', langs: ['sv', 'pt-BR'] })
    expect(() => makeGrant('translator')).toThrow(InvalidInput)
    expect(() => makeGrant('admin', ['sv'])).toThrow(InvalidInput)
    expect(() => makeGrant('owner')).toThrow(InvalidInput)
    expect(() => makeGrant('reviewer', ['xx'])).toThrow(InvalidInput)
  })

  it('merge languages into an existing grant of the same role', () => {
    const merged = mergeGrants([{ role: 'translator', langs: ['sv'] }], { role: 'translator', langs: ['de', 'sv'] })
    expect(merged).toEqual([{ role: 'translator', langs: ['sv', 'de'] }])
  })

  it('let translators write their languages, reviewers also review, admins everything', () => {
    const ana = { account: 'ana', grants: [makeGrant('translator', ['de']), makeGrant('reviewer', ['sv'])] }
    expect(refuseWrite(ana, 'de', 'translated')).toBeUndefined()
    expect(refuseWrite(ana, 'de', 'final')).toMatch(/reviewer/)
    expect(refuseWrite(ana, 'sv', 'final')).toBeUndefined()
    expect(refuseWrite(ana, 'fr', 'translated')).toMatch(/fr/)
    expect(refuseImport(ana)).toMatch(/admin/)
    const boss = { account: 'boss', grants: [makeGrant('admin')] }
    expect(refuseWrite(boss, 'fr', 'final')).toBeUndefined()
    expect(refuseImport(boss)).toBeUndefined()
  })
})
