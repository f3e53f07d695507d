import type Database from 'better-sqlite3'
import type { Passwords } from '../../auth/passwords.js'
import {
  hashSessionId,
  randomSecret,
  SESSION_TTL_MS,
  type Session,
  type Sessions,
} from '../../auth/sessions.js'
import type { Accounts } from '../../auth/types.js'
import { NotFound } from '../../model/errors.js'
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
export function openSqliteWebAuth(opts: OpenOptions, accounts: Accounts): WebAuth {
  return createSqliteWebAuth(openDatabase(opts), accounts)
}

/** The SQLite side of {@link WebAuth} over one open connection (closed by `close()`). */
export function createSqliteWebAuth(
  db: Database.Database,
  accounts: Accounts,
  ttl = SESSION_TTL_MS,
): WebAuth {
  const accountId = db.prepare<[string], { id: number }>('SELECT id FROM accounts WHERE name = ?')
  const upsertPassword = db.prepare<[number, string, string]>(
    `INSERT INTO passwords (account_id, hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
  )
  const selectPassword = db.prepare<[string], { hash: string }>(
    'SELECT p.hash FROM passwords p JOIN accounts a ON a.id = p.account_id WHERE a.name = ?',
  )
  const insertSession = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO sessions (hash, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  )
  const selectSession = db.prepare<
    [string, string],
    { name: string; csrf: string; expires_at: string }
  >(
    `SELECT a.name, s.csrf, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.hash = ? AND s.expires_at > ?`,
  )
  const slide = db.prepare<[string, string]>('UPDATE sessions SET expires_at = ? WHERE hash = ?')
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE hash = ?')
  const deleteExpired = db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?')

  const idOf = (name: string): number => {
    const row = accountId.get(name)
    if (!row)
      throw new NotFound(
        `no account ${printable(name)}: create it with tolk user add`,
        'unknown-account',
      )
    return row.id
  }
  const later = (now: Date) => new Date(now.getTime() + ttl).toISOString()
  const whenFree = busyRetry()

  const passwords: Passwords = {
    async set(name, hash) {
      upsertPassword.run(idOf(name), hash, new Date().toISOString())
    },
    get: async (name) => selectPassword.get(name)?.hash,
  }
  const sessions: Sessions = {
    async create(name, now = new Date()) {
      const account = await accounts.get(name)
      if (!account) throw new NotFound(`no account ${printable(name)}`, 'unknown-account')
      const id = randomSecret()
      const csrf = randomSecret()
      const expiresAt = later(now)
      // With the database locked by another process, retried off the event loop (then 503).
      await whenFree(() =>
        db.transaction(() => {
          // Sweeping here keeps the table small without a timer.
          deleteExpired.run(now.toISOString())
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
      const row = selectSession.get(hash, now.toISOString())
      if (!row) return undefined
      let expiresAt = later(now)
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
      if (!account) return undefined
      return { principal: { account: row.name, grants: account.grants }, csrf: row.csrf, expiresAt }
    },
    async end(id) {
      await whenFree(() => deleteSession.run(hashSessionId(id)))
    },
  }
  return {
    passwords,
    sessions,
    async close() {
      if (db.open) db.close()
    },
  }
}
