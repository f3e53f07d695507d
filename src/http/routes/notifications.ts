import { createRoute, z } from '@hono/zod-openapi'
import { NOTIFICATION_KINDS } from '../../team/notification-types.js'
import type { App, RouteDeps } from '../env.js'
import { json, problems } from './responses.js'

export const notificationSchema = z
  .strictObject({
    id: z.number(),
    kind: z.enum(NOTIFICATION_KINDS),
    article: z.string(),
    lang: z.string().nullable(),
    unit: z.string().nullable(),
    from: z.string().nullable().openapi({ description: 'who caused it; null for an import (stale)' }),
    reason: z.string().optional().openapi({ description: "a rejection's reason, an assignment's note" }),
    comment: z.number().optional().openapi({ description: 'the comment it is about (mention, answered)' }),
    at: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification')
export const notificationPage = z.strictObject({ unread: z.number(), notifications: z.array(notificationSchema) }).openapi('Notifications')
/** `{ids}` or `{all: true}`. */
export const readBody = z
  .union([z.strictObject({ ids: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).min(1).max(1000) }), z.strictObject({ all: z.literal(true) })])
  .openapi('NotificationsRead')

const list = createRoute({
  method: 'get', path: '/api/me/notifications', tags: ['notifications'],
  summary: "The token's account's notifications, newest first, with how many are unread; page with before",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).optional(),
      before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      unread: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: { 200: json(notificationPage, 'the notifications'), ...problems(400, 401) },
})
const markRead = createRoute({
  method: 'post', path: '/api/me/notifications/read', tags: ['notifications'],
  summary: 'Mark notifications read: {ids} (only your own count) or {all: true}',
  request: { body: { required: true, content: { 'application/json': { schema: readBody } } } },
  responses: { 200: json(z.strictObject({ marked: z.number(), unread: z.number() }), 'how many were marked, and how many are unread now'), ...problems(400, 401) },
})

/** A person's in-app notifications (`/api/me/*` acts as the token's account). */
export function registerNotifications(app: App, { store }: RouteDeps): void {
  app.openapi(list, async (c) => {
    const { limit, before, unread } = c.req.valid('query')
    const account = c.get('principal').account
    const page = await store.notifications.list(account, {
      ...(limit !== undefined ? { limit } : {}), ...(before !== undefined ? { before } : {}), unreadOnly: unread === 'true',
    })
    return c.json(page, 200)
  })
  app.openapi(markRead, async (c) => {
    const account = c.get('principal').account
    const marked = await store.notifications.markRead(account, c.req.valid('json'))
    return c.json({ marked, unread: await store.notifications.unread(account) }, 200)
  })
}
