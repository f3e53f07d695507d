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
 * and language, from any process on the database, each with an increasing `id:`, and
 * `event: presence` (`{user, unit, typing}`, who is where; first who is there now); a reconnect
 * with `Last-Event-ID` gets what it missed first. A heartbeat every 15 s; the stream ends
 * (`event: end`) when the session does, say on sign-out.
 */
export function registerLive(web: Hono<WebEnv>, deps: WebDeps, hub: EventHub): void {
  // Where the reader is: the script reports the active segment, and whether they type, on
  // moving, on starting and stopping to type, every 20 s, and '' on leaving the page.
  web.post('/edit/:article/:lang/events/presence', async (c) => {
    const { article, lang } = await editTarget(deps.store, c)
    const body = await c.req.parseBody()
    const unit = typeof body.unit === 'string' ? body.unit : ''
    if (unit.length > 200) return c.json({ status: 400, detail: 'unit too long' }, 400)
    const session = c.get('session') as NonNullable<WebEnv['Variables']['session']>
    await deps.store.reportPresence({
      articleId: article.id,
      lang,
      user: session.principal.account,
      unit,
      typing: body.typing === '1',
    })
    return c.body(null, 204)
  })

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
        for (const item of events) {
          if (item.type === 'translation') {
            const { id, ...data } = item.event
            await stream.writeSSE({ event: 'translation', id: String(id), data: JSON.stringify(data) })
          } else {
            // No id: where someone is now is not replayed after a reconnect.
            const { user, unit, typing } = item.presence
            await stream.writeSSE({ event: 'presence', data: JSON.stringify({ user, unit, typing }) })
          }
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
