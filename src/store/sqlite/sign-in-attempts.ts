import { randomInt } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AttemptLimit, AttemptReservation } from '../../auth/types.js'

/**
 * The sign-in attempt counts behind `Accounts.reserveAttempt` and `releaseAttempt`, in the table
 * `sign_in_attempts`. A reservation checks every key and counts one more on each in a single
 * IMMEDIATE transaction, which holds SQLite's write lock from its first statement, so no other
 * connection (another server on the file) can count between the check and the count.
 */
export function createSignInAttempts(db: Database.Database) {
  const sweep = db.prepare<[string]>('DELETE FROM sign_in_attempts WHERE at <= ?')
  // The max-th newest attempt of a key in the window: when there is one, the key is at its limit
  // until that attempt leaves the window.
  const nth = db.prepare<[string, string, number], string>(
    'SELECT at FROM sign_in_attempts WHERE key = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?',
  ).pluck()
  const insert = db.prepare<[number, string, string]>('INSERT INTO sign_in_attempts (attempt, key, at) VALUES (?, ?, ?)')
  const release = db.prepare<[number]>('DELETE FROM sign_in_attempts WHERE attempt = ?')
  const reserve = db.transaction((limits: readonly AttemptLimit[], windowMs: number, now: Date): AttemptReservation => {
    const since = new Date(now.getTime() - windowMs).toISOString()
    sweep.run(since)
    let wait = 0
    for (const { key, max } of limits) {
      const full = max <= 0 ? now.toISOString() : nth.get(key, since, max - 1)
      if (full !== undefined) wait = Math.max(wait, Date.parse(full) + windowMs - now.getTime(), 1)
    }
    if (wait > 0) return { ok: false, retryAfterMs: wait }
    // Random rather than max + 1, which could be handed out again once a sweep or a release has
    // taken the highest rows while an older attempt still holds its number; 48 bits make a clash
    // negligible.
    const attempt = randomInt(1, 2 ** 48)
    for (const { key } of new Map(limits.map((l) => [l.key, l])).values()) insert.run(attempt, key, now.toISOString())
    return { ok: true, attempt }
  })
  return {
    reserve: (limits: readonly AttemptLimit[], windowMs: number, now: Date) => reserve.immediate(limits, windowMs, now),
    release: (attempt: number) => void release.run(attempt),
  }
}
