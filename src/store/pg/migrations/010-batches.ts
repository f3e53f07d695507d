/**
 * PostgreSQL schema 10: batch work (issue #21), as SQLite's 027-batches: stored previews and
 * applied batches, one row per change, and the batch id on each history entry a batch wrote.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN batch_id text COLLATE "C";

CREATE TABLE batches (
  id          text COLLATE "C" PRIMARY KEY,
  action      text NOT NULL,
  lang        text COLLATE "C" NOT NULL,
  scope       jsonb NOT NULL,
  params      jsonb NOT NULL,
  author      text COLLATE "C" NOT NULL,
  created_at  timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('preview', 'applied', 'undone')),
  applied_at  timestamptz,
  undone_at   timestamptz,
  undo_of     text COLLATE "C",
  undone_by   text COLLATE "C"
);

CREATE TABLE batch_units (
  batch_id        text COLLATE "C" NOT NULL REFERENCES batches (id),
  seq             integer NOT NULL,
  article_id      text COLLATE "C" NOT NULL,
  unit_id         text COLLATE "C" NOT NULL,
  lang            text COLLATE "C" NOT NULL,
  position        integer NOT NULL,
  version_before  integer NOT NULL,
  text_before     text COLLATE "C" NOT NULL,
  state_before    text NOT NULL,
  text_after      text COLLATE "C" NOT NULL,
  state_after     text NOT NULL,
  memory_score    integer,
  version_after   integer,
  PRIMARY KEY (batch_id, seq)
);
`
