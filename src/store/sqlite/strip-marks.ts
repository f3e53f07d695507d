/**
 * A text unit re-imported as a Markdown unit that only lost its block mark, or whose inline
 * Markdown became codes, keeps its translations, not stale: each is fitted to the new unit
 * (src/documents/from-text.ts: the same mark off, the same markup as codes) as a new version with
 * a history entry (author `tolk`); one that needs nothing is kept as it is. A fitted translation
 * whose codes still do not fit is kept too: the API shows it with its code problems, and it cannot
 * be saved again until they are fixed.
 */
import type Database from 'better-sqlite3'
import type { CodeData } from '../../codes/types.js'
import { fitOldTranslation, type TextUnit } from '../../documents/from-text.js'
import type { TranslationRow } from './rows.js'

/** Build the stripper over one connection; call it inside the import's transaction. */
export function createMarkStripper(
  db: Database.Database,
): (articleId: string, unitId: string, old: TextUnit, source: string, codes: readonly CodeData[] | undefined, at: string) => void {
  const select = db.prepare<[string, string], TranslationRow>('SELECT * FROM translations WHERE article_id = ? AND unit_id = ?')
  const history = db.prepare(`
    INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state,
      new_state, author, at, prev_seq)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'tolk', ?, ?)`)
  const update = db.prepare(`
    UPDATE translations SET text = ?, version = ?, author = 'tolk', updated_at = ?, made_from = ?,
      history_seq = ?
    WHERE article_id = ? AND unit_id = ? AND lang = ?`)
  const keepSource = db.prepare('UPDATE translations SET made_from = ? WHERE article_id = ? AND unit_id = ? AND lang = ? AND stale = 0')
  return (articleId, unitId, old, source, codes, at) => {
    for (const t of select.all(articleId, unitId)) {
      const text = t.text === '' ? t.text : fitOldTranslation(t.text, old, codes)
      if (text === t.text) {
        keepSource.run(source, articleId, unitId, t.lang)
        continue
      }
      const version = t.version + 1
      const { lastInsertRowid } = history.run(articleId, unitId, t.lang, version, t.text, text, t.state, t.state, at, t.history_seq)
      update.run(text, version, at, t.stale ? t.made_from : source, lastInsertRowid, articleId, unitId, t.lang)
    }
  }
}
