import { createRoute, z } from '@hono/zod-openapi'
import { applyBatch, planAndApply, undoBatch } from '../../batch/apply.js'
import { planBatch } from '../../batch/plan.js'
import { changeOf } from '../../batch/result.js'
import { MAX_PATTERN } from '../../batch/pattern.js'
import { MAX_SCOPE_ARTICLES } from '../../batch/scope.js'
import { type BatchRequest } from '../../batch/types.js'
import { NotFound } from '../../model/errors.js'
import type { App, RouteDeps } from '../env.js'
import { idSchema, langSchema, stateSchema, tagSchema } from '../schemas.js'
import { json, problems } from './responses.js'

const scopeSchema = z
  .strictObject({
    articles: z.array(idSchema).min(1).max(MAX_SCOPE_ARTICLES).optional(),
    tag: tagSchema.optional().openapi({ description: "the tag's articles and resource sets" }),
    lang: langSchema,
  })
  .openapi('BatchScope')
const filterSchema = z
  .strictObject({
    state: z.union([stateSchema, z.array(stateSchema).min(1).max(4)]).optional().openapi({ description: 'one state or several' }),
    stale: z.boolean().optional(),
    qaFinding: z.boolean().optional().openapi({ description: 'units with (true) or without (false) an open QA finding' }),
    openQuery: z.boolean().optional().openapi({ description: 'units with (true) or without (false) an open query' }),
    minMatch: z.number().int().min(0).max(101).optional().openapi({ description: 'units whose best memory match scores at least this' }),
    range: z.string().max(40).optional().openapi({ description: 'segment positions, 1-based, inclusive', example: '1-40' }),
  })
  .openapi('BatchFilter')
const common = {
  scope: scopeSchema,
  filter: filterSchema.optional(),
  dryRun: z.boolean().default(true).openapi({ description: 'true (default): preview only, stored under the answer\'s id; false: preview and apply at once' }),
}
const batchBody = z
  .discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('replace'),
      ...common,
      find: z.string().max(MAX_PATTERN),
      replace: z.string().max(MAX_PATTERN),
      regex: z.boolean().optional().openapi({ description: 'find is a JavaScript regex (u flag); replace may use $1, $<name>, $&' }),
      caseSensitive: z.boolean().optional(),
      wholeWords: z.boolean().optional(),
    }),
    z.strictObject({ action: z.literal('set-state'), ...common, state: stateSchema }),
    z.strictObject({ action: z.literal('accept-match'), ...common, min: z.number().int().min(0).max(101).default(100) }),
    z.strictObject({ action: z.literal('copy-source'), ...common }),
    z.strictObject({ action: z.literal('confirm'), ...common }),
  ])
  .openapi('BatchRequest')

const diffSchema = z.array(z.strictObject({ op: z.enum(['same', 'removed', 'added']), text: z.string() }))
const resultSchema = z
  .strictObject({
    id: z.string(),
    action: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['preview', 'applied', 'undone']),
    examined: z.number(),
    undoOf: z.string().optional(),
    changes: z.array(
      z.strictObject({
        article: z.string(), unit: z.string(), lang: z.string(), position: z.number(),
        version: z.number().openapi({ description: 'the version seen at the preview: the If-Match of the write' }),
        before: z.string(), after: z.string(), stateBefore: stateSchema, stateAfter: stateSchema, diff: diffSchema,
        versionAfter: z.number().optional().openapi({ description: 'the version written (applied only)' }),
      }),
    ),
    skipped: z.array(
      z.strictObject({
        article: z.string(), unit: z.string(), lang: z.string(),
        reason: z.enum(['forbidden', 'changed', 'refused', 'gone']), detail: z.string(),
      }),
    ),
  })
  .openapi('BatchResult')
const batchParams = z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' } }) })

const postBatch = createRoute({
  method: 'post', path: '/api/batch', tags: ['batch'],
  summary: 'Find and replace, or a bulk action, over many units of one language: previewed (stored), or previewed and applied',
  description: 'The preview lists each change with before, after and a word diff, and the units left out with why. Apply it with POST /api/batch/{id}/apply: each change is written with the version seen here as If-Match; a unit written since is skipped and listed.',
  request: { body: { required: true, content: { 'application/json': { schema: batchBody } } } },
  responses: { 200: json(resultSchema, 'the preview (or, with dryRun false, what was applied)'), ...problems(400, 401, 403, 404, 409, 422) },
})
const applyRoute = createRoute({
  method: 'post', path: '/api/batch/{id}/apply', tags: ['batch'], summary: 'Apply a preview: each change written with If-Match from the preview, the units written since skipped and listed',
  request: { params: batchParams },
  responses: { 200: json(resultSchema, 'what was written and what was skipped'), ...problems(401, 403, 404, 409) },
})
const undoRoute = createRoute({
  method: 'post', path: '/api/batch/{id}/undo', tags: ['batch'],
  summary: 'Undo an applied batch: each unit back to its text and state before it, unless written after the batch (listed)',
  request: { params: batchParams },
  responses: { 200: json(resultSchema, 'the undo batch: what went back and what was left'), ...problems(401, 403, 404, 409) },
})
const getRoute = createRoute({
  method: 'get', path: '/api/batch/{id}', tags: ['batch'], summary: 'A batch of yours: its status, scope, options and changes',
  request: { params: batchParams },
  responses: {
    200: json(
      resultSchema.omit({ dryRun: true, examined: true, skipped: true }).extend({
        scope: scopeSchema, params: z.record(z.string(), z.unknown()), author: z.string(), createdAt: z.string(),
        appliedAt: z.string().nullable(), undoneAt: z.string().nullable(), undoneBy: z.string().nullable(), undoOf: z.string().nullable(),
      }),
      'the batch',
    ),
    ...problems(401, 404),
  },
})

/** Batch work (issue #21): POST /api/batch (preview), …/apply, …/undo, GET a batch. */
export function registerBatch(app: App, { store }: RouteDeps): void {
  app.openapi(postBatch, async (c) => {
    const { dryRun, ...body } = c.req.valid('json')
    const who = c.get('principal')
    const request = { ...body, ...(body.filter ? { filter: { ...body.filter, ...(body.filter.state ? { state: [body.filter.state].flat() } : {}) } } : {}) } as BatchRequest
    return c.json(dryRun ? await planBatch(store, request, who) : await planAndApply(store, request, who), 200)
  })
  app.openapi(applyRoute, async (c) => c.json(await applyBatch(store, c.req.valid('param').id, c.get('principal')), 200))
  app.openapi(undoRoute, async (c) => c.json(await undoBatch(store, c.req.valid('param').id, c.get('principal')), 200))
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    const who = c.get('principal')
    const b = await store.batches.get(id)
    if (!b || (b.author !== who.account && !who.grants.some((g) => g.role === 'admin'))) throw new NotFound(`no batch ${id} of yours`, 'unknown-batch')
    const { lang: _lang, ...rest } = b
    return c.json({ ...rest, changes: (await store.batches.units(id)).map((u) => changeOf(u)) }, 200)
  })
}
