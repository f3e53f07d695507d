import { textHash } from '../qa/text-hash.js'
import type { QaCheck } from '../qa/types.js'
import type { Store } from '../store/types.js'

/** The checks dismissed on a unit's text: a dismissal made on another text does not count. */
export type DismissedChecks = (unitId: string, source: string, text: string) => ReadonlySet<QaCheck>

const NONE: ReadonlySet<QaCheck> = new Set()

/**
 * The dismissals of an article in a language, read once for a page: the text hash is computed
 * only for units that have a dismissal.
 */
export async function loadDismissed(store: Store, articleId: string, lang: string): Promise<DismissedChecks> {
  const byUnit = new Map<string, { check: QaCheck; hash: string }[]>()
  for (const d of await store.qa.list(articleId, lang)) byUnit.set(d.unit, [...(byUnit.get(d.unit) ?? []), d])
  return (unitId, source, text) => {
    const list = byUnit.get(unitId)
    if (!list) return NONE
    const hash = textHash(source, text)
    return new Set(list.filter((d) => d.hash === hash).map((d) => d.check))
  }
}
