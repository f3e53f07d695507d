/**
 * Schema 23: the review writes (issues 20 and 23).
 *
 * - `rejected`, a state: a reviewer sent the text back with a reason. A CHECK cannot be altered
 *   in SQLite, so `translations` and `coverage_counts` are built anew with the state allowed
 *   (nothing refers to either by foreign key), and every trigger that names them is made again
 *   as schema 22 left it. The counters are copied as they are: no row was rejected before, and the
 *   triggers count a rejected row under its own state from now on.
 * - `translations.reason` and `translations.translator`: while a row is rejected, the reviewer's
 *   reason and who wrote the text sent back (the person to tell); NULL otherwise.
 * - `history.confirmation` (1 for a confirmation of a stale translation: same text, stale
 *   cleared), `history.reason` and `history.translator` (a rejection's).
 */
const upsertCounts = `ON CONFLICT (article_id, lang, state) DO UPDATE SET
    units = units + excluded.units, words = words + excluded.words,
    stale_units = stale_units + excluded.stale_units,
    stale_words = stale_words + excluded.stale_words`
const applies = (u: string, lang: string): string =>
  `(${u}.plural IS NULL OR EXISTS (SELECT 1 FROM plural_rules r WHERE r.lang = ${lang} AND r.plural = ${u}.plural))`

// A translation row of a live unit, as written, counted in its state (and in stale when stale).
const countNewRow = `INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale, new.stale * u.words
  FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id AND u.obsolete = 0
    AND ${applies('u', 'new.lang')}
  ${upsertCounts}`

export const sql = /* sql */ `
DROP TRIGGER translations_no_delete;
DROP TRIGGER translations_count_insert;
DROP TRIGGER translations_count_update;
DROP TRIGGER text_faults_translation;
-- Names translations in its body: a rename checks every trigger, so it goes while the table is rebuilt.
DROP TRIGGER units_count_update;

CREATE TABLE translations_new (
  article_id  TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  lang        TEXT NOT NULL,
  text        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('initial', 'translated', 'reviewed', 'final', 'rejected')),
  stale       INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
  version     INTEGER NOT NULL CHECK (version >= 1),
  author      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  made_from   TEXT,                          -- the unit's source this text was made from
  history_seq INTEGER,                       -- the latest history entry (schema 9)
  reason      TEXT,                          -- while rejected: why
  translator  TEXT,                          -- while rejected: who wrote the text sent back
  PRIMARY KEY (article_id, unit_id, lang),
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id),
  CHECK ((state = 'rejected') = (reason IS NOT NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO translations_new (article_id, unit_id, lang, text, state, stale, version, author,
  updated_at, made_from, history_seq)
SELECT article_id, unit_id, lang, text, state, stale, version, author, updated_at, made_from, history_seq
FROM translations;
DROP TABLE translations;
ALTER TABLE translations_new RENAME TO translations;

CREATE TABLE coverage_counts_new (
  article_id  TEXT NOT NULL REFERENCES articles (id),
  lang        TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('initial', 'translated', 'reviewed', 'final', 'rejected')),
  units       INTEGER NOT NULL DEFAULT 0,
  words       INTEGER NOT NULL DEFAULT 0,
  stale_units INTEGER NOT NULL DEFAULT 0,
  stale_words INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, lang, state)
) STRICT, WITHOUT ROWID;
INSERT INTO coverage_counts_new SELECT article_id, lang, state, units, words, stale_units, stale_words
FROM coverage_counts;
DROP TABLE coverage_counts;
ALTER TABLE coverage_counts_new RENAME TO coverage_counts;

ALTER TABLE history ADD COLUMN confirmation INTEGER NOT NULL DEFAULT 0 CHECK (confirmation IN (0, 1));
ALTER TABLE history ADD COLUMN reason TEXT;
ALTER TABLE history ADD COLUMN translator TEXT;

-- Schema 22's triggers, as they were.
CREATE TRIGGER translations_no_delete BEFORE DELETE ON translations
BEGIN SELECT RAISE (ABORT, 'translations are never deleted'); END;

CREATE TRIGGER translations_count_insert AFTER INSERT ON translations
BEGIN
  ${countNewRow};
END;

CREATE TRIGGER translations_count_update AFTER UPDATE OF state, stale ON translations
WHEN old.state IS NOT new.state OR old.stale IS NOT new.stale
BEGIN
  UPDATE coverage_counts SET
    units = coverage_counts.units - 1, words = coverage_counts.words - u.words,
    stale_units = coverage_counts.stale_units - old.stale,
    stale_words = coverage_counts.stale_words - old.stale * u.words
  FROM units u
  WHERE u.article_id = old.article_id AND u.id = old.unit_id AND u.obsolete = 0
    AND ${applies('u', 'old.lang')}
    AND coverage_counts.article_id = old.article_id AND coverage_counts.lang = old.lang
    AND coverage_counts.state = old.state;
  ${countNewRow};
END;

CREATE TRIGGER units_count_update AFTER UPDATE OF obsolete, words, plural ON units
WHEN old.obsolete IS NOT new.obsolete OR old.words IS NOT new.words OR old.plural IS NOT new.plural
BEGIN
  UPDATE coverage_counts SET
    units = coverage_counts.units - 1, words = coverage_counts.words - old.words,
    stale_units = coverage_counts.stale_units - t.stale,
    stale_words = coverage_counts.stale_words - t.stale * old.words
  FROM translations t
  WHERE old.obsolete = 0 AND t.article_id = old.article_id AND t.unit_id = old.id
    AND ${applies('old', 't.lang')}
    AND coverage_counts.article_id = t.article_id AND coverage_counts.lang = t.lang
    AND coverage_counts.state = t.state;
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT t.article_id, t.lang, t.state, 1, new.words, t.stale, t.stale * new.words
  FROM translations t
  WHERE new.obsolete = 0 AND t.article_id = new.article_id AND t.unit_id = new.id
    AND ${applies('new', 't.lang')}
  ${upsertCounts};
END;

CREATE TRIGGER text_faults_translation AFTER UPDATE OF text ON translations
WHEN EXISTS (SELECT 1 FROM text_faults)
BEGIN
  DELETE FROM text_faults WHERE article_id = new.article_id AND unit_id = new.unit_id
    AND lang = new.lang AND what = 'translation';
END;
`
