import type pg from 'pg'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { inTransaction } from './pool.js'

/** A pool or one of its connections (inside a transaction): what the store's queries run on. */
export type Db = pg.Pool | pg.PoolClient

/**
 * SQL that holds for an `articles` row (under `alias`) that is not archived: one primary-key probe
 * in a table of the archived only.
 */
export const notArchived = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = ${alias}.id)`

/**
 * Parameters PostgreSQL can take. Its text cannot hold NUL, which a read may still be asked for (a
 * URL's `%00`): SQLite then finds nothing, and PostgreSQL would refuse the statement. No stored id
 * or text holds NUL (the id and text rules refuse it), so a NUL becomes U+FFFF, which the id rule
 * refuses too: the lookup finds nothing, as on SQLite. Writes check their texts before this.
 */
export function bindable(params: unknown[]): unknown[] {
  const clean = (v: unknown): unknown =>
    typeof v === 'string' ? (v.includes('\u0000') ? v.replaceAll('\u0000', '\uffff') : v) : Array.isArray(v) ? v.map(clean) : v
  return params.map(clean)
}

/** The rows of a query, typed. */
export async function rows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T & pg.QueryResultRow>(sql, bindable(params))).rows
}

/** The first row of a query, or undefined. */
export async function row<T>(db: Db, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query<T & pg.QueryResultRow>(sql, bindable(params))).rows[0]
}

/** An article a read names: NotFound when unknown, Archived (404 or 409) when archived. */
export async function liveArticleOrThrow(db: Db, id: string, on: 'read' | 'write' = 'read'): Promise<void> {
  const r = await row<{ archived: boolean }>(db, `SELECT NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = $1`, [id])
  if (!r) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
  if (r.archived) throw new Archived(id, on)
}

// deadlock_detected, serialization_failure: the transaction did nothing; run it again.
const RETRY = new Set(['40P01', '40001'])

/**
 * Run `fn` again, a few times, when PostgreSQL aborted it as a deadlock victim or a serialization
 * failure (a write and an import locking coverage counter rows in opposite orders): what it ran
 * was rolled back whole, so running it again is safe. For a statement on the pool, or a whole
 * transaction; never inside one (the transaction is aborted with it).
 */
export async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (attempt >= 5 || !RETRY.has((err as { code?: string }).code ?? '')) throw err
    }
  }
}

/** Run `fn` in one transaction on one connection (COMMIT when it resolves, else ROLLBACK), retrying as above. */
export function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return retrying(() => inTransaction(pool, fn))
}
