import type { Hono } from 'hono'
import { unitSuggestions } from '../mt/suggestions.js'
import type { WebDeps, WebEnv } from './env.js'
import { editTarget } from './edit-target.js'

/**
 * A unit's suggestions for the editor on the browser's session, beside `/matches`: memory
 * matches and machine translations together, as GET /api/…/suggestions gives them. The panel
 * fetches it in the background; an engine that failed is in `errors` with its reason, and an
 * engine that is down never makes this route fail.
 */
export function registerSuggestions(web: Hono<WebEnv>, deps: WebDeps): void {
  web.get('/edit/:article/:lang/:unit/suggestions', async (c) => {
    const { article, lang } = await editTarget(deps.store, c)
    const unit = c.req.param('unit')
    const found = await unitSuggestions(deps.store, deps.mt ?? new Map(), article.id, unit, lang)
    return c.json({ unit, ...found })
  })
}
