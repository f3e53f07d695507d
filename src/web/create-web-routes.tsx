import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import { getCookie } from 'hono/cookie'
import { languageDetector } from 'hono/language'
import { canRead } from '../auth/permissions.js'
import { watchRights } from '../auth/rights-watch.js'
import { BODY_TOO_LARGE } from '../http/middleware/read-body.js'
import { problem, sendProblem } from '../http/problem.js'
import { StoreBusy, TolkError } from '../model/errors.js'
import { loadAssets } from './assets.js'
import { csrfGuard } from './csrf.js'
import { registerBatchPage } from './batch/batch-routes.js'
import { registerEditor } from './editor-routes.js'
import { registerMemory } from './memory-routes.js'
import { registerMerge } from './merge/merge-routes.js'
import { createCoverageFeed } from './live/coverage-feed.js'
import { registerDashboardLive } from './live/dashboard-live-routes.js'
import { registerNoScriptMerge } from './merge/no-script-merge.js'
import { createEventHub } from './live/event-hub.js'
import { registerLive } from './live/live-routes.js'
import { registerSuggestions } from './suggestion-routes.js'
import { registerTerms } from './term-routes.js'
import { registerComments } from './comments/comment-routes.js'
import { registerNotificationPages } from './comments/notification-routes.js'
import { registerQaPages } from './qa-routes.js'
import type { WebDeps, WebEnv } from './env.js'
import { createWebI18n, UI_LANGUAGES, type UiLanguage } from './i18n.js'
import { doc, pageContext, wantsJson } from './page-context.js'
import { registerDashboard } from './dashboard/dashboard-routes.js'
import { registerArticles } from './articles/article-routes.js'
import { registerPeople } from './people/people-routes.js'
import { registerTermbases } from './termbases/termbase-routes.js'
import { registerTeam } from './team/team-routes.js'
import { MessagePage } from './pages/layout.js'
import { LANG_COOKIE, registerSignIn, SESSION_COOKIE } from './sign-in-routes.js'

/** The paths the web routes own; their middleware runs on these only, never on /api. */
export const WEB_PATHS = ['/', '/sign-in', '/sign-out', '/lang', '/edit/*', '/dashboard/*', '/articles', '/articles/*', '/people', '/people/*', '/terms', '/terms/*', '/notifications', '/notifications/*', '/team/*', '/assets/*'] as const

// Scripts and styles only from this server; no inline script, no inline style, no framing.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Referer only to this site, never elsewhere. Not `no-referrer` (the API's): under it browsers
 * send `Origin: null` with the pages' own form posts and script saves, which the CSRF check must
 * then refuse as it refuses a sandboxed frame of another site.
 */
const REFERRER_POLICY = 'same-origin'

/**
 * The translator's web editor: sign-in, dashboard, editor, history, and its static assets, as a
 * Hono app to mount on the API's: `app.route('/', createWebRoutes({ store, accounts, passwords,
 * sessions }))`. Pages are server-rendered with hono/jsx and work without the script.
 */
export function createWebRoutes(deps: WebDeps): Hono<WebEnv> {
  const i18n = deps.i18n ?? createWebI18n()
  const assets = loadAssets()
  const paths = { css: assets.css.path, js: assets.js.path, icon: assets.icon.path, dashboardLive: assets.dashboardLive.path }
  const web = new Hono<WebEnv>()

  const detect = languageDetector({
    supportedLanguages: [...UI_LANGUAGES],
    fallbackLanguage: UI_LANGUAGES[0],
    order: ['cookie', 'header'],
    lookupCookie: LANG_COOKIE,
    caches: false,
  })
  const setup: MiddlewareHandler<WebEnv> = async (c, next) => {
    const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')
    c.set('secure', proto === 'https')
    const ui = (UI_LANGUAGES.find((l) => l === c.get('language')) ?? 'en') as UiLanguage
    c.set('ui', ui)
    c.set('t', i18n.getFixedT(ui))
    const id = getCookie(c, SESSION_COOKIE)
    const session = id ? await deps.sessions.find(id) : undefined
    c.set('session', session)
    // A body over the server's limit, left unread by the app's readBody: refused before any handler.
    const limit = c.get(BODY_TOO_LARGE as never) as number | undefined
    if (limit !== undefined) {
      const message = c.get('t')('errors.tooLarge', { size: byteSize(limit) })
      return wantsJson(c) ? sendProblem(c, problem(413, 'body-too-large', message)) : errorPage(c, 413, message)
    }
    // The header's unread count: one indexed count, for pages only (not the script's requests).
    const page = c.req.method === 'GET' && !wantsJson(c) && !c.req.path.endsWith('/events')
    c.set('unread', session && page ? await deps.store.notifications.unread(session.principal.account) : undefined)
    await next()
    c.header('Content-Security-Policy', CSP)
    c.header('Referrer-Policy', REFERRER_POLICY)
    c.header('Vary', 'Cookie, Accept-Language')
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
    if (c.error instanceof TolkError && !wantsJson(c)) {
      c.res = errorPage(c, c.error.status, c.error.message)
      if (c.error instanceof StoreBusy) c.res.headers.set('Retry-After', String(c.error.retryAfter))
    }
  }
  const csrf = csrfGuard((c, why) => {
    const t = c.get('t')
    const message = why === 'token' ? t('errors.csrf') : t('errors.crossSite')
    if (wantsJson(c)) return sendProblem(c, why === 'token' ? problem(403, 'csrf', message) : problem(403, 'cross-site', message))
    return c.html(
      doc(<MessagePage ctx={pageContext(c, paths)} title={t('errors.title')} message={message} />),
      403,
    )
  })
  // Pages, not problem+json: the API's error handler would answer a browser with JSON.
  const errorPage = (c: Context<WebEnv>, status: number, message: string): Response => {
    const t = c.get('t')
    const ctx = pageContext(c, paths)
    const text = status === 404 ? `${t('errors.notFound')} ${message}` : message
    const html = doc(<MessagePage ctx={ctx} title={t('errors.title')} message={text} />)
    return new Response(html, {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CSP,
        'Referrer-Policy': REFERRER_POLICY,
      },
    })
  }
  const signedIn: MiddlewareHandler<WebEnv> = async (c, next) => {
    const session = c.get('session')
    if (!session) {
      if (c.req.method !== 'GET' || wantsJson(c))
        return c.json({ status: 401, detail: c.get('t')('errors.signedOut') }, 401)
      const url = new URL(c.req.url)
      return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
    }
    if (!canRead(session.principal))
      return errorPage(
        c,
        403,
        c.get('t')('errors.forbidden', { reason: `${session.principal.account} has no grants` }),
      )
    return next()
  }

  web.get('/assets/:file', compress(), (c) => {
    const asset = assets.byPath.get(c.req.path)
    if (!asset) return c.text('not found', 404)
    return c.body(asset.body, 200, {
      'Content-Type': asset.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    })
  })
  for (const p of WEB_PATHS.filter((p) => p !== '/assets/*'))
    web.use(p, compress(), detect, setup, csrf)
  for (const p of ['/', '/edit/*', '/dashboard/*', '/articles', '/articles/*', '/people', '/people/*', '/terms', '/terms/*', '/notifications', '/notifications/*', '/team/*']) web.use(p, signedIn)

  registerSignIn(web, deps, paths)
  registerDashboard(web, deps, paths)
  registerTeam(web, deps, paths)
  registerArticles(web, deps, paths)
  registerPeople(web, deps, paths)
  registerTermbases(web, deps, paths)
  registerMemory(web, deps, paths)
  // …/events and …/events/presence: paths no unit's route takes (a unit may be called `presence`).
  // One watch on the accounts' change signal for every stream of the editor and the dashboard.
  const rights = watchRights(deps.accounts, { pollMs: deps.pollMs })
  registerLive(web, deps, createEventHub(deps.store, { pollMs: deps.pollMs }), rights)
  registerDashboardLive(web, deps, createCoverageFeed(deps.store, { pollMs: deps.pollMs }), rights)
  registerSuggestions(web, deps)
  registerTerms(web, deps)
  registerComments(web, deps)
  registerNotificationPages(web, deps, paths)
  // Before the editor's unit routes: …/batch/preview would otherwise read as a unit's address.
  registerBatchPage(web, deps, paths)
  registerQaPages(web, deps, paths)
  registerEditor(web, deps, paths)
  registerMerge(web, deps)
  registerNoScriptMerge(web, deps, paths)
  return web
}

/** A byte count as people read it: `4 MB`, `512 kB`. */
function byteSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`
}
