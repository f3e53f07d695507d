import type { SessionLifetime } from '../auth/sessions.js'
import type { Accounts } from '../auth/types.js'
import { locateStore } from './locate.js'
import type { WebAuth } from './sqlite/sessions.js'

/** How the editor's passwords and sessions are opened beside a store. */
export interface WebAuthOptions {
  /** SQLite only: how long its connection waits for another's write lock (ms). */
  busyTimeout?: number
  lifetime?: Partial<SessionLifetime>
}

/**
 * The editor's passwords and sessions on the database `spec` names (as `--db` does), on a
 * connection of their own: the SQLite file through another connection (WAL shares it), or a small
 * PostgreSQL pool, ended with `close()`. Grants are read through `accounts`.
 */
export async function openWebAuth(spec: string, accounts: Accounts, opts: WebAuthOptions = {}): Promise<WebAuth> {
  const where = locateStore(spec)
  if (where.kind === 'sqlite') {
    const { openSqliteWebAuth } = await import('./sqlite/sessions.js')
    return openSqliteWebAuth({ file: where.file, ...(opts.busyTimeout !== undefined ? { busyTimeout: opts.busyTimeout } : {}), ...(opts.lifetime ? { lifetime: opts.lifetime } : {}) }, accounts)
  }
  const [{ createPgPool }, { createPgWebAuth }] = await Promise.all([import('./pg/pool.js'), import('./pg/web-auth.js')])
  // Sessions are one short statement per request: two connections serve a busy server.
  const pool = createPgPool(where.url, { max: 2, applicationName: 'tolk web' })
  const web = createPgWebAuth(pool, accounts, opts.lifetime ?? {})
  return {
    passwords: web.passwords,
    sessions: web.sessions,
    async close() {
      await web.close()
      await pool.end()
    },
  }
}
