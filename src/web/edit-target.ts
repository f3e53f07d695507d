import type { Context } from 'hono'
import { NotFound } from '../model/errors.js'
import type { Article } from '../model/translation.js'
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
  const article = await store.getArticle(c.req.param('article') ?? '')
  if (!article) throw new NotFound(`no article ${c.req.param('article')}`, 'unknown-article')
  const lang = c.req.param('lang') ?? ''
  if (!article.targets.includes(lang))
    throw new NotFound(c.get('t')('errors.notTarget', { lang }), 'not-a-target')
  return { article, lang }
}
