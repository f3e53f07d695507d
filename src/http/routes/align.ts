import { createRoute, z } from '@hono/zod-openapi'
import { refuseWrite } from '../../auth/permissions.js'
import { formatOfMediaType } from '../../documents/formats.js'
import { printable } from '../../model/tags.js'
import { alignArticle } from '../../workflows/align-translation.js'
import type { App, RouteDeps } from '../env.js'
import { orList } from '../errors.js'
import { problem, ProblemError } from '../problem.js'
import { articleParams, langSchema } from '../schemas.js'
import { json, problems } from './responses.js'

const ACCEPTED = ['text/plain', 'text/markdown', 'text/html']

const alignQuery = z.object({
  lang: langSchema.openapi({ description: 'the translation\'s language (a target of the article)', example: 'sv' }),
  dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'true: pair and answer, write nothing' }),
})

const alignReport = z
  .strictObject({
    article: z.string(),
    lang: z.string(),
    dryRun: z.boolean(),
    pairs: z.array(
      z.strictObject({
        kind: z.enum(['1-1', '1-0', '0-1', '2-1', '1-2']),
        confidence: z.number().openapi({ description: 'the aligner\'s confidence 0–1' }),
        units: z.array(z.string()),
        text: z.string().openapi({ description: 'the translated sentence(s) paired with the units' }),
      }),
    ),
    written: z.array(z.string()).openapi({ description: 'units written (on a dry run: that would be written)' }),
    translated: z.number().openapi({ description: 'of them, stored as translated (sure 1–1 pairs)' }),
    skipped: z.array(z.strictObject({ unitId: z.string(), state: z.string(), text: z.string() })).openapi({
      description: 'units left alone (on a dry run: that would be) because they already have a translation',
    }),
    unpairedUnits: z.array(z.string()),
    unpairedSentences: z.array(z.string()),
    codeMismatch: z.array(z.string()).openapi({ description: 'units whose paired text carries inline codes their source cannot take: not written' }),
  })
  .openapi('AlignReport')

const alignRoute = createRoute({
  method: 'post',
  path: '/api/articles/{id}/align',
  tags: ['formats'],
  summary: 'Bring in an existing translation: pair its sentences with the article\'s units and store them (as tolk align)',
  description:
    'The body is the translated document (plain text, Markdown or HTML by Content-Type). Sure 1–1 pairs (confidence ' +
    '0.8 or more) are stored as translated, every other pair as an initial draft with text, each with the origin ' +
    '{"kind": "aligned", "confidence"}; units that already have a translation are skipped and listed. One transaction.',
  request: {
    params: articleParams,
    query: alignQuery,
    body: { content: Object.fromEntries(ACCEPTED.map((t) => [t, { schema: z.string() }])) },
  },
  responses: {
    200: json(alignReport, 'the pairs and what was written'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
})

/** Alignment of an existing translation over HTTP (src/workflows/align-translation.ts). */
export function registerAlign(app: App, { store }: RouteDeps): void {
  app.openapi(alignRoute, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, dryRun } = c.req.valid('query')
    const type = c.req.header('content-type')
    const format = formatOfMediaType(type)
    if (format === undefined) {
      throw new ProblemError(
        problem(415, 'unsupported-media-type', `Content-Type ${printable(type ?? 'none')} is not accepted here: send ${orList(ACCEPTED)}`, { accepted: ACCEPTED }),
      )
    }
    const principal = c.get('principal')
    // Alignment writes translated and initial texts: a translator's right in the language.
    const refusal = refuseWrite(principal, lang, 'translated')
    if (refusal) throw new ProblemError(problem(403, 'forbidden', refusal))
    const text = await c.req.text()
    const { plan, outcome } = await alignArticle(store, { articleId: id, lang, text, format, author: principal.account, dryRun: dryRun === 'true', name: 'the request body' })
    return c.json(
      {
        article: id,
        lang,
        dryRun: dryRun === 'true',
        pairs: plan.pairs,
        written: outcome.written,
        translated: plan.texts.filter((t) => t.state === 'translated' && outcome.written.includes(t.unitId)).length,
        skipped: outcome.skipped,
        unpairedUnits: plan.unpairedUnits,
        unpairedSentences: plan.unpairedSentences,
        codeMismatch: plan.codeMismatch,
      },
      200,
    )
  })
}
