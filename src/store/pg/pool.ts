import pg from 'pg'
import { InvalidInput } from '../../model/errors.js'
import { redact } from '../locate.js'

/** How Tolk talks to PostgreSQL: node-postgres (`pg`), one pool per store. */
export interface PgPoolOptions {
  /** The most connections this process opens (default: `TOLK_PG_POOL`, else 10). */
  max?: number
  /** Name shown in `pg_stat_activity` (default `tolk`). */
  applicationName?: string
}

const INT8 = 20
const TIMESTAMPTZ = 1184
const TIMESTAMP = 1114
const NUMERIC = 1700

/**
 * Values as the SQLite store gives them, so both backends answer the same objects: `bigint`
 * counts and sequence values as numbers (Tolk's counts stay far below 2^53), and timestamps as
 * UTC ISO 8601 strings with milliseconds (`2026-12-04T16:00:00.000Z`), the form every `at` and
 * `updatedAt` has on SQLite. Per pool, never the driver's global parsers.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v)
    if (oid === TIMESTAMPTZ || oid === TIMESTAMP) {
      const toDate = pg.types.getTypeParser(oid, 'text') as (v: string) => Date
      return (v: string) => toDate(v).toISOString()
    }
    return pg.types.getTypeParser(oid, format ?? 'text')
  },
} as pg.CustomTypesConfig

/**
 * Every session's settings. TimeZone UTC: `now()` and timestamps print the same on every server.
 * jit off: Tolk's statements are index probes and short keyset pages, whose correlated subplans
 * the planner costs far above jit_above_cost; compiling them took 570 of the 630 ms of one page
 * of the coverage report (1,000 articles; 20 ms without), and the summary of 1M units 11 s.
 */
const SESSION_SETTINGS = '-c TimeZone=UTC -c jit=off'

/** A pool on the database of `url` (a `postgres://` or `postgresql://` URL). */
export function createPgPool(url: string, opts: PgPoolOptions = {}): pg.Pool {
  const max = opts.max ?? (Number(process.env.TOLK_PG_POOL) || 10)
  // The URL's own `?options=` (a `search_path`, say) would replace ours: take it out, pass both.
  const parsed = new URL(url)
  const given = parsed.searchParams.get('options')
  parsed.searchParams.delete('options')
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max,
    types: TYPES,
    application_name: opts.applicationName ?? 'tolk',
    options: given ? `${given} ${SESSION_SETTINGS}` : SESSION_SETTINGS,
  })
  // An idle connection the server ended (a restart, a terminated backend) must not crash the
  // process: the pool drops it and the next query opens a fresh one.
  pool.on('error', () => {})
  return pool
}

/**
 * Connection failures as an InvalidInput naming the database (without its password): a CLI exit
 * 2 and a clear start-up message, instead of an ECONNREFUSED stack. Other errors as they were.
 */
export function unreachable(url: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code
  const connectionCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '3D000', '28P01', '28000']
  if (typeof code !== 'string' || !connectionCodes.includes(code)) return err
  const why = code === '3D000' ? 'the database does not exist (Tolk never creates one: createdb it first)' : (err as Error).message
  return new InvalidInput(`cannot open the database ${redact(url)}: ${why}`, 'unreadable-file')
}

/** Run `fn` in one transaction on one connection of the pool: COMMIT when it resolves, else ROLLBACK. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
