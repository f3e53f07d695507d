import { addNotificationsSqlite } from './notifications.js'
import type Database from 'better-sqlite3'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { alreadyWithdrawn, assignmentQuery, checkBatch, notALiveUnit, notATarget, unknownAssignment } from '../../team/store-rules.js'
import { type AssignmentRow, toAssignment } from '../../team/assignment-row.js'
import type { AssignmentStore, UnitWords } from '../../team/types.js'
import { notArchived } from './archive.js'

/**
 * Counts of an assignment `a` (of article `ar`). A range's: its stored unit ids that are still
 * live, read by the assignment's key; `done` holds for a unit translated, reviewed or final and
 * not stale in the assignment's language. The whole article's: the article's live counts less
 * the done words its coverage counters hold, so its cost does not grow with the article.
 */
// CROSS JOIN: SQLite then walks the range's own rows first, never the article's every unit.
const RANGE = `FROM assignment_units au CROSS JOIN units u ON u.article_id = a.article_id AND u.id = au.unit_id
  WHERE au.assignment_id = a.id AND u.obsolete = 0`
const DONE = `EXISTS (SELECT 1 FROM translations t WHERE t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = a.lang
  AND t.state IN ('translated', 'reviewed', 'final') AND t.stale = 0)`
const DONE_WORDS = `(SELECT coalesce(sum(c.words - c.stale_words), 0) FROM coverage_counts c
  WHERE c.article_id = a.article_id AND c.lang = a.lang AND c.state IN ('translated', 'reviewed', 'final'))`
const SELECT = `SELECT a.*, w.withdrawn_by, w.withdrawn_at,
  CASE WHEN a.segments IS NULL THEN ar.live_units ELSE (SELECT count(*) ${RANGE}) END AS units,
  CASE WHEN a.segments IS NULL THEN ar.live_words ELSE (SELECT coalesce(sum(u.words), 0) ${RANGE}) END AS words,
  CASE WHEN a.segments IS NULL THEN ar.live_words - ${DONE_WORDS}
    ELSE (SELECT coalesce(sum(u.words), 0) ${RANGE} AND NOT ${DONE}) END AS words_left
  FROM assignments a JOIN articles ar ON ar.id = a.article_id
  LEFT JOIN assignment_withdrawals w ON w.assignment_id = a.id`

/** Assignments on SQLite (schema 25; withdrawals, schema 31). */
export function createSqliteAssignments(db: Database.Database, now: () => string): AssignmentStore {
  const article = db.prepare<[string], { targets: string; archived: number }>(
    `SELECT targets, NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = ?`,
  )
  const liveUnit = db.prepare<[string, string], number>('SELECT 1 FROM units WHERE article_id = ? AND id = ? AND obsolete = 0').pluck()
  const insert = db.prepare<[number | null, string, string, string, string | null, string | null, string | null, string, string], { id: number }>(
    `INSERT INTO assignments (batch, article_id, lang, account, segments, due, note, assigned_by, assigned_at)
     VALUES (coalesce(?, (SELECT coalesce(max(id), 0) + 1 FROM assignments)), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, batch`,
  )
  const insertUnit = db.prepare<[number, string]>('INSERT INTO assignment_units (assignment_id, unit_id) VALUES (?, ?)')
  const one = db.prepare<[number], AssignmentRow>(`${SELECT} WHERE a.id = ?`)
  const search = db.prepare<[{ article: string | null; lang: string | null; user: string | null; withdrawn: 0 | 1 | null; before: number; limit: number }], AssignmentRow>(
    `${SELECT} WHERE ${notArchived('ar')}
       AND (:article IS NULL OR a.article_id = :article) AND (:lang IS NULL OR a.lang = :lang)
       AND (:user IS NULL OR a.account = :user) AND (:withdrawn IS NULL OR (w.assignment_id IS NOT NULL) = :withdrawn) AND a.id < :before
     ORDER BY a.id DESC LIMIT :limit`,
  )
  const withdraw = db.prepare<[number, string, string]>(
    'INSERT INTO assignment_withdrawals (assignment_id, withdrawn_by, withdrawn_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  )
  const units = db.prepare<[string], UnitWords>('SELECT id, position, words FROM units WHERE article_id = ? AND obsolete = 0 ORDER BY position')

  const liveArticle = (id: string, on: 'read' | 'write'): string[] => {
    const row = article.get(id)
    if (!row) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (row.archived) throw new Archived(id, on)
    return JSON.parse(row.targets) as string[]
  }

  return {
    async create(batch) {
      checkBatch(batch)
      return db.transaction(() => {
        const targets = liveArticle(batch.article, 'write')
        if (!targets.includes(batch.lang)) throw notATarget(batch.article, batch.lang, targets)
        const at = now()
        let first: number | null = null
        const ids: number[] = []
        for (const part of batch.parts) {
          const row: { id: number } = insert.get(first, batch.article, batch.lang, part.user, part.segments ?? null, batch.due ?? null, batch.note ?? null, batch.by, at)!
          first ??= row.id
          for (const unit of part.units ?? []) {
            if (!liveUnit.get(batch.article, unit)) throw notALiveUnit(batch.article, unit)
            insertUnit.run(row.id, unit)
          }
          ids.push(row.id)
          // "You were assigned work", in this transaction: at the range's first unit, if it has one.
          addNotificationsSqlite(db, [{ account: part.user, kind: 'assigned', article: batch.article, lang: batch.lang, ...(part.units?.[0] ? { unit: part.units[0] } : {}), from: batch.by }], at)
        }
        return ids.map((id) => toAssignment(one.get(id)!))
      }).immediate()
    },
    async list(query = {}) {
      const q = assignmentQuery(query)
      return search
        .all({ article: q.article ?? null, lang: q.lang ?? null, user: q.user ?? null, withdrawn: q.withdrawn === undefined ? null : q.withdrawn ? 1 : 0, before: q.before ?? Number.MAX_SAFE_INTEGER, limit: q.limit })
        .map(toAssignment)
    },
    async get(id) {
      const row = Number.isSafeInteger(id) ? one.get(id) : undefined
      return row ? toAssignment(row) : undefined
    },
    async withdraw(id, by) {
      return db.transaction(() => {
        const found = Number.isSafeInteger(id) ? one.get(id) : undefined
        if (!found) throw unknownAssignment(id)
        // One withdrawal per assignment (its key): a second, or a rival's, changes nothing.
        if (withdraw.run(id, by, now()).changes === 0) throw alreadyWithdrawn(id, found.withdrawn_by!, found.withdrawn_at!)
        return toAssignment(one.get(id)!)
      }).immediate()
    },
    async unitWords(id) {
      liveArticle(id, 'read')
      return units.all(id)
    },
  }
}
