import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ReportOptions } from '../../report/build-report.js'
import { reportJson } from '../../report/report-json.js'
import type { Store } from '../../store/types.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { streamText } from '../middleware/heavy-limit.js'
import { allReportQuery, articleParams, reportQuery } from '../schemas.js'
import { json, problems } from './responses.js'

/** Characters of report JSON per piece sent: the report streams, never held whole. */
export const REPORT_CHUNK = 64 * 1024

const STREAMED =
  'Streamed as it is read, one article (or 64 KiB) at a time. At most 2 reports or exports run at ' +
  'once per account (per client address for anonymous --public-read clients); one more gets 429 ' +
  'with Retry-After.'

const counts = z.strictObject({
  initial: z.number(),
  translated: z.number(),
  reviewed: z.number(),
  final: z.number(),
  rejected: z.number().openapi({ description: 'sent back by a reviewer: pending work, like initial' }),
  stale: z.number(),
})
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
        plurals: z
          .record(z.string(), z.number().int())
          .optional()
          .openapi({ description: 'an i18next resource set\'s live plural units by form (one, other, ordinal_few): what folds its units into keys (tolk check --server); absent in a summary and without plural units' }),
        languages: z.record(
          z.string(),
          z.strictObject({
            coverage: z.number(),
            units: counts,
            words: counts,
            wordsByOrigin: z
              .object({ human: z.number().int(), memory: z.number().int(), mt: z.number().int(), aligned: z.number().int() })
              .optional()
              .openapi({ description: 'words of translated, reviewed and final units by the origin of their text; they add up to those' }),
            openQueries: z.number().int().optional().openapi({ description: 'open queries this language faces: asked in it or on the source (not in a summary)' }),
            untranslated: listed.optional(),
            stale: listed.optional(),
            rejected: listed.optional().openapi({ description: 'units a reviewer rejected (a stale one is listed under stale)' }),
          }),
        ),
      }),
    ),
  })
  .openapi('Report')

const articleReport = createRoute({
  method: 'get',
  path: '/api/articles/{id}/report',
  tags: ['reports'],
  summary: 'Coverage and untranslated/stale/rejected segments of one article (as tolk report --format json)',
  description: STREAMED,
  request: { params: articleParams, query: reportQuery },
  responses: { 200: json(reportSchema, 'the report'), ...problems(400, 401, 404, 429) },
})

const allReport = createRoute({
  method: 'get',
  path: '/api/report',
  tags: ['reports'],
  summary: 'Coverage of every (or the named) article (as tolk report --format json)',
  description: STREAMED,
  request: { query: allReportQuery },
  responses: { 200: json(reportSchema, 'the report'), ...problems(400, 401, 404, 429) },
})

/** Reports: the same JSON as `tolk report --format json`, from the same writer, streamed. */
export function registerReports(app: App, { store }: RouteDeps): void {
  app.openapi(articleReport, async (c) => {
    const { id } = c.req.valid('param')
    const { lang, summary } = c.req.valid('query')
    return (await streamReport(c, store, { articles: [id], summary: summary ?? false, ...(lang ? { langs: lang } : {}) })) as never
  })

  app.openapi(allReport, async (c) => {
    const { article, lang, summary } = c.req.valid('query')
    const opts: ReportOptions = { summary: summary ?? false, ...(article ? { articles: article } : {}), ...(lang ? { langs: lang } : {}) }
    return (await streamReport(c, store, opts)) as never
  })
}

/**
 * The report as a streamed JSON answer. Its first piece is read before the status is sent, so an
 * unknown article is still a 404.
 */
async function streamReport(c: Context<AppEnv>, store: Store, opts: ReportOptions): Promise<Response> {
  const chunks = reportJson(store, opts, REPORT_CHUNK)
  const first = await chunks.next()
  async function* all(): AsyncGenerator<string> {
    if (!first.done) yield first.value
    yield* chunks
  }
  return c.body(streamText(all(), (err) => logStreamError(c, err)), 200, { 'Content-Type': 'application/json' })
}

/** A failure after the status went out can only cut the answer short; the log says why. */
export function logStreamError(c: Context<AppEnv>, err: unknown): void {
  console.error(`[${c.get('requestId') ?? '-'}] streamed answer cut short: ${(err as Error)?.stack ?? String(err)}`)
}
