import { locateStore } from './locate.js'
import type { OpenOptions } from './sqlite/open-database.js'
import type { Store } from './types.js'

/** How a store is opened, whichever the backend; SQLite-only settings are ignored by PostgreSQL. */
export type StoreOptions = Omit<OpenOptions, 'file'>

/**
 * Open the workbench's store from a `--db` value: a SQLite file (created, with its folder, when
 * absent, unless `mustExist`), `sqlite:PATH`, or a `postgres://` URL (see locateStore). Each
 * backend's module loads only when used, so SQLite users never load the PostgreSQL driver.
 */
export async function openStore(spec: string, opts: StoreOptions = {}): Promise<Store> {
  const where = locateStore(spec)
  if (where.kind === 'postgres') {
    const { openPgStore } = await import('./pg/create-pg-store.js')
    return openPgStore({ url: where.url, ...(opts.mustExist ? { mustExist: true } : {}) })
  }
  const { createSqliteStore } = await import('./sqlite/create-sqlite-store.js')
  return createSqliteStore({ ...opts, file: where.file })
}
