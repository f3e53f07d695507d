/**
 * Schema 6: the translation memory leaves the write path. Schema 4 kept it current with triggers
 * on `translations`, which made every translation write also update `tm_entries` and its FTS5
 * index: about three times the cost of the write itself. Now the memory follows the history
 * instead: `tm_sync` records the last history entry the memory has taken in, and the memory
 * catches up (in one batch, one transaction) before anything reads it, and in the background
 * while the service runs. Nothing can be forgotten: every write appends to the history, and the
 * history is never deleted.
 */
export const sql = /* sql */ `
DROP TRIGGER translations_tm_upsert;
DROP TRIGGER translations_tm_update;
DROP TRIGGER translations_tm_clear;

CREATE TABLE tm_sync (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  history_seq  INTEGER NOT NULL
) STRICT;
-- Until now the triggers kept the memory current: it has taken in every history entry so far.
INSERT INTO tm_sync (id, history_seq) SELECT 1, coalesce(max(seq), 0) FROM history;
`
