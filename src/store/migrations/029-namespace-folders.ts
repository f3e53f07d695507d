/**
 * Schema 29: i18next namespaces in subfolders (`en/admin/users.json`, the namespace `admin/users`).
 *
 * A document id holds no `/` (it travels in URL paths, file names, XLIFF and PO ids), so a
 * namespace that is no valid id is stored under an id derived from it (`ns-` and 24 hex digits,
 * src/model/namespaces.ts) and `resource_sets.namespace` keeps its name; NULL when the namespace
 * is its own id (every set made before this schema). The article's title is the namespace too.
 * The name is unique: two namespaces never share a set.
 */
export const sql = /* sql */ `
ALTER TABLE resource_sets ADD COLUMN namespace TEXT CHECK (namespace IS NULL OR length(namespace) BETWEEN 1 AND 255);
CREATE UNIQUE INDEX resource_sets_namespace ON resource_sets (namespace) WHERE namespace IS NOT NULL;
`
