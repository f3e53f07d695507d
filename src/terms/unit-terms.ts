import { NotFound } from '../model/errors.js'
import { parseTag } from '../model/tags.js'
import type { Store } from '../store/types.js'
import { createTermMatcher, type TermHit } from './match.js'
import { loadStemmer } from './stemmers.js'

/** The terms found in one unit's source. */
export interface UnitTerms {
  unit: string
  hits: TermHit[]
}

/**
 * The termbase an article sees for a target language: the target language with the domain of
 * the article's tag (`en-general`, sv → `sv-general`), unless the caller names another tag.
 */
export function termbaseTagFor(articleTag: string, lang: string): string {
  return parseTag(`${lang}-${parseTag(articleTag).domain}`).tag
}

/**
 * The terms of a termbase (and the tags it uses) found in an article's units, for one target
 * language: only units with a hit, in position order; one unit only when `unit` is given.
 */
export async function articleTerms(
  store: Store,
  articleId: string,
  lang: string,
  opts: { tag?: string; unit?: string } = {},
): Promise<{ tag: string; units: UnitTerms[] }> {
  const { article } = await store.unitPage(articleId, { limit: 1 })
  const tag = opts.tag === undefined ? termbaseTagFor(article.tag, lang) : parseTag(opts.tag).tag
  let units = await store.listUnits(articleId)
  if (opts.unit !== undefined) {
    units = units.filter((u) => u.id === opts.unit)
    if (units.length === 0) throw new NotFound(`${articleId} has no unit ${opts.unit}`, 'unknown-unit')
  }
  const entries = await store.terms.resolve(tag)
  if (entries.length === 0) return { tag, units: [] }
  const matcher = createTermMatcher(entries, { source: article.lang, target: lang, stem: await loadStemmer(article.lang) })
  const out: UnitTerms[] = []
  for (const u of units) {
    const hits = matcher.find(u.source)
    if (hits.length > 0) out.push({ unit: u.id, hits })
  }
  return { tag, units: out }
}
