/**
 * Schema 22: termbases (issue #21). A termbase belongs to a tag and may use other tags'
 * termbases in order (`termbase_uses`); an entry is a concept, its terms one row per language
 * and text. Entry ids are unique across termbases; `version` is the API's ETag.
 *
 * Grants gain the `terminologist` role (per language: edits the termbases of that language). A
 * CHECK cannot be altered in SQLite, so the table is built anew (nothing refers to it), with schema
 * 21's triggers on it.
 */
export const sql = /* sql */ `
CREATE TABLE grants_new (
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'translator', 'reviewer', 'viewer', 'terminologist')),
  lang        TEXT NOT NULL,
  PRIMARY KEY (account_id, role, lang)
) STRICT, WITHOUT ROWID;
INSERT INTO grants_new SELECT account_id, role, lang FROM grants;
DROP TABLE grants;
ALTER TABLE grants_new RENAME TO grants;
-- Schema 21's signal triggers on grants went with the old table: made again on the new one.
CREATE TRIGGER auth_grant_added AFTER INSERT ON grants
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER auth_grant_removed AFTER DELETE ON grants
BEGIN UPDATE auth_version SET version = version + 1 WHERE id = 1; END;

CREATE TABLE termbases (
  tag TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE termbase_uses (
  tag TEXT NOT NULL REFERENCES termbases (tag) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  uses TEXT NOT NULL CHECK (uses <> tag),
  PRIMARY KEY (tag, position),
  UNIQUE (tag, uses)
) WITHOUT ROWID;

CREATE TABLE term_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tag TEXT NOT NULL REFERENCES termbases (tag) ON DELETE CASCADE,
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX term_entries_tag ON term_entries (tag, id);

CREATE TABLE terms (
  entry_id INTEGER NOT NULL REFERENCES term_entries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  lang TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  status TEXT NOT NULL CHECK (status IN ('preferred', 'admitted', 'deprecated', 'forbidden')),
  pos TEXT CHECK (pos IS NULL OR pos IN ('noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other')),
  note TEXT,
  case_sensitive INTEGER NOT NULL DEFAULT 0 CHECK (case_sensitive IN (0, 1)),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, lang, text)
) WITHOUT ROWID;
CREATE INDEX terms_lang_text ON terms (lang, text COLLATE NOCASE);
`
