import { createSqliteStore } from './sqlite/create-sqlite-store.js'
import type { OpenOptions } from './sqlite/open-database.js'
import type { Store } from './types.js'

/** Open the embedded default store: a SQLite file, created (with its folder) when absent. */
export async function openStore(file: string, opts: Omit<OpenOptions, 'file'> = {}): Promise<Store> {
  return createSqliteStore({ ...opts, file })
}
