/**
 * Schema 9: a unit's history is found through a chain instead of an index. The index on
 * `history (article_id, unit_id, lang, version)` took an entry in a random place on every write,
 * so every commit wrote one more page (a third, beside the translation's and the history's
 * last page) and it was the largest single cost of a write. Now each history entry names the
 * entry before it of the same unit and language (`prev_seq`), and each translation row names
 * its latest entry (`history_seq`): reading a unit's history walks those links backwards, a
 * lookup by rowid per entry, and a write touches only pages it already writes.
 *
 * Filling `prev_seq` for the entries written so far rewrites no history: it adds a link beside
 * each entry, which is why the append-only trigger steps aside for this one statement.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN prev_seq INTEGER;
ALTER TABLE translations ADD COLUMN history_seq INTEGER;

DROP TRIGGER history_no_update;
UPDATE history SET prev_seq = w.prev
FROM (SELECT seq, lag(seq) OVER (PARTITION BY article_id, unit_id, lang ORDER BY seq) AS prev
      FROM history) w
WHERE w.seq = history.seq AND w.prev IS NOT NULL;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;

UPDATE translations SET history_seq = (
  SELECT max(h.seq) FROM history h WHERE h.article_id = translations.article_id
    AND h.unit_id = translations.unit_id AND h.lang = translations.lang);

DROP INDEX history_unit;
`
