/**
 * Quality checks of translations (issue #21, QA overview): each check has an id and a default
 * severity; a finding names the unit and what differs. Dismissals are shared on the server, per
 * unit, language and check, and hold the hash of the texts they were made on, so a dismissed
 * finding comes back when the text changes.
 */

/** The checks, in the order the overview lists them. */
export const QA_CHECKS = [
  'codes',
  'numbers',
  'forbidden-term',
  'deprecated-term',
  'untranslated-term',
  'end-punctuation',
  'leading-space',
  'trailing-space',
  'double-space',
  'identical',
  'inconsistent-translation',
  'inconsistent-source',
] as const
export type QaCheck = (typeof QA_CHECKS)[number]

export const SEVERITIES = ['error', 'warning'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Codes, numbers and forbidden terms are errors; every other check is a warning. */
export const DEFAULT_SEVERITY: Readonly<Record<QaCheck, Severity>> = {
  codes: 'error',
  numbers: 'error',
  'forbidden-term': 'error',
  'deprecated-term': 'warning',
  'untranslated-term': 'warning',
  'end-punctuation': 'warning',
  'leading-space': 'warning',
  'trailing-space': 'warning',
  'double-space': 'warning',
  identical: 'warning',
  'inconsistent-translation': 'warning',
  'inconsistent-source': 'warning',
}

/** Whether `s` is at or above `floor` (`error` is above `warning`). */
export function atLeast(s: Severity, floor: Severity): boolean {
  return floor === 'warning' || s === 'error'
}

export function isQaCheck(id: string): id is QaCheck {
  return (QA_CHECKS as readonly string[]).includes(id)
}

/** What one check found in one translation: the check and the words that differ. */
export interface SegmentFinding {
  check: QaCheck
  /** An English sentence naming what differs (`5 is missing`). */
  message: string
  /** The pieces the message names, for a translated message (`{numbers: "5"}`). */
  data: Record<string, string>
}

/** Who dismissed a finding, when and why. */
export interface DismissedBy {
  by: string
  reason: string
  at: string
}

/** A finding of the overview: a segment finding placed on its unit, with its severity. */
export interface QaFinding extends SegmentFinding {
  severity: Severity
  unit: string
  /** The unit's 1-based position in the article. */
  position: number
  /** Present when someone dismissed this check on this unit's current text. */
  dismissed?: DismissedBy
}

/** The overview of one article in one language. */
export interface QaReport {
  article: string
  lang: string
  /** The termbase the term checks read (empty or without entries: no term findings). */
  termbase: string
  findings: QaFinding[]
}

/** A stored dismissal. */
export interface QaDismissal extends DismissedBy {
  article: string
  unit: string
  lang: string
  check: QaCheck
  /** {@link textHash} of the source and the translation it was dismissed on. */
  hash: string
}

/** Dismissals as the store keeps them (Store.qa). */
export interface QaStore {
  /**
   * Dismiss a check on a unit's translation (replacing an earlier dismissal of the same check).
   * Throws NotFound (`unknown-unit`) for a unit the article lacks, InvalidInput for an unknown
   * check or a reason longer than 1,000 characters or with control characters.
   */
  dismiss(d: Omit<QaDismissal, 'at'>): Promise<QaDismissal>
  /** Take a dismissal back; answers whether there was one. */
  undismiss(key: { article: string; unit: string; lang: string; check: QaCheck }): Promise<boolean>
  /** Every dismissal of an article in a language, by unit then check. */
  list(article: string, lang: string): Promise<QaDismissal[]>
}
