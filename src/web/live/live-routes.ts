import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { problem, sendProblem } from '../../http/problem.js'
import { formFields } from '../../http/strict-form.js'
import type { WebDeps, WebEnv } from '../env.js'
import { editTarget } from '../edit-target.js'
import { SESSION_COOKIE } from '../sign-in-routes.js'
import type { RightsWatch } from '../../auth/rights-watch.js'
import type { EventHub } from './event-hub.js'
import { canWriteLang, sessionRight } from './follow-right.js'
import { lastEventId, streamLive } from './stream.js'

/**
 * Live updates for the editor, on the browser's session (`EventSource` sends no Bearer token):
 * `GET /edit/:article/:lang/events` streams `event: translation` for every save of that article
 * and language, from any process on the database, each with an increasing `id:`, and
 * `event: presence` (`{user, unit, typing}`, who is where; first who is there now); a reconnect
 * with `Last-Event-ID` gets what it missed first. A heartbeat every 15 s; the stream ends
 * (`event: end`) within a second when the session does (sign-out, a new password, expiry) or
 * the grants no longer cover the language, whichever process made the change.
 */
export function registerLive(web: Hono<WebEnv>, deps: WebDeps, hub: EventHub, watch: RightsWatch): void {
  // Where the reader is: the script reports the active segment, and whether they type, on
  // moving, on starting and stopping to type, every 20 s, and '' on leaving the page.
  web.post('/edit/:article/:lang/events/presence', async (c) => {
    const { article, lang } = await editTarget(deps.store, c)
    const body = await formFields(c)
    const unit = typeof body.unit === 'string' ? body.unit : ''
    if (unit.length > 200) return sendProblem(c, problem(400, 'invalid-input', 'the unit id is longer than 200 characters'))
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
    const cookie = getCookie(c, SESSION_COOKIE) ?? ''
    const session = c.get('session') as NonNullable<WebEnv['Variables']['session']>
    const couldWrite = canWriteLang(session.principal, lang)
    const sub = await hub.subscribe(article.id, lang, lastEventId(c), session.principal.account)
    return streamLive(c, sub, {
      heartbeatMs: deps.heartbeatMs,
      right: {
        watch,
        check: () => sessionRight(deps.sessions, cookie, lang, couldWrite),
      },
    })
  })
}
