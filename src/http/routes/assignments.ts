import { createRoute, z } from '@hono/zod-openapi'
import { coordinatedLanguages } from '../../auth/permissions.js'
import { ACTIVITY_KINDS } from '../../team/activity-types.js'
import { MAX_ACTIVITY_PAGE } from '../../team/activity.js'
import { articleActivity } from '../../team/activity-feed.js'
import { assignWork, withdrawWork } from '../../team/assign.js'
import { MAX_NOTE } from '../../team/store-rules.js'
import { myWork, teamLoad } from '../../team/work.js'
import type { App, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { articleParams, cleanText, idSchema, langSchema } from '../schemas.js'
import { json, problems } from './responses.js'

const assignmentShape = {
  id: z.number(),
  batch: z.number().openapi({ description: 'the id of the first assignment of the same request (a split)' }),
  article: z.string(),
  lang: z.string(),
  user: z.string(),
  segments: z.string().nullable().openapi({ description: 'positions at assignment time (`1-40`); null: the whole article' }),
  units: z.number(),
  words: z.number(),
  wordsLeft: z.number().openapi({ description: 'words of its segments not translated, reviewed or final, or stale' }),
  due: z.string().nullable().openapi({ example: '2026-12-24' }),
  note: z.string().nullable(),
  by: z.string(),
  at: z.string(),
  withdrawn: z.strictObject({ by: z.string(), at: z.string() }).nullable()
    .openapi({ description: 'who withdrew it and when; null while it stands (a withdrawn one is out of my work and the load)' }),
}
const assignmentSchema = z.strictObject(assignmentShape).openapi('Assignment')
const workItemSchema = z.strictObject({ ...assignmentShape, overdue: z.boolean() }).openapi('WorkItem')

const assignBody = z
  .strictObject({
    article: idSchema,
    lang: langSchema,
    user: idSchema.optional().openapi({ description: 'one person; or users' }),
    users: z.array(idSchema).min(1).max(50).optional().openapi({ description: 'several people, with split' }),
    split: z.enum(['words']).optional().openapi({ description: 'share the segments by an even word count, cut at segment boundaries' }),
    segments: z.string().max(40).optional().openapi({ description: 'positions now, `1-40`; the whole article when absent', example: '1-40' }),
    due: z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-24').optional().openapi({ example: '2026-12-24' }),
    note: cleanText(MAX_NOTE).optional(),
  })
  .refine((b) => (b.user === undefined) !== (b.users === undefined), { message: 'name user or users, not both', path: ['user'] })
  .openapi('AssignRequest')

const postAssignments = createRoute({
  method: 'post', path: '/api/assignments', tags: ['team'],
  summary: 'Assign an article and language to a person, or split it among several by words; admins and coordinators of the language',
  request: { body: { required: true, content: { 'application/json': { schema: assignBody } } } },
  responses: {
    201: json(z.strictObject({ assignments: z.array(assignmentSchema) }), 'written: one assignment per person, each with its range; Location names the first'),
    ...problems(400, 401, 403, 404, 409),
  },
})
const getAssignments = createRoute({
  method: 'get', path: '/api/assignments', tags: ['team'], summary: 'Assignments, newest first, filtered by article, language and person; page with before',
  request: {
    query: z.object({
      article: idSchema.optional(), lang: langSchema.optional(), user: idSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(), before: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: { 200: json(z.strictObject({ assignments: z.array(assignmentSchema), next: z.number().nullable() }), 'the assignments'), ...problems(400, 401) },
})
const getAssignment = createRoute({
  method: 'get', path: '/api/assignments/{aid}', tags: ['team'], summary: 'One assignment, with the words it has left',
  request: { params: z.object({ aid: z.coerce.number().int().min(1).openapi({ param: { name: 'aid', in: 'path' } }) }) },
  responses: { 200: json(assignmentSchema, 'the assignment'), ...problems(400, 401, 404) },
})
const deleteAssignment = createRoute({
  method: 'delete', path: '/api/assignments/{aid}', tags: ['team'],
  summary: 'Withdraw an assignment (kept, marked withdrawn, out of my work and the load); admins and coordinators of its language',
  request: { params: z.object({ aid: z.coerce.number().int().min(1).openapi({ param: { name: 'aid', in: 'path' } }) }) },
  responses: { 200: json(assignmentSchema, 'the assignment, withdrawn'), ...problems(400, 401, 403, 404, 409) },
})
const getMyWork = createRoute({
  method: 'get', path: '/api/me/work', tags: ['team'],
  summary: "The token's account's assignments (open first, soonest due first) with words left and overdue marks; coordinators and admins also get everyone's load per language",
  responses: {
    200: json(
      z.strictObject({
        user: z.string(), today: z.string(), wordsLeft: z.number(), overdue: z.number(), assignments: z.array(workItemSchema),
        load: z.array(z.strictObject({ lang: z.string(), user: z.string(), assignments: z.number(), words: z.number(), wordsLeft: z.number(), overdue: z.number() }))
          .openapi({ description: 'open work per language and person, in the languages the account coordinates (all for admins); empty for others' }),
      }),
      'my work',
    ),
    ...problems(401),
  },
})
const activityItemSchema = z
  .strictObject({
    kind: z.string().openapi({ description: `${ACTIVITY_KINDS.join(', ')}` }),
    key: z.string(), at: z.string(), lang: z.string().optional(), user: z.string().optional(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  })
  .openapi('ActivityItem')
const getActivity = createRoute({
  method: 'get', path: '/api/articles/{id}/activity', tags: ['team'],
  summary: "An article's activity, newest first: imports (kept, stale, new counts), saves and reviews grouped per person and hour, assignments",
  request: {
    params: articleParams,
    query: z.object({
      lang: langSchema.optional(),
      kind: z.string().max(200).optional().openapi({ description: 'kinds, comma-separated', example: 'import,review' }),
      limit: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE).optional().openapi({ description: `1 to ${MAX_ACTIVITY_PAGE} (default 50)` }),
      cursor: z.string().max(1000).optional().openapi({ description: 'the `next` of the page before' }),
    }),
  },
  responses: { 200: json(z.strictObject({ article: z.string(), items: z.array(activityItemSchema), next: z.string().nullable() }), 'a page of the feed'), ...problems(400, 401, 404) },
})

/** Assignments, "my work" and the activity feed (#20). */
export function registerAssignments(app: App, { store }: RouteDeps): void {
  app.openapi(postAssignments, async (c) => {
    const b = c.req.valid('json')
    const made = await assignWork(store, c.get('principal'), {
      article: b.article, lang: b.lang, users: b.users ?? [b.user!],
      ...(b.split ? { split: b.split } : {}), ...(b.segments !== undefined ? { segments: b.segments } : {}),
      ...(b.due !== undefined ? { due: b.due } : {}), ...(b.note !== undefined ? { note: b.note } : {}),
    })
    c.header('Location', `/api/assignments/${made[0]!.id}`)
    return c.json({ assignments: made }, 201)
  })
  app.openapi(getAssignments, async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 100
    const found = await store.assignments.list({
      ...(q.article ? { article: q.article } : {}), ...(q.lang ? { lang: q.lang } : {}), ...(q.user ? { user: q.user } : {}),
      ...(q.before ? { before: q.before } : {}), limit,
    })
    return c.json({ assignments: found, next: found.length === limit ? found.at(-1)!.id : null }, 200)
  })
  app.openapi(getAssignment, async (c) => {
    const found = await store.assignments.get(c.req.valid('param').aid)
    if (!found) throw new ProblemError(problem(404, 'unknown-assignment', `no assignment ${c.req.valid('param').aid}`))
    return c.json(found, 200)
  })
  app.openapi(deleteAssignment, async (c) => {
    return c.json(await withdrawWork(store, c.get('principal'), c.req.valid('param').aid), 200)
  })
  app.openapi(getMyWork, async (c) => {
    const principal = c.get('principal')
    const work = await myWork(store, principal.account)
    return c.json({ ...work, load: await teamLoad(store, coordinatedLanguages(principal)) }, 200)
  })
  app.openapi(getActivity, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const kinds = q.kind?.split(',').map((k) => k.trim()).filter(Boolean)
    const page = await articleActivity(store, {
      article: id, limit: q.limit ?? 50,
      ...(q.lang ? { lang: q.lang } : {}), ...(kinds?.length ? { kinds } : {}), ...(q.cursor ? { cursor: q.cursor } : {}),
    })
    return c.json({ article: id, ...page }, 200)
  })
}
