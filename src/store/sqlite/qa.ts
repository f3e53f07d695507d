import type Database from 'better-sqlite3'
import { checkDismissal, rowToDismissal as toDismissal, unknownUnit, type DismissalRow as Row } from '../../qa/store-rules.js'
import type { QaStore } from '../../qa/types.js'

/** QA dismissals on SQLite (schema 26: qa_dismissals). */
export function createSqliteQa(db: Database.Database, now: () => string): QaStore {
  const liveUnit = db.prepare<[string, string], number>('SELECT 1 FROM units WHERE article_id = ? AND id = ? AND obsolete = 0').pluck()
  const upsert = db.prepare<[string, string, string, string, string, string, string, string], Row>(`
    INSERT INTO qa_dismissals (article_id, unit_id, lang, check_id, text_hash, dismissed_by, reason, dismissed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, lang, unit_id, check_id) DO UPDATE SET
      text_hash = excluded.text_hash, dismissed_by = excluded.dismissed_by, reason = excluded.reason, dismissed_at = excluded.dismissed_at
    RETURNING *`)
  const remove = db.prepare<[string, string, string, string]>('DELETE FROM qa_dismissals WHERE article_id = ? AND lang = ? AND unit_id = ? AND check_id = ?')
  const list = db.prepare<[string, string], Row>('SELECT * FROM qa_dismissals WHERE article_id = ? AND lang = ? ORDER BY unit_id, check_id')
  return {
    async dismiss(input) {
      const d = checkDismissal(input)
      if (!liveUnit.get(d.article, d.unit)) throw unknownUnit(d.article, d.unit)
      return toDismissal(upsert.get(d.article, d.unit, d.lang, d.check, d.hash, d.by, d.reason, now())!)
    },
    async undismiss(k) {
      return remove.run(k.article, k.lang, k.unit, k.check).changes > 0
    },
    async list(article, lang) {
      return list.all(article, lang).map(toDismissal)
    },
  }
}
