import type { Store, TranslationEvent } from '../../store/types.js'

/** Most events one stream holds unsent; past that it is ended, and the browser resumes from its Last-Event-ID. */
export const MAX_QUEUED = 1000
/** Events read from the store per document in one step. */
const BATCH = 500

/** One open stream's view of the hub: events in order, or nothing when `wait` times out. */
export interface Subscription {
  /** The next events (empty after `ms` without any, for a heartbeat); undefined once ended. */
  next(ms: number): Promise<TranslationEvent[] | undefined>
  close(): void
}

interface Sub {
  queue: TranslationEvent[]
  last: number
  wake?: () => void
  ended: boolean
}

interface Channel {
  cursor: number
  subs: Set<Sub>
}

/**
 * The live events of every open editor in this process, read from the store. One timer per
 * process asks the store for its latest event id (one indexed lookup); only when it moved does it
 * read each watched document's new events, once for all of that document's streams. The store's
 * history is shared by every process on the database, so a save made by another `tolk serve`
 * arrives the same way as one made here.
 */
export function createEventHub(store: Store, opts: { pollMs?: number } = {}) {
  const pollMs = opts.pollMs ?? 250
  const channels = new Map<string, Channel>()
  let seen = -1
  let timer: ReturnType<typeof setInterval> | undefined
  let polling = false

  const push = (sub: Sub, events: TranslationEvent[]) => {
    for (const e of events) {
      if (e.id <= sub.last) continue
      sub.queue.push(e)
      sub.last = e.id
    }
    // A stream that cannot keep up is ended rather than left to grow: it resumes from the store.
    if (sub.queue.length > MAX_QUEUED) sub.ended = true
    sub.wake?.()
  }

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    try {
      const last = await store.lastEventId()
      if (last === seen) return
      seen = last
      for (const [key, ch] of channels) {
        const [articleId, lang] = key.split('\u0000') as [string, string]
        for (;;) {
          const events = await store.translationEvents(articleId, lang, ch.cursor, BATCH)
          if (events.length === 0) break
          ch.cursor = (events.at(-1) as TranslationEvent).id
          for (const sub of ch.subs) push(sub, events)
          if (events.length < BATCH) break
        }
      }
    } finally {
      polling = false
    }
  }

  return {
    /**
     * Follow one article and language from event `after` (a `Last-Event-ID`), or from now. The
     * events since `after` are read first, then the stream joins the document's channel.
     */
    async subscribe(articleId: string, lang: string, after?: number): Promise<Subscription> {
      const from = after ?? (await store.lastEventId())
      const sub: Sub = { queue: [], last: from, ended: false }
      const missed = after === undefined ? [] : await store.translationEvents(articleId, lang, from, MAX_QUEUED + 1)
      push(sub, missed)
      // Joined in the same turn as the read above, so no event falls between the two.
      const key = `${articleId}\u0000${lang}`
      let ch = channels.get(key)
      if (!ch) channels.set(key, (ch = { cursor: sub.last, subs: new Set() }))
      ch.subs.add(sub)
      timer ??= setInterval(() => void poll().catch(() => {}), pollMs)
      timer.unref?.()
      const leave = () => {
        sub.ended = true
        sub.wake?.()
        ch.subs.delete(sub)
        if (ch.subs.size === 0) channels.delete(key)
        if (channels.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
      return {
        async next(ms) {
          if (sub.queue.length === 0 && !sub.ended) {
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, ms)
              sub.wake = () => {
                clearTimeout(t)
                resolve()
              }
            })
            sub.wake = undefined
          }
          if (sub.ended) {
            leave()
            return undefined
          }
          return sub.queue.splice(0)
        },
        close: leave,
      }
    },
    /** Streams open now, for the bench and tests. */
    get streams(): number {
      let n = 0
      for (const ch of channels.values()) n += ch.subs.size
      return n
    },
  }
}

/** The hub of one web app. */
export type EventHub = ReturnType<typeof createEventHub>
