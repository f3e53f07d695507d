import { existsSync } from 'node:fs'
import { type StoreLocation } from './locate.js'

/**
 * Whether a workbench is already there: the SQLite file exists, or the PostgreSQL database holds
 * Tolk's schema. What tells a first start (seeds loaded) from any later one. PostgreSQL is asked
 * on a connection of its own, closed at once; an unreachable server answers as openStore would.
 */
export async function storeExists(where: StoreLocation): Promise<boolean> {
  if (where.kind === 'sqlite') return where.file !== ':memory:' && existsSync(where.file)
  const [{ default: pg }, { unreachable }] = await Promise.all([import('pg'), import('./pg/pool.js')])
  const client = new pg.Client({ connectionString: where.url })
  try {
    await client.connect()
    // The search path the store will use: a URL's `?options=-c search_path=…` applies here too.
    const { rows } = await client.query<{ here: boolean }>(`SELECT to_regclass(quote_ident(current_schema()) || '.tolk_schema') IS NOT NULL AS here`)
    return rows[0]?.here === true
  } catch (err) {
    throw unreachable(where.url, err)
  } finally {
    await client.end().catch(() => {})
  }
}
