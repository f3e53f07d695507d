import { randomInt } from 'node:crypto'
import type pg from 'pg'
import { mergeGrants, withoutGrant } from '../../auth/grants.js'
import { describeGrant } from '../../auth/permissions.js'
import { TokenCache } from '../../auth/token-cache.js'
import type { Account, Accounts, AttemptReservation, Grant, Principal, Role } from '../../auth/types.js'
import { type AccountRow, type GrantRow, type TokenRow, removed, toGrants, toToken } from '../account-rows.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { printable } from '../../model/tags.js'
import { listenForAuthChanges, noteAuthChange } from './auth-signal.js'
import { inTransaction } from './pool.js'

// Names, roles and languages sort as on SQLite (by code point) wherever they are ordered:
// COLLATE "C", whatever the database's collation.
const TOKEN_COLUMNS = 't.id, a.name, t.created_at, t.expires_at, t.revoked_at'
const TOKENS = `SELECT ${TOKEN_COLUMNS} FROM tokens t JOIN accounts a ON a.id = t.account_id`

/**
 * How long a valid token is remembered at most (ms). The auth signal empties the cache within
 * milliseconds of a change on any server; this bound is what still holds when a signal is lost
 * without the LISTEN connection noticing (a half-open TCP connection that no error reports yet):
 * even then a revoked token is refused within a second.
 */
export const PG_TOKEN_CACHE_TTL_MS = 1000

/** {@link Accounts} on PostgreSQL. */
export interface PgAccounts extends Accounts {
  /** Resolves once every auth change committed before the call is counted in `authVersion()`. */
  authSettled(): Promise<void>
}

/**
 * The PostgreSQL side of {@link Accounts} on a migrated database's pool (schema 002-auth), with
 * the same semantics, errors and messages as the SQLite one. `close()` ends its LISTEN
 * connection, not the pool, which belongs to the store.
 *
 * Several servers share the database, so:
 * - a sign-in reservation is one call of `tolk_reserve_attempt` (migration 002-auth), which takes
 *   a transaction-scoped advisory lock per key, in one order, before it counts: reservations of
 *   one key queue, whichever server they come through;
 * - grant changes lock the account's row, so two servers' changes to one account do not mix;
 * - valid tokens are remembered for a second at most, under the auth version (see
 *   {@link listenForAuthChanges}): a change committed by any server empties that memory within
 *   the time a NOTIFY takes to arrive, and this process's own changes at once.
 */
export function createPgAccounts(pool: pg.Pool, now: () => string = () => new Date().toISOString()): PgAccounts {
  const signal = listenForAuthChanges(pool)
  const cache = new TokenCache(PG_TOKEN_CACHE_TTL_MS)
  type Q = Pick<pg.Pool, 'query'>

  /** The principal of a token, read from the database and remembered under `version`. */
  const lookUp = async (hash: string, at: Date, version: number): Promise<Principal | undefined> => {
    const { rows } = await pool.query<{
      name: string
      token_id: number
      expires_at: string | null
      role: Role | null
      lang: string | null
    }>(
      `SELECT a.name, t.id AS token_id, t.expires_at, g.role, g.lang FROM tokens t
       JOIN accounts a ON a.id = t.account_id
       LEFT JOIN grants g ON g.account_id = a.id
       WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
         AND a.disabled_at IS NULL
       ORDER BY g.role COLLATE "C", g.lang COLLATE "C"`,
      [hash, at.toISOString()],
    )
    const first = rows[0]
    if (!first) return undefined
    const grants = toGrants(rows.filter((r): r is typeof r & GrantRow => r.role !== null))
    return cache.set(hash, { account: first.name, grants, tokenId: first.token_id, expiresAt: first.expires_at }, first.expires_at, version)
  }
  /** Lookups in flight, by auth version and token hash. */
  const lookups = new Map<string, Promise<Principal | undefined>>()

  const accountRow = async (q: Q, name: string, lock = false): Promise<AccountRow | undefined> =>
    (await q.query<AccountRow>(`SELECT * FROM accounts WHERE name = $1${lock ? ' FOR UPDATE' : ''}`, [name])).rows[0]
  const grantsOf = async (q: Q, id: number): Promise<Grant[]> =>
    toGrants(
      (await q.query<GrantRow>('SELECT role, lang FROM grants WHERE account_id = $1 ORDER BY role COLLATE "C", lang COLLATE "C"', [id]))
        .rows,
    )
  const toAccount = async (q: Q, row: AccountRow): Promise<Account> => ({
    id: row.id,
    name: row.name,
    grants: await grantsOf(q, row.id),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  })
  const accountOrThrow = async (q: Q, name: string, lock = false): Promise<AccountRow> => {
    const row = await accountRow(q, name, lock)
    if (!row) throw new NotFound(`no account ${printable(name)}: create it with tolk user add`, 'unknown-account')
    return row
  }
  // What may change an account's grants and tokens: one that exists and was not removed.
  const activeOrThrow = async (q: Q, name: string, lock = false): Promise<AccountRow> => {
    const row = await accountOrThrow(q, name, lock)
    if (row.disabled_at !== null) throw removed(row)
    return row
  }
  const writeGrants = async (q: Q, accountId: number, grants: Grant[]) => {
    const roles: string[] = []
    const langs: string[] = []
    for (const g of grants) {
      for (const l of g.langs.length === 0 ? [''] : g.langs) {
        roles.push(g.role)
        langs.push(l)
      }
    }
    if (roles.length === 0) return
    await q.query(
      `INSERT INTO grants (account_id, role, lang) SELECT $1, r, l FROM unnest($2::text[], $3::text[]) AS x (r, l)
       ON CONFLICT DO NOTHING`,
      [accountId, roles, langs],
    )
  }
  // An auth change: one transaction, then counted for this process once it has committed.
  const change = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const result = await inTransaction(pool, fn)
    noteAuthChange()
    return result
  }

  return {
    // A new account or token takes no one's rights away: no auth change (as on SQLite).
    add: (name, grants) =>
      inTransaction(pool, async (q) => {
        checkId(name, 'account name')
        const { rows } = await q.query<AccountRow>(
          'INSERT INTO accounts (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING *',
          [name, now()],
        )
        const row = rows[0]
        if (!row) {
          const taken = await accountOrThrow(q, name)
          if (taken.disabled_at) throw removed(taken)
          throw new InvalidInput(`account ${name} exists already: use tolk user grant`, 'account-exists')
        }
        await writeGrants(q, row.id, grants)
        return toAccount(q, row)
      }),
    grant: (name, g) =>
      change(async (q) => {
        const row = await activeOrThrow(q, name, true)
        await writeGrants(q, row.id, mergeGrants(await grantsOf(q, row.id), g))
        return toAccount(q, row)
      }),
    revoke: (name, g) =>
      change(async (q) => {
        const row = await activeOrThrow(q, name, true)
        const left = withoutGrant(await grantsOf(q, row.id), g)
        if (!left) throw new NotFound(`${name} holds no ${describeGrant(g)} grant: see tolk user list`, 'unknown-grant')
        await q.query('DELETE FROM grants WHERE account_id = $1', [row.id])
        await writeGrants(q, row.id, left)
        return toAccount(q, row)
      }),
    remove: (name) =>
      change(async (q) => {
        const row = await accountOrThrow(q, name, true)
        const at = now()
        await q.query('UPDATE accounts SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', [at, row.id])
        await q.query('UPDATE tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL', [at, row.id])
        return toAccount(q, await accountOrThrow(q, name))
      }),
    async get(name) {
      const row = await accountRow(pool, name)
      return row ? toAccount(pool, row) : undefined
    },
    async list() {
      const { rows } = await pool.query<AccountRow & { roles: Role[] | null; langs: string[] | null }>(
        `SELECT a.*, g.roles, g.langs FROM accounts a LEFT JOIN LATERAL (
           SELECT array_agg(role ORDER BY role COLLATE "C", lang COLLATE "C") AS roles,
                  array_agg(lang ORDER BY role COLLATE "C", lang COLLATE "C") AS langs
           FROM grants WHERE account_id = a.id) g ON true
         ORDER BY a.name COLLATE "C"`,
      )
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        grants: toGrants((r.roles ?? []).map((role, i) => ({ role, lang: r.langs?.[i] ?? '' }))),
        createdAt: r.created_at,
        disabledAt: r.disabled_at,
      }))
    },
    async count() {
      return (await pool.query<{ n: number }>('SELECT count(*) AS n FROM accounts')).rows[0]?.n ?? 0
    },
    addToken: (name, hash, expiresAt) =>
      inTransaction(pool, async (q) => {
        // Locked, so a removal on another server cannot slip in between the check and the insert.
        const account = await activeOrThrow(q, name, true)
        const { rows } = await q.query<TokenRow>(
          `WITH t AS (INSERT INTO tokens (account_id, hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING *)
           SELECT t.id, $5::text AS name, t.created_at, t.expires_at, t.revoked_at FROM t`,
          [account.id, hash, now(), expiresAt, account.name],
        )
        return toToken(rows[0] as TokenRow)
      }),
    async listTokens(name) {
      const { rows } =
        name === undefined
          ? await pool.query<TokenRow>(`${TOKENS} ORDER BY t.id DESC`)
          : await pool.query<TokenRow>(`${TOKENS} WHERE a.name = $1 ORDER BY t.id DESC`, [name])
      return rows.map(toToken)
    },
    async revokeToken(id) {
      const unknown = () => new NotFound(`no token ${id}: see tolk token list`, 'unknown-token')
      if (!Number.isSafeInteger(id)) throw unknown()
      const { rowCount } = await pool.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now(), id])
      if (rowCount) noteAuthChange()
      const row = (await pool.query<TokenRow>(`${TOKENS} WHERE t.id = $1`, [id])).rows[0]
      if (!row) throw unknown()
      return toToken(row)
    },
    async findByTokenHash(hash, at): Promise<Principal | undefined> {
      // Taken before the lookup: a change that commits meanwhile leaves the entry stale at once.
      const version = await signal.version()
      const hit = cache.get(hash, version, at)
      if (hit) return hit
      // One lookup per token and auth version at a time: when the entry lapses (every second),
      // the requests in flight on that token wait for the first one's lookup instead of each
      // sending its own (50 connections sent some 50 lookups a second, a tenth of the writes).
      const key = `${version}:${hash}`
      const pending = lookups.get(key)
      if (pending) {
        // Found: the entry it left, checked against this request's own time; not found: asked
        // again (a refusal is never shared, as it is never cached).
        if ((await pending.catch(() => undefined)) !== undefined) {
          const shared = cache.get(hash, version, at)
          if (shared) return shared
        }
        return lookUp(hash, at, version)
      }
      const mine = lookUp(hash, at, version)
      lookups.set(key, mine)
      try {
        return await mine
      } finally {
        lookups.delete(key)
      }
    },
    async reserveAttempt(limits, windowMs, at = new Date()): Promise<AttemptReservation> {
      // Random rather than max + 1, as on SQLite (src/store/sqlite/sign-in-attempts.ts).
      const attempt = randomInt(1, 2 ** 48)
      const { rows } = await pool.query<{ wait: number }>('SELECT tolk_reserve_attempt($1, $2, $3, $4, $5) AS wait', [
        limits.map((l) => l.key),
        limits.map((l) => Math.trunc(l.max)),
        at.toISOString(),
        Math.trunc(windowMs),
        attempt,
      ])
      const wait = rows[0]?.wait ?? 0
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true, attempt }
    },
    async releaseAttempt(attempt) {
      if (!Number.isSafeInteger(attempt)) return
      await pool.query('DELETE FROM sign_in_attempts WHERE attempt = $1', [attempt])
    },
    authVersion: () => signal.version(),
    authSettled: () => signal.settled(),
    close: () => signal.close(),
  }
}
