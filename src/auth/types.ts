/**
 * The roles an account can be granted. Languages matter for translator, reviewer,
 * terminologist (who edits the termbases of those languages) and coordinator (who hands out work
 * in those languages: assignments) only.
 */
export const ROLES = ['admin', 'translator', 'reviewer', 'viewer', 'terminologist', 'coordinator'] as const
export type Role = (typeof ROLES)[number]

/** Roles that hold only for a list of target languages. */
export const LANGUAGE_ROLES: readonly Role[] = ['translator', 'reviewer', 'terminologist', 'coordinator']

/** One grant: a role, and for translator/reviewer the languages it covers (BCP 47). */
export interface Grant {
  role: Role
  /** Empty for admin and viewer. */
  langs: string[]
}

/** An account: a person or a machine (CI) that holds grants and API tokens. */
export interface Account {
  id: number
  /** Unique; follows the id rule (letters, digits, `.`, `_`, `-`). */
  name: string
  grants: Grant[]
  createdAt: string
  /** ISO 8601 when the account was removed (disabled: no sign-in, no token); null while active. */
  disabledAt: string | null
}

/** What is kept about an API token: never the token itself, only its SHA-256 hash. */
export interface TokenInfo {
  id: number
  account: string
  createdAt: string
  /** ISO 8601; null for a token that does not expire. */
  expiresAt: string | null
  /** ISO 8601; null while the token is valid. */
  revokedAt: string | null
}

/** Who a request acts as, once its token is checked. */
export interface Principal {
  account: string
  grants: Grant[]
  /** The token used; undefined for the anonymous reader of `--public-read`. */
  tokenId?: number
  /** When the token used expires (ISO 8601; null: never); undefined without a token. */
  expiresAt?: string | null
}

/** One limit a sign-in attempt counts against: at most `max` attempts of `key` in the window. */
export interface AttemptLimit {
  /** What is limited, e.g. `account:ana` or `address:203.0.113.9`. */
  key: string
  max: number
}

/** A reserved attempt (release it when it succeeds), or how long until one may be tried. */
export type AttemptReservation = { ok: true; attempt: number } | { ok: false; retryAfterMs: number }

/**
 * Where accounts, grants and token hashes live. Asynchronous, like the Store, so a PostgreSQL
 * implementation can follow; the SQLite one is `src/store/sqlite/accounts.ts`.
 */
export interface Accounts {
  /** Create an account with its first grants; InvalidInput when the name is taken. */
  add(name: string, grants: Grant[]): Promise<Account>
  /** Add a grant to an account (languages merge into an existing grant of that role). */
  grant(name: string, grant: Grant): Promise<Account>
  /**
   * Take a grant back: the whole role when `grant.langs` is empty, else those languages (the role
   * goes with its last one). NotFound when the account holds none of it.
   */
  revoke(name: string, grant: Grant): Promise<Account>
  /**
   * Remove an account: disable it (accounts are never deleted, so its name stays in history and
   * cannot be taken again) and revoke its tokens, in one transaction. Idempotent. Sessions and
   * passwords refuse a disabled account; `Sessions.endAll` deletes its sessions.
   */
  remove(name: string): Promise<Account>
  get(name: string): Promise<Account | undefined>
  list(): Promise<Account[]>
  count(): Promise<number>
  /** Store a token's hash for an account; NotFound for an unknown account. */
  addToken(name: string, hash: string, expiresAt: string | null): Promise<TokenInfo>
  /** Tokens, newest first; of one account when named. */
  listTokens(name?: string): Promise<TokenInfo[]>
  /** Mark a token revoked (idempotent); NotFound for an unknown id. */
  revokeToken(id: number): Promise<TokenInfo>
  /** The account behind a valid (not revoked, not expired) token hash, with its expiry, else undefined. */
  findByTokenHash(hash: string, now: Date): Promise<Principal | undefined>
  /**
   * A value that moves whenever anyone's rights may have shrunk or grown, in any process on the
   * database: a grant given or taken, an account removed, a token revoked, a session ended
   * (sign-out, a new password). Compare two answers for equality only. In this instance it moves
   * at once; a change made elsewhere shows within 1 s. Cheap enough to ask several times a
   * second: open event streams look at their right again when it moves, and per-process caches
   * (the token cache) are emptied by it. SQLite: a counter row bumped by triggers, read only
   * when `PRAGMA data_version` says something was committed; PostgreSQL: LISTEN/NOTIFY.
   */
  authVersion(): Promise<number>
  /**
   * Reserve one sign-in attempt against every limit at once, atomically (shared by every process
   * on the database): either each key had fewer than its `max` attempts within `windowMs` and
   * each now counts one more, or nothing is counted and the answer says how long to wait. Call
   * it before checking the password; a reserved attempt that fails simply stays counted.
   */
  reserveAttempt(limits: readonly AttemptLimit[], windowMs: number, now?: Date): Promise<AttemptReservation>
  /** Release a reserved attempt (it succeeded): it no longer counts against any key. */
  releaseAttempt(attempt: number): Promise<void>
  /**
   * A number that changes whenever an auth change committed, by any process on the database: an
   * account added or removed, a grant given or taken, a token added or revoked, a password set, a
   * session ended. Cheap (no round trip on PostgreSQL): per-process caches of anything auth keep
   * the version they were filled under and are dropped when it moves. Only compare it with
   * earlier answers of the same Accounts; reads never change it.
   */
  authVersion(): Promise<number>
  close(): Promise<void>
}
