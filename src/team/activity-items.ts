import type { ActivityItem } from './activity-types.js'

/** A comment as the feed's `comment` source reads it, on either backend. */
export interface CommentRow {
  at: string
  /** The comment's id, zero-padded so that keys sort as numbers. */
  key: string
  lang: string | null
  author: string
  unit_id: string
  kind: string
  /** PostgreSQL's bigint arrives as text. */
  parent_id: number | string | null
}

/**
 * A comment's feed item: added as a `comment` or a `query`, or as a `reply` in the thread it
 * names. Its text stays in the thread (a deleted one's in its history), not in the feed.
 */
export function commentItem(r: CommentRow): ActivityItem {
  const id = Number(r.key)
  return {
    kind: 'comment',
    key: r.key,
    at: r.at,
    ...(r.lang !== null ? { lang: r.lang } : {}),
    user: r.author,
    detail: { id, unit: r.unit_id, as: r.parent_id !== null ? 'reply' : r.kind, thread: r.parent_id !== null ? Number(r.parent_id) : id },
  }
}

/** A rejection as the feed's `rejection` source reads it from the history, on either backend. */
export interface RejectionRow {
  at: string
  /** The history entry's seq, zero-padded. */
  key: string
  lang: string
  author: string
  unit_id: string
  reason: string | null
  translator: string | null
}

/** A rejection's feed item: who sent which segment back to whom, and why. */
export function rejectionItem(r: RejectionRow): ActivityItem {
  return { kind: 'rejection', key: r.key, at: r.at, lang: r.lang, user: r.author, detail: { unit: r.unit_id, reason: r.reason, translator: r.translator } }
}

/** An assignment, or a withdrawal of one, as the feed's `assignment` source reads it, on either backend. */
export interface AssignmentEventRow {
  at: string
  /** The assignment's id, zero-padded; a withdrawal's is `w` and the same (one per assignment). */
  key: string
  /** PostgreSQL's bigint may arrive as text. */
  id: number | string
  lang: string
  account: string
  segments: string | null
  due: string | null
  note: string | null
  /** Who assigned it, or who withdrew it. */
  by: string
  /** 1 for a withdrawal. */
  withdrawal: number
}

/** An assignment's feed item; a withdrawal's says so (`action: withdrawn`) and names who withdrew it. */
export function assignmentItem(r: AssignmentEventRow): ActivityItem {
  return {
    kind: 'assignment', key: r.key, at: r.at, lang: r.lang, user: r.by,
    detail: { to: r.account, segments: r.segments, due: r.due, note: r.note, id: Number(r.id), ...(Number(r.withdrawal) === 1 ? { action: 'withdrawn' } : {}) },
  }
}
