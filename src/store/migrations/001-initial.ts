/**
 * Schema 1: articles, units, translations, append-only history, and the coverage counters that
 * let a report over a million units answer without scanning them.
 *
 * Nothing is ever deleted: triggers refuse DELETE on every table that holds user data, and any
 * UPDATE of history. The coverage counters are derived data, kept right by the triggers below in
 * the same transaction as the write that changes them, so they cannot drift from the rows.
 */
export const sql = /* sql */ `
-- The long columns come last: reading the short ones never walks a source's overflow pages.
CREATE TABLE articles (
  id          TEXT PRIMARY KEY,
  tag         TEXT NOT NULL,
  lang        TEXT NOT NULL,
  title       TEXT NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  targets     TEXT NOT NULL,                 -- JSON array of BCP 47 tags, in the order given
  live_units  INTEGER NOT NULL DEFAULT 0,    -- live (not obsolete) units, for coverage
  live_words  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  lead        TEXT NOT NULL,                 -- white space before the first unit
  source      TEXT NOT NULL                  -- verbatim, as last imported
) STRICT;
-- What a coverage report reads of every article, without touching the table.
CREATE INDEX articles_coverage ON articles (id, targets, live_units, live_words);

CREATE TABLE units (
  article_id  TEXT NOT NULL REFERENCES articles (id),
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,              -- 1-based; an obsolete unit keeps its last one
  block       INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'list-item', 'quote')),
  source      TEXT NOT NULL,
  trailing    TEXT NOT NULL,
  words       INTEGER NOT NULL,
  characters  INTEGER,
  hash        TEXT NOT NULL,                 -- of the NFC, space-folded source
  obsolete    INTEGER NOT NULL DEFAULT 0 CHECK (obsolete IN (0, 1)),
  PRIMARY KEY (article_id, id)
) STRICT, WITHOUT ROWID;

-- Only live units need distinct positions; obsolete ones keep their last position for history.
CREATE UNIQUE INDEX units_live_position ON units (article_id, position) WHERE obsolete = 0;

CREATE TABLE translations (
  article_id  TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  lang        TEXT NOT NULL,
  text        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('initial', 'translated', 'reviewed', 'final')),
  stale       INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
  version     INTEGER NOT NULL CHECK (version >= 1),
  author      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  made_from   TEXT,                          -- the unit's source this text was made from
  PRIMARY KEY (article_id, unit_id, lang),
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE history (
  seq         INTEGER PRIMARY KEY,
  article_id  TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  lang        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  old_text    TEXT,
  new_text    TEXT NOT NULL,
  old_state   TEXT NOT NULL,
  new_state   TEXT NOT NULL,
  author      TEXT NOT NULL,
  at          TEXT NOT NULL,
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id)
) STRICT;
CREATE INDEX history_unit ON history (article_id, unit_id, lang, version);

-- Per article, language and state: the translation rows of live units in that state, their
-- words, and how many of them are stale. Units without a row are initial: the report derives
-- them from articles.live_units, so counters never need one row per unit.
CREATE TABLE coverage_counts (
  article_id  TEXT NOT NULL REFERENCES articles (id),
  lang        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('initial', 'translated', 'reviewed', 'final')),
  units       INTEGER NOT NULL DEFAULT 0,
  words       INTEGER NOT NULL DEFAULT 0,
  stale_units INTEGER NOT NULL DEFAULT 0,
  stale_words INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, lang, state)
) STRICT, WITHOUT ROWID;

-- A new translation row of a live unit counts in its state (and in stale when stale).
CREATE TRIGGER translations_count_insert AFTER INSERT ON translations
BEGIN
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale, new.stale * u.words
  FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id AND u.obsolete = 0
  ON CONFLICT (article_id, lang, state) DO UPDATE SET
    units = units + excluded.units, words = words + excluded.words,
    stale_units = stale_units + excluded.stale_units,
    stale_words = stale_words + excluded.stale_words;
END;

-- A change of state or stale flag moves the row's contribution.
CREATE TRIGGER translations_count_update AFTER UPDATE OF state, stale ON translations
WHEN old.state IS NOT new.state OR old.stale IS NOT new.stale
BEGIN
  UPDATE coverage_counts SET
    units = coverage_counts.units - 1, words = coverage_counts.words - u.words,
    stale_units = coverage_counts.stale_units - old.stale,
    stale_words = coverage_counts.stale_words - old.stale * u.words
  FROM units u
  WHERE u.article_id = old.article_id AND u.id = old.unit_id AND u.obsolete = 0
    AND coverage_counts.article_id = old.article_id AND coverage_counts.lang = old.lang
    AND coverage_counts.state = old.state;
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale, new.stale * u.words
  FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id AND u.obsolete = 0
  ON CONFLICT (article_id, lang, state) DO UPDATE SET
    units = units + excluded.units, words = words + excluded.words,
    stale_units = stale_units + excluded.stale_units,
    stale_words = stale_words + excluded.stale_words;
END;

-- A unit turning obsolete (or live again), or its word count changing with an edit, moves the
-- contribution of each of its translations.
CREATE TRIGGER units_count_update AFTER UPDATE OF obsolete, words ON units
WHEN old.obsolete IS NOT new.obsolete OR old.words IS NOT new.words
BEGIN
  UPDATE coverage_counts SET
    units = coverage_counts.units - 1, words = coverage_counts.words - old.words,
    stale_units = coverage_counts.stale_units - t.stale,
    stale_words = coverage_counts.stale_words - t.stale * old.words
  FROM translations t
  WHERE old.obsolete = 0 AND t.article_id = old.article_id AND t.unit_id = old.id
    AND coverage_counts.article_id = t.article_id AND coverage_counts.lang = t.lang
    AND coverage_counts.state = t.state;
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT t.article_id, t.lang, t.state, 1, new.words, t.stale, t.stale * new.words
  FROM translations t
  WHERE new.obsolete = 0 AND t.article_id = new.article_id AND t.unit_id = new.id
  ON CONFLICT (article_id, lang, state) DO UPDATE SET
    units = units + excluded.units, words = words + excluded.words,
    stale_units = stale_units + excluded.stale_units,
    stale_words = stale_words + excluded.stale_words;
END;

-- Nothing is ever deleted; history is never rewritten.
CREATE TRIGGER articles_no_delete BEFORE DELETE ON articles
BEGIN SELECT RAISE (ABORT, 'articles are never deleted'); END;
CREATE TRIGGER units_no_delete BEFORE DELETE ON units
BEGIN SELECT RAISE (ABORT, 'units are never deleted: mark them obsolete'); END;
CREATE TRIGGER translations_no_delete BEFORE DELETE ON translations
BEGIN SELECT RAISE (ABORT, 'translations are never deleted'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;
`
