import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { refuseImport } from '../../auth/permissions.js'
import { Archived } from '../../model/errors.js'
import { tagFromArticleId } from '../../model/ids.js'
import { formatOfMediaType } from '../../documents/index.js'
import { importText } from '../../import/import-text.js'
import type { ImportRequest } from '../../import/prepare-import.js'
import { API_LANG_FLAG } from '../../segment/resolve-language.js'
import { buildReport } from '../../report/build-report.js'
import { requireArticle } from '../../store/require-article.js'
import type { Store } from '../../store/types.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problem, ProblemError } from '../problem.js'
import { parseFormStrict } from '../strict-form.js'
import { articleParams, importBody, importQuery, reimportBody } from '../schemas.js'
import { fieldErrors, type FieldError } from '../validation.js'
import { json, problems } from './responses.js'

const articleFields = {
  id: z.string(),
  tag: z.string(),
  lang: z.string(),
  title: z.string(),
  revision: z.number(),
  targets: z.array(z.string()),
  coverage: z.record(z.string(), z.number()).openapi({ description: 'share 0..1 of words done, per target language' }),
}

/** An article as listed (strict: the document says exactly what an answer holds, a test checks it). */
export const articleSummary = z.strictObject(articleFields).openapi('ArticleSummary')

const articleDetail = z
  .strictObject({
    ...articleFields,
    source: z.string(),
    format: z.enum(['text', 'md', 'html']).openapi({ description: 'plain text, Markdown or HTML: the kind the source was imported as' }),
  })
  .openapi('Article')

const importSummary = z
  .strictObject({
    article: z.string(),
    revision: z.number(),
    written: z.boolean(),
    units: z.strictObject({ kept: z.number(), moved: z.number(), stale: z.number(), new: z.number(), obsolete: z.number() }),
    warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  })
  .openapi('ImportSummary')

const listArticles = createRoute({
  method: 'get',
  path: '/api/articles',
  tags: ['articles'],
  summary: 'Every article, with coverage per target language',
  responses: { 200: json(z.strictObject({ articles: z.array(articleSummary) }), 'the articles'), ...problems(401) },
})

const getArticle = createRoute({
  method: 'get',
  path: '/api/articles/{id}',
  tags: ['articles'],
  summary: 'One article, with its source text and coverage',
  request: { params: articleParams },
  responses: {
    200: json(articleDetail, 'the article, with its source text'),
    ...problems(400, 401, 404),
  },
})

const textSchema = z.string().openapi({ description: 'the article; id, tag, targets as query parameters' })
const textBody = {
  'text/plain': { schema: textSchema },
  'text/markdown': { schema: textSchema },
  'text/html': { schema: textSchema },
}

const postArticle = createRoute({
  method: 'post',
  path: '/api/articles',
  tags: ['articles'],
  summary: 'Import a new article (JSON, or text/plain with query parameters); admin',
  request: {
    query: importQuery,
    // Not `required`: that would make the JSON validator refuse text/plain bodies as `{}`.
    body: { content: { 'application/json': { schema: importBody }, ...textBody } },
  },
  responses: {
    201: json(importSummary, 'imported; Location names it'),
    ...problems(400, 401, 403, 409, 413, 415),
  },
})

const putArticle = createRoute({
  method: 'put',
  path: '/api/articles/{id}',
  tags: ['articles'],
  summary: 'Re-import an article (or create it); answers the alignment summary; admin',
  request: {
    params: articleParams,
    query: importQuery,
    body: { content: { 'application/json': { schema: reimportBody }, ...textBody } },
  },
  responses: {
    200: json(importSummary, 're-imported (kept, moved, stale, new, obsolete)'),
    201: json(importSummary, 'created'),
    ...problems(400, 401, 403, 409, 413, 415),
  },
})


/** Articles: list and read (with coverage), import (POST) and re-import (PUT), admins only. */
export function registerArticles(app: App, { store }: RouteDeps): void {
  app.openapi(listArticles, async (c) => {
    const [articles, coverage] = await Promise.all([store.listArticles(), coverageByArticle(store)])
    return c.json({ articles: articles.map((a) => summarise(a, coverage.get(a.id))) }, 200)
  })

  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid('param')
    const article = await requireArticle(store, id)
    const coverage = await coverageByArticle(store, id)
    return c.json({ ...summarise(article, coverage.get(id)), source: article.source, format: article.format ?? 'text' }, 200)
  })

  app.openapi(postArticle, async (c) => {
    forbidUnlessAdmin(c)
    const req = await readImport(c, c.req.valid('json'), undefined)
    const dryRun = c.req.valid('query').dryRun ?? false
    if (await store.getArticle(req.id)) {
      throw new ProblemError(problem(409, 'article-exists', `article ${req.id} exists already: PUT /api/articles/${req.id} re-imports it`))
    }
    const summary = await importText(store, req, { dryRun, flag: API_LANG_FLAG, by: c.get('principal').account })
    c.header('Location', `/api/articles/${encodeURIComponent(req.id)}`)
    return c.json(summary, 201)
  })

  app.openapi(putArticle, async (c) => {
    forbidUnlessAdmin(c)
    const { id } = c.req.valid('param')
    const existing = await store.getArticle(id)
    // Said before the body is read: an archived id takes no import, whatever the body holds.
    if (!existing && (await store.getArchived(id))) throw new Archived(id, 'import')
    const req = await readImport(c, c.req.valid('json'), id, existing?.tag)
    const summary = await importText(store, req, { dryRun: c.req.valid('query').dryRun ?? false, flag: API_LANG_FLAG, by: c.get('principal').account })
    if (existing) return c.json(summary, 200)
    c.header('Location', `/api/articles/${encodeURIComponent(id)}`)
    return c.json(summary, 201)
  })
}



function forbidUnlessAdmin(c: Context<AppEnv>): void {
  forbidUnless(c, refuseImport)
}

/** The principal, when the check lets it act; else a 403 naming what it lacks. */
export function forbidUnless(c: Context<AppEnv>, refuse: (p: AppEnv['Variables']['principal']) => string | undefined) {
  const principal = c.get('principal')
  const refusal = refuse(principal)
  if (refusal) throw new ProblemError(problem(403, 'forbidden', refusal))
  return principal
}

/**
 * The import request from a JSON body, or from a text/plain body and query parameters, checked
 * by the same schema either way. On PUT the id comes from the path, the tag from the stored
 * article or the id.
 */
async function readImport(
  c: Context<AppEnv>,
  validJson: unknown,
  pathId: string | undefined,
  storedTag?: string,
): Promise<ImportRequest> {
  const type = c.req.header('content-type') ?? ''
  const isText = /^text\/(plain|markdown|html)\b/i.test(type)
  let raw: Record<string, unknown>
  if (isText) {
    // Decoded strictly: a broken percent-escape is refused, not kept as it was written.
    const q: Record<string, string> = {}
    for (const [k, v] of parseFormStrict(new URL(c.req.url).search.slice(1))) q[k] ??= v
    raw = { ...pick(q, ['id', 'tag', 'lang', 'title', 'format']), text: await c.req.text() }
    raw.format ??= formatOfMediaType(type)
    if (q.targets !== undefined) raw.targets = q.targets.split(',').map((s) => s.trim()).filter(Boolean)
  } else {
    raw = typeof validJson === 'object' && validJson !== null ? { ...validJson } : {}
  }
  if (pathId !== undefined) {
    if (raw.id !== undefined && raw.id !== pathId) throw invalid([{ in: 'body', path: 'id', message: `differs from the path's ${pathId}` }])
    raw.id = pathId
    raw.tag ??= storedTag ?? tagFromArticleId(pathId)
  }
  const parsed = importBody.safeParse(raw)
  if (!parsed.success) throw invalid(fieldErrors(isText ? 'query' : 'body', parsed.error))
  const b = parsed.data
  const req: ImportRequest = { id: b.id, tag: b.tag, text: b.text }
  if (b.lang !== undefined) req.lang = b.lang
  if (b.targets !== undefined) req.targets = b.targets
  if (b.title !== undefined) req.title = b.title
  // A text/plain body on a re-import keeps the stored kind, as a JSON body without `format` does.
  if (b.format !== undefined && !(isText && b.format === 'text' && c.req.query('format') === undefined)) req.format = b.format
  return req
}

function invalid(errors: FieldError[]): ProblemError {
  const first = errors[0]
  const detail = first ? `${first.in}${first.path ? ` ${first.path}` : ''}: ${first.message}` : 'invalid request'
  return new ProblemError(problem(400, 'invalid-request', detail, { errors }))
}

function pick(q: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) if (q[k] !== undefined) out[k] = q[k]
  return out
}

/** Coverage share per target language, per article, from the store's counters (no listings). */
export async function coverageByArticle(store: Store, id?: string): Promise<Map<string, Record<string, number>>> {
  const report = await buildReport(store, { summary: true, ...(id ? { articles: [id] } : {}) })
  const out = new Map<string, Record<string, number>>()
  for (const a of report.articles) {
    const byLang: Record<string, number> = {}
    for (const [lang, r] of Object.entries(a.languages)) byLang[lang] = r.coverage
    out.set(a.id, byLang)
  }
  return out
}

/** An article as GET /api/articles lists it: its fields and coverage per target. */
export function summarise(
  a: { id: string; tag: string; lang: string; title: string; revision: number; targets: string[] },
  coverage: Record<string, number> | undefined,
) {
  return { id: a.id, tag: a.tag, lang: a.lang, title: a.title, revision: a.revision, targets: a.targets, coverage: coverage ?? {} }
}
