import { addNotificationsPg } from './notifications.js'
import type pg from 'pg'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { alreadyWithdrawn, assignmentQuery, checkBatch, notALiveUnit, notATarget, unknownAssignment } from '../../team/store-rules.js'
import { type AssignmentRow, toAssignment } from '../../team/assignment-row.js'
import type { Assignment, AssignmentStore, UnitWords } from '../../team/types.js'
import { type Db, notArchived, row, rows, transaction } from './db.js'

// As on SQLite (src/store/sqlite/assignments.ts): a range's counts by its stored unit ids, the
// whole article's from its live counts and coverage counters. A range's unit is looked up by one
// scalar subquery per stored id, which the planner cannot turn into a scan of the article's every
// unit (it did, as a hash join, once its statistics said ranges are large on average).
const liveUnit = (what: string, extra = '') => `(SELECT ${what} FROM units u WHERE u.article_id = a.article_id AND u.id = au.unit_id
  AND NOT u.obsolete ${extra})`
const DONE = `AND NOT EXISTS (SELECT 1 FROM translations t WHERE t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = a.lang
  AND t.state IN ('translated', 'reviewed', 'final') AND NOT t.stale)`
const RANGE = 'FROM assignment_units au WHERE au.assignment_id = a.id'
const DONE_WORDS = `(SELECT coalesce(sum(c.words - c.stale_words), 0) FROM coverage_counts c
  WHERE c.article_id = a.article_id AND c.lang = a.lang AND c.state IN ('translated', 'reviewed', 'final'))`
const SELECT = `SELECT a.*, w.withdrawn_by, w.withdrawn_at,
  (CASE WHEN a.segments IS NULL THEN ar.live_units ELSE (SELECT count(${liveUnit('1')}) ${RANGE}) END)::int AS units,
  (CASE WHEN a.segments IS NULL THEN ar.live_words ELSE (SELECT coalesce(sum(${liveUnit('u.words')}), 0) ${RANGE}) END)::int AS words,
  (CASE WHEN a.segments IS NULL THEN ar.live_words - ${DONE_WORDS}
    ELSE (SELECT coalesce(sum(${liveUnit('u.words', DONE)}), 0) ${RANGE}) END)::int AS words_left
  FROM assignments a JOIN articles ar ON ar.id = a.article_id
  LEFT JOIN assignment_withdrawals w ON w.assignment_id = a.id`

/** Assignments on PostgreSQL (schema 8; withdrawals, schema 15), as on SQLite. */
export function createPgAssignments(pool: pg.Pool, now: () => string): AssignmentStore {
  const liveArticle = async (db: Db, id: string, on: 'read' | 'write', lock = ''): Promise<string[]> => {
    const r = await row<{ targets: string[]; archived: boolean }>(db, `SELECT targets, NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = $1 ${lock}`, [id])
    if (!r) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (r.archived) throw new Archived(id, on)
    return r.targets
  }
  const one = async (db: Db, id: number) => row<AssignmentRow>(db, `${SELECT} WHERE a.id = $1`, [id])

  return {
    async create(batch) {
      checkBatch(batch)
      return transaction(pool, async (db) => {
        // FOR SHARE: a re-import of the article waits until these unit ids are written.
        const targets = await liveArticle(db, batch.article, 'write', 'FOR SHARE OF a')
        if (!targets.includes(batch.lang)) throw notATarget(batch.article, batch.lang, targets)
        const at = now()
        let first: number | undefined
        const ids: number[] = []
        for (const part of batch.parts) {
          const { id } = (await row<{ id: number }>(db, "SELECT nextval(pg_get_serial_sequence('assignments', 'id')) AS id"))!
          first ??= id
          await db.query(
            `INSERT INTO assignments (id, batch, article_id, lang, account, segments, due, note, assigned_by, assigned_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [id, first, batch.article, batch.lang, part.user, part.segments ?? null, batch.due ?? null, batch.note ?? null, batch.by, at],
          )
          if (part.units !== undefined) {
            const live = await rows<{ id: string }>(db, 'SELECT id FROM units WHERE article_id = $1 AND id = ANY($2::text[]) AND NOT obsolete', [batch.article, part.units])
            const found = new Set(live.map((u) => u.id))
            const missing = part.units.find((u) => !found.has(u))
            if (missing !== undefined) throw notALiveUnit(batch.article, missing)
            await db.query('INSERT INTO assignment_units (assignment_id, unit_id) SELECT $1, unnest($2::text[])', [id, part.units])
          }
          ids.push(id)
          // "You were assigned work", in this transaction: at the range's first unit, if it has one.
          await addNotificationsPg(db, [{ account: part.user, kind: 'assigned', article: batch.article, lang: batch.lang, ...(part.units?.[0] ? { unit: part.units[0] } : {}), from: batch.by }], at)
        }
        const out: Assignment[] = []
        for (const id of ids) out.push(toAssignment((await one(db, id))!))
        return out
      })
    },
    async list(query = {}) {
      const q = assignmentQuery(query)
      const found = await rows<AssignmentRow>(
        pool,
        `${SELECT} WHERE ${notArchived('ar')}
           AND ($1::text IS NULL OR a.article_id = $1) AND ($2::text IS NULL OR a.lang = $2)
           AND ($3::text IS NULL OR a.account = $3) AND a.id < $4
           AND ($6::boolean IS NULL OR (w.assignment_id IS NOT NULL) = $6)
         ORDER BY a.id DESC LIMIT $5`,
        [q.article ?? null, q.lang ?? null, q.user ?? null, q.before ?? Number.MAX_SAFE_INTEGER, q.limit, q.withdrawn ?? null],
      )
      return found.map(toAssignment)
    },
    async get(id) {
      const r = Number.isSafeInteger(id) ? await one(pool, id) : undefined
      return r ? toAssignment(r) : undefined
    },
    async withdraw(id, by) {
      if (!Number.isSafeInteger(id)) throw unknownAssignment(id)
      return transaction(pool, async (db) => {
        const found = await one(db, id)
        if (!found) throw unknownAssignment(id)
        // One withdrawal per assignment (its key): a second, or a rival's, changes nothing.
        const made = await db.query('INSERT INTO assignment_withdrawals (assignment_id, withdrawn_by, withdrawn_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, by, now()])
        if (made.rowCount === 0) {
          const won = (await one(db, id))!
          throw alreadyWithdrawn(id, won.withdrawn_by!, won.withdrawn_at!)
        }
        return toAssignment((await one(db, id))!)
      })
    },
    async unitWords(id): Promise<UnitWords[]> {
      await liveArticle(pool, id, 'read')
      return rows<UnitWords>(pool, 'SELECT id, position, words FROM units WHERE article_id = $1 AND NOT obsolete ORDER BY position', [id])
    },
  }
}
