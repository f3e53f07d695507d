import type pg from 'pg'
import type { Passwords } from '../../auth/passwords.js'
import {
  DEFAULT_SESSION_LIFETIME,
  hashSessionId,
  randomSecret,
  type Session,
  type SessionLifetime,
  type Sessions,
} from '../../auth/sessions.js'
import type { Accounts, Role } from '../../auth/types.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { toGrants } from '../account-rows.js'
import type { WebAuth } from '../sqlite/sessions.js'
import { noteAuthChange } from './auth-signal.js'
import { inTransaction } from './pool.js'

/**
 * The PostgreSQL side of {@link WebAuth} on a migrated database's pool (schema 002-auth), with the
 * semantics of the SQLite one. Nothing of a session is cached: every request reads its row (and
 * the account's grants, in the same statement that slides its expiry), so an ended session, a
 * removed account or a changed grant applies to the very next request of every server.
 * `close()` leaves the pool, which belongs to the store, open.
 */
export function createPgWebAuth(pool: pg.Pool, accounts: Accounts, lifetime: Partial<SessionLifetime> = {}): WebAuth {
  const idleMs = lifetime.idleMs ?? DEFAULT_SESSION_LIFETIME.idleMs
  const maxAgeMs = lifetime.maxAgeMs ?? DEFAULT_SESSION_LIFETIME.maxAgeMs
  // Idle expiry slides, but never past the absolute end counted from the sign-in.
  const expiry = (createdAt: Date, now: Date) =>
    new Date(Math.min(now.getTime() + idleMs, createdAt.getTime() + maxAgeMs)).toISOString()
  const bornAfter = (now: Date) => new Date(now.getTime() - maxAgeMs).toISOString()

  // 'active' locks the row (in a transaction): a removal on another server waits for the write.
  const idOf = async (q: Pick<pg.Pool, 'query'>, name: string, what: 'any' | 'active'): Promise<number> => {
    const { rows } = await q.query<{ id: number; disabled_at: string | null }>(
      `SELECT id, disabled_at FROM accounts WHERE name = $1${what === 'active' ? ' FOR SHARE' : ''}`,
      [name],
    )
    const row = rows[0]
    if (!row) throw new NotFound(`no account ${printable(name)}: create it with tolk user add`, 'unknown-account')
    if (what === 'active' && row.disabled_at !== null)
      throw new InvalidInput(`account ${printable(name)} was removed on ${row.disabled_at}: it cannot have a password`, 'account-removed')
    return row.id
  }
  // Sessions ended (deleted) count as auth changes; the triggers tell the other servers.
  const ended = (n: number | null): number => {
    if (n) noteAuthChange()
    return n ?? 0
  }

  const passwords: Passwords = {
    async set(name, hash) {
      const n = await inTransaction(pool, async (q) => {
        const id = await idOf(q, name, 'active')
        await q.query(
          `INSERT INTO passwords (account_id, hash, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
          [id, hash, new Date().toISOString()],
        )
        return (await q.query('DELETE FROM sessions WHERE account_id = $1', [id])).rowCount
      })
      noteAuthChange()
      return n ?? 0
    },
    async get(name) {
      const { rows } = await pool.query<{ hash: string }>(
        `SELECT p.hash FROM passwords p JOIN accounts a ON a.id = p.account_id
         WHERE a.name = $1 AND a.disabled_at IS NULL`,
        [name],
      )
      return rows[0]?.hash
    },
  }

  const sessions: Sessions = {
    async create(name, now = new Date()) {
      const account = await accounts.get(name)
      if (!account || account.disabledAt !== null) throw new NotFound(`no account ${printable(name)}`, 'unknown-account')
      const id = randomSecret()
      const csrf = randomSecret()
      const expiresAt = expiry(now, now)
      // Sweeping here keeps the table small without a timer. Expired sessions are no change to
      // anyone's rights, so the sweep does not count as one here (the trigger still notifies).
      await inTransaction(pool, async (q) => {
        await q.query('DELETE FROM sessions WHERE expires_at <= $1 OR created_at <= $2', [now.toISOString(), bornAfter(now)])
        await q.query('INSERT INTO sessions (hash, account_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
          hashSessionId(id),
          account.id,
          csrf,
          now.toISOString(),
          expiresAt,
        ])
      })
      const session: Session = { principal: { account: name, grants: account.grants }, csrf, expiresAt }
      return { id, session }
    },
    async find(id, now = new Date()) {
      if (id.length > 100) return undefined
      // Idle expiry, absolute lifetime and a removed account in the one statement that slides the
      // expiry; the grants, read fresh on every request, come with it.
      const { rows } = await pool.query<{ name: string; csrf: string; expires_at: string; role: Role | null; lang: string | null }>(
        `WITH live AS (
           UPDATE sessions s SET expires_at = least($2::timestamptz + $4::float8 * interval '1 millisecond', s.created_at + $5::float8 * interval '1 millisecond')
           FROM accounts a
           WHERE s.hash = $1 AND a.id = s.account_id AND s.expires_at > $2 AND s.created_at > $3 AND a.disabled_at IS NULL
           RETURNING a.id, a.name, s.csrf, s.expires_at)
         SELECT live.name, live.csrf, live.expires_at, g.role, g.lang FROM live
         LEFT JOIN grants g ON g.account_id = live.id
         ORDER BY g.role COLLATE "C", g.lang COLLATE "C"`,
        [hashSessionId(id), now.toISOString(), bornAfter(now), idleMs, maxAgeMs],
      )
      const first = rows[0]
      if (!first) return undefined
      const grants = toGrants(rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, lang: r.lang ?? '' }])))
      return { principal: { account: first.name, grants }, csrf: first.csrf, expiresAt: first.expires_at }
    },
    async peek(id, now = new Date()) {
      if (id.length > 100) return undefined
      // As find, without sliding the expiry: what an open stream asks when rights may have moved.
      const { rows } = await pool.query<{ name: string; csrf: string; expires_at: string; role: Role | null; lang: string | null }>(
        `SELECT a.name, s.csrf, s.expires_at, g.role, g.lang FROM sessions s
         JOIN accounts a ON a.id = s.account_id AND a.disabled_at IS NULL
         LEFT JOIN grants g ON g.account_id = a.id
         WHERE s.hash = $1 AND s.expires_at > $2 AND s.created_at > $3
         ORDER BY g.role COLLATE "C", g.lang COLLATE "C"`,
        [hashSessionId(id), now.toISOString(), bornAfter(now)],
      )
      const first = rows[0]
      if (!first) return undefined
      const grants = toGrants(rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, lang: r.lang ?? '' }])))
      return { principal: { account: first.name, grants }, csrf: first.csrf, expiresAt: first.expires_at }
    },
    async end(id) {
      ended((await pool.query('DELETE FROM sessions WHERE hash = $1', [hashSessionId(id)])).rowCount)
    },
    async endAll(name) {
      const accountId = await idOf(pool, name, 'any')
      return ended((await pool.query('DELETE FROM sessions WHERE account_id = $1', [accountId])).rowCount)
    },
  }

  return { passwords, sessions, close: async () => {} }
}
