/**
 * A text unit re-imported as a Markdown unit that only lost its block mark keeps its translations,
 * not stale: each translation that starts with the same mark loses it, as a new version with a
 * history entry (author `tolk`); one that does not is kept as it is.
 */
import type Database from 'better-sqlite3'
import type { TranslationRow } from './rows.js'

/** Build the stripper over one connection; call it inside the import's transaction. */
export function createMarkStripper(db: Database.Database): (articleId: string, unitId: string, mark: string, source: string, at: string) => void {
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
  return (articleId, unitId, mark, source, at) => {
    for (const t of select.all(articleId, unitId)) {
      if (!mark || !t.text.startsWith(mark)) {
        keepSource.run(source, articleId, unitId, t.lang)
        continue
      }
      const text = t.text.slice(mark.length)
      const version = t.version + 1
      const { lastInsertRowid } = history.run(articleId, unitId, t.lang, version, t.text, text, t.state, t.state, at, t.history_seq)
      update.run(text, version, at, t.stale ? t.made_from : source, lastInsertRowid, articleId, unitId, t.lang)
    }
  }
}
