import type pg from 'pg'
import type { Accounts } from '../../auth/types.js'

/**
 * Placeholder of pg-core's branch, with the signature pg-auth's real file has (PG-PLAN.md): the
 * lead takes pg-auth's file at merge. Every method refuses, saying so.
 */
export function createPgAccounts(pool: pg.Pool, now: () => string): Accounts {
  void pool
  void now
  return new Proxy({} as Accounts, {
    get: (_t, name) => () => Promise.reject(new Error(`accounts.${String(name)} is not built on PostgreSQL in this branch (pg-auth builds it)`)),
  })
}
