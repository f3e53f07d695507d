/**
 * Schema 26: QA dismissals (issue #21). A finding dismissed on a unit's translation, per
 * language and check, with who, why and when, shared by everyone. `text_hash` is the hash of the
 * source and translation it was dismissed on (src/qa/text-hash.ts): a different text brings the
 * finding back.
 */
export const sql = /* sql */ `
CREATE TABLE qa_dismissals (
  article_id   TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  lang         TEXT NOT NULL,
  check_id     TEXT NOT NULL,
  text_hash    TEXT NOT NULL,
  dismissed_by TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  dismissed_at TEXT NOT NULL,
  PRIMARY KEY (article_id, lang, unit_id, check_id),
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
`
