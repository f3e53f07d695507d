import type { Context } from 'hono'
import { NotFound } from '../model/errors.js'
import type { Article } from '../model/translation.js'
import { requireArticle } from '../store/require-article.js'
import type { Store } from '../store/types.js'
import type { WebEnv } from './env.js'

/**
 * The article and target language an `/edit/:article/:lang/…` address names; NotFound (a page,
 * or JSON for the script) for an unknown article or a language that is not one of its targets.
 */
export async function editTarget(
  store: Store,
  c: Context<WebEnv>,
): Promise<{ article: Article; lang: string }> {
  // An unknown or an archived article: a 404 page saying which.
  const article = await requireArticle(store, c.req.param('article') ?? '')
  const lang = c.req.param('lang') ?? ''
  if (!article.targets.includes(lang))
    throw new NotFound(c.get('t')('errors.notTarget', { lang }), 'not-a-target')
  return { article, lang }
}
