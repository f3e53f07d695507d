import type Database from 'better-sqlite3'
import type { ActivityItem, ActivityStore, SourceQuery } from '../../team/activity-types.js'
import { assignmentItem, commentItem, rejectionItem, type AssignmentEventRow, type CommentRow, type RejectionRow } from '../../team/activity-items.js'

interface Params {
  article: string
  lang: string | null
  at: string
  inclusive: number
  key: string | null
  limit: number
}

/** Past the bound, newest first: `at` and `key` name the source's columns. */
const PAST = `(at < :at OR (:inclusive = 1 AND at = :at) OR (:key IS NOT NULL AND at = :at AND key < :key))
  ORDER BY at DESC, key DESC LIMIT :limit`

const params = (q: SourceQuery): Params => ({
  article: q.article,
  lang: q.lang ?? null,
  // Later than any stored time: the newest items.
  at: q.bound?.at ?? '9999',
  inclusive: q.bound?.inclusive ? 1 : 0,
  key: q.bound?.key ?? null,
  limit: q.limit,
})

/** Writes of one article grouped per language, person and clock hour (UTC), in `states`. */
const grouped = (states: string) => `SELECT * FROM (
  SELECT max(at) AS at, substr(at, 1, 13) || '|' || lang || '|' || author AS key, lang, author,
         count(*) AS writes, count(DISTINCT unit_id) AS units
    FROM history WHERE article_id = :article AND (:lang IS NULL OR lang = :lang) AND new_state IN (${states})
   GROUP BY substr(at, 1, 13), lang, author)
  WHERE ${PAST}`

interface GroupRow { at: string; key: string; lang: string; author: string; writes: number; units: number }

/** The activity sources of the SQLite store (schema 25's import log, the history, assignments). */
export function createSqliteActivity(db: Database.Database): ActivityStore {
  const imports = db.prepare<[Params], { at: string; key: string; revision: number; kept: number; moved: number; stale: number; new: number; obsolete: number; author: string | null }>(
    `SELECT * FROM (SELECT at, printf('%015d', seq) AS key, revision, kept, moved, stale, new, obsolete, author
       FROM import_log WHERE article_id = :article)
     WHERE ${PAST}`,
  )
  const saves = db.prepare<[Params], GroupRow>(grouped("'initial', 'translated'"))
  const reviews = db.prepare<[Params], GroupRow>(grouped("'reviewed', 'final'"))
  // Each assignment, and each withdrawal of one (schema 31) as an item of its own, keyed apart.
  const assignments = db.prepare<[Params], AssignmentEventRow>(
    `SELECT * FROM (SELECT assigned_at AS at, printf('%015d', id) AS key, id, lang, account, segments, due, note, assigned_by AS by, 0 AS withdrawal
       FROM assignments WHERE article_id = :article AND (:lang IS NULL OR lang = :lang)
       UNION ALL
       SELECT w.withdrawn_at, 'w' || printf('%015d', a.id), a.id, a.lang, a.account, a.segments, a.due, a.note, w.withdrawn_by, 1
       FROM assignment_withdrawals w JOIN assignments a ON a.id = w.assignment_id
       WHERE a.article_id = :article AND (:lang IS NULL OR a.lang = :lang))
     WHERE ${PAST}`,
  )
  // What a comment was when added: its kind, unit and thread; its text stays in the thread (a
  // deleted one's too, in its history), not in the feed.
  const comments = db.prepare<[Params], CommentRow>(
    `SELECT * FROM (SELECT created_at AS at, printf('%015d', id) AS key, lang, author, unit_id, kind, parent_id
       FROM comments WHERE article_id = :article AND (:lang IS NULL OR lang = :lang OR lang IS NULL))
     WHERE ${PAST}`,
  )
  const rejections = db.prepare<[Params], RejectionRow>(
    `SELECT * FROM (SELECT at, printf('%015d', seq) AS key, lang, author, unit_id, reason, translator
       FROM history WHERE article_id = :article AND (:lang IS NULL OR lang = :lang) AND new_state = 'rejected')
     WHERE ${PAST}`,
  )
  const group = (kind: string) => (r: GroupRow): ActivityItem => ({
    kind, key: r.key, at: r.at, lang: r.lang, user: r.author, detail: { writes: r.writes, units: r.units, hour: `${r.key.slice(0, 13)}:00Z` },
  })
  return {
    imports: async (q) =>
      imports.all(params(q)).map((r) => ({
        kind: 'import', key: r.key, at: r.at, ...(r.author !== null ? { user: r.author } : {}),
        detail: { revision: r.revision, kept: r.kept, moved: r.moved, stale: r.stale, new: r.new, obsolete: r.obsolete },
      })),
    saves: async (q) => saves.all(params(q)).map(group('save')),
    reviews: async (q) => reviews.all(params(q)).map(group('review')),
    assignments: async (q) => assignments.all(params(q)).map(assignmentItem),
    comments: async (q) => comments.all(params(q)).map(commentItem),
    rejections: async (q) => rejections.all(params(q)).map(rejectionItem),
  }
}
