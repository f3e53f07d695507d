import type pg from 'pg'
import type { Store } from '../types.js'
import { migratePg } from './migrate.js'
import { createPgPool, type PgPoolOptions, unreachable } from './pool.js'

/** Options of {@link openPgStore}. */
export interface PgStoreOptions {
  /** A `postgres://` or `postgresql://` URL of an existing database (Tolk never creates one). */
  url: string
  /** Refuse a database that holds no Tolk schema instead of migrating it (verbs that only read). */
  mustExist?: boolean
  /** Clock for `updatedAt` and history times (ISO 8601); tests may pin it. */
  now?: () => string
  pool?: PgPoolOptions
}

/**
 * A Store on a PostgreSQL database: opening migrates the schema under an advisory lock (so servers
 * starting together migrate once) and refuses a database written by a newer Tolk.
 * @example
 * const store = await openPgStore({ url: 'postgres://tolk@127.0.0.1/tolk' })
 */
export async function openPgStore(opts: PgStoreOptions): Promise<Store> {
  const pool = createPgPool(opts.url, opts.pool)
  try {
    await migratePg(pool, opts.url, { mustExist: opts.mustExist ?? false })
  } catch (err) {
    await pool.end().catch(() => {})
    throw unreachable(opts.url, err)
  }
  return createPgStore(pool, opts)
}

/** The Store's methods on a migrated database's pool; closing the store ends the pool. */
export function createPgStore(pool: pg.Pool, opts: PgStoreOptions): Store {
  void pool
  void opts
  throw new Error('the PostgreSQL store is being built (issue 19)')
}
