import type pg from 'pg'
import type { TranslationMemory } from '../../tm/types.js'

/**
 * Placeholder of pg-core's branch, with the signature pg-memory's real file has (PG-PLAN.md): the
 * lead takes pg-memory's file at merge. Every method refuses, saying so.
 */
export function createPgMemory(pool: pg.Pool, now: () => string): TranslationMemory {
  void pool
  void now
  return new Proxy({} as TranslationMemory, {
    get: (_t, name) => () => Promise.reject(new Error(`memory.${String(name)} is not built on PostgreSQL in this branch (pg-memory builds it)`)),
  })
}
