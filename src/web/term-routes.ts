import type { Hono } from 'hono'
import { articleTerms } from '../terms/unit-terms.js'
import type { WebDeps, WebEnv } from './env.js'
import { editTarget } from './edit-target.js'

/**
 * The terms found in a unit's source, for the editor's panel on the browser's session: as
 * GET /api/articles/:id/terms?lang=…&unit=… gives them (the termbase of the article's domain in
 * the target language, and the tags it uses).
 */
export function registerTerms(web: Hono<WebEnv>, deps: WebDeps): void {
  web.get('/edit/:article/:lang/:unit/terms', async (c) => {
    const { article, lang } = await editTarget(deps.store, c)
    const unit = c.req.param('unit')
    const found = await articleTerms(deps.store, article.id, lang, { unit })
    return c.json({ unit, tag: found.tag, hits: found.units[0]?.hits ?? [] })
  })
}
