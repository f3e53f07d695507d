import Database from 'better-sqlite3'

/**
 * What a Tolk database holds, in a few numbers (history, translations, articles and their
 * revisions, units, memory entries, resource-set files): the same before and after a request
 * that wrote nothing.
 */
export function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true })
  try {
    return JSON.stringify(
      db
        .prepare(`SELECT (SELECT count(*) FROM history) AS h, (SELECT coalesce(max(seq), 0) FROM history) AS s,
          (SELECT count(*) FROM translations) AS t, (SELECT group_concat(id || ':' || revision) FROM articles) AS a,
          (SELECT count(*) FROM units) AS u, (SELECT count(*) FROM tm_entries) AS m,
          (SELECT coalesce(sum(length(layout) + length(extras)), 0) FROM resource_files) AS f`)
        .get(),
    )
  } finally {
    db.close()
  }
}
