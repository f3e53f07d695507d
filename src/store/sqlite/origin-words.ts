import type Database from 'better-sqlite3'
import type { OriginWords } from '../types.js'

// Per translation in translated, reviewed or final of a live unit: the write that set its text
// (the latest whose text differs from the one before; a reviewer's state-only write sets none),
// and that write's origin. Unedited memory or machine text counts as such; the rest is human.
const SQL = (n: number) => /* sql */ `
  SELECT t.article_id AS articleId, t.lang AS lang, sum(u.words) AS total,
    sum(CASE WHEN w.memory_score IS NOT NULL AND w.origin_edited = 0 THEN u.words ELSE 0 END) AS memory,
    sum(CASE WHEN w.mt_engine IS NOT NULL AND w.origin_edited = 0 THEN u.words ELSE 0 END) AS mt
  FROM translations t
  JOIN units u ON u.article_id = t.article_id AND u.id = t.unit_id AND u.obsolete = 0
  LEFT JOIN history w ON w.seq = (
    SELECT h.seq FROM history h
    WHERE h.article_id = t.article_id AND h.unit_id = t.unit_id AND h.lang = t.lang
      AND (h.old_text IS NULL OR h.old_text <> h.new_text)
    ORDER BY h.version DESC LIMIT 1)
  WHERE t.article_id IN (${Array(n).fill('?').join(',')}) AND t.state IN ('translated', 'reviewed', 'final')
  GROUP BY t.article_id, t.lang`

/** Words of done translations by the origin of their text, for a page of articles. */
export function createOriginWords(db: Database.Database): (articleIds: string[]) => OriginWords[] {
  return (ids) => {
    const out: OriginWords[] = []
    // SQLite takes at most 32,766 parameters; a report page is 1,000 articles.
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000)
      const rows = db.prepare<string[], { articleId: string; lang: string; total: number; memory: number; mt: number }>(SQL(part.length)).all(...part)
      for (const r of rows) out.push({ articleId: r.articleId, lang: r.lang, human: r.total - r.memory - r.mt, memory: r.memory, mt: r.mt, aligned: 0 })
    }
    return out
  }
}
