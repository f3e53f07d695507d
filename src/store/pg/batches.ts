import type pg from 'pg'
import { batchExists, checkNewBatch } from '../../batch/store-rules.js'
import type { BatchStore } from '../../batch/types.js'
import { toBatch, toBatchUnit } from '../sqlite/batches.js'
import { row, rows, transaction } from './db.js'

/** Times come back as ISO text: the pool's type parser (pool.ts) reads timestamptz so. */
const BATCH_COLUMNS = '*'

/** Batches on PostgreSQL (schemas 10 and 14), as on SQLite (src/store/sqlite/batches.ts). */
export function createPgBatches(pool: pg.Pool, now: () => string): BatchStore {
  type Row = Parameters<typeof toBatch>[0]
  return {
    create: (b, units) =>
      transaction(pool, async (db) => {
        checkNewBatch(b)
        const inserted = await db.query(
          `INSERT INTO batches (id, action, lang, scope, params, author, created_at, status, undo_of)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'preview', $8) ON CONFLICT DO NOTHING`,
          [b.id, b.action, b.lang, JSON.stringify(b.scope), JSON.stringify(b.params), b.author, now(), b.undoOf],
        )
        if (inserted.rowCount === 0) throw batchExists(b.id)
        // One statement for every unit: arrays unnested side by side.
        await db.query(
          `INSERT INTO batch_units (batch_id, seq, article_id, unit_id, lang, position, version_before, text_before, state_before,
             text_after, state_after, memory_score, made_from_before, made_from_after)
           SELECT $1, t.k - 1, t.a, t.u, t.l, t.p, t.vb, t.tb, t.sb, t.ta, t.sa, t.ms, t.mb, t.ma
           FROM unnest($2::text[], $3::text[], $4::text[], $11::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[],
             $12::text[], $13::text[])
             WITH ORDINALITY t (a, u, l, p, vb, tb, sb, ta, sa, ms, mb, ma, k)`,
          [b.id, units.map((u) => u.articleId), units.map((u) => u.unitId), units.map((u) => u.lang), units.map((u) => u.versionBefore),
            units.map((u) => u.textBefore), units.map((u) => u.stateBefore), units.map((u) => u.textAfter), units.map((u) => u.stateAfter),
            units.map((u) => u.memoryScore), units.map((u) => u.position), units.map((u) => u.madeFromBefore), units.map((u) => u.madeFromAfter)],
        )
        return toBatch((await row<Row>(db, `SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1`, [b.id]))!)
      }),
    async get(id) {
      const r = await row<Row>(pool, `SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1`, [id])
      return r ? toBatch(r) : undefined
    },
    async units(id) {
      return (await rows<Parameters<typeof toBatchUnit>[0]>(pool, 'SELECT * FROM batch_units WHERE batch_id = $1 ORDER BY seq', [id])).map(toBatchUnit)
    },
    async advance(id, from, to, opts = {}) {
      const at = now()
      const r = await pool.query(
        `UPDATE batches SET status = $1, applied_at = coalesce($2, applied_at), undone_at = coalesce($3, undone_at),
           undone_by = coalesce($4, undone_by) WHERE id = $5 AND status = $6`,
        [to, to === 'applied' ? at : null, to === 'undone' ? at : null, opts.undoneBy ?? null, id, from],
      )
      return r.rowCount === 1
    },
    async setVersions(id, written) {
      if (written.length === 0) return
      await pool.query(
        `UPDATE batch_units b SET version_after = t.v FROM unnest($2::int[], $3::int[]) t (k, v)
         WHERE b.batch_id = $1 AND b.seq = t.k`,
        [id, written.map((w) => w.index), written.map((w) => w.versionAfter)],
      )
    },
    async listBy(author, limit = 20) {
      return (await rows<Row>(pool, `SELECT ${BATCH_COLUMNS} FROM batches WHERE author = $1 ORDER BY created_at DESC, id LIMIT $2`, [author, limit])).map(toBatch)
    },
  }
}
