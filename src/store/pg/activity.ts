import type pg from 'pg'
import type { ActivityItem, ActivityStore, SourceQuery } from '../../team/activity-types.js'
import { assignmentItem, commentItem, rejectionItem, type AssignmentEventRow, type CommentRow, type RejectionRow } from '../../team/activity-items.js'
import { rows } from './db.js'

/** Past the bound ($3 at, $4 inclusive, $5 key), newest first, at most $6: as on SQLite. */
const PAST = `(at < $3::timestamptz OR ($4 AND at = $3::timestamptz) OR ($5::text IS NOT NULL AND at = $3::timestamptz AND key < $5))
  ORDER BY at DESC, key DESC LIMIT $6`

const params = (q: SourceQuery) => [q.article, q.lang ?? null, q.bound?.at ?? '9999-12-31T23:59:59Z', q.bound?.inclusive ?? false, q.bound?.key ?? null, q.limit]

/** Writes of one article grouped per language, person and clock hour (UTC), in `states`. */
const grouped = (states: string) => `SELECT * FROM (
  SELECT max(at) AS at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') || '|' || lang || '|' || author COLLATE "C" AS key,
         lang, author, count(*)::int AS writes, count(DISTINCT unit_id)::int AS units
    FROM history WHERE article_id = $1 AND ($2::text IS NULL OR lang = $2) AND new_state IN (${states})
   GROUP BY to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), lang, author) g
  WHERE ${PAST}`

interface GroupRow { at: string; key: string; lang: string; author: string; writes: number; units: number }

/** The activity sources of the PostgreSQL store (schema 8's import log, the history, assignments). */
export function createPgActivity(pool: pg.Pool): ActivityStore {
  const group = (kind: string) => (r: GroupRow): ActivityItem => ({
    kind, key: r.key, at: r.at, lang: r.lang, user: r.author, detail: { writes: r.writes, units: r.units, hour: `${r.key.slice(0, 13)}:00Z` },
  })
  return {
    async imports(q) {
      const found = await rows<{ at: string; key: string; revision: number; kept: number; moved: number; stale: number; new: number; obsolete: number; author: string | null }>(
        pool,
        `SELECT * FROM (SELECT at, lpad(seq::text, 15, '0') COLLATE "C" AS key, revision, kept, moved, stale, new, obsolete, author
           FROM import_log WHERE article_id = $1 AND ($2::text IS NULL OR true)) i
         WHERE ${PAST}`,
        params(q),
      )
      return found.map((r) => ({
        kind: 'import', key: r.key, at: r.at, ...(r.author !== null ? { user: r.author } : {}),
        detail: { revision: r.revision, kept: r.kept, moved: r.moved, stale: r.stale, new: r.new, obsolete: r.obsolete },
      }))
    },
    saves: async (q) => (await rows<GroupRow>(pool, grouped("'initial', 'translated'"), params(q))).map(group('save')),
    reviews: async (q) => (await rows<GroupRow>(pool, grouped("'reviewed', 'final'"), params(q))).map(group('review')),
    async assignments(q) {
      // Each assignment, and each withdrawal of one (schema 15) as an item of its own, keyed apart.
      const found = await rows<AssignmentEventRow>(
        pool,
        `SELECT * FROM (SELECT assigned_at AS at, lpad(id::text, 15, '0') COLLATE "C" AS key, id, lang, account, segments, due, note,
             assigned_by AS by, 0 AS withdrawal
           FROM assignments WHERE article_id = $1 AND ($2::text IS NULL OR lang = $2)
           UNION ALL
           SELECT w.withdrawn_at, ('w' || lpad(a.id::text, 15, '0')) COLLATE "C", a.id, a.lang, a.account, a.segments, a.due, a.note, w.withdrawn_by, 1
           FROM assignment_withdrawals w JOIN assignments a ON a.id = w.assignment_id
           WHERE a.article_id = $1 AND ($2::text IS NULL OR a.lang = $2)) s
         WHERE ${PAST}`,
        params(q),
      )
      return found.map(assignmentItem)
    },
    async rejections(q) {
      const found = await rows<RejectionRow>(
        pool,
        `SELECT * FROM (SELECT at, lpad(seq::text, 15, '0') COLLATE "C" AS key, lang, author, unit_id, reason, translator
           FROM history WHERE article_id = $1 AND ($2::text IS NULL OR lang = $2) AND new_state = 'rejected') r
         WHERE ${PAST}`,
        params(q),
      )
      return found.map(rejectionItem)
    },
    async comments(q) {
      const found = await rows<CommentRow>(
        pool,
        `SELECT * FROM (SELECT created_at AS at, lpad(id::text, 15, '0') COLLATE "C" AS key, lang, author, unit_id, kind, parent_id
           FROM comments WHERE article_id = $1 AND ($2::text IS NULL OR lang = $2 OR lang IS NULL)) c
         WHERE ${PAST}`,
        params(q),
      )
      return found.map(commentItem)
    },
  }
}
