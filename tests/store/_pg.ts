/**
 * PostgreSQL for tests: every store gets a fresh schema of its own inside the run's database
 * (tests/tools/pg-run-database.ts), so the contract suite starts each test from an empty store, as
 * it does on SQLite with a fresh file, without the cost of a database per test.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

let admin: pg.Pool | undefined

/** The run database's URL; throws where no server answered (use describeWith(['postgres'], …)). */
export function runDatabaseUrl(): string {
  const url = inject('tolkPgRun')
  if (!url) throw new Error('no PostgreSQL database for this run: ask for the postgres tool (describeWith)')
  return url
}

/**
 * A URL whose connections see only a new, empty schema (plus `public`, where extensions such as
 * pg_trgm live): `?options=-c search_path=…`, which Tolk's pool passes on.
 */
export async function freshPgUrl(): Promise<string> {
  const base = runDatabaseUrl()
  admin ??= new pg.Pool({ connectionString: base, max: 2, allowExitOnIdle: true, idleTimeoutMillis: 1000 })
  const schema = `t_${randomBytes(6).toString('hex')}`
  await admin.query(`CREATE SCHEMA ${schema}`)
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema},public`)
  return url.toString()
}
