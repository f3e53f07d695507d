import type Database from 'better-sqlite3'

/**
 * A translation whose text a machine wrote and nobody edited (schema 19): its last write names an
 * engine and is not marked edited. It never enters the memory as a human translation; the entry
 * an earlier human text made is removed, since it no longer says what the unit's translation is.
 */
const MACHINE_TEXT = /* sql */ `EXISTS (SELECT 1 FROM history lw WHERE lw.seq = t.history_seq
  AND lw.mt_engine IS NOT NULL AND lw.origin_edited = 0)`

/**
 * Bring the memory up to date with the translations written since it last looked (schema 6):
 * every (unit, language) named in the history after `tm_sync.history_seq` gets its memory entry
 * rewritten from the translation as it is now, or removed when it went back to `initial` or was rejected.
 * Returns a function that does this in one IMMEDIATE transaction and says how many history
 * entries it took in (0, and no write at all, when the memory is current). With `limit`, it takes
 * in at most that many entries (a slice), so a caller on a busy event loop blocks it briefly.
 */
export function createMemorySync(db: Database.Database): (limit?: number) => number {
  const mark = db.prepare<[], { seen: number; last: number }>(
    'SELECT s.history_seq AS seen, (SELECT coalesce(max(seq), 0) FROM history) AS last FROM tm_sync s',
  )
  // The same entry the schema 4 triggers wrote: the source the text was made from, the unit's
  // live neighbours for context (101) matches. `WHERE true` lets SQLite read ON CONFLICT as
  // the upsert clause rather than as part of the join.
  const upsert = db.prepare<{ from: number; to: number }>(/* sql */ `
    INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, prev_hash, next_hash,
      article_id, unit_id, author, updated_at, source, target)
    SELECT 'article', a.lang, t.lang, a.tag,
      CASE WHEN u.source = coalesce(t.made_from, u.source) THEN u.hash END,
      (SELECT p.hash FROM units p WHERE p.article_id = u.article_id AND p.obsolete = 0
         AND p.position = u.position - 1),
      (SELECT n.hash FROM units n WHERE n.article_id = u.article_id AND n.obsolete = 0
         AND n.position = u.position + 1),
      t.article_id, t.unit_id, t.author, t.updated_at, coalesce(t.made_from, u.source), t.text
    FROM (SELECT DISTINCT article_id, unit_id, lang FROM history WHERE seq > :from AND seq <= :to) h
    JOIN translations t ON t.article_id = h.article_id AND t.unit_id = h.unit_id AND t.lang = h.lang
    JOIN units u ON u.article_id = t.article_id AND u.id = t.unit_id
    JOIN articles a ON a.id = t.article_id
    WHERE t.state NOT IN ('initial', 'rejected') AND NOT (${MACHINE_TEXT})
    ON CONFLICT (article_id, unit_id, tgt_lang) WHERE origin = 'article' DO UPDATE SET
      src_lang = excluded.src_lang, tag = excluded.tag, src_hash = excluded.src_hash,
      prev_hash = excluded.prev_hash, next_hash = excluded.next_hash, author = excluded.author,
      updated_at = excluded.updated_at, source = excluded.source, target = excluded.target`)
  const clear = db.prepare<{ from: number; to: number }>(/* sql */ `
    DELETE FROM tm_entries WHERE origin = 'article' AND (article_id, unit_id, tgt_lang) IN (
      SELECT t.article_id, t.unit_id, t.lang
      FROM (SELECT DISTINCT article_id, unit_id, lang FROM history WHERE seq > :from AND seq <= :to) h
      JOIN translations t ON t.article_id = h.article_id AND t.unit_id = h.unit_id AND t.lang = h.lang
      WHERE t.state IN ('initial', 'rejected') OR ${MACHINE_TEXT})`)
  const advance = db.prepare<[number]>('UPDATE tm_sync SET history_seq = ? WHERE id = 1')

  const catchUp = db.transaction((limit: number): number => {
    const m = mark.get()
    if (!m || m.last <= m.seen) return 0
    const range = { from: m.seen, to: Math.min(m.last, m.seen + limit) }
    upsert.run(range)
    clear.run(range)
    advance.run(range.to)
    return range.to - range.from
  })

  return (limit = Number.MAX_SAFE_INTEGER) => {
    // A read that finds the memory current takes no write lock at all.
    const m = mark.get()
    if (!m || m.last <= m.seen) return 0
    return catchUp.immediate(limit)
  }
}
