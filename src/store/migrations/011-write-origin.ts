/**
 * Schema 11: where a write's text came from. A history entry whose text was inserted from the
 * translation memory as it was (the editor's "use match", `tolk pretranslate`) keeps the match's
 * score, 0–101; NULL means the author's own text, which every entry written before this step is
 * read as. One column for the one kind there is: a later kind (machine translation) gets its own,
 * so each stays a plain, checked value rather than a tagged string.
 *
 * Adding a column rewrites no entry, so the append-only triggers stay as they are.
 */
export const sql = /* sql */ `
ALTER TABLE history ADD COLUMN memory_score INTEGER
  CHECK (memory_score IS NULL OR memory_score BETWEEN 0 AND 101);
`
