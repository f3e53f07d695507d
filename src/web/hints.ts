import { checkSegment } from '../qa/segment-checks.js'
import type { QaCheck, SegmentFinding } from '../qa/types.js'

/**
 * A quality hint on a translation: shown next to the segment, never blocking a save. The hints
 * are the QA overview's own per-segment checks (src/qa/segment-checks.ts) in the editor's words.
 */
export type Hint =
  | { code: 'numbers'; numbers: string }
  | { code: 'endMark'; mark: string }
  | { code: 'extraEndMark'; mark: string }
  | { code: 'leadingSpace' }
  | { code: 'trailingSpace' }
  | { code: 'doubleSpace' }
  | { code: 'identical' }
  | { code: 'token'; token: string }

function toHint(f: SegmentFinding): Hint {
  switch (f.check) {
    case 'numbers':
      return { code: 'numbers', numbers: f.data.numbers ?? '' }
    case 'end-punctuation':
      return f.data.mark ? { code: 'endMark', mark: f.data.mark } : { code: 'extraEndMark', mark: f.data.targetMark ?? '' }
    case 'leading-space':
      return { code: 'leadingSpace' }
    case 'trailing-space':
      return { code: 'trailingSpace' }
    case 'double-space':
      return { code: 'doubleSpace' }
    case 'identical':
      return { code: 'identical' }
    default:
      return { code: 'token', token: f.data.code ?? '' }
  }
}

/**
 * Quality hints for a translation of `source`; none for an empty target (nothing to judge yet).
 * @example
 * qualityHints('It costs 5 kr.', 'Det kostar 6 kr')
 * // [{ code: 'numbers', numbers: '5' }, { code: 'endMark', mark: '.' }]
 */
export function qualityHints(taggedSource: string, taggedTarget: string): Hint[] {
  return checkSegment(taggedSource, taggedTarget).map(toHint)
}

const CHECK_OF: Readonly<Record<Hint['code'], QaCheck>> = {
  numbers: 'numbers',
  endMark: 'end-punctuation',
  extraEndMark: 'end-punctuation',
  leadingSpace: 'leading-space',
  trailingSpace: 'trailing-space',
  doubleSpace: 'double-space',
  identical: 'identical',
  token: 'codes',
}

/**
 * The key a hint is dismissed by: its QA check's id, since dismissals are kept on the server per
 * unit, language and check (dismissing one missing code dismisses the unit's code check).
 */
export function hintKey(h: Hint): QaCheck {
  return CHECK_OF[h.code]
}
