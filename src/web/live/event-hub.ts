import type { Presence, Store, TranslationEvent } from '../../store/types.js'
import type { CommentEvent } from '../../team/comment-types.js'
import { nap } from './nap.js'

/** Most items one stream holds unsent; past that it is ended, and the browser resumes from its Last-Event-ID. */
export const MAX_QUEUED = 1000
/** Events read from the store per document in one step. */
const BATCH = 500
/** A presence not reported again for this long is gone (the script reports every 20 s). */
export const PRESENCE_TTL_MS = 60_000

/** What a stream sends: a save (resumable, with its id), or where someone is (not resumable). */
export type LiveItem =
  | { type: 'translation'; event: TranslationEvent }
  | { type: 'presence'; presence: Presence }
  | { type: 'comment'; event: CommentEvent }
  | { type: 'notifications'; unread: number }

/** One open stream's view of the hub. */
export interface Subscription {
  /** The next items (empty after `ms` without any, for a heartbeat); undefined once ended. */
  next(ms: number): Promise<LiveItem[] | undefined>
  /** Wake a waiting `next()` now (it answers what it has, maybe nothing). */
  poke(): void
  close(): void
}

interface Sub {
  queue: LiveItem[]
  last: number
  lastPresence: number
  /** Whose notifications' unread count this stream carries, and the count it sent last. */
  user?: string
  unread?: number
  wake?: () => void
  ended: boolean
}

interface Channel {
  cursor: number
  presence: number
  /** The last comment event read for this document. */
  comments: number
  subs: Set<Sub>
}

function pushEvents(sub: Sub, events: TranslationEvent[]): void {
  for (const event of events) {
    if (event.id <= sub.last) continue
    sub.queue.push({ type: 'translation', event })
    sub.last = event.id
  }
}

function pushPresence(sub: Sub, list: Presence[]): void {
  for (const presence of list) {
    if (presence.seq <= sub.lastPresence) continue
    sub.queue.push({ type: 'presence', presence })
    sub.lastPresence = presence.seq
  }
}

/**
 * The live events of every open editor in this process, read from the store. One timer per
 * process asks the store for its latest event id and presence seq (two indexed lookups); only
 * when one moved does it read each watched document's news, once for all of that document's
 * streams. The store is shared by every process on the database, so a save or a presence
 * reported to another `tolk serve` arrives the same way as one made here.
 */
export function createEventHub(store: Store, opts: { pollMs?: number } = {}) {
  const pollMs = opts.pollMs ?? 250
  const channels = new Map<string, Channel>()
  let seen = ''
  let timer: ReturnType<typeof setInterval> | undefined
  let polling = false

  const settle = (sub: Sub) => {
    // A stream that cannot keep up is ended rather than left to grow: it resumes from the store.
    if (sub.queue.length > MAX_QUEUED) sub.ended = true
    sub.wake?.()
  }

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    try {
      const notes = await store.notifications.lastId()
      const now = `${await store.lastEventId()}/${await store.lastPresenceSeq()}/${await store.comments.lastEventId()}/${notes}`
      if (now === seen) return
      const notesMoved = seen.split('/')[3] !== String(notes)
      seen = now
      for (const [key, ch] of channels) {
        const [articleId, lang] = key.split('\u0000') as [string, string]
        for (;;) {
          const events = await store.translationEvents(articleId, lang, ch.cursor, BATCH)
          if (events.length === 0) break
          ch.cursor = (events.at(-1) as TranslationEvent).id
          for (const sub of ch.subs) pushEvents(sub, events)
          if (events.length < BATCH) break
        }
        const presence = await store.presenceAfter(articleId, lang, ch.presence)
        if (presence.length > 0) ch.presence = (presence.at(-1) as Presence).seq
        // Comments (issue #20): which unit's thread moved; the page reads the thread itself.
        const comments = await store.comments.eventsAfter(articleId, lang, ch.comments, BATCH)
        if (comments.length > 0) ch.comments = (comments.at(-1) as CommentEvent).id
        for (const sub of ch.subs) {
          pushPresence(sub, presence)
          for (const event of comments) sub.queue.push({ type: 'comment', event })
          if (notesMoved && sub.user !== undefined) {
            const unread = await store.notifications.unread(sub.user)
            if (unread !== sub.unread) sub.queue.push({ type: 'notifications', unread })
            sub.unread = unread
          }
          settle(sub)
        }
      }
    } finally {
      polling = false
    }
  }

  return {
    /**
     * Follow one article and language from event `after` (a `Last-Event-ID`), or from now. The
     * events since `after` are read first, and who is there now, then the stream joins the
     * document's channel.
     */
    async subscribe(articleId: string, lang: string, after?: number, user?: string): Promise<Subscription> {
      const from = after ?? (await store.lastEventId())
      const sub: Sub = { queue: [], last: from, lastPresence: 0, ended: false }
      if (user !== undefined) {
        sub.user = user
        sub.unread = await store.notifications.unread(user)
      }
      const commentsFrom = await store.comments.lastEventId()
      const missed =
        after === undefined ? [] : await store.translationEvents(articleId, lang, from, MAX_QUEUED + 1)
      pushEvents(sub, missed)
      const fresh = Date.now() - PRESENCE_TTL_MS
      const here = await store.presenceAfter(articleId, lang, 0)
      pushPresence(sub, here)
      sub.queue = sub.queue.filter(
        (i) => i.type !== 'presence' || (i.presence.unit !== '' && Date.parse(i.presence.at) > fresh),
      )
      // Joined in the same turn as the reads above, so nothing falls between them.
      const key = `${articleId}\u0000${lang}`
      let ch = channels.get(key)
      if (!ch) channels.set(key, (ch = { cursor: sub.last, presence: sub.lastPresence, comments: commentsFrom, subs: new Set() }))
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
          if (sub.queue.length === 0 && !sub.ended) await nap(sub, ms)
          if (sub.ended) {
            leave()
            return undefined
          }
          return sub.queue.splice(0)
        },
        poke: () => sub.wake?.(),
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
