/**
 * Schema 10: target-language plural forms of i18next resource sets.
 *
 * A plural group of the source (`items_one`, `items_other`) gets one unit for every CLDR category
 * any of its target languages has (Russian `few`, `many`; Arabic `zero`, `two`, …); a form the
 * source lacks borrows the source's `_other` text (`borrowed = 1`) and is never written into the
 * source's file. A unit's `plural` names its form (`few`, `ordinal_two`; NULL for every other
 * unit), and a plural unit counts for a target language only when that language's CLDR rules have
 * the form: Russian's `items_few` counts for ru and uk, not for de or ja.
 *
 * Why this model: applicability depends only on (form, language), so it is one small table
 * (`plural_rules`: the forms each language has, filled from Intl.PluralRules whenever a language
 * becomes a target of a resource set, before any of its translations can exist) instead of a row
 * per unit and language. The counters stay exact with two changes: the coverage triggers skip a
 * (unit, language) pair whose form the language lacks, and `plural_counts` keeps the live plural
 * units and words per document and form, so a language's total is `live_units` less the forms it
 * lacks (a handful of rows per document, never a scan of units). Rules are read from the table,
 * not from Intl at query time, so triggers, queries and listings agree even if ICU changes.
 *
 * Keys that are no unit ids: an i18next key may hold spaces, `:`, `/`, emoji, or run past 100
 * characters ("Welcome back, {{name}}!"). Its unit keeps an id within the id rule, derived from
 * namespace and key (src/model/ids.ts, unitIdOfKey), and `units.key` holds the key itself (NULL
 * when the id is the key), so URLs, ETags and every other path that carries unit ids stay as
 * they are, and files, posts and reports speak in keys.
 */
const applies = (unit: string, lang: string) =>
  `(${unit}.plural IS NULL OR EXISTS (SELECT 1 FROM plural_rules r WHERE r.lang = ${lang} AND r.plural = ${unit}.plural))`

const upsertCounts = `ON CONFLICT (article_id, lang, state) DO UPDATE SET
    units = units + excluded.units, words = words + excluded.words,
    stale_units = stale_units + excluded.stale_units,
    stale_words = stale_words + excluded.stale_words`

export const sql = /* sql */ `
ALTER TABLE units ADD COLUMN plural TEXT;   -- the CLDR form of a plural key: 'few', 'ordinal_two'
ALTER TABLE units ADD COLUMN borrowed INTEGER NOT NULL DEFAULT 0 CHECK (borrowed IN (0, 1));
ALTER TABLE units ADD COLUMN key TEXT;      -- an i18next key that is not itself a valid unit id
CREATE INDEX units_key ON units (article_id, key) WHERE key IS NOT NULL;

-- The plural forms (cardinal 'few', ordinal 'ordinal_few') each language's CLDR rules have.
CREATE TABLE plural_rules (
  lang    TEXT NOT NULL,
  plural  TEXT NOT NULL,
  PRIMARY KEY (lang, plural)
) STRICT, WITHOUT ROWID;

-- Live plural units and their words per document and form.
CREATE TABLE plural_counts (
  article_id  TEXT NOT NULL,
  plural      TEXT NOT NULL,
  units       INTEGER NOT NULL DEFAULT 0,
  words       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, plural)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER units_plural_insert AFTER INSERT ON units
WHEN new.plural IS NOT NULL AND new.obsolete = 0
BEGIN
  INSERT INTO plural_counts (article_id, plural, units, words) VALUES (new.article_id, new.plural, 1, new.words)
  ON CONFLICT (article_id, plural) DO UPDATE SET units = units + 1, words = words + excluded.words;
END;

CREATE TRIGGER units_plural_update AFTER UPDATE OF obsolete, words, plural ON units
WHEN old.obsolete IS NOT new.obsolete OR old.words IS NOT new.words OR old.plural IS NOT new.plural
BEGIN
  UPDATE plural_counts SET units = units - 1, words = words - old.words
  WHERE old.plural IS NOT NULL AND old.obsolete = 0 AND article_id = old.article_id AND plural = old.plural;
  INSERT INTO plural_counts (article_id, plural, units, words)
  SELECT new.article_id, new.plural, 1, new.words WHERE new.plural IS NOT NULL AND new.obsolete = 0
  ON CONFLICT (article_id, plural) DO UPDATE SET units = units + 1, words = words + excluded.words;
END;

-- The coverage triggers of schema 1, each skipping a plural unit in a language that lacks its form.
DROP TRIGGER translations_count_insert;
CREATE TRIGGER translations_count_insert AFTER INSERT ON translations
BEGIN
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale, new.stale * u.words
  FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id AND u.obsolete = 0
    AND ${applies('u', 'new.lang')}
  ${upsertCounts};
END;

DROP TRIGGER translations_count_update;
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
  INSERT INTO coverage_counts (article_id, lang, state, units, words, stale_units, stale_words)
  SELECT new.article_id, new.lang, new.state, 1, u.words, new.stale, new.stale * u.words
  FROM units u WHERE u.article_id = new.article_id AND u.id = new.unit_id AND u.obsolete = 0
    AND ${applies('u', 'new.lang')}
  ${upsertCounts};
END;

-- A unit turning obsolete or live, its words changing, or its form changing (a key that becomes
-- part of a plural group) moves the contribution of each translation in a language it counts for.
DROP TRIGGER units_count_update;
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
`
