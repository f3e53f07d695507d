/**
 * Schema 30: a batch remembers the source each text it changed was made from
 * (`made_from_before`), and an undo the source its restored text was made from
 * (`made_from_after`), so that an undo puts a stale translation back stale, made from the source
 * it was made from, rather than passing the old text off as a translation of the new source (and
 * an undo of that undo makes it current again). NULL in every batch made before this schema,
 * whose undo follows the write's own rules, as before.
 */
export const sql = /* sql */ `
ALTER TABLE batch_units ADD COLUMN made_from_before TEXT;
ALTER TABLE batch_units ADD COLUMN made_from_after TEXT;
`
