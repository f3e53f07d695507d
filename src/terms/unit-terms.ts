import { NotFound } from '../model/errors.js'
import { parseTag } from '../model/tags.js'
import type { Store } from '../store/types.js'
import { createTermMatcher, type TermHit, type TermMatcher } from './match.js'
import type { TermEntry } from './types.js'
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
  const matcher = await cachedMatcher(store, tag, entries, article.lang, lang)
  const out: UnitTerms[] = []
  for (const u of units) {
    const hits = matcher.find(u.source)
    if (hits.length > 0) out.push({ unit: u.id, hits })
  }
  return { tag, units: out }
}

// The editor asks for one unit at a time (and the QA overview for every unit): a termbase's matcher is built once per version of its
// entries (ids and versions change with every add, edit, delete and change of uses), per store.
const matchers = new WeakMap<Store, Map<string, { stamp: string; matcher: TermMatcher }>>()
const MAX_CACHED = 20

export async function cachedMatcher(store: Store, tag: string, entries: TermEntry[], source: string, target: string): Promise<TermMatcher> {
  let cache = matchers.get(store)
  if (!cache) matchers.set(store, (cache = new Map()))
  const key = `${tag} ${source} ${target}`
  const stamp = entries.map((e) => `${e.id}.${e.version}`).join(',')
  const hit = cache.get(key)
  if (hit && hit.stamp === stamp) return hit.matcher
  const matcher = createTermMatcher(entries, { source, target, stem: await loadStemmer(source) })
  cache.delete(key)
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(key, { stamp, matcher })
  return matcher
}
