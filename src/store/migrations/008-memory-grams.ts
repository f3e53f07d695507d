/**
 * Schema 8: a character trigram index over the sources of memory entries written without spaces
 * (Chinese, Japanese, Thai, …). The word index (tm_fts, unicode61) takes a whole run of such text
 * as one "word", so it could only find the same run again; with trigrams a sentence that differs
 * in a few characters shares most of its trigrams and is found. Contentless (the text lives in
 * tm_entries), kept by triggers for those source languages only; other entries cost one test.
 */
const UNSPACED = `lower(CASE WHEN instr(%s, '-') > 0 THEN substr(%s, 1, instr(%s, '-') - 1) ELSE %s END)
  IN ('zh', 'ja', 'th', 'lo', 'km', 'my', 'bo', 'dz', 'yue', 'wuu')`
const unspaced = (col: string) => UNSPACED.replaceAll('%s', col)

export const sql = /* sql */ `
CREATE VIRTUAL TABLE tm_grams USING fts5 (
  source, content = '', contentless_delete = 1, tokenize = 'trigram'
);
CREATE TRIGGER tm_entries_grams_insert AFTER INSERT ON tm_entries WHEN ${unspaced('new.src_lang')}
BEGIN
  INSERT INTO tm_grams (rowid, source) VALUES (new.id, new.source);
END;
CREATE TRIGGER tm_entries_grams_delete AFTER DELETE ON tm_entries WHEN ${unspaced('old.src_lang')}
BEGIN
  DELETE FROM tm_grams WHERE rowid = old.id;
END;
CREATE TRIGGER tm_entries_grams_update AFTER UPDATE OF source, src_lang ON tm_entries
BEGIN
  DELETE FROM tm_grams WHERE rowid = old.id;
  INSERT INTO tm_grams (rowid, source) SELECT new.id, new.source WHERE ${unspaced('new.src_lang')};
END;
INSERT INTO tm_grams (rowid, source)
  SELECT id, source FROM tm_entries WHERE ${unspaced('src_lang')};
`
