import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { InvalidInput } from '../model/errors.js'

/** scrypt cost: N = 2^15, r = 8, p = 1 uses 32 MiB per hash (memory-hard) and about 50 ms here. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const

/** Shortest password accepted. Length beats composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10

/** Where password hashes live: one per account; the SQLite side is `src/store/sqlite/sessions.ts`. */
export interface Passwords {
  /**
   * Store (or replace) an account's hash and, in the same transaction, end every session of the
   * account (a changed password must lock out whoever had the old one); how many were ended.
   * NotFound for an unknown account, InvalidInput for a removed one.
   */
  set(account: string, hash: string): Promise<number>
  /** The stored hash, or undefined when the account has no password, does not exist or was removed. */
  get(account: string): Promise<string | undefined>
}

type Params = { N: number; r: number; p: number; keyLength: number }

function derive(password: string, salt: Buffer, c: Params): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r, or node refuses the parameters.
    scrypt(
      password.normalize('NFC'),
      salt,
      c.keyLength,
      { N: c.N, r: c.r, p: c.p, maxmem: 256 * c.N * c.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    )
  })
}

/**
 * Hash a password as `scrypt$N$r$p$salt$key` (base64url), so the cost can rise later while old
 * hashes still verify. Passwords are NFC-normalised first: the same word typed on two systems
 * must match.
 * @example
 * const stored = await hashPassword('correct horse battery')
 */
export async function hashPassword(
  password: string,
  cost: Params = DEFAULT_SCRYPT,
): Promise<string> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInput(
      `a password needs at least ${MIN_PASSWORD_LENGTH} characters: a short sentence works well`,
      'weak-password',
    )
  }
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

/** Whether `password` matches a hash from {@link hashPassword}; false for anything malformed. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4] as string, 'base64url')
  const want = Buffer.from(parts[5] as string, 'base64url')
  if (!(N > 1 && r > 0 && p > 0 && want.length > 0) || N > 2 ** 20) return false
  const got = await derive(password, salt, { N, r, p, keyLength: want.length })
  return timingSafeEqual(got, want)
}

/** A hash of nothing, checked when the account is unknown so that the answer takes as long. */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password never matches', DEFAULT_SCRYPT)
  return decoy
}
