/**
 * Schema 28: aligned origins (issue 23). A history entry whose text came from `tolk align`
 * (a sentence of an existing translation paired with the unit) keeps the aligner's confidence in
 * thousandths, 0–1000, so that it stays a whole number on both backends and in `tolk db copy`.
 * One origin kind per entry: it is NULL when the entry has a memory score or a machine engine.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN aligned_confidence INTEGER
  CHECK (aligned_confidence IS NULL OR (aligned_confidence BETWEEN 0 AND 1000 AND memory_score IS NULL AND mt_engine IS NULL));
`
