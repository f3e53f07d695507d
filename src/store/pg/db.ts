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

/** The rows of a query, typed. */
export async function rows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T & pg.QueryResultRow>(sql, params)).rows
}

/** The first row of a query, or undefined. */
export async function row<T>(db: Db, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query<T & pg.QueryResultRow>(sql, params)).rows[0]
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
