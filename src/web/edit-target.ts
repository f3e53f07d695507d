import type { Context } from 'hono'
import { NotFound } from '../model/errors.js'
import type { ArticleSummary } from '../model/translation.js'
import type { Store } from '../store/types.js'
import type { WebEnv } from './env.js'

/**
 * The article and target language an `/edit/:article/:lang/…` address names; NotFound (a page,
 * or JSON for the script) for an unknown article or a language that is not one of its targets,
 * Archived for an archived one.
 *
 * Read without the article's source text and skeleton (megabytes for a long document): the
 * summary comes with a one-unit page, which names a missing or archived article as every read
 * does. Every editor request goes through here, the page load and each save included.
 */
export async function editTarget(
  store: Store,
  c: Context<WebEnv>,
): Promise<{ article: ArticleSummary; lang: string }> {
  const { article } = await store.unitPage(c.req.param('article') ?? '', { limit: 1 })
  const lang = c.req.param('lang') ?? ''
  if (!article.targets.includes(lang))
    throw new NotFound(c.get('t')('errors.notTarget', { lang }), 'not-a-target')
  return { article, lang }
}
