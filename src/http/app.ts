import { OpenAPIHono } from '@hono/zod-openapi'
import { cors } from 'hono/cors'
import { matchedRoutes } from 'hono/route'
import type { Accounts } from '../auth/types.js'
import type { Store } from '../store/types.js'
import { renderDocsPage } from './docs-page.js'
import type { AppEnv } from './env.js'
import { type AcceptedTypes, errorHandler, handleNotFound } from './errors.js'
import { allowedMethods } from './method-not-allowed.js'
import { requireToken } from './middleware/auth.js'
import { baseHeaders } from './middleware/base-headers.js'
import { heavyLimit } from './middleware/heavy-limit.js'
import { type LogSink, requestLog, stdoutLog } from './middleware/request-log.js'
import { readBody } from './middleware/read-body.js'
import { registerArchive } from './routes/archive.js'
import { registerArticles } from './routes/articles.js'
import { registerAssignments } from './routes/assignments.js'
import { registerBatch } from './routes/batch.js'
import { registerBadges } from './routes/badges.js'
import { registerEvents } from './routes/events.js'
import { registerFormats } from './routes/formats.js'
import { registerAlign } from './routes/align.js'
import { registerLocales } from './routes/locales.js'
import { DOC_PAGE_CSP, registerMeta } from './routes/meta.js'
import { registerReports } from './routes/reports.js'
import { registerSuggestions } from './routes/suggestions.js'
import { registerTerms } from './routes/terms.js'
import { registerComments } from './routes/comments.js'
import { registerNotifications } from './routes/notifications.js'
import { registerQa } from './routes/qa.js'
import { registerTm } from './routes/tm.js'
import { registerTranslations } from './routes/translations.js'
import { registerUnits } from './routes/units.js'
import { validationHook } from './validation.js'
import type { MtEngine } from '../mt/types.js'

/** What the app needs from its surroundings; only `src/server.ts` and `src/cli/` build these. */
export interface AppOptions {
  store: Store
  /** Accounts, grants and tokens (default `store.accounts`); /api routes need a valid token. */
  accounts?: Accounts
  /**
   * Let anonymous clients read (GET) whatever a viewer reads: articles, units, translations and
   * their history, exports, reports, badges, i18next namespaces, and the translation memory
   * (matches and concordance search).
   */
  publicRead?: boolean
  /** Origins allowed by CORS; none (CORS off) when empty. */
  cors?: string[]
  /** Target languages of an i18next namespace that a saveMissing post creates. */
  localeTargets?: string[]
  /** Largest request body in bytes; larger ones get 413. */
  maxBody?: number
  /** One line per request; `false` for none. */
  log?: LogSink
  /** Machine-translation engines by name, for suggestions (none when absent). */
  mt?: ReadonlyMap<string, MtEngine>
  /** The live event stream: store polled this often, a heartbeat this often (tests shorten both). */
  live?: { pollMs?: number; heartbeatMs?: number }
}

/** Defaults for {@link AppOptions}. */
export const DEFAULT_APP_OPTIONS = {
  publicRead: false,
  cors: [] as string[],
  localeTargets: [] as string[],
  maxBody: 4 * 1024 * 1024,
  log: stdoutLog as LogSink,
}

export const OPENAPI_PATH = '/api/openapi.json'
export const DOCS_PATH = '/api/docs'

const INFO = {
  title: 'Tolk API',
  version: '0.1.0',
  description: 'Articles, units, translations and coverage reports. Send Authorization: Bearer TOKEN.',
}

/**
 * Build the Hono app on a store (and its accounts). Tests call this with a store on a temp-dir
 * SQLite file and use `app.request()`; `tolk serve` hands it to @hono/node-server.
 * @example
 * const app = createApp({ store, log: false })
 * await app.request('/api/articles', { headers: { Authorization: `Bearer ${token}` } })
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const opts = { ...DEFAULT_APP_OPTIONS, ...options, accounts: options.accounts ?? options.store.accounts }
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.onError(errorHandler(bodyTypes(app)))

  // Request id and hono's secureHeaders() set, on every answer (errors too).
  app.use(baseHeaders())
  // No log: no layer at all (each one is an async step of every request).
  if (opts.log) app.use(requestLog(opts.log))
  if (opts.cors.length > 0) app.use('/api/*', cors({ origin: opts.cors, exposeHeaders: ['ETag', 'Location', 'X-Request-Id'] }))
  // Apps in a browser load namespaces and post missing keys from their own origin.
  if (opts.cors.length > 0) app.use('/locales/*', cors({ origin: opts.cors }))
  // Translated files are decoded by their own BOM, XML declaration or PO charset (decode-file.ts).
  // Anything outside the API, the i18next routes, badges and the service's own (the editor's pages
  // and forms) is left to the pages to refuse, with a page rather than JSON.
  app.use(readBody(opts.maxBody, { raw: /^\/api\/articles\/[^/]+\/import-translations$/, pages: /^\/(?!api\/|locales\/|badge\/|healthz$|problems(\/|$))/ }))

  registerMeta(app)
  app.doc31(OPENAPI_PATH, { openapi: '3.1.0', info: INFO, security: [{ bearer: [] }] })
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  // The two documents describe themselves too: every route under /api is in the document.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: OPENAPI_PATH,
    tags: ['service'],
    summary: 'This OpenAPI 3.1 document (no token)',
    security: [],
    responses: { 200: { description: 'the document', content: { 'application/json': { schema: { type: 'object' } } } } },
  })
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: DOCS_PATH,
    tags: ['service'],
    summary: 'The operations of this document as an HTML page (no token)',
    security: [],
    responses: { 200: { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } } },
  })
  let docsPage: string | undefined
  app.get(DOCS_PATH, async (c) => {
    // Rendered once: the routes do not change after start.
    docsPage ??= String(await renderDocsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO }) as never, OPENAPI_PATH))
    c.header('Content-Security-Policy', DOC_PAGE_CSP)
    return c.html(docsPage)
  })

  // The token is checked on the routes that exist: an unknown path or method falls through to
  // the 404/405 below for anyone, and the open documents stay open.
  const guard = requireToken(opts.accounts, { publicRead: opts.publicRead })
  const allowed = allowedMethods(app.routes)
  app.use('/api/*', async (c, next) => {
    const path = c.req.path
    // The router has already matched this request: a route of its method (HEAD runs as GET) is
    // among the matches, or not; no need to test every route's pattern again (~10 µs a request).
    if (path === OPENAPI_PATH || path === DOCS_PATH || !matchedRoutes(c).some((r) => r.method !== 'ALL')) return next()
    return guard(c, next)
  })
  // i18next-http-backend reads /locales/LNG/NS.json: the same tokens, or anonymous with publicRead.
  app.use('/locales/*', guard)
  app.use('/badge/*', guard)

  // Reports and exports read whole articles: at most 2 at once per account (or address).
  const heavy = heavyLimit()
  for (const p of ['/api/report', '/api/articles/:id/report', '/api/articles/:id/export', '/api/articles/:id/qa']) app.get(p, heavy)

  const deps = { store: opts.store, accounts: opts.accounts, mt: opts.mt ?? new Map<string, MtEngine>() }
  registerArticles(app, deps)
  registerArchive(app, deps)
  registerUnits(app, deps)
  registerTranslations(app, deps)
  registerReports(app, deps)
  registerFormats(app, deps)
  registerAlign(app, deps)
  registerLocales(app, deps, opts.localeTargets)
  registerTm(app, deps)
  registerTerms(app, deps)
  registerComments(app, deps)
  registerNotifications(app, deps)
  registerBatch(app, deps)
  registerQa(app, deps)
  registerSuggestions(app, deps)
  registerBadges(app, deps)
  registerEvents(app, deps, opts.live)
  registerAssignments(app, deps)

  app.notFound(handleNotFound(allowed, DOCS_PATH))
  return app
}

/**
 * The media types the route that took a request declares for its body (in the OpenAPI
 * registry), so a 415 can list them: `PUT /api/articles/{id}` reads JSON and text/plain.
 */
function bodyTypes(app: OpenAPIHono<AppEnv>): AcceptedTypes {
  let table: Map<string, string[]> | undefined
  return (c) => {
    table ??= new Map(
      app.openAPIRegistry.definitions.flatMap((d) => {
        const content = d.type === 'route' ? d.route.request?.body?.content : undefined
        return d.type === 'route' && content ? [[`${d.route.method.toUpperCase()} ${d.route.path}`, Object.keys(content)]] : []
      }),
    )
    const method = c.req.method
    for (const r of matchedRoutes(c)) {
      if (r.method !== method) continue
      const types = table.get(`${method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      if (types) return types
    }
    return []
  }
}
