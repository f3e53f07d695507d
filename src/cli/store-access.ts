import { existsSync } from 'node:fs'
import { resolveDbPath } from '../config.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../store/types.js'

/** The `--db` option every verb that touches the database takes. */
export const DB_OPTION = { db: { type: 'string' } } as const

export const DB_HELP = '  --db FILE      SQLite database (default: TOLK_DB, else data/tolk.sqlite)'

/**
 * Open the database for one verb and close it afterwards. A database that does not exist yet is
 * created with the seeds loaded, as on the service's first start.
 */
export async function withStore<T>(dbFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const file = resolveDbPath(dbFlag)
  const isNew = !existsSync(file)
  const store = await openStore(file)
  try {
    // The seeds need the segmenter and the importer: loaded only for a database just created.
    if (isNew) await (await import('../import/load-seeds.js')).loadSeedsIfEmpty(store)
    return await fn(store)
  } finally {
    await store.close()
  }
}

/** Split a comma-separated option (`sv,de`) into its parts, dropping empty ones. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}
