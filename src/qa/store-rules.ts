import { InvalidInput, NotFound } from '../model/errors.js'
import { checkText } from '../model/text-rule.js'
import { isQaCheck, QA_CHECKS, type QaCheck, type QaDismissal } from './types.js'

/** The longest reason a dismissal keeps. */
export const MAX_REASON = 1000

/** A dismissal as both backends check it before writing (the rules of QaStore.dismiss). */
export function checkDismissal(d: Omit<QaDismissal, 'at'>): Omit<QaDismissal, 'at'> {
  if (!isQaCheck(d.check)) throw new InvalidInput(`"${String(d.check).slice(0, 50)}" is no QA check: use one of ${QA_CHECKS.join(', ')}`, 'unknown-qa-check')
  const reason = checkText(d.reason ?? '', MAX_REASON, 'the reason of the dismissal').trim()
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(d.hash)) throw new InvalidInput('the text hash of a dismissal is not one textHash wrote', 'invalid-input')
  return { ...d, reason }
}

export function unknownUnit(article: string, unit: string): NotFound {
  return new NotFound(`${article} has no unit ${unit}`, 'unknown-unit')
}

/** A row of `qa_dismissals`, as both backends store it. */
export interface DismissalRow {
  article_id: string
  unit_id: string
  lang: string
  check_id: string
  text_hash: string
  dismissed_by: string
  reason: string
  /** ISO 8601 text on both (PostgreSQL's pool reads timestamptz as that text). */
  dismissed_at: string
}

export function rowToDismissal(r: DismissalRow): QaDismissal {
  return {
    article: r.article_id, unit: r.unit_id, lang: r.lang, check: r.check_id as QaCheck, hash: r.text_hash,
    by: r.dismissed_by, reason: r.reason, at: r.dismissed_at,
  }
}
