import type { Accounts } from './types.js'

/** Tells its listeners that rights changed somewhere on the database (see `Accounts.authVersion`). */
export interface RightsWatch {
  /** Call `listener` after each change noticed from now on; returns how to stop. */
  onChange(listener: () => void): () => void
}

/** How often the watch asks `authVersion()`: four times a second, well inside the 1 s allowed. */
export const RIGHTS_POLL_MS = 250

/**
 * One timer per watch asks `accounts.authVersion()` every `pollMs` while anyone listens (a few
 * microseconds when nothing changed), and calls every listener when it moved. Open event
 * streams listen, to look at their right again at once rather than at the next heartbeat.
 */
export function watchRights(accounts: Accounts, opts: { pollMs?: number } = {}): RightsWatch {
  const pollMs = opts.pollMs ?? RIGHTS_POLL_MS
  const listeners = new Set<() => void>()
  let seen: number | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  let polling = false

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    try {
      const now = await accounts.authVersion()
      const moved = seen !== undefined && now !== seen
      seen = now
      if (moved) for (const listener of [...listeners]) listener()
    } finally {
      polling = false
    }
  }

  return {
    onChange(listener) {
      listeners.add(listener)
      if (!timer) {
        // What is seen now is the mark later changes are told against; a listener checks its
        // right itself once after joining, so nothing falls between.
        seen = undefined
        void poll().catch(() => {})
        timer = setInterval(() => void poll().catch(() => {}), pollMs)
        timer.unref?.()
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
  }
}
