import type { Grant, Principal } from './types.js'

/**
 * How long a token, once found valid, may be trusted without asking the database again (ms): it
 * only bounds how long an entry can live at all, since every entry also carries the auth version
 * it was read under (`Accounts.authVersion`) and is dropped as soon as that version moves.
 */
export const TOKEN_CACHE_TTL_MS = 5000

/** Entries at most (only valid tokens are kept, so this is rarely reached). */
const TOKEN_CACHE_MAX = 1000

interface Entry {
  principal: Principal
  /** The token's expiry in ms since the epoch; Infinity for none. */
  expiresAt: number
  until: number
  version: number
}

/**
 * Valid tokens found lately, by hash. Every request carries a token, and the lookup (a join of
 * three tables) costs more than the rest of the authentication. An entry is used only while the
 * auth version is the one it was read under; callers take that version *before* they ask the
 * database, so a change that commits during the lookup makes the entry stale at once. Expiry is
 * checked exactly, and a refusal is never remembered (a token created a moment ago works at once,
 * and garbage tokens cannot fill the cache).
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly ttlMs = TOKEN_CACHE_TTL_MS) {}

  /** The principal remembered for `hash`, if it is still good at `now` under `version`. */
  get(hash: string, version: number, now: Date): Principal | undefined {
    const hit = this.entries.get(hash)
    if (!hit) return undefined
    if (hit.version === version && hit.until > Date.now() && hit.expiresAt > now.getTime()) return hit.principal
    this.entries.delete(hash)
    return undefined
  }

  /**
   * Remember a valid token's principal, read under `version`; returns the principal as frozen,
   * since the requests of the next few seconds share it and none may change it for the rest.
   */
  set(hash: string, principal: Principal, expiresAt: string | null, version: number): Principal {
    for (const g of principal.grants) Object.freeze(Object.freeze(g).langs)
    const frozen = Object.freeze({ ...principal, grants: Object.freeze(principal.grants) as Grant[] })
    if (this.entries.size >= TOKEN_CACHE_MAX) this.entries.clear()
    this.entries.set(hash, {
      principal: frozen,
      expiresAt: expiresAt === null ? Infinity : Date.parse(expiresAt),
      until: Date.now() + this.ttlMs,
      version,
    })
    return frozen
  }

  clear(): void {
    this.entries.clear()
  }
}
