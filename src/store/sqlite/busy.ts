import Database from 'better-sqlite3'
import { StoreBusy } from '../../model/errors.js'

/** How long a write waits for another connection's write lock, by default, before StoreBusy. */
export const DEFAULT_BUSY_WINDOW_MS = 2000

/** Whether `err` is SQLite saying another connection holds the lock (SQLITE_BUSY and its kinds). */
export function isBusy(err: unknown): boolean {
  return err instanceof Database.SqliteError && err.code.startsWith('SQLITE_BUSY')
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs a write, retrying it while the database is locked (see {@link busyRetry}). */
export type WhenFree = <T>(write: () => T | Promise<T>) => Promise<T>

/**
 * Retry a write that finds the database locked, off the request path: between attempts the event
 * loop is free (an async sleep, 2 ms doubling to 64 ms), so other requests, reads above all (WAL
 * readers never wait on a writer), go on. Used with a connection whose busy timeout is 0, where
 * SQLite would otherwise block the whole process in its busy handler. After `windowMs` the write
 * fails with StoreBusy (503 and Retry-After over HTTP); a write that fails so wrote nothing, since
 * each attempt is one transaction that never began.
 */
export function busyRetry(windowMs = DEFAULT_BUSY_WINDOW_MS): WhenFree {
  return async (write) => {
    const started = Date.now()
    let delay = 2
    for (;;) {
      try {
        return await write()
      } catch (err) {
        if (!isBusy(err)) throw err
        const left = started + windowMs - Date.now()
        if (left <= 0) throw new StoreBusy(Date.now() - started, Math.max(1, Math.ceil(windowMs / 1000)))
        await sleep(Math.min(delay, left))
        delay = Math.min(delay * 2, 64)
      }
    }
  }
}
