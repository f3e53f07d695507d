/**
 * Schema 19: machine translation. A history entry whose text came from an engine names it
 * (`mt_engine`); `origin_edited` says the author changed an inserted memory match or machine
 * text before saving (the text is then the author's, and the origin only what it came from).
 * The memory's sync reads them to keep unedited machine text out of the memory.
 *
 * `mt_cache` keeps engines' answers by (engine, pair, source text), with the time they were
 * made: entries older than 30 days are not used, and the oldest go past 100,000 entries.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN mt_engine TEXT
  CHECK (mt_engine IS NULL OR (length(mt_engine) BETWEEN 1 AND 31 AND memory_score IS NULL));
ALTER TABLE history ADD COLUMN origin_edited INTEGER NOT NULL DEFAULT 0 CHECK (origin_edited IN (0, 1));

CREATE TABLE mt_cache (
  engine TEXT NOT NULL,
  src_lang TEXT NOT NULL,
  tgt_lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  made_at INTEGER NOT NULL,
  PRIMARY KEY (engine, src_lang, tgt_lang, source)
) WITHOUT ROWID;
CREATE INDEX mt_cache_made_at ON mt_cache (made_at);
`
