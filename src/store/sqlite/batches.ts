import type Database from 'better-sqlite3'
import { batchExists, checkNewBatch } from '../../batch/store-rules.js'
import type { BatchRecord, BatchStatus, BatchStore, BatchUnit } from '../../batch/types.js'

interface BatchRow {
  id: string; action: BatchRecord['action']; lang: string; scope: string; params: string; author: string
  created_at: string; status: BatchStatus; applied_at: string | null; undone_at: string | null
  undo_of: string | null; undone_by: string | null
}
interface UnitRow {
  article_id: string; unit_id: string; lang: string; position: number; version_before: number; text_before: string
  state_before: BatchUnit['stateBefore']; text_after: string; state_after: BatchUnit['stateAfter']
  memory_score: number | null; version_after: number | null; made_from_before: string | null; made_from_after: string | null
}

export const toBatch = (r: Omit<BatchRow, 'scope' | 'params'> & { scope: unknown; params: unknown }): BatchRecord => ({
  id: r.id, action: r.action, lang: r.lang, scope: r.scope as BatchRecord['scope'], params: r.params as BatchRecord['params'],
  author: r.author, createdAt: r.created_at, status: r.status, appliedAt: r.applied_at, undoneAt: r.undone_at,
  undoOf: r.undo_of, undoneBy: r.undone_by,
})
export const toBatchUnit = (r: UnitRow): BatchUnit => ({
  articleId: r.article_id, unitId: r.unit_id, lang: r.lang, position: r.position, versionBefore: r.version_before, textBefore: r.text_before,
  stateBefore: r.state_before, textAfter: r.text_after, stateAfter: r.state_after, memoryScore: r.memory_score,
  madeFromBefore: r.made_from_before, madeFromAfter: r.made_from_after, versionAfter: r.version_after,
})
const parsed = (r: BatchRow) => toBatch({ ...r, scope: JSON.parse(r.scope), params: JSON.parse(r.params) })

/** Batches on SQLite (schema 27: batches, batch_units; schema 30: the older sources of stale texts). */
export function createSqliteBatches(db: Database.Database, now: () => string): BatchStore {
  const insertBatch = db.prepare(`INSERT INTO batches (id, action, lang, scope, params, author, created_at, status, undo_of)
    VALUES (@id, @action, @lang, @scope, @params, @author, @at, 'preview', @undoOf) ON CONFLICT DO NOTHING`)
  const insertUnit = db.prepare(`INSERT INTO batch_units (batch_id, seq, article_id, unit_id, lang, position,
    version_before, text_before, state_before, text_after, state_after, memory_score, made_from_before, made_from_after)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const byId = db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE id = ?')
  const unitsOf = db.prepare<[string], UnitRow>('SELECT * FROM batch_units WHERE batch_id = ? ORDER BY seq')
  const setVersion = db.prepare<[number, string, number]>('UPDATE batch_units SET version_after = ? WHERE batch_id = ? AND seq = ?')
  const advance = db.prepare<[string, string | null, string | null, string | null, string, string]>(`UPDATE batches SET status = ?,
    applied_at = coalesce(?, applied_at), undone_at = coalesce(?, undone_at), undone_by = coalesce(?, undone_by)
    WHERE id = ? AND status = ?`)
  const byAuthor = db.prepare<[string, number], BatchRow>('SELECT * FROM batches WHERE author = ? ORDER BY created_at DESC, id LIMIT ?')

  const create = db.transaction((b: Parameters<BatchStore['create']>[0], units: Parameters<BatchStore['create']>[1]) => {
    checkNewBatch(b)
    const at = now()
    const { changes } = insertBatch.run({ ...b, scope: JSON.stringify(b.scope), params: JSON.stringify(b.params), at })
    if (changes === 0) throw batchExists(b.id)
    units.forEach((u, i) =>
      insertUnit.run(b.id, i, u.articleId, u.unitId, u.lang, u.position, u.versionBefore, u.textBefore, u.stateBefore, u.textAfter, u.stateAfter, u.memoryScore,
        u.madeFromBefore, u.madeFromAfter),
    )
    return parsed(byId.get(b.id)!)
  })
  const setVersions = db.transaction((id: string, written: { index: number; versionAfter: number }[]) => {
    for (const w of written) setVersion.run(w.versionAfter, id, w.index)
  })

  return {
    create: async (b, units) => create.immediate(b, units),
    async get(id) {
      const r = byId.get(id)
      return r ? parsed(r) : undefined
    },
    units: async (id) => unitsOf.all(id).map(toBatchUnit),
    async advance(id, from, to, opts = {}) {
      const at = now()
      return advance.run(to, to === 'applied' ? at : null, to === 'undone' ? at : null, opts.undoneBy ?? null, id, from).changes === 1
    },
    setVersions: async (id, written) => setVersions.immediate(id, written),
    listBy: async (author, limit = 20) => byAuthor.all(author, limit).map(parsed),
  }
}
