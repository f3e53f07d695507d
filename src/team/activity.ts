import { InvalidInput } from '../model/errors.js'
import type { ActivityBound, ActivityItem, ActivitySource } from './activity-types.js'

/** The most items one page of the feed answers. */
export const MAX_ACTIVITY_PAGE = 200

/** A page of the feed. */
export interface ActivityPage {
  items: ActivityItem[]
  /** The cursor of the older items; null on the last page. */
  next: string | null
}

/** What the feed is asked for. */
export interface ActivityQuery {
  article: string
  lang?: string
  /** Only these kinds; all when absent. */
  kinds?: readonly string[]
  /** The `next` of the page before. */
  cursor?: string
  limit: number
}

interface Cursor {
  at: string
  kind: string
  key: string
}

/**
 * One page of the feed: ask every source (in `sources` order, which is also how kinds sort among
 * items of one instant) for at most `limit` items past the cursor, and merge them newest first.
 * The order is total (instant, then kind, then key), so pages never repeat or skip an item, and
 * a new kind is one more entry in `sources`.
 */
export async function activityPage(sources: ReadonlyArray<readonly [string, ActivitySource]>, q: ActivityQuery): Promise<ActivityPage> {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_ACTIVITY_PAGE) {
    throw new InvalidInput(`limit is 1 to ${MAX_ACTIVITY_PAGE}`, 'invalid-limit')
  }
  const order = sources.map(([kind]) => kind)
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, order)
  const chosen = sources.filter(([kind]) => q.kinds === undefined || q.kinds.includes(kind))
  const found = await Promise.all(
    chosen.map(([kind, source]) =>
      source({ article: q.article, ...(q.lang ? { lang: q.lang } : {}), bound: cursor ? boundFor(kind, cursor, order) : null, limit: q.limit + 1 }),
    ),
  )
  const merged = found.flat().sort((a, b) => compareItems(a, b, order))
  const items = merged.slice(0, q.limit)
  const last = items.at(-1)
  return { items, next: merged.length > q.limit && last ? encodeCursor({ at: last.at, kind: last.kind, key: last.key }) : null }
}

/** Newest first; among one instant by kind order, then key descending. */
function compareItems(a: ActivityItem, b: ActivityItem, order: readonly string[]): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1
  const k = order.indexOf(a.kind) - order.indexOf(b.kind)
  if (k !== 0) return k
  return a.key === b.key ? 0 : a.key < b.key ? 1 : -1
}

/** The bound a source of `kind` reads past, for a cursor at an item of `c.kind`. */
function boundFor(kind: string, c: Cursor, order: readonly string[]): ActivityBound {
  if (kind === c.kind) return { at: c.at, inclusive: false, key: c.key }
  return { at: c.at, inclusive: order.indexOf(kind) > order.indexOf(c.kind) }
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.kind, c.key])).toString('base64url')
}

function decodeCursor(text: string, order: readonly string[]): Cursor {
  try {
    const [at, kind, key] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof kind === 'string' && order.includes(kind) && typeof key === 'string') {
      return { at, kind, key }
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new InvalidInput('cursor is not one this feed gave: pass the next of the page before', 'invalid-cursor')
}

/** A numeric key that sorts as text: zero-padded to 15 digits. */
export const numericKey = (n: number): string => String(n).padStart(15, '0')
