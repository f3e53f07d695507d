import { performance } from 'node:perf_hooks'

/** How {@link followMemory} paces itself. */
export interface FollowOptions {
  /** How often it looks for new history (ms). */
  everyMs: number
  /** About how long one slice (one transaction) may block the event loop (ms). */
  sliceMs: number
  /**
   * Whether the service is busy answering requests now; default: the event loop was more than
   * half busy since the last look. While busy, one slice per look; while idle, until current.
   */
  busy?: () => boolean
  /** A failed sync (it is tried again at the next look); default: a line on stderr. */
  onError?: (err: unknown) => void
}

/** Entries per slice at the start, and the bounds the measured pace keeps it within. */
const FIRST_SLICE = 64
const MIN_SLICE = 16
const MAX_SLICE = 5000

/**
 * Keep the translation memory following the history off the write path, without long pauses:
 * `sync(limit)` takes in at most `limit` history entries in one transaction, and the limit is
 * set from the measured pace so that a slice blocks the event loop for about `sliceMs`. While
 * requests keep the service busy it takes one slice per look (the memory may fall behind: a
 * memory read catches up in full before it answers, so nothing is missed); once idle it catches
 * up slice by slice, letting requests in between, for half of each interval at most. Returns a function that stops it.
 */
export function followMemory(sync: (limit?: number) => Promise<number>, opts: FollowOptions): () => void {
  let size = FIRST_SLICE
  let running = false
  let stopped = false
  let last = performance.eventLoopUtilization()
  const loopBusy = () => {
    const now = performance.eventLoopUtilization()
    const busy = performance.eventLoopUtilization(now, last).utilization > 0.5
    last = now
    return busy
  }
  const busy = opts.busy ?? loopBusy
  const onError = opts.onError ?? ((err: unknown) => console.error(`tolk: memory sync failed: ${String(err)}`))

  const slice = async (): Promise<number> => {
    const start = performance.now()
    const taken = await sync(size)
    const ms = performance.now() - start
    if (taken > 0 && ms > 0) size = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, (taken * opts.sliceMs) / ms)))
    return taken
  }

  const look = async () => {
    if (running || stopped) return
    running = true
    try {
      if (busy()) {
        await slice()
        return
      }
      // Idle: slice after slice, letting requests in between, for at most half the time until
      // the next look (which sees whether requests came back).
      const until = performance.now() + opts.everyMs / 2
      while (!stopped && (await slice()) > 0 && performance.now() < until) {
        await new Promise((resolve) => setImmediate(resolve))
      }
    } catch (err) {
      onError(err)
    } finally {
      running = false
    }
  }

  const timer = setInterval(() => void look(), opts.everyMs)
  timer.unref()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
