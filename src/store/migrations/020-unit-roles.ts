/**
 * Schema 20: a document unit's `role`, what it is in its Markdown or HTML document (`heading`,
 * `list-item`, `table-cell`, `alt`, … from the skeleton's slot), kept beside the unit so that a
 * page of units (the editor's) names each one's role without reading the article's skeleton,
 * which is as large as its source. NULL for plain text and i18next units.
 *
 * Documents imported since schema 16 get theirs from the skeleton: a live unit at position p is
 * slot p - 1 (obsolete units keep NULL; they are in no page). Each skeleton is parsed once, into a
 * keyed temporary table: looking a slot up in the skeleton per unit parses it per unit, which for
 * a 300 kB document took 6 s and grows with the square of its size (this takes 0.2 s).
 */
export const sql = /* sql */ `
ALTER TABLE units ADD COLUMN role TEXT CHECK (role IS NULL OR length(role) BETWEEN 1 AND 40);
CREATE TEMP TABLE unit_roles (article_id TEXT, position INTEGER, role TEXT, PRIMARY KEY (article_id, position)) WITHOUT ROWID;
INSERT INTO unit_roles SELECT a.id, s.key + 1, json_extract(s.value, '$.role')
  FROM articles a, json_each(a.skeleton, '$.slots') s WHERE a.skeleton IS NOT NULL;
UPDATE units SET role = (
  SELECT r.role FROM unit_roles r WHERE r.article_id = units.article_id AND r.position = units.position)
WHERE obsolete = 0 AND article_id IN (SELECT id FROM articles WHERE skeleton IS NOT NULL);
DROP TABLE unit_roles;
`
