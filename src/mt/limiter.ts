/**
 * At most N tasks at once; the rest wait in order. One per engine, so that pre-translation, the
 * editor and the API together never send an engine more than its share of requests.
 */
export class Limiter {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly max: number) {}

  /** Run `task` when a place is free; a waiter whose signal aborts leaves the queue. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', leave)
          resolve()
        }
        const leave = () => {
          const i = this.waiting.indexOf(go)
          if (i >= 0) this.waiting.splice(i, 1)
          reject(signal!.reason)
        }
        if (signal?.aborted) return leave()
        signal?.addEventListener('abort', leave, { once: true })
        this.waiting.push(go)
      })
    }
    this.running++
    try {
      return await task()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  /** Tasks running now (for tests of the limit). */
  get active(): number {
    return this.running
  }
}
