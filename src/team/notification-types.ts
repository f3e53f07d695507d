/**
 * In-app notifications (issue #20): records kept in the store, one per person and event. A
 * deployment could mail them (see the README); Tolk only keeps and shows them.
 */

export const NOTIFICATION_KINDS = ['mention', 'answered', 'rejected', 'assigned', 'stale'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** One notification, as `GET /api/me/notifications` lists it. */
export interface Notification {
  id: number
  kind: NotificationKind
  article: string
  lang: string | null
  unit: string | null
  /** Who caused it (the commenter, the reviewer, the coordinator); null for an import (stale). */
  from: string | null
  /** A rejection's reason, an assignment's note. */
  reason?: string
  /** The comment it is about (mention, answered). */
  comment?: number
  at: string
  read: boolean
}

/** What a trigger adds: for one account. */
export interface NotificationInput {
  account: string
  kind: NotificationKind
  article: string
  lang?: string | null
  unit?: string | null
  from?: string | null
  reason?: string | null
  comment?: number | null
}

/** A page of someone's notifications, newest first, with how many are unread in all. */
export interface NotificationPage {
  unread: number
  notifications: Notification[]
}

/** The notifications as the store keeps them (Store.notifications). */
export interface NotificationStore {
  /**
   * Add notifications in one transaction. Triggers inside a store write use the backend's
   * in-transaction function instead (addNotificationsSqlite / addNotificationsPg).
   */
  add(list: NotificationInput[]): Promise<void>
  /** Someone's notifications, newest first: at most `limit` (default 50), older than id `before`. */
  list(account: string, opts?: { limit?: number; before?: number; unreadOnly?: boolean }): Promise<NotificationPage>
  /** How many of someone's notifications are unread. */
  unread(account: string): Promise<number>
  /** Mark some (only the account's own; others' ids are ignored) or all read; answers how many changed. */
  markRead(account: string, which: { ids: number[] } | { all: true }): Promise<number>
  /** The latest notification id (0 when none): what the live hub watches. */
  lastId(): Promise<number>
}
