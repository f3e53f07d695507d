/** Counts failures per key in a sliding window; in memory, per process (one server per file). */
export interface RateLimiter {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  blockedFor(key: string, now?: number): number
  /** Record a failure of `key`. */
  fail(key: string, now?: number): void
  /** Forget `key`'s failures (after a success). */
  reset(key: string): void
}

/**
 * A sliding-window limiter: at most `max` failures per key within `windowMs`. Keys with no recent
 * failures are dropped as they are looked at, and the map is swept when it grows past 10,000 keys,
 * so an attacker cycling through names cannot grow it without bound.
 * @example
 * const perAccount = createRateLimiter(5, 15 * 60_000)
 */
export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>()
  const recent = (key: string, now: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs)
    if (list.length === 0) failures.delete(key)
    else failures.set(key, list)
    return list
  }
  return {
    blockedFor(key, now = Date.now()) {
      const list = recent(key, now)
      return list.length < max ? 0 : windowMs - (now - (list[list.length - max] as number))
    },
    fail(key, now = Date.now()) {
      if (failures.size > 10_000) for (const k of [...failures.keys()]) recent(k, now)
      failures.set(key, [...recent(key, now), now])
    },
    reset(key) {
      failures.delete(key)
    },
  }
}
