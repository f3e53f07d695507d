import { resolveDbPath } from '../config.js'
import { locateStore } from '../store/locate.js'
import { openStore } from '../store/open-store.js'
import { storeExists } from '../store/store-exists.js'
import type { Store } from '../store/types.js'

/** The `--db` option every verb that touches the database takes. */
export const DB_OPTION = { db: { type: 'string' } } as const

export const DB_HELP = '  --db FILE|URL  SQLite file or postgres:// URL (default: TOLK_DB, else data/tolk.sqlite)'

/** How a verb opens the database. */
export interface StoreAccess {
  /**
   * A database that does not exist yet is created (a PostgreSQL database given its schema: Tolk
   * never creates the database itself), with the seeds loaded, as on the service's first start.
   * Only the verbs that bring data in (import, import-locales, tm import, user add) create one;
   * every other verb refuses a missing or non-Tolk database, naming it (exit 2), so a mistyped
   * --db never answers from a new, seeded database.
   */
  create?: boolean
}

/** Open the database for one verb and close it afterwards (see {@link StoreAccess}). */
export async function withStore<T>(dbFlag: string | undefined, fn: (store: Store) => Promise<T>, access: StoreAccess = {}): Promise<T> {
  const spec = resolveDbPath(dbFlag)
  const isNew = access.create === true && !(await storeExists(locateStore(spec)))
  const store = await openStore(spec, { mustExist: access.create !== true })
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
