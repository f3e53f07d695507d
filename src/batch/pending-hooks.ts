/**
 * What batch work needs from capabilities built beside it, filled in when they are merged:
 *
 * - `qaFindingUnits`: the units of an article with an open (not dismissed) QA finding in a
 *   language: the QA store's findings of the article (wt-qa);
 * - `openQueryUnits`: the units with an open query (wt-comments);
 * - `confirmWrite`: the confirm write of a stale translation (wt-states: `writeTranslation` with
 *   `confirm: true`, the same text, stale cleared, the history marked).
 *
 * Until then each throws a 400 `batch-filter-unavailable` / `batch-action-unavailable` problem, so
 * a request that needs one is refused whole, before anything is planned or written.
 */
import { TolkError } from '../model/errors.js'
import type { TranslationWrite } from '../model/translation.js'
import type { Store } from '../store/types.js'

/** A filter whose capability this build lacks. */
export class BatchFilterUnavailable extends TolkError {
  constructor(what: 'qaFinding' | 'openQuery') {
    const needs = what === 'qaFinding' ? 'the QA findings' : 'open queries'
    super('batch-filter-unavailable', `the ${what} filter is not available yet in this build of Tolk: it needs ${needs}; leave it out`, 400)
  }
}

/** The confirm action, while this build lacks the confirm write. */
export class BatchActionUnavailable extends TolkError {
  constructor() {
    super('batch-action-unavailable', 'the confirm action is not available yet in this build of Tolk: it needs the confirm write', 400)
  }
}

/** Ids of the units of `articleId` with an open QA finding in `lang`. Lead: read the QA store here. */
export async function qaFindingUnits(_store: Store, _articleId: string, _lang: string): Promise<ReadonlySet<string>> {
  throw new BatchFilterUnavailable('qaFinding')
}

/** Ids of the units of `articleId` with an open query in `lang` (one asked in it or about the source). */
export async function openQueryUnits(store: Store, articleId: string, lang: string): Promise<ReadonlySet<string>> {
  return new Set(await store.comments.unitsWithOpenQuery(articleId, lang))
}

/** Whether the confirm action can run (checked before planning). */
export function confirmAvailable(): boolean {
  return true
}

/** The write that confirms a stale translation, its text unchanged: the confirm write of #23. */
export function confirmWrite(w: TranslationWrite): TranslationWrite {
  return { ...w, confirm: true }
}
