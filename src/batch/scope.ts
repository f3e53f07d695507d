/** A batch's scope read from the store: its articles (named, or a tag's) and their rows in one language. */
import { InvalidInput } from '../model/errors.js'
import type { ArticleSummary } from '../model/translation.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import { requireArticle } from '../store/require-article.js'
import { MAX_UNIT_PAGE, type Store } from '../store/types.js'
import { checkTarget } from '../tm/unit-matches.js'
import type { ScopeArticle } from './filters.js'
import { MAX_BATCH_UNITS, type BatchScope } from './types.js'

/** The most articles a scope may name. */
export const MAX_SCOPE_ARTICLES = 1000

/**
 * The documents of a scope: the named articles (each must have `lang` among its targets), and a
 * tag's articles and resource sets that have it, by id. Throws InvalidInput for an empty scope
 * or one over {@link MAX_BATCH_UNITS} live units (`batch-too-large`), NotFound for an unknown
 * article.
 */
export async function scopeDocuments(store: Store, scope: BatchScope): Promise<{ lang: string; documents: ArticleSummary[] }> {
  const lang = parseLanguage(scope.lang)
  const named = scope.articles ?? []
  if (named.length === 0 && scope.tag === undefined) {
    throw new InvalidInput('a batch scope names articles, a tag, or both', 'invalid-batch')
  }
  if (named.length > MAX_SCOPE_ARTICLES) throw new InvalidInput(`a batch scope names at most ${MAX_SCOPE_ARTICLES} articles`, 'invalid-batch')
  const byId = new Map<string, ArticleSummary>()
  for (const id of named) {
    const a = await requireArticle(store, id, 'write')
    checkTarget(a, lang)
    byId.set(a.id, a)
  }
  if (scope.tag !== undefined) {
    const tag = parseTag(scope.tag).tag
    // listArticles holds every live document: articles and i18next resource sets alike.
    for (const a of await store.listArticles()) if (a.tag === tag && a.targets.includes(lang)) byId.set(a.id, a)
  }
  const documents = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const units = documents.reduce((n, a) => n + a.units, 0)
  if (units > MAX_BATCH_UNITS) {
    throw new InvalidInput(
      `the scope holds ${units} units; a batch takes at most ${MAX_BATCH_UNITS}: name fewer articles or narrow the tag`,
      'batch-too-large',
    )
  }
  return { lang, documents }
}

/** An article's live units in `lang` (plural forms it lacks left out) with their translations. */
export async function scopeRows(store: Store, article: ArticleSummary, lang: string): Promise<ScopeArticle> {
  const rows: ScopeArticle['rows'] = []
  let after: number | undefined
  for (;;) {
    const page = await store.unitPage(article.id, { lang, ownOnly: true, limit: MAX_UNIT_PAGE, ...(after !== undefined ? { after } : {}) })
    for (const r of page.rows) if (r.translation) rows.push({ unit: r.unit, translation: r.translation })
    if (page.next === null) break
    after = page.next
  }
  return { article, lang, rows }
}
