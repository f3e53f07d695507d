/**
 * PostgreSQL schema 11: aligned origins (SQLite's 028-aligned-origin): the aligner's confidence
 * of a history entry whose text `tolk align` paired with its unit, in thousandths 0–1000.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN aligned_confidence integer
  CHECK (aligned_confidence IS NULL OR (aligned_confidence BETWEEN 0 AND 1000 AND memory_score IS NULL AND mt_engine IS NULL));
`
