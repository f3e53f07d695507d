import { randomUUID } from 'node:crypto'
import pg from 'pg'

/** The channel the auth tables' triggers notify on (migration 002-auth), payload `{"schema","table"}`. */
export const AUTH_CHANNEL = 'tolk_auth'

/** First and longest wait before connecting the listener again after it dropped (ms). */
const RETRY_FIRST_MS = 50
const RETRY_MAX_MS = 2000

/**
 * Changes made through any PostgreSQL Accounts or WebAuth of this process, counted once their
 * transaction has committed. They reach this process's listeners too, but only a moment later:
 * counting them here makes a change apply to this process's very next request.
 */
let localChanges = 0

/** Count a committed auth change made in this process (see {@link localChanges}). */
export function noteAuthChange(): void {
  localChanges++
}

/** The auth version of one database schema, as seen by this process; see {@link listenForAuthChanges}. */
export interface AuthSignal {
  /** Changes whenever an auth change committed, in any process, since the last call. */
  version(): Promise<number>
  /**
   * Resolves once every signal committed before the call has been heard (or the connection
   * dropped, which moves the version anyway): a NOTIFY of its own goes through the database's one
   * queue, delivered in commit order, and is waited for. Tests use it to know there is nothing
   * more to hear.
   */
  settled(): Promise<void>
  /** Whether the LISTEN connection is up (false while it is being re-established). */
  listening(): boolean
  close(): Promise<void>
}

/** The listener of each pool, shared by the Accounts on it (the store's, the web auth's). */
const listeners = new WeakMap<pg.Pool, { signal: AuthSignal; users: number }>()

/**
 * Hear the auth changes of every server on the database: one dedicated connection per pool
 * (outside the pool, named `<application_name> auth-listen` in pg_stat_activity), opened at the
 * first `version()` or `settled()` (a CLI verb that only writes never opens it), that LISTENs on
 * {@link AUTH_CHANNEL} and counts the signals of its own schema. While it is down, nothing can be
 * known, so every call of `version()` answers a new number (no cache is trusted), and the
 * connection is opened again (after 50 ms, doubling up to 2 s); once it listens again, the version
 * moves once more, since anything may have changed while nobody listened. Each caller closes its
 * handle; the connection ends with the last.
 */
export function listenForAuthChanges(pool: pg.Pool): AuthSignal {
  let entry = listeners.get(pool)
  if (!entry) listeners.set(pool, (entry = { signal: listen(pool), users: 0 }))
  const shared = entry
  shared.users++
  let closed = false
  return {
    version: () => shared.signal.version(),
    settled: () => shared.signal.settled(),
    listening: () => shared.signal.listening(),
    async close() {
      if (closed) return
      closed = true
      if (--shared.users > 0) return
      listeners.delete(pool)
      await shared.signal.close()
    },
  }
}

function listen(pool: pg.Pool): AuthSignal {
  let heard = 0
  let client: pg.Client | undefined
  let schema: string | undefined
  let closed = false
  let retryMs = RETRY_FIRST_MS
  let timer: NodeJS.Timeout | undefined
  // settled() calls waiting for their own NOTIFY, by its token.
  const waiting = new Map<string, () => void>()
  const wakeAll = () => {
    for (const wake of waiting.values()) wake()
    waiting.clear()
  }

  const hear = (payload: string | undefined) => {
    let signal: { schema?: unknown; settled?: unknown }
    try {
      signal = JSON.parse(payload ?? '') as typeof signal
    } catch {
      heard++ // not ours to read: count it rather than miss a change
      return
    }
    if (signal.schema !== schema) return
    if (typeof signal.settled !== 'string') heard++
    else waiting.get(signal.settled)?.()
  }

  const lost = (c: pg.Client) => {
    if (client === c) client = undefined
    heard++
    wakeAll()
    void quietEnd(c)
    if (closed || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, retryMs)
    timer.unref()
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  const connect = async (): Promise<void> => {
    const name = pool.options.application_name ?? 'tolk'
    const c = new pg.Client({
      ...pool.options,
      application_name: `${name} auth-listen`,
      keepAlive: true,
      // A server that does not answer must not hold the first question for the OS's TCP timeout.
      connectionTimeoutMillis: pool.options.connectionTimeoutMillis || 5000,
    })
    let dropped = false
    const drop = () => {
      if (dropped) return
      dropped = true
      lost(c)
    }
    c.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL) hear(n.payload)
    })
    c.on('error', drop)
    c.on('end', drop)
    try {
      await c.connect()
      const { rows } = await c.query<{ schema: string }>('SELECT current_schema() AS schema')
      schema = rows[0]?.schema
      await c.query(`LISTEN ${AUTH_CHANNEL}`)
    } catch {
      drop()
      return
    }
    if (closed || dropped) {
      if (!dropped) await quietEnd(c)
      return
    }
    client = c
    retryMs = RETRY_FIRST_MS
    heard++ // anything may have changed before this connection listened
  }

  let ready: Promise<void> | undefined
  const start = () => (ready ??= connect())
  return {
    async version() {
      await start()
      // Both counts only grow, so the sum never answers a number it gave before a change.
      if (!client) return ++heard + localChanges
      return heard + localChanges
    },
    async settled() {
      await start()
      if (!client) return
      const token = randomUUID()
      const heardIt = new Promise<void>((resolve) => waiting.set(token, resolve))
      await pool.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ schema, settled: token })])
      await heardIt
      waiting.delete(token)
    },
    listening: () => client !== undefined,
    async close() {
      closed = true
      wakeAll()
      if (timer) clearTimeout(timer)
      timer = undefined
      await ready
      const c = client
      client = undefined
      if (c) await quietEnd(c)
    },
  }
}

/** End a listener connection without its end or error reaching the handlers. */
async function quietEnd(c: pg.Client): Promise<void> {
  c.removeAllListeners('end')
  c.removeAllListeners('error')
  c.on('error', () => {})
  await c.end().catch(() => {})
}
