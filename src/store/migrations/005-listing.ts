/**
 * Schema 5: a covering index for article listings. An article's source text lives inline in its
 * row, so a plain scan for the short columns still reads every source page; reading the index
 * instead keeps a 25,000-article listing (the start of every report) off those pages.
 */
export const sql = `
CREATE INDEX articles_listing ON articles
  (id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at);
`
