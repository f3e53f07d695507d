/**
 * PostgreSQL schema 14, as SQLite's 030-batch-stale-sources: the source each text a batch changed
 * was made from, and each text an undo restores, so that an undo puts a stale text back stale.
 */
export const sql = /* sql */ `
ALTER TABLE batch_units ADD COLUMN made_from_before text COLLATE "C";
ALTER TABLE batch_units ADD COLUMN made_from_after text COLLATE "C";
`
