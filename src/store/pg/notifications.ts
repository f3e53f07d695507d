import type pg from 'pg'
import type { NotificationInput, NotificationStore } from '../../team/notification-types.js'
import { toNotification } from '../sqlite/notifications.js'
import { row, rows, transaction, type Db } from './db.js'

/**
 * Add notifications INSIDE the caller's transaction on `db` (a client of `transaction()`): one
 * set-based insert, for accounts that exist and are not disabled; the one who caused it is never
 * notified of their own act. As addNotificationsSqlite on SQLite.
 */
export async function addNotificationsPg(db: Db, list: readonly NotificationInput[], at: string): Promise<void> {
  if (list.length === 0) return
  await db.query(
    `INSERT INTO notifications (account, kind, article_id, lang, unit_id, from_account, reason, comment_id, at)
     SELECT n.account, n.kind, n.article, n.lang, n.unit, n."from", n.reason, n.comment, $1
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
       WITH ORDINALITY AS n (account, kind, article, lang, unit, "from", reason, comment, k)
     WHERE n.account IN (SELECT name FROM accounts WHERE disabled_at IS NULL)
       AND (n."from" IS NULL OR n."from" <> n.account)
     ORDER BY n.k`,
    [at, list.map((n) => n.account), list.map((n) => n.kind), list.map((n) => n.article), list.map((n) => n.lang ?? null),
      list.map((n) => n.unit ?? null), list.map((n) => n.from ?? null), list.map((n) => n.reason ?? null), list.map((n) => n.comment ?? null)],
  )
}

/** Notifications on PostgreSQL (schema 7), as on SQLite (src/store/sqlite/notifications.ts). */
export function createPgNotifications(pool: pg.Pool, now: () => string): NotificationStore {
  const unread = async (account: string) =>
    (await row<{ n: number }>(pool, 'SELECT count(*)::int AS n FROM notifications WHERE account = $1 AND read_at IS NULL', [account]))?.n ?? 0
  return {
    add: (list) => transaction(pool, (db) => addNotificationsPg(db, list, now())),
    async list(account, opts = {}) {
      const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500)
      const before = opts.before !== undefined && Number.isSafeInteger(opts.before) ? opts.before : Number.MAX_SAFE_INTEGER
      const found = await rows<Parameters<typeof toNotification>[0]>(
        pool,
        `SELECT * FROM notifications WHERE account = $1 AND id < $2 AND ($3::boolean = false OR read_at IS NULL) ORDER BY id DESC LIMIT $4`,
        [account, before, opts.unreadOnly ?? false, limit],
      )
      return { unread: await unread(account), notifications: found.map(toNotification) }
    },
    unread,
    async markRead(account, which) {
      const at = now()
      if ('all' in which) return (await pool.query('UPDATE notifications SET read_at = $1 WHERE account = $2 AND read_at IS NULL', [at, account])).rowCount ?? 0
      const ids = which.ids.filter((id) => Number.isSafeInteger(id))
      if (ids.length === 0) return 0
      const r = await pool.query('UPDATE notifications SET read_at = $1 WHERE account = $2 AND read_at IS NULL AND id = ANY($3::bigint[])', [at, account, ids])
      return r.rowCount ?? 0
    },
    async lastId() {
      return (await row<{ n: number }>(pool, 'SELECT coalesce(max(id), 0)::bigint AS n FROM notifications'))?.n ?? 0
    },
  }
}
