/**
 * PostgreSQL schema 5: what SQLite gained after schema 1 was drawn (its schemas 20 and the
 * dashboard's listing), kept out of 001-core so that file stays as pg-core ships it.
 *
 * - `units.role` (SQLite 020-unit-roles): a document unit's role in its Markdown or HTML document
 *   (`heading`, `table-cell`, `alt`, … from the skeleton's slot), so that a page of units names it
 *   without reading the article's skeleton. NULL for plain text and i18next units. Documents
 *   imported before get theirs from their skeleton: a live unit at position p is slot p - 1.
 * - `history_by_document`: the dashboard's last change (Store.listArticlesPage) reads the newest
 *   entry of each of an article's languages, one index seek each, as on SQLite.
 */
export const sql = /* sql */ `
ALTER TABLE units ADD COLUMN role text COLLATE "C" CHECK (role IS NULL OR length(role) BETWEEN 1 AND 40);
UPDATE units u SET role = s.slot ->> 'role'
FROM articles a, json_array_elements(a.skeleton -> 'slots') WITH ORDINALITY AS s (slot, position)
WHERE a.skeleton IS NOT NULL AND u.article_id = a.id AND NOT u.obsolete AND u.position = s.position;
CREATE INDEX history_by_document ON history (article_id, lang, seq);
`
