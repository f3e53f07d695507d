/**
 * The match score, 0–100, of a memory entry's source against a segment.
 *
 * Both texts are NFC-normalised with white space folded, then cut into tokens (see tokens.ts).
 * Leaving punctuation aside, the base score is the word-level Levenshtein similarity
 * `100 · (1 − d / max(n, m))`, where d counts inserted, deleted and replaced tokens, words compare
 * case-folded and any number, date or tag equals any other. Then:
 * - 100 only for the same normalised text;
 * - same tokens but different values (numbers, dates, tags): 99 "auto-fixed" when each differing
 *   value of the entry's source is found in its target and can be replaced there by the segment's
 *   value; otherwise 2 points off per differing value;
 * - 1 point off for a difference in case, in punctuation, or in spacing around punctuation;
 * - anything that is not identical and not auto-fixed is at most 98.
 *
 * Codes of tagged text (`⟦1⟧`, `⟦/1⟧`, `⟦2/⟧`) are not words: the score is the words'. When the
 * entry's codes differ from the segment's (in number, kind or place), they are put back from the
 * segment in the target (code-fix.ts): with the words otherwise the same, 99, one point less for
 * each code that had to be added at the end or dropped; `codesFixed` says the target's codes changed.
 */
import { normalizeForCompare } from '../model/text.js'
import { tokenDistance } from './levenshtein.js'
import { fixCodes } from './code-fix.js'
import { isValue, replaceValues, type Token, tokenizeNormalized } from './tokens.js'

/** A segment prepared once for many comparisons. */
export interface Prepared {
  normalized: string
  tokens: Token[]
  /** Keys of the tokens that are not punctuation. */
  keys: string[]
  /** The punctuation, joined: compared as a whole. */
  punct: string
  /** Where the codes stand: each code with the number of words and punctuation before it. */
  codes: string
}

/** Tokenise and normalise a segment once. */
export function prepare(text: string): Prepared {
  const normalized = normalizeForCompare(text)
  const tokens = tokenizeNormalized(normalized)
  const keys: string[] = []
  let punct = ''
  let codes = ''
  let before = 0
  for (const t of tokens) {
    if (t.kind === 'code') {
      codes += `${t.text}${before} `
      continue
    }
    before++
    if (t.kind === 'punct') punct += t.text
    else keys.push(t.key)
  }
  return { normalized, tokens, keys, punct, codes }
}

/** A scored comparison: the score, and the entry's target with values substituted if any. */
export interface Scored {
  score: number
  /** Numbers, dates or tags were substituted in `target`. */
  autoFixed: boolean
  /** The target's codes were put back from the segment's (renumbered, added or dropped). */
  codesFixed: boolean
  target: string
}

/**
 * Score an entry (its prepared source and raw target) against a segment. Cheap enough for a few
 * hundred candidates per query: one token-level Levenshtein over two short sequences.
 */
export function scoreEntry(segment: Prepared, source: Prepared, target: string): Scored {
  if (segment.normalized === source.normalized) return { score: 100, autoFixed: false, codesFixed: false, target }
  const n = segment.keys.length
  const m = source.keys.length
  const longest = Math.max(n, m)
  if (longest === 0) return { score: 0, autoFixed: false, codesFixed: false, target }
  const codesDiffer = segment.codes !== source.codes
  let codeLoss = 0
  let codesFixed = false
  if (codesDiffer) {
    const f = fixCodes(source.normalized, target, segment.normalized)
    codeLoss = f.added + f.dropped
    codesFixed = f.target !== target
    target = f.target
  }
  const d = tokenDistance(segment.keys, source.keys)
  const punctPenalty = segment.punct === source.punct ? 0 : 1

  // Differing values, position by position, when both have as many (their order then pairs them).
  const a = segment.tokens.filter(isValue)
  const b = source.tokens.filter(isValue)
  const changes = new Map<string, string>()
  let differing = 0
  let consistent = a.length === b.length
  if (consistent) {
    for (let i = 0; i < a.length; i++) {
      const want = a[i]!.text
      const have = b[i]!.text
      if (want === have) continue
      differing++
      const earlier = changes.get(have)
      if (earlier !== undefined && earlier !== want) consistent = false
      changes.set(have, want)
    }
  }
  let fixed = target
  let autoFixed = false
  if (consistent && differing > 0) {
    const r = replaceValues(target, changes)
    if (r.seen.size === changes.size) {
      fixed = r.text
      autoFixed = true
    }
  }

  if (d === 0) {
    const casePenalty = caseDiffers(segment, source) ? 1 : 0
    // Same tokens, same punctuation, same case, same codes: only the spacing around punctuation differs.
    const spacePenalty =
      differing === 0 && punctPenalty === 0 && casePenalty === 0 && !codesDiffer ? 1 : 0
    const penalties = punctPenalty + casePenalty + spacePenalty + codeLoss
    if (autoFixed || (codesDiffer && differing === 0)) {
      return { score: Math.max(0, 99 - penalties), autoFixed, codesFixed, target: fixed }
    }
    const valuePenalty = 2 * (consistent ? differing : Math.max(1, countValueDiffs(a, b)))
    return { score: Math.max(0, Math.min(98, 100 - valuePenalty - penalties)), autoFixed, codesFixed, target }
  }
  const base = Math.floor((100 * (longest - d)) / longest)
  // Values left unfixed count against the match; values fixed are as good as equal.
  const valuePenalty = autoFixed ? 0 : differing
  const score = Math.max(0, Math.min(98, base - punctPenalty - valuePenalty - codeLoss))
  return { score, autoFixed, codesFixed, target: fixed }
}

function caseDiffers(a: Prepared, b: Prepared): boolean {
  const wa = a.tokens.filter((t) => t.kind === 'word')
  const wb = b.tokens.filter((t) => t.kind === 'word')
  return wa.some((t, i) => t.text !== wb[i]?.text)
}

function countValueDiffs(a: Token[], b: Token[]): number {
  let n = Math.abs(a.length - b.length)
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i]!.text !== b[i]!.text) n++
  return n
}
