/**
 * Schema 20: a document unit's `role`, what it is in its Markdown or HTML document (`heading`,
 * `list-item`, `table-cell`, `alt`, … from the skeleton's slot), kept beside the unit so that a
 * page of units (the editor's) names each one's role without reading the article's skeleton,
 * which is as large as its source. NULL for plain text and i18next units.
 *
 * Documents imported since schema 16 get theirs from the skeleton: a live unit at position p is
 * slot p - 1 (obsolete units keep NULL; they are in no page).
 */
export const sql = /* sql */ `
ALTER TABLE units ADD COLUMN role TEXT CHECK (role IS NULL OR length(role) BETWEEN 1 AND 40);
UPDATE units SET role = (
  SELECT json_extract(a.skeleton, '$.slots[' || (units.position - 1) || '].role')
  FROM articles a WHERE a.id = units.article_id)
WHERE obsolete = 0 AND article_id IN (SELECT id FROM articles WHERE skeleton IS NOT NULL);
`
