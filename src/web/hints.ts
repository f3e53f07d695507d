import { checkCodes } from '../codes/validate.js'
import { plainTextLenient } from '../codes/tagged-text.js'
import { missingTokens } from './tokens.js'

/** A quality hint on a translation: shown next to the segment, never blocking a save. */
export type Hint =
  | { code: 'numbers'; numbers: string }
  | { code: 'endMark'; mark: string }
  | { code: 'extraEndMark'; mark: string }
  | { code: 'leadingSpace' }
  | { code: 'trailingSpace' }
  | { code: 'doubleSpace' }
  | { code: 'identical' }
  | { code: 'token'; token: string }

// Digits with inner separators (1,000 / 3.5 / 12:30), compared without the separators so that
// 1,000.5 and 1 000,5 count as the same number across locales.
const NUMBER = /\p{Nd}+(?:[.,:\u00a0\u202f ]\p{Nd}+)*/gu
const END_MARK = /[.!?…:;。！？]+["'”’»)\]]*$/u

function numbers(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => m[0].replace(/[^\p{Nd}]/gu, '')).sort()
}

function endMark(text: string): string {
  const m = END_MARK.exec(text.trimEnd())
  return m ? m[0].replace(/["'”’»)\]]+$/u, '') : ''
}

function edge(text: string, re: RegExp): string {
  return re.exec(text)?.[0] ?? ''
}

/**
 * Quality hints for a translation of `source`; none for an empty target (nothing to judge yet).
 * @example
 * qualityHints('It costs 5 kr.', 'Det kostar 6 kr')
 * // [{ code: 'numbers', numbers: '5' }, { code: 'endMark', mark: '.' }]
 */
export function qualityHints(taggedSource: string, taggedTarget: string): Hint[] {
  if (taggedTarget.trim() === '') return []
  const hints: Hint[] = []
  // Numbers, end marks and spaces are the words' own: code tags (`⟦1/⟧` holds a digit) are not.
  const source = plainTextLenient(taggedSource, ' ')
  const target = plainTextLenient(taggedTarget, ' ')
  const s = numbers(source)
  const t = numbers(target)
  if (s.join(' ') !== t.join(' ')) {
    const lost = s.filter((n) => !t.includes(n))
    hints.push({
      code: 'numbers',
      numbers: (lost.length > 0 ? lost : t.filter((n) => !s.includes(n))).join(', '),
    })
  }
  const mark = endMark(source)
  const targetMark = endMark(target)
  if (mark !== targetMark) {
    hints.push(mark ? { code: 'endMark', mark } : { code: 'extraEndMark', mark: targetMark })
  }
  if (edge(source, /^\s*/u) !== edge(target, /^\s*/u)) hints.push({ code: 'leadingSpace' })
  if (edge(source, /\s*$/u) !== edge(target, /\s*$/u)) hints.push({ code: 'trailingSpace' })
  if (/\S {2,}\S/u.test(target) && !/\S {2,}\S/u.test(source)) hints.push({ code: 'doubleSpace' })
  if (target.trim() === source.trim() && /\p{L}/u.test(source)) hints.push({ code: 'identical' })
  for (const tok of missingTokens(source, target)) hints.push({ code: 'token', token: tok.text })
  // A standalone code left out (or used twice) is a hint, the server's own check; a paired code's
  // problems refuse the save instead.
  for (const w of checkCodes(taggedTarget, taggedSource).warnings) hints.push({ code: 'token', token: w.code })
  return hints
}

/** A stable key per hint, for dismissing it on one segment. */
export function hintKey(h: Hint): string {
  return h.code === 'token' ? `token:${h.token}` : h.code
}
