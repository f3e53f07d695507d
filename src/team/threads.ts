import type { Comment, CommentThread } from './comment-types.js'

/** Is this comment an open query: a thread's first, a query, neither resolved nor deleted? */
export const isOpenQuery = (c: Comment): boolean =>
  c.kind === 'query' && c.parent === undefined && c.resolved === undefined && c.deleted === undefined

/**
 * Comments (in unit order, then id) grouped into threads: each first comment with its replies.
 * With `open`, only open queries' threads.
 */
export function threadsOf(comments: readonly Comment[], open: boolean): CommentThread[] {
  const threads = new Map<number, CommentThread>()
  for (const c of comments) if (c.parent === undefined) threads.set(c.id, { ...c, replies: [] })
  for (const c of comments) if (c.parent !== undefined) threads.get(c.parent)?.replies.push(c)
  const all = [...threads.values()]
  return open ? all.filter(isOpenQuery) : all
}
