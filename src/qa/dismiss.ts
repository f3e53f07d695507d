import { InvalidInput } from '../model/errors.js'
import type { Store } from '../store/types.js'
import { currentTextHash } from './article-qa.js'
import { isQaCheck, QA_CHECKS, type QaCheck, type QaDismissal } from './types.js'

/** The check a request names, or InvalidInput (`unknown-qa-check`). */
export function qaCheckOf(value: unknown): QaCheck {
  const check = typeof value === 'string' ? value : ''
  if (!isQaCheck(check)) throw new InvalidInput(`"${check.slice(0, 50)}" is no QA check: use one of ${QA_CHECKS.join(', ')}`, 'unknown-qa-check')
  return check
}

/**
 * Dismiss a check on a unit's current translation (the API's and the browser's one way): the
 * dismissal holds the hash of the source and translation as they are now. InvalidInput for a
 * unit without a translation in `lang`, NotFound for an unknown unit. Rights are the caller's.
 */
export async function dismissFinding(
  store: Store,
  d: { article: string; unit: string; lang: string; check: QaCheck; reason: string; by: string },
): Promise<QaDismissal> {
  const hash = await currentTextHash(store, d.article, d.unit, d.lang)
  if (hash === undefined) throw new InvalidInput(`${d.unit} has no ${d.lang} translation: there is nothing to dismiss`, 'invalid-input')
  return store.qa.dismiss({ ...d, hash })
}
