import { createRoute, z } from '@hono/zod-openapi'
import { buildReport } from '../../report/build-report.js'
import type { App, RouteDeps } from '../env.js'
import { allReportQuery, articleParams, reportQuery } from '../schemas.js'
import { json, problems } from './responses.js'

const counts = z.strictObject({ initial: z.number(), translated: z.number(), reviewed: z.number(), final: z.number(), stale: z.number() })
const listed = z.array(
  z.strictObject({
    id: z.string(),
    position: z.number(),
    source: z.string(),
    plural: z.string().optional().openapi({ description: 'an i18next plural form (few, ordinal_two): one string of a plural group' }),
    key: z.string().optional().openapi({ description: 'the i18next key, when it is no valid unit id' }),
  }),
)
const reportSchema = z
  .strictObject({
    articles: z.array(
      z.strictObject({
        id: z.string(),
        tag: z.string(),
        lang: z.string(),
        title: z.string(),
        revision: z.number(),
        units: z.number(),
        words: z.number(),
        languages: z.record(
          z.string(),
          z.strictObject({ coverage: z.number(), units: counts, words: counts, untranslated: listed.optional(), stale: listed.optional() }),
        ),
      }),
    ),
  })
  .openapi('Report')

const articleReport = createRoute({
  method: 'get',
  path: '/api/articles/{id}/report',
  tags: ['reports'],
  summary: 'Coverage and untranslated/stale segments of one article (as tolk report --format json)',
  request: { params: articleParams, query: reportQuery },
  responses: { 200: json(reportSchema, 'the report'), ...problems(400, 401, 404) },
})

const allReport = createRoute({
  method: 'get',
  path: '/api/report',
  tags: ['reports'],
  summary: 'Coverage of every (or the named) article (as tolk report --format json)',
  request: { query: allReportQuery },
  responses: { 200: json(reportSchema, 'the report'), ...problems(400, 401, 404) },
})

/** Reports: the same JSON as `tolk report --format json`, from the same builder. */
export function registerReports(app: App, { store }: RouteDeps): void {
  app.openapi(articleReport, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, summary } = c.req.valid('query')
    const report = await buildReport(store, { articles: [id], summary: summary ?? false, ...(lang ? { langs: lang } : {}) })
    return c.json(report, 200)
  })

  app.openapi(allReport, async (c) => {
    const { article, lang, summary } = c.req.valid('query')
    const report = await buildReport(store, {
      summary: summary ?? false,
      ...(article ? { articles: article } : {}),
      ...(lang ? { langs: lang } : {}),
    })
    return c.json(report, 200)
  })
}
