/**
 * Schema 27: batch work (issue #21). A batch is one find-and-replace or bulk action over many
 * units: its preview is stored (`batches` with status `preview`, one `batch_units` row per change,
 * with the version, text and state seen), applying it writes each change through the versioned
 * write path with that version, and each history entry it writes names the batch (`batch_id`), so
 * the history tells which writes came from which batch. `version_after` is the version a change
 * wrote (NULL: not written, skipped); undo puts each unit whose version is still that back.
 *
 * Adding a column rewrites no history entry, so the append-only triggers stay as they are.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN batch_id TEXT;

CREATE TABLE batches (
  id          TEXT PRIMARY KEY,
  action      TEXT NOT NULL,
  lang        TEXT NOT NULL,
  scope       TEXT NOT NULL,             -- JSON: {articles?, tag?, lang}
  params      TEXT NOT NULL,             -- JSON: the action's options and the filter
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('preview', 'applied', 'undone')),
  applied_at  TEXT,
  undone_at   TEXT,
  undo_of     TEXT,                      -- no foreign key: tolk db copy loads rows by id
  undone_by   TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE batch_units (
  batch_id        TEXT NOT NULL REFERENCES batches (id),
  seq             INTEGER NOT NULL,
  article_id      TEXT NOT NULL,
  unit_id         TEXT NOT NULL,
  lang            TEXT NOT NULL,
  position        INTEGER NOT NULL,
  version_before  INTEGER NOT NULL,
  text_before     TEXT NOT NULL,
  state_before    TEXT NOT NULL,
  text_after      TEXT NOT NULL,
  state_after     TEXT NOT NULL,
  memory_score    INTEGER,
  version_after   INTEGER,
  PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;
`
