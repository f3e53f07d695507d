/**
 * PostgreSQL schema 1: everything of SQLite's schemas 1–19 but the accounts (002-auth) and the
 * translation memory (003-memory), in its final shape: articles, units, translations, the
 * append-only history, the coverage counters and their triggers, plural forms, text faults,
 * archive, documents, resource sets, machine-translation cache, write origins, live events and
 * presence.
 *
 * Differences from SQLite, each on purpose:
 * - Text sorts and compares byte by byte, as SQLite's BINARY does (every text column is COLLATE
 *   "C"): listings, keyset pages over ids and the report order are the same on both backends.
 * - Types: booleans are `boolean`, times `timestamptz` (the pool reads them as UTC ISO strings with
 *   ms), counts `integer`, history sequence numbers `bigint`. JSON lists whose order jsonb keeps
 *   (targets, a file's key layout) are `jsonb`; JSON objects whose key order is part of the content
 *   (a document's skeleton, a unit's codes, a file's extra strings) are `json`, kept as written.
 * - Nothing is ever deleted, and history is never rewritten: triggers refuse it, as on SQLite.
 *   (TRUNCATE, which only a table's owner may run, is left as the one way to empty a database on
 *   purpose: `tolk db copy --force`.)
 * - The coverage counters are kept by row triggers in the transaction of the write, as on SQLite;
 *   each trigger touches its counter rows in one statement, in state order, so that two writes
 *   moving units in opposite directions lock them in the same order and cannot deadlock. A
 *   translation's trigger locks its unit's row, and a unit's trigger its translations, so that a
 *   write and an import on one unit at once (SQLite runs them one after the other) never count
 *   from each other's old rows.
 * - Live events: sequence values are taken in one order and committed in another, so `seq` cannot
 *   be a stream's cursor across connections; `events` gives each history row an event id in the
 *   order they are seen committed instead (src/store/pg/events.ts), filled by whoever reads the
 *   stream, never by the write. A history row records its transaction (`xact`) for that.
 */
const STATE = `text COLLATE "C" NOT NULL CHECK (state IN ('initial', 'translated', 'reviewed', 'final'))`

/** A unit `u` counts in language `l` unless it is a plural form the language's CLDR rules lack. */
const applies = (u: string, l: string) =>
  `(${u}.plural IS NULL OR EXISTS (SELECT 1 FROM plural_rules r WHERE r.lang = ${l} AND r.plural = ${u}.plural))`

/** Add the deltas of `rows` (article_id, lang, state, units, words, stale_units, stale_words) to the counters. */
const addCounts = (rows: string) => `
    INSERT INTO coverage_counts AS c (article_id, lang, state, units, words, stale_units, stale_words)
    SELECT article_id, lang, state, sum(units), sum(words), sum(stale_units), sum(stale_words)
    FROM (${rows}) d (article_id, lang, state, units, words, stale_units, stale_words)
    GROUP BY article_id, lang, state
    ORDER BY article_id, lang, state
    ON CONFLICT (article_id, lang, state) DO UPDATE SET
      units = c.units + excluded.units, words = c.words + excluded.words,
      stale_units = c.stale_units + excluded.stale_units, stale_words = c.stale_words + excluded.stale_words;`

const refuse = (table: string, what: string, message: string) => `
CREATE FUNCTION ${table}_refuse_${what.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '${message}' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ${table}_no_${what.toLowerCase()} BEFORE ${what} ON ${table}
  FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_${what.toLowerCase()}();`

export const sql = /* sql */ `
CREATE TABLE articles (
  id              text COLLATE "C" PRIMARY KEY,
  tag             text COLLATE "C" NOT NULL,
  lang            text COLLATE "C" NOT NULL,
  title           text COLLATE "C" NOT NULL,
  revision        integer NOT NULL CHECK (revision >= 1),
  targets         jsonb NOT NULL CHECK (jsonb_typeof(targets) = 'array'),  -- BCP 47 tags, in the order given
  live_units      integer NOT NULL DEFAULT 0,   -- live (not obsolete) units, for coverage
  live_words      integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  lang_confirmed  boolean NOT NULL DEFAULT false,
  format          text COLLATE "C" NOT NULL DEFAULT 'text' CHECK (format IN ('text', 'md', 'html')),
  skeleton        json,                          -- a document's skeleton (src/documents/types.ts)
  lead            text COLLATE "C" NOT NULL,                 -- white space before the first unit
  source          text COLLATE "C" NOT NULL                  -- verbatim, as last imported (TOASTed: listings never read it)
);

CREATE TABLE units (
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id),
  id          text COLLATE "C" NOT NULL,
  position    integer NOT NULL,              -- 1-based; an obsolete unit keeps its last one
  block       integer NOT NULL,
  kind        text COLLATE "C" NOT NULL CHECK (kind IN ('heading', 'paragraph', 'list-item', 'quote')),
  source      text COLLATE "C" NOT NULL,
  "trailing"  text COLLATE "C" NOT NULL,                 -- quoted: TRAILING is a keyword (TRIM)
  words       integer NOT NULL,
  characters  integer,
  hash        text COLLATE "C" NOT NULL,                 -- of the NFC, space-folded source
  obsolete    boolean NOT NULL DEFAULT false,
  plural      text COLLATE "C",                          -- the CLDR form of a plural key: 'few', 'ordinal_two'
  borrowed    boolean NOT NULL DEFAULT false,-- a form the source lacks, borrowing its _other text
  key         text COLLATE "C",                          -- an i18next key that is not itself a valid unit id
  codes       json,                          -- what the unit's ⟦n⟧ codes stand for
  PRIMARY KEY (article_id, id)
);
-- Only live units need distinct positions; obsolete ones keep their last position for history.
-- Pages read it as a keyset (unit pages), covering the id so a filtered scan reads no unit row.
CREATE UNIQUE INDEX units_live_position ON units (article_id, position) INCLUDE (id) WHERE NOT obsolete;
CREATE INDEX units_key ON units (article_id, key) WHERE key IS NOT NULL;

CREATE TABLE translations (
  article_id   text COLLATE "C" NOT NULL,
  unit_id      text COLLATE "C" NOT NULL,
  lang         text COLLATE "C" NOT NULL,
  text         text COLLATE "C" NOT NULL,
  state        ${STATE},
  stale        boolean NOT NULL DEFAULT false,
  version      integer NOT NULL CHECK (version >= 1),
  author       text COLLATE "C" NOT NULL,
  updated_at   timestamptz NOT NULL,
  made_from    text COLLATE "C",                         -- the unit's source this text was made from
  history_seq  bigint,                       -- the latest history entry of this unit and language
  PRIMARY KEY (article_id, unit_id, lang),
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id)
);

-- One entry per accepted write. A unit's history is a chain per language (prev_seq, and the
-- translation's history_seq), as on SQLite. xact: the writing transaction, for the event order.
CREATE TABLE history (
  seq            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id     text COLLATE "C" NOT NULL,
  unit_id        text COLLATE "C" NOT NULL,
  lang           text COLLATE "C" NOT NULL,
  version        integer NOT NULL,
  old_text       text COLLATE "C",
  new_text       text COLLATE "C" NOT NULL,
  old_state      text COLLATE "C" NOT NULL,
  new_state      text COLLATE "C" NOT NULL,
  author         text COLLATE "C" NOT NULL,
  at             timestamptz NOT NULL,
  prev_seq       bigint,
  memory_score   integer CHECK (memory_score IS NULL OR memory_score BETWEEN 0 AND 101),
  mt_engine      text COLLATE "C" CHECK (mt_engine IS NULL OR (length(mt_engine) BETWEEN 1 AND 31 AND memory_score IS NULL)),
  origin_edited  boolean NOT NULL DEFAULT false,
  xact           xid8 NOT NULL DEFAULT pg_current_xact_id()
  -- No foreign key to units, unlike SQLite: its check would lock the unit's row (FOR KEY SHARE, a
  -- heap write and a WAL record) on every write, and units are never deleted (units_no_delete);
  -- the write statement appends an entry only for the unit it has just read.
);
-- The event sequencer reads the entries of transactions from its watermark on.
CREATE INDEX history_by_xact ON history (xact);

-- Per article, language and state: the translation rows of live units in that state, their
-- words, and how many of them are stale. Units without a row are initial: the report derives
-- them from articles.live_units, so counters never need one row per unit.
CREATE TABLE coverage_counts (
  article_id   text COLLATE "C" NOT NULL REFERENCES articles (id),
  lang         text COLLATE "C" NOT NULL,
  state        ${STATE},
  units        integer NOT NULL DEFAULT 0,
  words        integer NOT NULL DEFAULT 0,
  stale_units  integer NOT NULL DEFAULT 0,
  stale_words  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, lang, state)
);

-- The plural forms (cardinal 'few', ordinal 'ordinal_few') each language's CLDR rules have.
CREATE TABLE plural_rules (
  lang    text COLLATE "C" NOT NULL,
  plural  text COLLATE "C" NOT NULL,
  PRIMARY KEY (lang, plural)
);

-- Live plural units and their words per document and form.
CREATE TABLE plural_counts (
  article_id  text COLLATE "C" NOT NULL,
  plural      text COLLATE "C" NOT NULL,
  units       integer NOT NULL DEFAULT 0,
  words       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, plural)
);

-- A translation row of a live unit counts in its state (and in stale when stale); a change of
-- state or stale moves it. Both deltas go in one statement, in state order (no deadlock).
CREATE FUNCTION translations_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The unit's row, locked first: an import turning it obsolete (or changing its words) at the
  -- same moment either commits before this reads it (and this counts what it left), or waits
  -- (and its own trigger, locking this translation, sees this write). Without the lock each would
  -- count from the other's old row and the counters would drift.
  PERFORM 1 FROM units WHERE article_id = new.article_id AND id = new.unit_id FOR SHARE;
  ${addCounts(`
    SELECT old.article_id, old.lang, old.state, -1, -u.words, -old.stale::int, -old.stale::int * u.words
    FROM units u WHERE TG_OP = 'UPDATE' AND u.article_id = old.article_id AND u.id = old.unit_id
      AND NOT u.obsolete AND ${applies('u', 'old.lang')}
    UNION ALL
    SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale::int, new.stale::int * u.words
    FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id
      AND NOT u.obsolete AND ${applies('u', 'new.lang')}`)}
  RETURN NULL;
END $$;
-- WHEN: a write that keeps state and stale (most of them) calls no function at all.
CREATE TRIGGER translations_count_insert AFTER INSERT ON translations
  FOR EACH ROW EXECUTE FUNCTION translations_count();
CREATE TRIGGER translations_count_update AFTER UPDATE OF state, stale ON translations
  FOR EACH ROW WHEN (old.state <> new.state OR old.stale <> new.stale) EXECUTE FUNCTION translations_count();

-- A unit turning obsolete or live, its words changing, or its form changing moves the
-- contribution of each of its translations in a language it counts for, and its plural count.
CREATE FUNCTION units_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- The unit's translations, locked first (see translations_count): a write in flight on one of
    -- them is waited for, and then read as it committed. A deadlock of the two is retried whole.
    PERFORM 1 FROM translations WHERE article_id = new.article_id AND unit_id = new.id FOR SHARE;
    ${addCounts(`
      SELECT t.article_id, t.lang, t.state, -1, -old.words, -t.stale::int, -t.stale::int * old.words
      FROM translations t WHERE NOT old.obsolete AND t.article_id = old.article_id AND t.unit_id = old.id
        AND ${applies('old', 't.lang')}
      UNION ALL
      SELECT t.article_id, t.lang, t.state, 1, new.words, t.stale::int, t.stale::int * new.words
      FROM translations t WHERE NOT new.obsolete AND t.article_id = new.article_id AND t.unit_id = new.id
        AND ${applies('new', 't.lang')}`)}
    UPDATE plural_counts SET units = units - 1, words = words - old.words
    WHERE old.plural IS NOT NULL AND NOT old.obsolete AND article_id = old.article_id AND plural = old.plural;
  END IF;
  INSERT INTO plural_counts AS p (article_id, plural, units, words)
  SELECT new.article_id, new.plural, 1, new.words WHERE new.plural IS NOT NULL AND NOT new.obsolete
  ON CONFLICT (article_id, plural) DO UPDATE SET units = p.units + 1, words = p.words + excluded.words;
  RETURN NULL;
END $$;
CREATE TRIGGER units_count_insert AFTER INSERT ON units
  FOR EACH ROW WHEN (new.plural IS NOT NULL) EXECUTE FUNCTION units_count();
CREATE TRIGGER units_count_update AFTER UPDATE OF obsolete, words, plural ON units
  FOR EACH ROW WHEN (old.obsolete <> new.obsolete OR old.words <> new.words OR old.plural IS DISTINCT FROM new.plural)
  EXECUTE FUNCTION units_count();

-- Nothing is ever deleted; history is never rewritten.
${refuse('articles', 'DELETE', 'articles are never deleted')}
${refuse('units', 'DELETE', 'units are never deleted: mark them obsolete')}
${refuse('translations', 'DELETE', 'translations are never deleted')}
${refuse('history', 'DELETE', 'history is append-only')}
${refuse('history', 'UPDATE', 'history is append-only')}

-- Texts stored against the text rule (src/model/text-rule.ts) before a store enforced it, as
-- SQLite's schema 14 listed them: a PostgreSQL database starts under the rule, so only a copy of
-- an older database (tolk db copy) brings any. A fault goes once its text is rewritten.
CREATE TABLE text_faults (
  article_id  text COLLATE "C" NOT NULL,
  unit_id     text COLLATE "C" NOT NULL,                 -- '' for the article's title
  lang        text COLLATE "C" NOT NULL,
  what        text COLLATE "C" NOT NULL CHECK (what IN ('translation', 'source', 'title')),
  problem     text COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, unit_id, lang, what)
);
CREATE FUNCTION text_faults_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM text_faults) THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'translations' THEN
    DELETE FROM text_faults WHERE article_id = new.article_id AND unit_id = new.unit_id
      AND lang = new.lang AND what = 'translation';
  ELSIF TG_TABLE_NAME = 'units' THEN
    DELETE FROM text_faults WHERE article_id = new.article_id AND unit_id = new.id AND what = 'source';
  ELSE
    DELETE FROM text_faults WHERE article_id = new.id AND unit_id = '' AND what = 'title';
  END IF;
  RETURN NULL;
END $$;
-- Only a changed text can clear a fault: the same text again would break the rule again, and the
-- store refuses it (so a write that keeps its text, a review, calls nothing).
CREATE TRIGGER text_faults_translation AFTER UPDATE OF text ON translations
  FOR EACH ROW WHEN (old.text <> new.text) EXECUTE FUNCTION text_faults_clear();
CREATE TRIGGER text_faults_source AFTER UPDATE OF source, obsolete ON units
  FOR EACH ROW WHEN (old.source <> new.source OR old.obsolete <> new.obsolete) EXECUTE FUNCTION text_faults_clear();
CREATE TRIGGER text_faults_title AFTER UPDATE OF title ON articles
  FOR EACH ROW WHEN (old.title <> new.title) EXECUTE FUNCTION text_faults_clear();

-- Archiving (SQLite schema 15): a row of its own; a restore deletes it, the only row that goes.
CREATE TABLE archived_articles (
  article_id   text COLLATE "C" PRIMARY KEY REFERENCES articles (id),
  archived_at  timestamptz NOT NULL,
  archived_by  text COLLATE "C" NOT NULL
);
CREATE TABLE archive_log (
  seq         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id),
  action      text COLLATE "C" NOT NULL CHECK (action IN ('archive', 'restore')),
  author      text COLLATE "C" NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX archive_log_article ON archive_log (article_id, seq);
${refuse('archive_log', 'DELETE', 'the archive log is append-only')}
${refuse('archive_log', 'UPDATE', 'the archive log is append-only')}

-- i18next resource sets (SQLite schema 7): an article marked by a resource_sets row.
CREATE TABLE resource_sets (
  article_id  text COLLATE "C" PRIMARY KEY REFERENCES articles (id),
  created_at  timestamptz NOT NULL
);
CREATE TABLE resource_files (
  article_id     text COLLATE "C" NOT NULL REFERENCES resource_sets (article_id),
  lang           text COLLATE "C" NOT NULL,
  indent         text COLLATE "C" NOT NULL,              -- one level: '  ', '    ', a tab, or '' (one line)
  final_newline  boolean NOT NULL,
  layout         jsonb NOT NULL,             -- key paths, each an array of segments, in file order
  extras         json NOT NULL DEFAULT '{}', -- key id → string, keys without a unit, in file order
  PRIMARY KEY (article_id, lang)
);
${refuse('resource_sets', 'DELETE', 'resource sets are never deleted')}

-- Machine translation (SQLite schema 19): engines' answers, made_at in ms since the epoch.
CREATE TABLE mt_cache (
  engine    text COLLATE "C" NOT NULL,
  src_lang  text COLLATE "C" NOT NULL,
  tgt_lang  text COLLATE "C" NOT NULL,
  source    text COLLATE "C" NOT NULL,
  target    text COLLATE "C" NOT NULL,
  made_at   bigint NOT NULL,
  PRIMARY KEY (engine, src_lang, tgt_lang, source)
);
CREATE INDEX mt_cache_made_at ON mt_cache (made_at);

-- Live events (SQLite schema 18, commit-ordered here): each history row gets an event id once it
-- is seen committed, from the sequencer (events.ts), which records in event_sequencer how far it
-- has come: every transaction before \`done\` had ended, and all its entries have ids.
CREATE TABLE events (
  id          bigint PRIMARY KEY,
  seq         bigint NOT NULL UNIQUE,        -- the history entry
  article_id  text COLLATE "C" NOT NULL,
  lang        text COLLATE "C" NOT NULL
);
CREATE INDEX events_by_document ON events (article_id, lang, id);
CREATE TABLE event_sequencer (
  one   boolean PRIMARY KEY DEFAULT true CHECK (one),
  done  xid8 NOT NULL
);
INSERT INTO event_sequencer (done) VALUES ('0');

-- Presence: one row per person and document, replaced on each report; seq taken under a lock
-- at the report (events.ts), so it grows in commit order.
CREATE TABLE presence (
  article_id  text COLLATE "C" NOT NULL,
  lang        text COLLATE "C" NOT NULL,
  account     text COLLATE "C" NOT NULL,
  unit_id     text COLLATE "C" NOT NULL,
  typing      boolean NOT NULL,
  seen_at     timestamptz NOT NULL,
  seq         bigint NOT NULL,
  PRIMARY KEY (article_id, lang, account)
);
CREATE INDEX presence_seq ON presence (seq);
CREATE SEQUENCE presence_seq_seq;
`
