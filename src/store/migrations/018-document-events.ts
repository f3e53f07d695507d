/**
 * Schema 18: the history read as an event stream per document and language. Every write of a
 * translation already appends one history entry in its transaction, with an increasing `seq`,
 * from whichever process made it; the editor's live updates read the entries after the last
 * `seq` a stream has sent (its `Last-Event-ID`). This index makes that read a range scan.
 */
export const sql = /* sql */ `
CREATE INDEX history_by_document ON history (article_id, lang, seq);
`
