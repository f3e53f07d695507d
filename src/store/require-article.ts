import { Archived, NotFound } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { Article, ArticleSummary } from '../model/translation.js'
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

/**
 * The article's summary (targets, title, no source text) for a read or a write that needs only
 * that: the same errors as requireArticle, from a one-unit page, so a megabyte document's source
 * and skeleton stay unread (as the editor's every request does, src/web/edit-target.ts).
 */
export async function requireSummary(store: Store, id: string, on: 'read' | 'write' = 'read'): Promise<ArticleSummary> {
  try {
    return (await store.unitPage(id, { limit: 1 })).article
  } catch (err) {
    // A page is a read; a write on an archived article is a 409.
    if (err instanceof Archived && on === 'write') throw new Archived(id, 'write')
    throw err
  }
}
