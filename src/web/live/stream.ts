import type { Context } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { RightsWatch } from '../../auth/rights-watch.js'
import type { LiveItem, Subscription } from './event-hub.js'
import type { Right } from './follow-right.js'

/** A heartbeat (an SSE comment) this often, and the right to go on looked at again. */
export const HEARTBEAT_MS = 15_000

/** How a stream knows that its reader may go on. */
export interface StreamRight {
  /** Look at the right now (the session or token, and the grants, as they are in the store). */
  check(): Promise<Right>
  /** Says when rights changed anywhere on the database: then `check()` is asked again at once. */
  watch: RightsWatch
}

/** What a stream sends from: items as they come (empty after `ms` without any), undefined once ended. */
export interface LiveSource<T> {
  next(ms: number): Promise<T[] | undefined>
  /** Wake a waiting `next()` now. */
  poke(): void
  close(): void
}

/**
 * Send one subscription of the editor as Server-Sent Events: `event: translation` with an `id:`
 * (what `Last-Event-ID` resumes from), `event: presence` without one; the rest as
 * {@link streamEvents}.
 */
export function streamLive(c: Context, sub: Subscription, opts: { heartbeatMs?: number; right: StreamRight }): Response {
  return streamEvents(c, sub, { ...opts, send: sendLiveItem })
}

async function sendLiveItem(stream: SSEStreamingApi, item: LiveItem): Promise<void> {
  if (item.type === 'translation') {
    const { id, ...data } = item.event
    await stream.writeSSE({ event: 'translation', id: String(id), data: JSON.stringify(data) })
  } else if (item.type === 'comment') {
    // No id either: after a reconnect the page reads the threads it shows again.
    const { unit, lang, comment } = item.event
    await stream.writeSSE({ event: 'comment', data: JSON.stringify({ unit, lang: lang ?? null, comment }) })
  } else if (item.type === 'notifications') {
    await stream.writeSSE({ event: 'notifications', data: JSON.stringify({ unread: item.unread }) })
  } else {
    // No id: where someone is now is not replayed after a reconnect.
    const { user, unit, typing } = item.presence
    await stream.writeSSE({ event: 'presence', data: JSON.stringify({ user, unit, typing }) })
  }
}

/**
 * Send what a source gives as Server-Sent Events, each item through `send`, and a heartbeat
 * comment when nothing was sent for `heartbeatMs`. The right to go on is looked at when the
 * watch says rights changed (a revoked token, a taken grant, a sign-out, in any process), when
 * it lapses by itself (the token or session expires) and with each heartbeat; once it is gone
 * the stream sends `event: end` with the reason (`signed-out`, `rights-changed`) and ends.
 */
export function streamEvents<T>(
  c: Context,
  sub: LiveSource<T>,
  opts: { heartbeatMs?: number; right: StreamRight; send: (stream: SSEStreamingApi, item: T) => Promise<void> },
): Response {
  const heartbeat = opts.heartbeatMs ?? HEARTBEAT_MS
  c.header('X-Accel-Buffering', 'no')
  return streamSSE(c, async (stream) => {
    let recheck = false
    const unwatch = opts.right.watch.onChange(() => {
      recheck = true
      sub.poke()
    })
    stream.onAbort(() => sub.close())
    try {
      // Looked at after joining the watch, so a change made since the request was let in counts.
      let right = await opts.right.check()
      // Tells the browser to come back after 2 s when the connection drops.
      await stream.write('retry: 2000\n\n')
      let sent = Date.now()
      while (!('end' in right)) {
        const now = Date.now()
        const wait = recheck ? 0 : Math.max(0, Math.min(sent + heartbeat, right.until) - now)
        const items = await sub.next(wait)
        if (items === undefined || stream.aborted) return
        for (const item of items) await opts.send(stream, item)
        if (items.length > 0) sent = Date.now()
        const beat = Date.now() >= sent + heartbeat
        if (recheck || beat || Date.now() >= right.until) {
          recheck = false
          right = await opts.right.check()
          // A right that says it lapsed already is gone (and never a loop that waits 0 ms).
          if (!('end' in right) && right.until <= Date.now()) right = { end: 'signed-out' }
        }
        if (beat && !('end' in right)) {
          await stream.write(': heartbeat\n\n')
          sent = Date.now()
        }
      }
      await stream.writeSSE({ event: 'end', data: right.end })
    } finally {
      unwatch()
      sub.close()
    }
  })
}

/** The `Last-Event-ID` of a request (or `?after=`), when it is a plain event id. */
export function lastEventId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('after')
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}
