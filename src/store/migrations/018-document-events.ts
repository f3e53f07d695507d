/**
 * Schema 18: live updates of the editor.
 * - The history read as an event stream per document and language. Every write of a translation
 *   already appends one history entry in its transaction, with an increasing `seq`, from
 *   whichever process made it; a stream reads the entries after the last `seq` it has sent (its
 *   `Last-Event-ID`). This index makes that read a range scan.
 * - Presence: who has which article and language open, at which segment, typing or not. One row
 *   per person and document, replaced on each report; `seq` grows with every report across the
 *   database (no row is ever deleted, so its maximum never goes back), which is how the processes
 *   on one database notice a report. A hint, never a lock; old rows are simply stale.
 */
export const sql = /* sql */ `
CREATE INDEX history_by_document ON history (article_id, lang, seq);

CREATE TABLE presence (
  article_id  TEXT NOT NULL,
  lang        TEXT NOT NULL,
  account     TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  typing      INTEGER NOT NULL CHECK (typing IN (0, 1)),
  seen_at     TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  PRIMARY KEY (article_id, lang, account)
) STRICT;
CREATE INDEX presence_seq ON presence (seq);
`
