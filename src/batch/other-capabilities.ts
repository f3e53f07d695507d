/**
 * What batch work reads of the capabilities beside it: the units with an open QA finding
 * (src/qa/), the units with an open query (the team's comments), and the confirm write of a stale
 * translation (src/model/review.ts: the same text, stale cleared, the history marked).
 */
import type { TranslationWrite } from '../model/translation.js'
import { unitsWithOpenFindings } from '../qa/article-qa.js'
import type { Store } from '../store/types.js'

/** Ids of the units of `articleId` with a QA finding in `lang` that nobody dismissed. */
export function qaFindingUnits(store: Store, articleId: string, lang: string): Promise<ReadonlySet<string>> {
  return unitsWithOpenFindings(store, articleId, lang)
}

/** Ids of the units of `articleId` with an open query in `lang` (one asked in it or about the source). */
export async function openQueryUnits(store: Store, articleId: string, lang: string): Promise<ReadonlySet<string>> {
  return new Set(await store.comments.unitsWithOpenQuery(articleId, lang))
}

/** The write that confirms a stale translation, its text unchanged: the confirm write of #23. */
export function confirmWrite(w: TranslationWrite): TranslationWrite {
  return { ...w, confirm: true }
}
