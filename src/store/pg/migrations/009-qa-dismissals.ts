/**
 * PostgreSQL schema 9: QA dismissals (issue #21), as SQLite's 026-qa-dismissals: per unit,
 * language and check, with who, why, when and the hash of the texts dismissed. IF NOT EXISTS:
 * a database wound back to an earlier version (tests/store/pg-main-followups.test.ts) runs it again.
 */
export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS qa_dismissals (
  article_id   text NOT NULL,
  unit_id      text NOT NULL,
  lang         text NOT NULL,
  check_id     text NOT NULL,
  text_hash    text NOT NULL,
  dismissed_by text NOT NULL,
  reason       text NOT NULL DEFAULT '',
  dismissed_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, lang, unit_id, check_id),
  FOREIGN KEY (article_id, unit_id) REFERENCES units (article_id, id) ON DELETE CASCADE
);
`
