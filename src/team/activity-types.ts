/**
 * The activity feed of an article (issue #20): what happened to it, newest first, read from what
 * is already kept (the import log, the history, the assignments): never a copy. Each kind is one
 * source, a function that reads its items newest first past a cursor; the feed merges them
 * (src/team/activity.ts). New kinds (comments, rejections) are new sources.
 */

/** Kinds of the feed, in the order they sort among items of the same instant. */
export const ACTIVITY_KINDS = ['import', 'save', 'review', 'rejection', 'assignment', 'comment'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number] | (string & {})

/** One item of the feed. */
export interface ActivityItem {
  kind: ActivityKind
  /** Unique within its kind, and the tie-break among items of one kind and instant. */
  key: string
  /** When (ISO 8601, UTC): for a group of saves, its latest. */
  at: string
  /** The target language; absent for what concerns every language (an import). */
  lang?: string
  /** Who did it; absent where nothing recorded it (an import). */
  user?: string
  /** What the kind says of itself: counts for imports, units and words for saves. */
  detail: Record<string, string | number | null>
}

/**
 * Where a source starts reading, going back in time. Items count when `at` is before `bound.at`;
 * at exactly `bound.at`, all of them when `inclusive` (a kind that sorts after the cursor's), those
 * whose key is below `key` when it is set (the cursor's own kind), else none.
 */
export interface ActivityBound {
  at: string
  inclusive: boolean
  key?: string
}

/** What a source is asked for. */
export interface SourceQuery {
  article: string
  lang?: string
  bound: ActivityBound | null
  limit: number
}

/** A kind's reader: at most `limit` items newest first (by `at`, then `key` descending). */
export type ActivitySource = (q: SourceQuery) => Promise<ActivityItem[]>

/** The store's sources (Store.activity): one per kind it keeps. */
export interface ActivityStore {
  imports: ActivitySource
  saves: ActivitySource
  reviews: ActivitySource
  assignments: ActivitySource
  /** Rejections, each with its reason and whose text it sent back. */
  rejections: ActivitySource
  /** Comments, queries and replies as they were added (a comment about the source is in every language's feed). */
  comments: ActivitySource
}
