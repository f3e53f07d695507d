import type pg from 'pg'
import { checkDismissal, rowToDismissal as toDismissal, unknownUnit, type DismissalRow as Row } from '../../qa/store-rules.js'
import type { QaStore } from '../../qa/types.js'
import { row, rows } from './db.js'

/** QA dismissals on PostgreSQL (schema 9), as on SQLite (src/store/sqlite/qa.ts). */
export function createPgQa(pool: pg.Pool, now: () => string): QaStore {
  return {
    async dismiss(input) {
      const d = checkDismissal(input)
      // One statement: the unit is looked up and the dismissal written together.
      const r = await row<Row>(pool, `
        INSERT INTO qa_dismissals (article_id, unit_id, lang, check_id, text_hash, dismissed_by, reason, dismissed_at)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM units WHERE article_id = $1 AND id = $2 AND NOT obsolete
        ON CONFLICT (article_id, lang, unit_id, check_id) DO UPDATE SET
          text_hash = excluded.text_hash, dismissed_by = excluded.dismissed_by, reason = excluded.reason, dismissed_at = excluded.dismissed_at
        RETURNING *`, [d.article, d.unit, d.lang, d.check, d.hash, d.by, d.reason, now()])
      if (!r) throw unknownUnit(d.article, d.unit)
      return toDismissal(r)
    },
    async undismiss(k) {
      const r = await pool.query('DELETE FROM qa_dismissals WHERE article_id = $1 AND lang = $2 AND unit_id = $3 AND check_id = $4', [k.article, k.lang, k.unit, k.check])
      return (r.rowCount ?? 0) > 0
    },
    async list(article, lang) {
      const rs = await rows<Row>(pool, 'SELECT * FROM qa_dismissals WHERE article_id = $1 AND lang = $2 ORDER BY unit_id COLLATE "C", check_id COLLATE "C"', [article, lang])
      return rs.map(toDismissal)
    },
  }
}
