import type Database from 'better-sqlite3'
import type { OriginWords } from '../types.js'

// Per translation in translated, reviewed or final of a live unit: the write that set its text,
// found by walking back along the history chain (schema 9, prev_seq) from the latest write past
// writes that kept the text (a reviewer's state-only write sets none); then that write's origin.
// Unedited memory, machine or aligned text counts as such; the rest is human.
const SQL = (n: number) => /* sql */ `
  WITH RECURSIVE setter (article_id, unit_id, lang, seq) AS (
    SELECT t.article_id, t.unit_id, t.lang, t.history_seq FROM translations t
    WHERE t.article_id IN (${Array(n).fill('?').join(',')}) AND t.state IN ('translated', 'reviewed', 'final')
    UNION ALL
    SELECT s.article_id, s.unit_id, s.lang, h.prev_seq FROM setter s CROSS JOIN history h ON h.seq = s.seq
    WHERE h.old_text = h.new_text AND h.prev_seq IS NOT NULL
  )
  SELECT s.article_id AS articleId, s.lang AS lang, sum(u.words) AS total,
    sum(CASE WHEN w.memory_score IS NOT NULL AND w.origin_edited = 0 THEN u.words ELSE 0 END) AS memory,
    sum(CASE WHEN w.mt_engine IS NOT NULL AND w.origin_edited = 0 THEN u.words ELSE 0 END) AS mt,
    sum(CASE WHEN w.aligned_confidence IS NOT NULL AND w.origin_edited = 0 THEN u.words ELSE 0 END) AS aligned
  FROM setter s
  CROSS JOIN history w ON w.seq = s.seq
  JOIN units u ON u.article_id = s.article_id AND u.id = s.unit_id AND u.obsolete = 0
  WHERE w.old_text IS NULL OR w.old_text <> w.new_text
  GROUP BY s.article_id, s.lang`

/** Words of done translations by the origin of their text, for a page of articles. */
export function createOriginWords(db: Database.Database): (articleIds: string[]) => OriginWords[] {
  return (ids) => {
    const out: OriginWords[] = []
    // SQLite takes at most 32,766 parameters; a report page is 1,000 articles.
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000)
      const rows = db.prepare<string[], { articleId: string; lang: string; total: number; memory: number; mt: number; aligned: number }>(SQL(part.length)).all(...part)
      for (const r of rows) out.push({ articleId: r.articleId, lang: r.lang, human: r.total - r.memory - r.mt - r.aligned, memory: r.memory, mt: r.mt, aligned: r.aligned })
    }
    return out
  }
}
