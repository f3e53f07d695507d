/**
 * Matches for one unit of an article: the call the API and the editor make (the editor's
 * Ctrl+1…3 inserts `matches[i].target`). The unit's live neighbours give the context that turns
 * a 100 into a 101.
 */
import { requireArticle } from '../store/require-article.js'
import { InvalidInput, NotFound } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { StoredUnit } from '../model/translation.js'
import { sourceHash } from '../store/sqlite/source-hash.js'
import type { Store } from '../store/types.js'
import type { MatchQuery, MemoryMatch } from './types.js'

/** Options of {@link unitMatches}. */
export interface UnitMatchOptions {
  /** Lowest score (default 70). */
  threshold?: number
  /** Most matches (default 3). */
  limit?: number
}

/**
 * The memory's best matches for unit `unitId` of `articleId` in target language `lang`.
 * Throws NotFound for an unknown article or unit, or a language pair the memory has never seen;
 * InvalidInput when `lang` is not a target of the article.
 * @example
 * const [best] = await unitMatches(store, 'sv-general-01', 'u3', 'sv')
 */
export async function unitMatches(
  store: Store,
  articleId: string,
  unitId: string,
  lang: string,
  opts: UnitMatchOptions = {},
): Promise<MemoryMatch[]> {
  const { article, units, i } = await findUnit(store, articleId, unitId, lang)
  return store.memory.matches({ ...unitQuery(units, i, article, lang), ...opts })
}

/**
 * An article, its live units and where unit `unitId` is among them, for a target language.
 * Throws NotFound for an unknown (or archived) article or unit, InvalidInput when `lang` is not
 * a target.
 */
export async function findUnit(store: Store, articleId: string, unitId: string, lang: string) {
  const article = await requireArticle(store, articleId)
  checkTarget(article, lang)
  const units = await store.listUnits(articleId)
  const i = units.findIndex((u) => u.id === unitId)
  if (i < 0) throw new NotFound(`article ${printable(articleId)} has no unit ${printable(unitId)}`, 'unknown-unit')
  return { article, units, i }
}

/** The match query for the i-th of an article's live units, with its context. */
export function unitQuery(
  units: readonly StoredUnit[],
  i: number,
  article: { lang: string; tag: string },
  lang: string,
): MatchQuery {
  const prev = units[i - 1]
  const next = units[i + 1]
  return {
    text: units[i]!.source,
    srcLang: article.lang,
    tgtLang: lang,
    tag: article.tag,
    prevHash: prev ? sourceHash(prev.source) : null,
    nextHash: next ? sourceHash(next.source) : null,
  }
}

/** Refuse a language that is not among the article's targets. */
export function checkTarget(article: { id: string; targets: string[] }, lang: string): void {
  if (!article.targets.includes(lang)) {
    throw new InvalidInput(
      `${printable(lang)} is not a target language of ${printable(article.id)} (targets: ${article.targets.join(', ') || 'none'})`,
      'not-a-target',
    )
  }
}
