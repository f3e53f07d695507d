import { z } from '@hono/zod-openapi'
import { hashToken } from '../../auth/tokens.js'
import { InvalidInput } from '../../model/errors.js'
import { requireArticle } from '../../store/require-article.js'
import { createEventHub } from '../../web/live/event-hub.js'
import { lastEventId, streamLive } from '../../web/live/stream.js'
import type { App, RouteDeps } from '../env.js'
import { problems } from './responses.js'

/**
 * The editor's live stream for API clients, with a token: `GET /api/articles/:id/events?lang=sv`
 * sends the same `event: translation` (with `id:`, resumable by `Last-Event-ID`) and
 * `event: presence` as `/edit/:article/:lang/events`, and ends (`event: end`) once the token is
 * revoked or expired: looked at with each heartbeat, and within a second of any auth change.
 */
export function registerEvents(app: App, { store, accounts }: RouteDeps, opts: { pollMs?: number; heartbeatMs?: number } = {}): void {
  const hub = createEventHub(store, { pollMs: opts.pollMs })
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/articles/{id}/events',
    tags: ['articles'],
    summary: 'Server-Sent Events: every save of one language of an article, and who is where',
    request: { params: z.object({ id: z.string() }), query: z.object({ lang: z.string() }) },
    responses: {
      200: {
        description: '`text/event-stream`; `Last-Event-ID` resumes',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      ...problems(400, 401, 404),
    },
  })
  app.get('/api/articles/:id/events', async (c) => {
    const id = c.req.param('id')
    const lang = c.req.query('lang') ?? ''
    // An unknown or an archived article: a 404 saying which.
    const article = await requireArticle(store, id)
    if (!article.targets.includes(lang)) {
      throw new InvalidInput(`?lang must be a target language of ${id} (targets: ${article.targets.join(', ')})`, 'not-a-target')
    }
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const sub = await hub.subscribe(id, lang, lastEventId(c))
    return streamLive(c, sub, {
      heartbeatMs: opts.heartbeatMs,
      // The anonymous reader of --public-read has no token to lose.
      allowed: async () => token === undefined || (await accounts.findByTokenHash(hashToken(token), new Date())) !== undefined,
      authVersion: () => accounts.authVersion(),
    })
  })
}
