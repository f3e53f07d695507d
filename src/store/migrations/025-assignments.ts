/**
 * Schema 25: team workflow (issue #20): the `coordinator` role, assignments, and the import log
 * the activity feed reads.
 *
 * - Grants gain `coordinator` (per language: hands out work in that language). A CHECK cannot be
 *   altered in SQLite, so the table is built anew (nothing refers to it; it has no index but its
 *   key), with schema 21's two signal triggers on it, as schema 22 did.
 * - `assignments`: an article and language given to one person, with an optional due date (ISO
 *   date) and note. `segments` is the range as asked (`1-40`, positions at assignment time); NULL
 *   means the whole article, whatever its units are when read. A range is kept as the unit ids
 *   it held (`assignment_units`), so a re-import does not move it. `batch` groups the assignments
 *   of one request (a split across several people). Nothing here is ever deleted or rewritten.
 * - `import_log`: one row per import that wrote a revision, with its alignment counts, so the
 *   activity feed can say "imported: 12 kept, 2 stale, 3 new". Nothing else keeps those counts.
 */
export const sql = /* sql */ `
CREATE TABLE grants_new (
  account_id  INTEGER NOT NULL REFERENCES accounts (id),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'translator', 'reviewer', 'viewer', 'terminologist', 'coordinator')),
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

CREATE TABLE assignments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  batch        INTEGER NOT NULL,
  article_id   TEXT NOT NULL REFERENCES articles (id),
  lang         TEXT NOT NULL,
  account      TEXT NOT NULL,
  segments     TEXT CHECK (segments IS NULL OR length(segments) BETWEEN 1 AND 40),
  due          TEXT CHECK (due IS NULL OR (length(due) = 10 AND date(due) = due)),
  note         TEXT CHECK (note IS NULL OR length(note) <= 2000),
  assigned_by  TEXT NOT NULL,
  assigned_at  TEXT NOT NULL
) STRICT;
CREATE INDEX assignments_article ON assignments (article_id, lang, id);
CREATE INDEX assignments_account ON assignments (account, id);

CREATE TABLE assignment_units (
  assignment_id  INTEGER NOT NULL REFERENCES assignments (id),
  unit_id        TEXT NOT NULL,
  PRIMARY KEY (assignment_id, unit_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE import_log (
  seq         INTEGER PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles (id),
  revision    INTEGER NOT NULL,
  kept        INTEGER NOT NULL,
  moved       INTEGER NOT NULL,
  stale       INTEGER NOT NULL,
  new         INTEGER NOT NULL,
  obsolete    INTEGER NOT NULL,
  author      TEXT,                          -- who imported; NULL where the caller did not say
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX import_log_article ON import_log (article_id, seq);

CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
BEGIN SELECT RAISE (ABORT, 'assignments are never deleted'); END;
CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
BEGIN SELECT RAISE (ABORT, 'assignments are never rewritten'); END;
CREATE TRIGGER assignment_units_no_delete BEFORE DELETE ON assignment_units
BEGIN SELECT RAISE (ABORT, 'assignments are never deleted'); END;
CREATE TRIGGER import_log_no_delete BEFORE DELETE ON import_log
BEGIN SELECT RAISE (ABORT, 'the import log is append-only'); END;
CREATE TRIGGER import_log_no_update BEFORE UPDATE ON import_log
BEGIN SELECT RAISE (ABORT, 'the import log is append-only'); END;
`
