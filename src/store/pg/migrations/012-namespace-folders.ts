/**
 * PostgreSQL schema 12: i18next namespaces in subfolders, as SQLite schema 29
 * (src/store/migrations/029-namespace-folders.ts, where the reasons are): `resource_sets.namespace`
 * keeps a namespace that is no valid id (`admin/users`) beside the id derived from it.
 */
export const sql = /* sql */ `
ALTER TABLE resource_sets ADD COLUMN namespace text COLLATE "C" CHECK (namespace IS NULL OR length(namespace) BETWEEN 1 AND 255);
CREATE UNIQUE INDEX resource_sets_namespace ON resource_sets (namespace) WHERE namespace IS NOT NULL;
`
