/**
 * Schema 7: i18next resource sets. A resource set (an i18next namespace) is stored as an
 * `articles` row plus a `resource_sets` row that marks it, not in tables of its own: its keys are
 * `units` (unit id = the key path, `nav.home`), so reports, coverage counters, the editor, `tolk
 * check --db`, the memory and the one versioned write path (translations + history) serve it
 * without a second copy of any of them. Such an article has no source text of its own (`source`
 * and `lead` are empty): its text is its units'. Its units are of kind `paragraph`, each its own
 * block: the kind column's CHECK could only be widened by rebuilding `units` (every row copied,
 * its triggers made again), which a key does not need.
 *
 * Plural forms are one unit per form key (`items_one`, `items_other`), as i18next stores them and
 * as its saveMissing posts them, so a report counts exactly the strings a file holds.
 *
 * `resource_files` keeps what a byte-stable export needs of each imported file: the key paths in
 * their original order (as arrays of segments, so a flat key `a.b` and a nested `a` → `b` stay
 * apart), the indentation and whether the file ended in a newline; and the strings of keys a
 * target's file has that the source does not (a Russian target's `_few` and `_many` plural forms
 * of an English source): not units, since no source text stands behind them, but kept, served and
 * exported as they were, so that no imported string is lost.
 */
export const sql = /* sql */ `
CREATE TABLE resource_sets (
  article_id  TEXT PRIMARY KEY REFERENCES articles (id),
  created_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE resource_files (
  article_id     TEXT NOT NULL REFERENCES resource_sets (article_id),
  lang           TEXT NOT NULL,
  indent         TEXT NOT NULL,              -- one level: '  ', '    ', a tab, or '' (one line)
  final_newline  INTEGER NOT NULL CHECK (final_newline IN (0, 1)),
  layout         TEXT NOT NULL,              -- JSON array of key paths, each an array of segments
  extras         TEXT NOT NULL DEFAULT '{}', -- JSON object: key id → string, keys without a unit
  PRIMARY KEY (article_id, lang)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER resource_sets_no_delete BEFORE DELETE ON resource_sets
BEGIN SELECT RAISE (ABORT, 'resource sets are never deleted'); END;
`
