import { createHash, randomBytes } from 'node:crypto'
import type { Principal } from './types.js'

/** How long a sign-in lasts without activity. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/** How long a sign-in lasts at most, however active (`--session-max-age`, `TOLK_SESSION_MAX_AGE`). */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** How long sessions last: idle (sliding) and absolute, in ms. */
export interface SessionLifetime {
  idleMs: number
  maxAgeMs: number
}

/** Defaults for {@link SessionLifetime}. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMs: SESSION_TTL_MS, maxAgeMs: SESSION_MAX_AGE_MS }

/** A signed-in browser: the account behind it and the CSRF token its forms must carry. */
export interface Session {
  principal: Principal
  csrf: string
  expiresAt: string
}

/**
 * Where sign-in sessions live. Only a hash of the session id (the cookie) is stored, so a copy of
 * the database does not let anyone in. The SQLite side is `src/store/sqlite/sessions.ts`.
 */
export interface Sessions {
  /** Start a session for an account; returns the id to put in the cookie (shown only here). */
  create(account: string, now?: Date): Promise<{ id: string; session: Session }>
  /**
   * The live session behind a cookie value, sliding its expiry forward (never past its absolute
   * lifetime); else undefined, also when its account has been removed.
   */
  find(id: string, now?: Date): Promise<Session | undefined>
  /**
   * The live session behind a cookie value as {@link find} sees it, but without sliding its
   * expiry: for an open event stream looking again at whether its session still holds.
   */
  peek(id: string, now?: Date): Promise<Session | undefined>
  /** End a session (sign out); unknown ids are ignored. */
  end(id: string): Promise<void>
  /** End every session of an account; how many there were. NotFound for an unknown account. */
  endAll(account: string): Promise<number>
}

/** A fresh random secret (session id, CSRF token): 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 of a session id, hex: what the store keeps. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}
