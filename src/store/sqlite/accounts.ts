import type Database from 'better-sqlite3'
import type { Account, Accounts, Grant, Principal, Role } from '../../auth/types.js'
import { mergeGrants, withoutGrant } from '../../auth/grants.js'
import { describeGrant } from '../../auth/permissions.js'
import { type AccountRow, type GrantRow, type TokenRow, removed, toGrants, toToken } from '../account-rows.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { printable } from '../../model/tags.js'
import { type OpenOptions, openDatabase } from './open-database.js'
import { createSignInAttempts } from './sign-in-attempts.js'
import { busyRetry } from './busy.js'

/**
 * How long a token, once found valid, may be trusted without asking the database again (ms).
 * Every request carries a token, and the lookup (a three-table join with the grants) cost more
 * than the rest of the authentication. The cache is emptied at once by any change to rights
 * (the `authVersion` signal: a revoked token, a grant given or taken, a removed account), made
 * by this process or another (`tolk token revoke` next to a running server), so a revocation
 * applies to the very next request; this time only bounds how long an entry can live at all.
 * Expiry is checked exactly, and a refusal is never remembered.
 */
export const TOKEN_CACHE_TTL_MS = 5000

/** Entries per Accounts at most (only valid tokens are kept, so this is rarely reached). */
const TOKEN_CACHE_MAX = 1000

interface CachedPrincipal {
  principal: Principal
  /** Expiry in ms since the epoch; Infinity for none. */
  expiresAt: number
  until: number
  /** The `authVersion` it was read at: any change to rights since makes it unusable. */
  authVersion: number
}

/** Sign-in counts are writes: retried while another process holds the lock (see busy.ts). */
const whenFree = busyRetry()

/**
 * Accounts on their own connection to the Tolk database file (the same file the Store uses; WAL
 * lets both read and write side by side). Opening migrates the schema like the Store does. The
 * service uses `store.accounts` instead, on the store's own connection.
 * @example
 * const accounts = openSqliteAccounts({ file: 'data/tolk.sqlite' })
 */
export function openSqliteAccounts(opts: OpenOptions & { now?: () => string }): Accounts {
  const db = openDatabase(opts)
  return createSqliteAccounts(db, opts.now, { ownsConnection: true })
}

/**
 * The SQLite side of {@link Accounts}, over one open connection. `close()` closes it only when
 * the accounts own it; `store.accounts` shares the store's connection, which the store closes.
 */
export function createSqliteAccounts(
  db: Database.Database,
  now = () => new Date().toISOString(),
  opts: { ownsConnection?: boolean } = {},
): Accounts {
  const selectAccount = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE name = ?')
  const selectAll = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY name')
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts')
  const selectGrants = db.prepare<[number], GrantRow>(
    'SELECT role, lang FROM grants WHERE account_id = ? ORDER BY role, lang',
  )
  const insertAccount = db.prepare<[string, string]>('INSERT INTO accounts (name, created_at) VALUES (?, ?)')
  const insertGrant = db.prepare<[number, string, string]>(
    'INSERT OR IGNORE INTO grants (account_id, role, lang) VALUES (?, ?, ?)',
  )
  const insertToken = db.prepare<[number, string, string, string | null]>(
    'INSERT INTO tokens (account_id, hash, created_at, expires_at) VALUES (?, ?, ?, ?)',
  )
  const tokenColumns = 't.id, a.name, t.created_at, t.expires_at, t.revoked_at'
  const selectToken = db.prepare<[number], TokenRow>(
    `SELECT ${tokenColumns} FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`,
  )
  const selectTokens = db.prepare<[], TokenRow>(
    `SELECT ${tokenColumns} FROM tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.id DESC`,
  )
  const selectTokensOf = db.prepare<[string], TokenRow>(
    `SELECT ${tokenColumns} FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE a.name = ? ORDER BY t.id DESC`,
  )
  const revoke = db.prepare<[string, number]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
  const revokeAllOf = db.prepare<[string, number]>(
    'UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL',
  )
  const disable = db.prepare<[string, number]>('UPDATE accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL')
  const deleteGrants = db.prepare<[number]>('DELETE FROM grants WHERE account_id = ?')
  // The hot path of every request: one indexed lookup by hash, grants in the same statement.
  const selectByHash = db.prepare<
    [string, string],
    { name: string; token_id: number; expires_at: string | null; role: Role | null; lang: string | null }
  >(`
    SELECT a.name, t.id AS token_id, t.expires_at, g.role, g.lang FROM tokens t
    JOIN accounts a ON a.id = t.account_id
    LEFT JOIN grants g ON g.account_id = a.id
    WHERE t.hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
      AND a.disabled_at IS NULL`)
  const attempts = createSignInAttempts(db)

  const cache = new Map<string, CachedPrincipal>()
  const authVersion = authSignal(db)

  const grantsOf = (accountId: number): Grant[] => toGrants(selectGrants.all(accountId))
  const toAccount = (row: AccountRow): Account => ({
    id: row.id,
    name: row.name,
    grants: grantsOf(row.id),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  })
  const accountOrThrow = (name: string): AccountRow => {
    const row = selectAccount.get(name)
    if (!row) throw new NotFound(`no account ${printable(name)}: create it with tolk user add`, 'unknown-account')
    return row
  }
  // What may change an account's grants and tokens: one that exists and was not removed.
  const activeOrThrow = (name: string): AccountRow => {
    const row = accountOrThrow(name)
    if (row.disabled_at !== null) throw removed(row)
    return row
  }
  const writeGrants = (accountId: number, grants: Grant[]) => {
    for (const g of grants) {
      if (g.langs.length === 0) insertGrant.run(accountId, g.role, '')
      for (const l of g.langs) insertGrant.run(accountId, g.role, l)
    }
  }

  const add = db.transaction((name: string, grants: Grant[]): Account => {
    checkId(name, 'account name')
    const taken = selectAccount.get(name)
    if (taken?.disabled_at) throw removed(taken)
    if (taken) throw new InvalidInput(`account ${name} exists already: use tolk user grant`, 'account-exists')
    const id = Number(insertAccount.run(name, now()).lastInsertRowid)
    writeGrants(id, grants)
    return toAccount(accountOrThrow(name))
  })
  const grant = db.transaction((name: string, g: Grant): Account => {
    const row = activeOrThrow(name)
    writeGrants(row.id, mergeGrants(grantsOf(row.id), g))
    return toAccount(row)
  })
  const revokeGrant = db.transaction((name: string, g: Grant): Account => {
    const row = activeOrThrow(name)
    const left = withoutGrant(grantsOf(row.id), g)
    if (!left) throw new NotFound(`${name} holds no ${describeGrant(g)} grant: see tolk user list`, 'unknown-grant')
    deleteGrants.run(row.id)
    writeGrants(row.id, left)
    return toAccount(row)
  })
  const remove = db.transaction((name: string): Account => {
    const row = accountOrThrow(name)
    const at = now()
    disable.run(at, row.id)
    revokeAllOf.run(at, row.id)
    return toAccount(accountOrThrow(name))
  })

  return {
    add: async (name, grants) => add.immediate(name, grants),
    grant: async (name, g) => grant.immediate(name, g),
    revoke: async (name, g) => revokeGrant.immediate(name, g),
    remove: async (name) => remove.immediate(name),
    get: async (name) => {
      const row = selectAccount.get(name)
      return row ? toAccount(row) : undefined
    },
    list: async () => selectAll.all().map(toAccount),
    count: async () => countAll.get()?.n ?? 0,
    async addToken(name, hash, expiresAt) {
      const account = activeOrThrow(name)
      const id = Number(insertToken.run(account.id, hash, now(), expiresAt).lastInsertRowid)
      return toToken(selectToken.get(id) as TokenRow)
    },
    listTokens: async (name) => (name === undefined ? selectTokens.all() : selectTokensOf.all(name)).map(toToken),
    async revokeToken(id) {
      revoke.run(now(), id)
      const row = selectToken.get(id)
      if (!row) throw new NotFound(`no token ${id}: see tolk token list`, 'unknown-token')
      return toToken(row)
    },
    async findByTokenHash(hash, now): Promise<Principal | undefined> {
      const hit = cache.get(hash)
      const version = authVersion()
      if (
        hit &&
        hit.authVersion === version &&
        hit.until > Date.now() &&
        hit.expiresAt > now.getTime()
      ) {
        return hit.principal
      }
      // Only a miss needs the time as text (ISO 8601, as expiries are stored).
      const rows = selectByHash.all(hash, now.toISOString())
      const first = rows[0]
      if (!first) {
        if (hit) cache.delete(hash)
        return undefined
      }
      const grants = toGrants(rows.filter((r): r is GrantRow & typeof r => r.role !== null) as GrantRow[])
      // Shared by the requests of the next few seconds: frozen, so none can change it for the rest.
      for (const g of grants) Object.freeze(Object.freeze(g).langs)
      const principal: Principal = Object.freeze({
        account: first.name,
        grants: Object.freeze(grants) as Grant[],
        tokenId: first.token_id,
        expiresAt: first.expires_at,
      })
      // Only valid tokens are remembered: a refusal is always asked anew, so a token created a
      // moment ago works at once and garbage tokens cannot fill the cache.
      if (cache.size >= TOKEN_CACHE_MAX) cache.clear()
      cache.set(hash, {
        principal,
        expiresAt: first.expires_at === null ? Infinity : Date.parse(first.expires_at),
        until: Date.now() + TOKEN_CACHE_TTL_MS,
        authVersion: version,
      })
      return principal
    },
    authVersion: async () => authVersion(),
    // The service's connection has no busy timeout: a locked database is waited for off the event
    // loop (then StoreBusy, a 503), never in SQLite's busy handler.
    reserveAttempt: (limits, windowMs, at = new Date()) => whenFree(() => attempts.reserve(limits, windowMs, at)),
    releaseAttempt: (attempt) => whenFree(() => attempts.release(attempt)),
    async close() {
      if (opts.ownsConnection && db.open) db.close()
    },
  }
}

/**
 * The `auth_version` counter (schema 21) as this connection sees it, read only when something
 * was committed since the last look: `PRAGMA data_version` moves when another connection commits
 * to the file (another process, or another connection of this one), `total_changes()` when this
 * connection writes. When neither moved, the answer is the last one read (a few microseconds
 * here, about what one row read costs: the saving is small, the signal is the database's own),
 * so every request and every open stream may ask.
 */
export function authSignal(db: Database.Database): () => number {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  const ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck()
  const read = db.prepare<[], number>('SELECT version FROM auth_version WHERE id = 1').pluck()
  let seen = ''
  let version = 0
  return () => {
    // Look first, then read: a commit in between shows as a moved probe next time.
    const now = `${dataVersion.get() as number}/${ownChanges.get() as number}`
    if (now !== seen) {
      version = read.get() as number
      seen = now
    }
    return version
  }
}
