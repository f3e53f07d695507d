import { createRoute, z } from '@hono/zod-openapi'
import { articleQa, openFindings } from '../../qa/article-qa.js'
import { QA_CHECKS, SEVERITIES } from '../../qa/types.js'
import type { App, RouteDeps } from '../env.js'
import { articleParams, langSchema, tagSchema } from '../schemas.js'
import { json, problems } from './responses.js'

const findingSchema = z
  .strictObject({
    check: z.enum(QA_CHECKS),
    severity: z.enum(SEVERITIES),
    unit: z.string(),
    position: z.number().openapi({ description: "the unit's 1-based position in the article" }),
    message: z.string().openapi({ description: 'what differs, in English' }),
    data: z.record(z.string(), z.string()).openapi({ description: 'the pieces the message names' }),
    dismissed: z.strictObject({ by: z.string(), reason: z.string(), at: z.string() }).optional()
      .openapi({ description: 'present when dismissed on the current text' }),
  })
  .openapi('QaFinding')

const articleQaRoute = createRoute({
  method: 'get', path: '/api/articles/{id}/qa', tags: ['qa'],
  summary: "Every QA finding of an article's translations in one language",
  description: 'Checks: ' + QA_CHECKS.join(', ') + '. Codes, numbers and forbidden terms are errors, the rest warnings. Dismissed findings are listed with `dismissed` unless open=true; severity=error leaves warnings out. The termbase is the one /api/articles/{id}/terms reads.',
  request: {
    params: articleParams,
    query: z.object({
      lang: langSchema,
      tag: tagSchema.optional(),
      severity: z.enum(SEVERITIES).optional().openapi({ description: 'the least severity listed (default warning: all)' }),
      open: z.enum(['true', 'false']).optional().openapi({ description: 'true: leave dismissed findings out' }),
    }),
  },
  responses: {
    200: json(z.strictObject({ article: z.string(), lang: z.string(), termbase: z.string(), findings: z.array(findingSchema) }), 'the findings, by position'),
    ...problems(400, 401, 404),
  },
})

/** The QA overview of an article in a language (issue #21). */
export function registerQa(app: App, { store }: RouteDeps): void {
  app.openapi(articleQaRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, tag, severity, open } = c.req.valid('query')
    const report = await articleQa(store, id, lang, tag ? { tag } : {})
    const floor = severity ?? 'warning'
    const findings = open === 'true' ? openFindings(report, floor) : report.findings.filter((f) => floor === 'warning' || f.severity === 'error')
    return c.json({ ...report, findings }, 200)
  })
}
