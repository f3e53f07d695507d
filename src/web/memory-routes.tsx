import type { Context, Hono } from 'hono'
import { NotFound } from '../model/errors.js'
import { unitMatches } from '../tm/unit-matches.js'
import type { WebDeps, WebEnv } from './env.js'
import { editTarget } from './edit-target.js'
import { doc, pageContext, wantsJson } from './page-context.js'
import { ConcordancePage } from './pages/concordance.js'
import type { PageContext } from './pages/layout.js'
import { textDirection } from './text-direction.js'

/** Most concordance hits the editor shows. */
const SEARCH_LIMIT = 20

/**
 * The translation memory for the editor, on the browser's session (the API under /api wants a
 * token): a unit's top matches as JSON for the script, fetched when its segment gets focus, and
 * concordance search, as JSON for the script or as a page without it.
 */
export function registerMemory(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps

  const target = (c: Context<WebEnv>) => editTarget(store, c)
  /** A memory that has never seen the pair simply has nothing to offer the editor yet. */
  const orNone = async <T,>(f: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await f()
    } catch (err) {
      if (err instanceof NotFound && err.code === 'unknown-language-pair') return []
      throw err
    }
  }

  web.get('/edit/:article/:lang/:unit/matches', async (c) => {
    const { article, lang } = await target(c)
    const unit = c.req.param('unit')
    const matches = await orNone(() => unitMatches(store, article.id, unit, lang))
    return c.json({
      unit,
      matches: matches.map((m) => ({
        score: m.score,
        autoFixed: m.autoFixed,
        codesFixed: m.codesFixed,
        source: m.source,
        target: m.target,
        diff: m.diff,
        ...(m.regions ? { regions: m.regions } : {}),
      })),
    })
  })

  web.get('/edit/:article/:lang/concordance', async (c) => {
    const { article, lang } = await target(c)
    const q = c.req.query('q') ?? ''
    const hits = await orNone(() =>
      store.memory.search({ query: q, tgtLang: lang, srcLang: article.lang, limit: SEARCH_LIMIT }),
    )
    const found = hits.map((h) => ({ source: h.source, target: h.target, articleId: h.articleId }))
    if (wantsJson(c)) return c.json({ q, hits: found })
    const ctx = pageContext(c, assets)
    return c.html(
      doc(
        <ConcordancePage
          ctx={ctx}
          q={q}
          hits={found}
          editor={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`}
          srcLang={article.lang}
          lang={lang}
          title={ctx.t('memory.resultsTitle', { q })}
          dirs={{ src: textDirection(article.lang), tgt: textDirection(lang) }}
        />,
      ),
    )
  })
}
