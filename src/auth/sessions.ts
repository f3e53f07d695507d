import { createHash, randomBytes } from 'node:crypto'
import type { Principal } from './types.js'

/** How long a sign-in lasts without activity. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

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
  /** The live session behind a cookie value, sliding its expiry forward; else undefined. */
  find(id: string, now?: Date): Promise<Session | undefined>
  /** End a session (sign out); unknown ids are ignored. */
  end(id: string): Promise<void>
}

/** A fresh random secret (session id, CSRF token): 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 of a session id, hex: what the store keeps. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}
