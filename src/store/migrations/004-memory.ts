/**
 * Schema 4: the translation memory. One table of (source, target) pairs per text language and
 * target language, fed two ways: every translated, reviewed or final translation of an article
 * (kept current by triggers on `translations`, in the same transaction as the write, so no write
 * path can forget it), and entries imported from TMX files. An FTS5 index over both texts finds
 * fuzzy candidates (by shared words) and answers concordance searches.
 *
 * Unlike user data, memory rows are derived and may be deleted: a translation set back to
 * `initial` leaves the memory.
 */
export const sql = /* sql */ `
CREATE TABLE tm_entries (
  id          INTEGER PRIMARY KEY,
  origin      TEXT NOT NULL CHECK (origin IN ('article', 'tmx')),
  src_lang    TEXT NOT NULL,                 -- the text language of the source
  tgt_lang    TEXT NOT NULL,
  tag         TEXT,                          -- collection tag (sv-general); null when unknown
  src_hash    TEXT,                          -- sourceHash(source); null when not known in SQL
  prev_hash   TEXT,                          -- hash of the unit before, for context (101) matches
  next_hash   TEXT,
  article_id  TEXT,                          -- origin 'article': where it comes from
  unit_id     TEXT,
  tmx_key     TEXT,                          -- origin 'tmx': hash of pair and texts (dedup)
  author      TEXT,
  updated_at  TEXT,
  source      TEXT NOT NULL,
  target      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX tm_entries_unit ON tm_entries (article_id, unit_id, tgt_lang)
  WHERE origin = 'article';
CREATE UNIQUE INDEX tm_entries_tmx ON tm_entries (tmx_key) WHERE origin = 'tmx';
CREATE INDEX tm_entries_exact ON tm_entries (src_hash, src_lang, tgt_lang);
CREATE INDEX tm_entries_pair ON tm_entries (src_lang, tgt_lang);

-- Word index over both texts; content lives in tm_entries (external content, no copy).
CREATE VIRTUAL TABLE tm_fts USING fts5 (
  source, target, content = 'tm_entries', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tm_entries_fts_insert AFTER INSERT ON tm_entries BEGIN
  INSERT INTO tm_fts (rowid, source, target) VALUES (new.id, new.source, new.target);
END;
CREATE TRIGGER tm_entries_fts_delete AFTER DELETE ON tm_entries BEGIN
  INSERT INTO tm_fts (tm_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target);
END;
CREATE TRIGGER tm_entries_fts_update AFTER UPDATE OF source, target ON tm_entries BEGIN
  INSERT INTO tm_fts (tm_fts, rowid, source, target) VALUES ('delete', old.id, old.source, old.target);
  INSERT INTO tm_fts (rowid, source, target) VALUES (new.id, new.source, new.target);
END;

-- A translation with text (translated, reviewed, final) is a memory entry of its unit and
-- language: the source is the one it was made from (made_from, the old text once stale), the
-- context the unit's live neighbours at the time of the write.
CREATE TRIGGER translations_tm_upsert AFTER INSERT ON translations WHEN new.state <> 'initial'
BEGIN
  INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, prev_hash, next_hash,
    article_id, unit_id, author, updated_at, source, target)
  SELECT 'article', a.lang, new.lang, a.tag,
    CASE WHEN u.source = coalesce(new.made_from, u.source) THEN u.hash END,
    (SELECT p.hash FROM units p WHERE p.article_id = u.article_id AND p.obsolete = 0
       AND p.position = u.position - 1),
    (SELECT n.hash FROM units n WHERE n.article_id = u.article_id AND n.obsolete = 0
       AND n.position = u.position + 1),
    new.article_id, new.unit_id, new.author, new.updated_at,
    coalesce(new.made_from, u.source), new.text
  FROM units u JOIN articles a ON a.id = u.article_id
  WHERE u.article_id = new.article_id AND u.id = new.unit_id
  ON CONFLICT (article_id, unit_id, tgt_lang) WHERE origin = 'article' DO UPDATE SET
    src_lang = excluded.src_lang, tag = excluded.tag, src_hash = excluded.src_hash,
    prev_hash = excluded.prev_hash, next_hash = excluded.next_hash, author = excluded.author,
    updated_at = excluded.updated_at, source = excluded.source, target = excluded.target;
END;

CREATE TRIGGER translations_tm_update AFTER UPDATE OF text, state, made_from ON translations
WHEN new.state <> 'initial'
BEGIN
  INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, prev_hash, next_hash,
    article_id, unit_id, author, updated_at, source, target)
  SELECT 'article', a.lang, new.lang, a.tag,
    CASE WHEN u.source = coalesce(new.made_from, u.source) THEN u.hash END,
    (SELECT p.hash FROM units p WHERE p.article_id = u.article_id AND p.obsolete = 0
       AND p.position = u.position - 1),
    (SELECT n.hash FROM units n WHERE n.article_id = u.article_id AND n.obsolete = 0
       AND n.position = u.position + 1),
    new.article_id, new.unit_id, new.author, new.updated_at,
    coalesce(new.made_from, u.source), new.text
  FROM units u JOIN articles a ON a.id = u.article_id
  WHERE u.article_id = new.article_id AND u.id = new.unit_id
  ON CONFLICT (article_id, unit_id, tgt_lang) WHERE origin = 'article' DO UPDATE SET
    src_lang = excluded.src_lang, tag = excluded.tag, src_hash = excluded.src_hash,
    prev_hash = excluded.prev_hash, next_hash = excluded.next_hash, author = excluded.author,
    updated_at = excluded.updated_at, source = excluded.source, target = excluded.target;
END;

CREATE TRIGGER translations_tm_clear AFTER UPDATE OF state ON translations
WHEN new.state = 'initial'
BEGIN
  DELETE FROM tm_entries WHERE origin = 'article' AND article_id = new.article_id
    AND unit_id = new.unit_id AND tgt_lang = new.lang;
END;

-- Translations written before this schema join the memory now.
INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, article_id, unit_id, author,
  updated_at, source, target)
SELECT 'article', a.lang, t.lang, a.tag,
  CASE WHEN u.source = coalesce(t.made_from, u.source) THEN u.hash END,
  t.article_id, t.unit_id, t.author, t.updated_at, coalesce(t.made_from, u.source), t.text
FROM translations t
JOIN units u ON u.article_id = t.article_id AND u.id = t.unit_id
JOIN articles a ON a.id = t.article_id
WHERE t.state <> 'initial';
`
