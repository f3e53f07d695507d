import { Archived, NotFound } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { Article } from '../model/translation.js'
import type { Store } from './types.js'

/**
 * The article (or i18next namespace) `id`, for a read or a write that needs it: NotFound
 * (`unknown-article`) when there is none, Archived when it is archived (404 for a read, 409 for
 * a write). The one way every route and verb names a missing article, so each says the same.
 */
export async function requireArticle(store: Store, id: string, on: 'read' | 'write' = 'read'): Promise<Article> {
  const article = await store.getArticle(id)
  if (article) return article
  if (await store.getArchived(id)) throw new Archived(id, on)
  throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
}
