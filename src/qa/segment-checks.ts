/**
 * The checks that read one translation against its source alone: numbers, codes and
 * placeholders, end punctuation, spaces, and a target identical to its source. The editor's
 * per-segment hints (src/web/hints.ts) and the QA overview both call {@link checkSegment}.
 */
import { checkCodes } from '../codes/validate.js'
import { plainTextLenient } from '../codes/tagged-text.js'
import { findTokens, missingTokens } from '../web/tokens.js'
import { numbersOf } from './numbers.js'
import type { QaCheck, SegmentFinding } from './types.js'

const END_MARK = /[.!?…:;。！？]+["'”’»)\]]*$/u
const DOUBLE_SPACE = /\S {2,}\S/u

function endMark(text: string): string {
  const m = END_MARK.exec(text.trimEnd())
  return m ? m[0].replace(/["'”’»)\]]+$/u, '') : ''
}

function edge(text: string, re: RegExp): string {
  return re.exec(text)?.[0] ?? ''
}

/** What is in `a` and not in `b`, counting repeats (`[5, 5]` less `[5]` is `[5]`). */
function less(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b]
  return a.filter((x) => {
    const i = left.indexOf(x)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

const show = (s: string) => s.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/ /g, '␣')

const finding = (check: QaCheck, message: string, data: Record<string, string> = {}): SegmentFinding => ({ check, message, data })

/**
 * The findings of one translation of `taggedSource`; none for an empty target (nothing to judge).
 * Both texts are tagged text (src/codes/): numbers, end marks and spaces are read from their
 * words only, since a code's tag (`⟦1/⟧`) holds a digit.
 * @example
 * checkSegment('It costs 5 kr.', 'Det kostar 6 kr')
 * // numbers: "5 is missing; 6 is not in the source", end-punctuation: "… ends with “.” …"
 */
export function checkSegment(taggedSource: string, taggedTarget: string): SegmentFinding[] {
  if (taggedTarget.trim() === '') return []
  const out: SegmentFinding[] = []
  const source = plainTextLenient(taggedSource, ' ')
  const target = plainTextLenient(taggedTarget, ' ')

  const sn = numbersOf(source)
  const tn = numbersOf(target)
  const lost = less(sn, tn)
  const added = less(tn, sn)
  if (lost.length > 0 || added.length > 0) {
    const parts: string[] = []
    if (lost.length > 0) parts.push(`${lost.join(', ')} of the source ${lost.length > 1 ? 'are' : 'is'} missing`)
    if (added.length > 0) parts.push(`${added.join(', ')} ${added.length > 1 ? 'are' : 'is'} not in the source`)
    out.push(finding('numbers', `Numbers differ: ${parts.join('; ')}`, { missing: lost.join(', '), extra: added.join(', '), numbers: (lost.length > 0 ? lost : added).join(', ') }))
  }

  out.push(...codeFindings(taggedSource, taggedTarget))

  const mark = endMark(source)
  const targetMark = endMark(target)
  if (mark !== targetMark) {
    out.push(
      mark
        ? finding('end-punctuation', `The source ends with “${mark}”, the translation ${targetMark ? `with “${targetMark}”` : 'without an end mark'}`, { mark, targetMark })
        : finding('end-punctuation', `The translation ends with “${targetMark}” but the source has no end mark`, { mark, targetMark }),
    )
  }
  const lead = [edge(source, /^\s*/u), edge(target, /^\s*/u)]
  if (lead[0] !== lead[1]) out.push(finding('leading-space', `Leading space differs: “${show(lead[0]!)}” in the source, “${show(lead[1]!)}” in the translation`, { source: lead[0]!, target: lead[1]! }))
  const trail = [edge(source, /\s*$/u), edge(target, /\s*$/u)]
  if (trail[0] !== trail[1]) out.push(finding('trailing-space', `Trailing space differs: “${show(trail[0]!)}” in the source, “${show(trail[1]!)}” in the translation`, { source: trail[0]!, target: trail[1]! }))
  const double = DOUBLE_SPACE.exec(target)
  if (double && !DOUBLE_SPACE.test(source)) out.push(finding('double-space', `Double space in the translation: “${show(double[0])}”`, { at: double[0] }))
  if (target.trim() === source.trim() && /\p{L}/u.test(source)) out.push(finding('identical', 'The translation is identical to the source'))
  return out
}

/**
 * Codes (the code model's ⟦1⟧ notation) and placeholders (`{{name}}`, `$t(…)`, Markdown and HTML
 * markup in a text without codes): missing, extra, unbalanced or crossed, each named.
 */
function codeFindings(taggedSource: string, taggedTarget: string): SegmentFinding[] {
  const out: SegmentFinding[] = []
  const { errors, warnings } = checkCodes(taggedTarget, taggedSource)
  for (const p of [...errors, ...warnings]) out.push(finding('codes', p.message, { code: p.code, kind: p.kind }))
  for (const tok of missingTokens(taggedSource, taggedTarget)) {
    out.push(finding('codes', `${tok.text} of the source is missing or changed`, { code: tok.text, kind: 'missing' }))
  }
  const inSource = new Set(findTokens(taggedSource).map((t) => t.keep))
  const seen = new Set<string>()
  for (const tok of findTokens(taggedTarget)) {
    if (tok.kind === 'emphasis' || inSource.has(tok.keep) || seen.has(tok.keep)) continue
    seen.add(tok.keep)
    out.push(finding('codes', `${tok.text} is not in the source`, { code: tok.text, kind: 'extra' }))
  }
  return out
}
