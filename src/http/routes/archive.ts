import { createRoute, z } from '@hono/zod-openapi'
import { refuseArchive } from '../../auth/permissions.js'
import type { ArchivedArticle } from '../../store/types.js'
import type { App, RouteDeps } from '../env.js'
import { articleParams } from '../schemas.js'
import { articleSummary, coverageByArticle, forbidUnless, summarise } from './articles.js'
import { json, problems } from './responses.js'

const archivedSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['article', 'resource-set']).openapi({ description: 'resource-set: an i18next namespace' }),
    tag: z.string(),
    lang: z.string(),
    title: z.string(),
    revision: z.number(),
    targets: z.array(z.string()),
    units: z.number().openapi({ description: 'live units, kept as they were' }),
    words: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string(),
    archivedBy: z.string(),
  })
  .openapi('ArchivedArticle')

/** An admin's route on one article or namespace, answering `ok` or a problem. */
function onArticle<R extends ReturnType<typeof json>>(method: 'delete' | 'post', path: string, summary: string, ok: R) {
  return createRoute({
    method,
    path,
    tags: ['articles'],
    summary,
    request: { params: articleParams },
    responses: { 200: ok, ...problems(400, 401, 403, 404, 409) },
  })
}

const deleteArticle = onArticle(
  'delete',
  '/api/articles/{id}',
  'Archive an article or i18next namespace: it leaves listings, reports, /locales and the dashboard, keeping its units, translations, history and memory entries; admin',
  json(archivedSchema, 'archived; POST /api/articles/{id}/restore brings it back'),
)

const restoreArticle = onArticle(
  'post',
  '/api/articles/{id}/restore',
  'Bring an archived article or namespace back as it was (same units, translations, versions, coverage); admin',
  json(articleSummary, 'restored'),
)

const listArchive = createRoute({
  method: 'get',
  path: '/api/archive',
  tags: ['articles'],
  summary: 'The archived articles and namespaces, by id; admin',
  responses: {
    200: json(z.strictObject({ articles: z.array(archivedSchema) }), 'the archived ones'),
    ...problems(401, 403),
  },
})

/**
 * Archive and restore (admins): an archived article or namespace is kept whole but leaves every
 * listing, read and write until restored (see the Store's archiveArticle).
 */
export function registerArchive(app: App, { store }: RouteDeps): void {
  app.openapi(deleteArticle, async (c) => {
    const principal = forbidUnless(c, refuseArchive)
    const { id } = c.req.valid('param')
    return c.json(toArchivedJson(await store.archiveArticle(id, { by: principal.account })), 200)
  })

  app.openapi(restoreArticle, async (c) => {
    const principal = forbidUnless(c, refuseArchive)
    const { id } = c.req.valid('param')
    const article = await store.restoreArticle(id, { by: principal.account })
    const coverage = await coverageByArticle(store, id)
    return c.json(summarise(article, coverage.get(id)), 200)
  })

  app.openapi(listArchive, async (c) => {
    forbidUnless(c, refuseArchive)
    return c.json({ articles: (await store.listArchived()).map(toArchivedJson) }, 200)
  })
}

/** The archived article as the API answers it: the fields the schema declares, no more. */
function toArchivedJson(a: ArchivedArticle) {
  const { id, kind, tag, lang, title, revision, targets, units, words, createdAt, updatedAt, archivedAt, archivedBy } = a
  return { id, kind, tag, lang, title, revision, targets, units, words, createdAt, updatedAt, archivedAt, archivedBy }
}
