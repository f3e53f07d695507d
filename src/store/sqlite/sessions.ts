import type Database from 'better-sqlite3'
import type { Passwords } from '../../auth/passwords.js'
import {
  DEFAULT_SESSION_LIFETIME,
  hashSessionId,
  randomSecret,
  type Session,
  type SessionLifetime,
  type Sessions,
} from '../../auth/sessions.js'
import type { Accounts } from '../../auth/types.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { busyRetry, isBusy } from './busy.js'
import { type OpenOptions, openDatabase } from './open-database.js'

/** Password hashes and sessions of the web editor, on one connection. */
export interface WebAuth {
  passwords: Passwords
  sessions: Sessions
  close(): Promise<void>
}

/**
 * Open the web editor's tables on their own connection to the Tolk database file (WAL lets it
 * share the file with the store and the accounts). Grants are read through `accounts`.
 * @example
 * const web = openSqliteWebAuth({ file: 'data/tolk.sqlite' }, accounts)
 */
export function openSqliteWebAuth(
  opts: OpenOptions & { lifetime?: Partial<SessionLifetime> },
  accounts: Accounts,
): WebAuth {
  return createSqliteWebAuth(openDatabase(opts), accounts, opts.lifetime)
}

/**
 * The SQLite side of {@link WebAuth} over one open connection (closed by `close()`). Nothing of a
 * session is cached: every request reads its row, so an ended session, a removed account or a
 * changed grant applies to the very next request of every server on the file.
 */
export function createSqliteWebAuth(
  db: Database.Database,
  accounts: Accounts,
  lifetime: Partial<SessionLifetime> = {},
): WebAuth {
  const idleMs = lifetime.idleMs ?? DEFAULT_SESSION_LIFETIME.idleMs
  const maxAgeMs = lifetime.maxAgeMs ?? DEFAULT_SESSION_LIFETIME.maxAgeMs
  const accountRow = db.prepare<[string], { id: number; disabled_at: string | null }>(
    'SELECT id, disabled_at FROM accounts WHERE name = ?',
  )
  const upsertPassword = db.prepare<[number, string, string]>(
    `INSERT INTO passwords (account_id, hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
  )
  const selectPassword = db.prepare<[string], { hash: string }>(
    `SELECT p.hash FROM passwords p JOIN accounts a ON a.id = p.account_id
     WHERE a.name = ? AND a.disabled_at IS NULL`,
  )
  const insertSession = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO sessions (hash, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  )
  // Idle expiry, absolute lifetime and a removed account, all in the one lookup.
  const selectSession = db.prepare<
    [string, string, string],
    { name: string; csrf: string; created_at: string; expires_at: string }
  >(
    `SELECT a.name, s.csrf, s.created_at, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.hash = ? AND s.expires_at > ? AND s.created_at > ? AND a.disabled_at IS NULL`,
  )
  const slide = db.prepare<[string, string]>('UPDATE sessions SET expires_at = ? WHERE hash = ?')
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE hash = ?')
  const deleteSessionsOf = db.prepare<[number]>('DELETE FROM sessions WHERE account_id = ?')
  const deleteExpired = db.prepare<[string, string]>(
    'DELETE FROM sessions WHERE expires_at <= ? OR created_at <= ?',
  )

  const idOf = (name: string, what: 'any' | 'active'): number => {
    const row = accountRow.get(name)
    if (!row)
      throw new NotFound(`no account ${printable(name)}: create it with tolk user add`, 'unknown-account')
    if (what === 'active' && row.disabled_at !== null)
      throw new InvalidInput(`account ${printable(name)} was removed on ${row.disabled_at}: it cannot have a password`, 'account-removed')
    return row.id
  }
  // Idle expiry slides, but never past the absolute end counted from the sign-in.
  const expiry = (createdAt: Date, now: Date) =>
    new Date(Math.min(now.getTime() + idleMs, createdAt.getTime() + maxAgeMs)).toISOString()
  const bornAfter = (now: Date) => new Date(now.getTime() - maxAgeMs).toISOString()
  const whenFree = busyRetry()

  const setPassword = db.transaction((name: string, hash: string): number => {
    const id = idOf(name, 'active')
    upsertPassword.run(id, hash, new Date().toISOString())
    return deleteSessionsOf.run(id).changes
  })
  const passwords: Passwords = {
    set: async (name, hash) => setPassword.immediate(name, hash),
    get: async (name) => selectPassword.get(name)?.hash,
  }
  const sessions: Sessions = {
    async create(name, now = new Date()) {
      const account = await accounts.get(name)
      if (!account || account.disabledAt !== null)
        throw new NotFound(`no account ${printable(name)}`, 'unknown-account')
      const id = randomSecret()
      const csrf = randomSecret()
      const expiresAt = expiry(now, now)
      // With the database locked by another process, retried off the event loop (then 503).
      await whenFree(() =>
        db.transaction(() => {
          // Sweeping here keeps the table small without a timer.
          deleteExpired.run(now.toISOString(), bornAfter(now))
          insertSession.run(hashSessionId(id), account.id, csrf, now.toISOString(), expiresAt)
        }).immediate(),
      )
      const session: Session = {
        principal: { account: name, grants: account.grants },
        csrf,
        expiresAt,
      }
      return { id, session }
    },
    async find(id, now = new Date()) {
      if (id.length > 100) return undefined
      const hash = hashSessionId(id)
      const row = selectSession.get(hash, now.toISOString(), bornAfter(now))
      if (!row) return undefined
      let expiresAt = expiry(new Date(row.created_at), now)
      try {
        slide.run(expiresAt, hash)
      } catch (err) {
        // Another process holds the write lock: the session slides on a later request instead of
        // this one waiting (the service's connection has no busy timeout).
        if (!isBusy(err)) throw err
        expiresAt = row.expires_at
      }
      // Grants are read fresh on every request, so a grant change takes effect at once.
      const account = await accounts.get(row.name)
      if (!account || account.disabledAt !== null) return undefined
      return { principal: { account: row.name, grants: account.grants }, csrf: row.csrf, expiresAt }
    },
    async peek(id, now = new Date()) {
      if (id.length > 100) return undefined
      const row = selectSession.get(hashSessionId(id), now.toISOString(), bornAfter(now))
      if (!row) return undefined
      const account = await accounts.get(row.name)
      if (!account || account.disabledAt !== null) return undefined
      return { principal: { account: row.name, grants: account.grants }, csrf: row.csrf, expiresAt: row.expires_at }
    },
    async end(id) {
      await whenFree(() => deleteSession.run(hashSessionId(id)))
    },
    endAll: async (name) => deleteSessionsOf.run(idOf(name, 'any')).changes,
  }
  return {
    passwords,
    sessions,
    async close() {
      if (db.open) db.close()
    },
  }
}
