/**
 * Schema 17: whether an article's text language was confirmed, by an explicit language at import
 * (`--lang`, `lang=`, the seeds' manifest) rather than detected or assumed from the tag. A
 * confirmed language is the user's word: a re-import keeps it without detecting again, and no
 * tag-mismatch warning is given for the article any more (issue 16: the seed, tagged sv and
 * written in English, warned on every import). Articles imported before this step read as not
 * confirmed, which is what they were.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN lang_confirmed INTEGER NOT NULL DEFAULT 0
  CHECK (lang_confirmed IN (0, 1));
`
