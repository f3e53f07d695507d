/**
 * Schema 15: archiving. An archived article or i18next namespace leaves every listing, report,
 * read and write, and is kept whole: its article row, units, translations, history and coverage
 * counters stay exactly as they were (nothing here touches them), so a restore brings it back
 * unchanged, and its translations stay in the memory. The id stays taken meanwhile.
 *
 * Archiving is a row of its own, not a column of `articles`: a column added there would come after
 * the inline source text, and the listings (which read the `articles_listing` index alone) would
 * have to walk every source's pages to see it. The listings skip the ids found here instead, one
 * primary-key probe each in a table that holds only the archived.
 *
 * `archive_log` records every archive and restore, who and when; like `history`, it is never
 * rewritten. A restore deletes the `archived_articles` row, the only row that goes.
 */
export const sql = /* sql */ `
CREATE TABLE archived_articles (
  article_id   TEXT PRIMARY KEY REFERENCES articles (id),
  archived_at  TEXT NOT NULL,
  archived_by  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE archive_log (
  seq         INTEGER PRIMARY KEY,
  article_id  TEXT NOT NULL REFERENCES articles (id),
  action      TEXT NOT NULL CHECK (action IN ('archive', 'restore')),
  author      TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX archive_log_article ON archive_log (article_id, seq);

CREATE TRIGGER archive_log_no_delete BEFORE DELETE ON archive_log
BEGIN SELECT RAISE (ABORT, 'the archive log is append-only'); END;
CREATE TRIGGER archive_log_no_update BEFORE UPDATE ON archive_log
BEGIN SELECT RAISE (ABORT, 'the archive log is append-only'); END;
`
