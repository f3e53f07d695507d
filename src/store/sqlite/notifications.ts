import type Database from 'better-sqlite3'
import type { Notification, NotificationInput, NotificationKind, NotificationStore } from '../../team/notification-types.js'

interface NotificationRow {
  id: number; account: string; kind: NotificationKind; article_id: string; lang: string | null; unit_id: string | null
  from_account: string | null; reason: string | null; comment_id: number | null; at: string; read_at: string | null
}

/** A stored row as the API shows it. */
export function toNotification(r: NotificationRow): Notification {
  const n: Notification = {
    id: r.id, kind: r.kind, article: r.article_id, lang: r.lang, unit: r.unit_id, from: r.from_account, at: r.at, read: r.read_at !== null,
  }
  if (r.reason !== null) n.reason = r.reason
  if (r.comment_id !== null) n.comment = r.comment_id
  return n
}

const inserts = new WeakMap<Database.Database, Database.Statement<[{ at: string; list: string }]>>()
const insertOf = (db: Database.Database): Database.Statement<[{ at: string; list: string }]> => {
  let st = inserts.get(db)
  if (!st) {
    st = db.prepare<[{ at: string; list: string }]>(`
      INSERT INTO notifications (account, kind, article_id, lang, unit_id, from_account, reason, comment_id, at)
      SELECT e.value ->> 'account', e.value ->> 'kind', e.value ->> 'article', e.value ->> 'lang', e.value ->> 'unit',
        e.value ->> 'from', e.value ->> 'reason', e.value ->> 'comment', @at
      FROM json_each(@list) e
      WHERE (e.value ->> 'account') IN (SELECT name FROM accounts WHERE disabled_at IS NULL)
        AND ((e.value ->> 'from') IS NULL OR (e.value ->> 'from') <> (e.value ->> 'account'))
      ORDER BY e.key`)
    inserts.set(db, st)
  }
  return st
}

/**
 * Add notifications INSIDE the caller's transaction on `db` (a rejection, an assignment): one
 * set-based insert, for accounts that exist and are not disabled; the one who caused it is never
 * notified of their own act. Call it from within a `db.transaction(...)`.
 * @example
 * db.transaction(() => { writeRejection(); addNotificationsSqlite(db, [{ account: 'ann', kind: 'rejected', … }], now()) })()
 */
export function addNotificationsSqlite(db: Database.Database, list: readonly NotificationInput[], at: string): void {
  if (list.length === 0) return
  const rows = list.map((n) => ({
    account: n.account, kind: n.kind, article: n.article, lang: n.lang ?? null, unit: n.unit ?? null,
    from: n.from ?? null, reason: n.reason ?? null, comment: n.comment ?? null,
  }))
  insertOf(db).run({ at, list: JSON.stringify(rows) })
}

/** Notifications on SQLite (schema 24). */
export function createSqliteNotifications(db: Database.Database, now: () => string): NotificationStore {
  const page = db.prepare<{ account: string; before: number; limit: number; unread: number }, NotificationRow>(`
    SELECT * FROM notifications WHERE account = :account AND id < :before AND (:unread = 0 OR read_at IS NULL)
    ORDER BY id DESC LIMIT :limit`)
  const unreadOf = db.prepare<[string], number>('SELECT count(*) FROM notifications WHERE account = ? AND read_at IS NULL').pluck()
  const readAll = db.prepare<[string, string]>('UPDATE notifications SET read_at = ? WHERE account = ? AND read_at IS NULL')
  const readSome = db.prepare<[string, string, string]>(
    'UPDATE notifications SET read_at = ? WHERE account = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  )
  const last = db.prepare<[], number>("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'notifications'), 0)").pluck()

  return {
    async add(list) {
      db.transaction(() => addNotificationsSqlite(db, list, now())).immediate()
    },
    async list(account, opts = {}) {
      const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500)
      const before = opts.before !== undefined && Number.isSafeInteger(opts.before) ? opts.before : Number.MAX_SAFE_INTEGER
      const rows = page.all({ account, before, limit, unread: opts.unreadOnly ? 1 : 0 })
      return { unread: unreadOf.get(account) ?? 0, notifications: rows.map(toNotification) }
    },
    async unread(account) {
      return unreadOf.get(account) ?? 0
    },
    async markRead(account, which) {
      const at = now()
      if ('all' in which) return readAll.run(at, account).changes
      const ids = which.ids.filter((id) => Number.isSafeInteger(id))
      return ids.length === 0 ? 0 : readSome.run(at, account, JSON.stringify(ids)).changes
    },
    async lastId() {
      return last.get() ?? 0
    },
  }
}
