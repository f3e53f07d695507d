import type pg from 'pg'
import { InvalidInput } from '../../model/errors.js'
import { redact } from '../locate.js'
import { PG_MIGRATIONS, type PgMigration } from './migrations/index.js'

/**
 * The advisory lock every migrating server takes: two servers starting at once on a new database
 * migrate it once, the second waiting and then finding the work done. Its key is fixed (an
 * arbitrary 64-bit number, "tolk" in ASCII), so `pg_locks` shows who holds it.
 */
export const MIGRATION_LOCK = 0x746f6c6b

/**
 * Bring the database's schema up to the newest migration, one transaction per step, under the
 * advisory lock. Refuses a database written by a newer Tolk rather than guess. With `mustExist`,
 * refuses a database that holds no Tolk schema at all (a mistyped URL never becomes a workbench).
 */
export async function migratePg(
  pool: pg.Pool,
  url: string,
  opts: { mustExist?: boolean; migrations?: readonly PgMigration[] } = {},
): Promise<number> {
  const migrations = opts.migrations ?? PG_MIGRATIONS
  const newest = migrations.at(-1)?.version ?? 0
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      let found = await schemaVersion(client)
      if (found === undefined) {
        // Checked before anything is written: a database that is not a workbench stays untouched.
        if (opts.mustExist) {
          throw new InvalidInput(`${redact(url)} is not a Tolk database (it holds no Tolk schema); give --db the workbench's database`, 'unreadable-file')
        }
        await client.query('CREATE TABLE tolk_schema (version integer NOT NULL)')
        await client.query('INSERT INTO tolk_schema (version) VALUES (0)')
        found = 0
      }
      refuseNewer(found, newest, url)
      for (const m of migrations) {
        if (m.version <= found) continue
        await client.query('BEGIN')
        try {
          await client.query(m.sql)
          await client.query('UPDATE tolk_schema SET version = $1', [m.version])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {})
          throw new Error(`PostgreSQL migration ${m.name} failed: ${(err as Error).message}`, { cause: err })
        }
        found = m.version
      }
      return found
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    }
  } finally {
    client.release()
  }
}

/**
 * The version reached, or undefined where the current schema (the first of the search path that
 * exists, where Tolk makes its tables) holds no `tolk_schema` table: one further along the path
 * (a workbench in `public`) is another workbench, not this one.
 */
async function schemaVersion(client: pg.PoolClient): Promise<number | undefined> {
  const { rows: [table] } = await client.query<{ here: boolean }>(`SELECT to_regclass(quote_ident(current_schema()) || '.tolk_schema') IS NOT NULL AS here`)
  if (!table?.here) return undefined
  const { rows } = await client.query<{ version: number }>('SELECT version FROM tolk_schema')
  return rows[0]?.version ?? 0
}

function refuseNewer(found: number, newest: number, url: string): void {
  if (found > newest) {
    throw new InvalidInput(
      `database ${redact(url)} was written by a newer Tolk (schema ${found}, this one knows ${newest}): upgrade Tolk`,
      'schema-too-new',
    )
  }
}
