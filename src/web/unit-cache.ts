import type { ArticleSummary, StoredUnit } from '../model/translation.js'
import type { Store } from '../store/types.js'

/** An article's live units, and the same by id. */
export interface ArticleUnits {
  list: StoredUnit[]
  byId: Map<string, StoredUnit>
}

/**
 * Units per article, kept while the article's revision stays the same: units change only by
 * import, and every import that changes anything raises the revision. Saves and page views
 * then skip re-reading thousands of rows. Holds at most `max` articles (least recently used go).
 */
export function createUnitCache(
  store: Store,
  max = 32,
): (article: ArticleSummary) => Promise<ArticleUnits> {
  const cache = new Map<string, { revision: number; units: ArticleUnits }>()
  return async (article) => {
    const hit = cache.get(article.id)
    if (hit && hit.revision === article.revision) {
      cache.delete(article.id)
      cache.set(article.id, hit)
      return hit.units
    }
    const list = await store.listUnits(article.id)
    const units = { list, byId: new Map(list.map((u) => [u.id, u])) }
    cache.delete(article.id)
    cache.set(article.id, { revision: article.revision, units })
    if (cache.size > max) cache.delete(cache.keys().next().value as string)
    return units
  }
}
