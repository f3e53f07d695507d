import { hash, randomBytes } from 'node:crypto'
import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { Accounts, Principal, TokenInfo } from './types.js'

/** Prefix of every API token, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'tolk_'

/** A fresh API token: 32 random bytes, base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

/**
 * SHA-256 of a token, hex. A plain hash is enough (no salt, no slow KDF): tokens carry 256 random
 * bits, so there is nothing to guess; passwords are another matter (see the editor issue).
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex')
}

/** Create a token for an account; the token itself is returned here once and never stored. */
export async function issueToken(
  accounts: Accounts,
  name: string,
  opts: { expiresAt?: Date; now?: Date } = {},
): Promise<{ token: string; info: TokenInfo }> {
  if (opts.expiresAt && opts.expiresAt.getTime() <= (opts.now ?? new Date()).getTime()) {
    throw new InvalidInput('the expiry lies in the past: give a later one', 'invalid-expiry')
  }
  const token = generateToken()
  const info = await accounts.addToken(name, hashToken(token), opts.expiresAt?.toISOString() ?? null)
  return { token, info }
}

/**
 * The principal a presented token stands for, or undefined when it is unknown, revoked or expired.
 * The accounts remember a valid token for a few seconds (`TOKEN_CACHE_TTL_MS`), but only while
 * their auth version stays put: a revocation in this process applies at once, one by another
 * process on the next request (SQLite) or within the moment its NOTIFY takes (PostgreSQL).
 */
export async function authenticate(accounts: Accounts, token: string, now = new Date()): Promise<Principal | undefined> {
  // Cheap refusal of garbage before hashing: a token is ASCII and not huge.
  if (token.length > 200 || !token.startsWith(TOKEN_PREFIX)) return undefined
  return accounts.findByTokenHash(hashToken(token), now)
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }

/**
 * Parse a length of time such as `30d`, `12h`, `90m`, `2w` into milliseconds; `what` names it in
 * the message that refuses anything else (InvalidInput).
 */
export function parseDuration(
  text: string,
  what = 'duration',
  code: 'invalid-duration' | 'invalid-expiry' = 'invalid-duration',
): number {
  const m = /^(\d{1,6})([mhdw])$/.exec(text.trim())
  if (!m || Number(m[1]) === 0) {
    const message = `invalid ${what} "${printable(text)}": write a number and a unit, such as 90m, 12h, 30d or 2w`
    // Literal codes, so the problem-type registry's test can see each (tests/http/problems.test.ts).
    throw code === 'invalid-expiry' ? new InvalidInput(message, 'invalid-expiry') : new InvalidInput(message, 'invalid-duration')
  }
  return Number(m[1]) * (UNITS[m[2] as string] as number)
}

/** Parse an expiry such as `30d`, `12h`, `90m`, `2w` into a time after `now`. */
export function parseExpiry(text: string, now = new Date()): Date {
  return new Date(now.getTime() + parseDuration(text, 'expiry', 'invalid-expiry'))
}
