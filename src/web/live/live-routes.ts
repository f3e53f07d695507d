import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { streamSSE } from 'hono/streaming'
import type { WebDeps, WebEnv } from '../env.js'
import { editTarget } from '../edit-target.js'
import { SESSION_COOKIE } from '../sign-in-routes.js'
import type { EventHub } from './event-hub.js'

/** A heartbeat (an SSE comment) this often, and the session looked at again. */
export const HEARTBEAT_MS = 15_000

/**
 * Live updates for the editor, on the browser's session (`EventSource` sends no Bearer token):
 * `GET /edit/:article/:lang/events` streams `event: translation` for every save of that article
 * and language, from any process on the database, each with an increasing `id:`; a reconnect
 * with `Last-Event-ID` gets what it missed first. A heartbeat every 15 s; the stream ends
 * (`event: end`) when the session does, say on sign-out.
 */
export function registerLive(web: Hono<WebEnv>, deps: WebDeps, hub: EventHub): void {
  web.get('/edit/:article/:lang/events', async (c) => {
    const { article, lang } = await editTarget(deps.store, c)
    const raw = c.req.header('last-event-id') ?? c.req.query('after')
    const after = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
    const cookie = getCookie(c, SESSION_COOKIE) ?? ''
    const heartbeat = deps.heartbeatMs ?? HEARTBEAT_MS
    const sub = await hub.subscribe(article.id, lang, after)
    c.header('X-Accel-Buffering', 'no')
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => sub.close())
      // Tells the browser to come back after 2 s when the connection drops.
      await stream.write('retry: 2000\n\n')
      for (;;) {
        const events = await sub.next(heartbeat)
        if (events === undefined || stream.aborted) break
        for (const e of events) {
          const { id, ...data } = e
          await stream.writeSSE({ event: 'translation', id: String(id), data: JSON.stringify(data) })
        }
        if (events.length > 0) continue
        if (!(await deps.sessions.find(cookie))) {
          await stream.writeSSE({ event: 'end', data: 'signed-out' })
          break
        }
        await stream.write(': heartbeat\n\n')
      }
      sub.close()
    })
  })
}
