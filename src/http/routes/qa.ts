import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { refuseWrite } from '../../auth/permissions.js'
import { TolkError } from '../../model/errors.js'
import { articleQa, openFindings } from '../../qa/article-qa.js'
import { dismissFinding } from '../../qa/dismiss.js'
import { QA_CHECKS, SEVERITIES } from '../../qa/types.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
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
      consistency: z.enum(['article', 'tag']).optional().openapi({ description: 'inconsistency within the article (default) or across the articles of its tag' }),
    }),
  },
  responses: {
    200: json(z.strictObject({ article: z.string(), lang: z.string(), termbase: z.string(), findings: z.array(findingSchema) }), 'the findings, by position'),
    ...problems(400, 401, 404),
  },
})

const dismissalSchema = z
  .strictObject({
    article: z.string(), unit: z.string(), lang: z.string(), check: z.enum(QA_CHECKS),
    hash: z.string().openapi({ description: 'of the source and translation dismissed: another text brings the finding back' }),
    by: z.string(), reason: z.string(), at: z.string(),
  })
  .openapi('QaDismissal')
const dismissalKey = { lang: langSchema, unit: z.string().min(1).max(200), check: z.enum(QA_CHECKS) }

const dismissRoute = createRoute({
  method: 'post', path: '/api/articles/{id}/qa/dismissals', tags: ['qa'],
  summary: "Dismiss a QA check on a unit's current translation, for everyone; translators and reviewers of the language",
  description: 'Replaces an earlier dismissal of the same unit, language and check. The finding comes back when the source or the translation changes.',
  request: {
    params: articleParams,
    body: { required: true, content: { 'application/json': { schema: z.strictObject({ ...dismissalKey, reason: z.string().max(1000).optional() }) } } },
  },
  responses: { 200: json(dismissalSchema, 'the dismissal'), ...problems(400, 401, 403, 404) },
})
const undismissRoute = createRoute({
  method: 'delete', path: '/api/articles/{id}/qa/dismissals', tags: ['qa'],
  summary: 'Take a dismissal back; translators and reviewers of the language',
  request: { params: articleParams, query: z.object(dismissalKey) },
  responses: { 200: json(z.strictObject({ undismissed: z.boolean().openapi({ description: 'false: there was none' }) }), 'done'), ...problems(400, 401, 403, 404) },
})

/** The QA overview of an article in a language, and dismissals (issue #21). */
export function registerQa(app: App, { store }: RouteDeps): void {
  app.openapi(articleQaRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, tag, severity, open, consistency } = c.req.valid('query')
    const report = await articleQa(store, id, lang, { ...(tag ? { tag } : {}), ...(consistency ? { consistency } : {}) })
    const floor = severity ?? 'warning'
    const findings = open === 'true' ? openFindings(report, floor) : report.findings.filter((f) => floor === 'warning' || f.severity === 'error')
    return c.json({ ...report, findings }, 200)
  })

  const mayDismiss = async (c: Context<AppEnv>, id: string, lang: string) => {
    const principal = c.get('principal')
    const refusal = refuseWrite(principal, lang, 'translated')
    if (refusal) throw new ProblemError(problem(403, 'forbidden', refusal))
    const { article } = await store.unitPage(id, { limit: 1 })
    if (!article.targets.includes(lang)) throw new TolkError('not-a-target', `${lang} is not a target language of ${id}: use one of ${article.targets.join(', ')}`, 400)
    return principal.account
  }
  app.openapi(dismissRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, unit, check, reason } = c.req.valid('json')
    const by = await mayDismiss(c, id, lang)
    return c.json(await dismissFinding(store, { article: id, unit, lang, check, reason: reason ?? '', by }), 200)
  })
  app.openapi(undismissRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, unit, check } = c.req.valid('query')
    await mayDismiss(c, id, lang)
    return c.json({ undismissed: await store.qa.undismiss({ article: id, unit, lang, check }) }, 200)
  })
}
