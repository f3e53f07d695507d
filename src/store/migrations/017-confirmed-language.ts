/**
 * Schema 17: whether an article's text language was confirmed, by an explicit language at import
 * (`--lang`, `lang=`, the seeds' manifest) rather than detected or assumed from the tag. A
 * confirmed language is the user's word: a re-import keeps it without detecting again, and no
 * tag-mismatch warning is given for the article any more (issue 16: the seed, tagged sv and
 * written in English, warned on every import). Articles imported before this step read as not
 * confirmed, which is what they were.
 *
 * Also an index for the TMX import's check that a pair is already held from the workbench's own
 * translations (exporting an article as TMX and importing it added every pair a second time): the
 * entries of translations made from an older source carry no src_hash, so they are found by their
 * source text. Partial: only those entries, few beside the rest, are in it.
 */
export const sql = /* sql */ `
ALTER TABLE articles ADD COLUMN lang_confirmed INTEGER NOT NULL DEFAULT 0
  CHECK (lang_confirmed IN (0, 1));
CREATE INDEX tm_entries_unhashed ON tm_entries (source, src_lang, tgt_lang) WHERE src_hash IS NULL;
`
