import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { renderBadge } from '../../check/badge.js'
import { InvalidInput, NotFound } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { buildReport } from '../../report/build-report.js'
import type { App, AppEnv, RouteDeps } from '../env.js'
import { problems } from './responses.js'

// Checked by the handler, which says what a badge's path should be.
const param = (name: string, description: string, example: string) =>
  z.string().openapi({ param: { name, in: 'path' }, description, example })

const svg = (description: string) => ({
  description,
  content: { 'image/svg+xml': { schema: z.string().openapi({ description: 'an SVG image' }) } },
})

const languageBadge = createRoute({
  method: 'get',
  path: '/badge/{article}/{file}',
  tags: ['badges'],
  summary: "A coverage badge of one target language, the SVG `tolk check --badge` writes (Cache-Control: no-cache)",
  request: {
    params: z.object({
      article: param('article', 'the article id', 'sv-general-01'),
      file: param('file', 'LANG.svg: the target language', 'sv.svg'),
    }),
  },
  responses: { 200: svg('the badge'), ...problems(400, 401, 404) },
})

const articleBadge = createRoute({
  method: 'get',
  path: '/badge/{file}',
  tags: ['badges'],
  summary: "A coverage badge of an article's lowest coverage over its targets (Cache-Control: no-cache)",
  request: { params: z.object({ file: param('file', 'ARTICLE.svg: the article id', 'sv-general-01.svg') }) },
  responses: { 200: svg('the badge'), ...problems(400, 401, 404) },
})

/**
 * Coverage badges, the same SVG `tolk check --badge` writes: `GET /badge/ARTICLE/LANG.svg` for
 * one language, `GET /badge/ARTICLE.svg` for the lowest coverage over the article's targets.
 * They follow the read rules of the API (a token, or `--public-read` so a README can embed them).
 */
export function registerBadges(app: App, { store }: RouteDeps): void {
  app.openapi(languageBadge, async (c) => {
    const lang = parseLanguage(svgName(c.req.param('file'), 'language'))
    return badge(c, checkId(c.req.param('article'), 'article id'), lang)
  })
  app.openapi(articleBadge, async (c) => badge(c, checkId(svgName(c.req.param('file'), 'article'), 'article id')))

  async function badge(c: Context<AppEnv>, articleId: string, lang?: string): Promise<never> {
    // An unknown or archived article: the store says which.
    const [article] = (await buildReport(store, { articles: [articleId], summary: true })).articles
    if (!article) throw new NotFound(`no article ${articleId}`, 'unknown-article')
    const langs = Object.entries(article.languages)
    const chosen = lang === undefined ? langs : langs.filter(([l]) => l === lang)
    if (langs.length === 0) throw new InvalidInput(`${articleId} has no target languages: there is no coverage to show`, 'no-targets')
    if (chosen.length === 0) {
      // 404: there is no such badge (a file named by the language), as /locales answers.
      throw new NotFound(`${articleId} is not translated into ${lang} (targets: ${langs.map(([l]) => l).join(', ')})`, 'not-a-target')
    }
    const lowest = Math.min(...chosen.map(([, l]) => l.coverage))
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    // Coverage moves with every save: let caches revalidate rather than show an old figure.
    c.header('Cache-Control', 'no-cache')
    // An SVG opened by itself is a document that could run script: this one needs only its styles.
    c.header('Content-Security-Policy', BADGE_CSP)
    return c.body(renderBadge(lang ?? 'translated', lowest)) as never
  }
}

/** What a badge may load: nothing, bar its own inline styles. */
const BADGE_CSP = "default-src 'none'; style-src 'unsafe-inline'"

function svgName(file: string, what: string): string {
  if (!file.endsWith('.svg')) throw new NotFound(`a badge is an .svg: /badge/ARTICLE/LANG.svg or /badge/ARTICLE.svg (${what} missing)`, 'no-route')
  return file.slice(0, -4)
}
