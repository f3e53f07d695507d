import { renderBadge } from '../../check/badge.js'
import { NotFound } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { buildReport } from '../../report/build-report.js'
import type { Context } from 'hono'
import type { App, AppEnv, RouteDeps } from '../env.js'

/**
 * Coverage badges, the same SVG `tolk check --badge` writes: `GET /badge/ARTICLE/LANG.svg` for
 * one language, `GET /badge/ARTICLE.svg` for the lowest coverage over the article's targets.
 * They follow the read rules of the API (a token, or `--public-read` so a README can embed them).
 */
export function registerBadges(app: App, { store }: RouteDeps): void {
  app.get('/badge/:article/:file', async (c) => {
    const lang = parseLanguage(svgName(c.req.param('file'), 'language'))
    return badge(c, checkId(c.req.param('article'), 'article id'), lang)
  })
  app.get('/badge/:file', async (c) => badge(c, checkId(svgName(c.req.param('file'), 'article'), 'article id')))

  async function badge(c: Context<AppEnv>, articleId: string, lang?: string): Promise<Response> {
    const [article] = (await buildReport(store, { articles: [articleId], summary: true })).articles
    if (!article) throw new NotFound(`no article ${articleId}`, 'unknown-article')
    const langs = Object.entries(article.languages)
    const chosen = lang === undefined ? langs : langs.filter(([l]) => l === lang)
    if (chosen.length === 0) throw new NotFound(`${articleId} is not translated into ${lang}`, 'unknown-language')
    const lowest = Math.min(...chosen.map(([, l]) => l.coverage))
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    // Coverage moves with every save: let caches revalidate rather than show an old figure.
    c.header('Cache-Control', 'no-cache')
    // An SVG opened by itself is a document that could run script: this one needs only its styles.
    c.header('Content-Security-Policy', BADGE_CSP)
    return c.body(renderBadge(lang ?? 'translated', lowest))
  }
}

/** What a badge may load: nothing, bar its own inline styles. */
const BADGE_CSP = "default-src 'none'; style-src 'unsafe-inline'"

function svgName(file: string, what: string): string {
  if (!file.endsWith('.svg')) throw new NotFound(`a badge is an .svg: /badge/ARTICLE/LANG.svg or /badge/ARTICLE.svg (${what} missing)`, 'no-route')
  return file.slice(0, -4)
}
