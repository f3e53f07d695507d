/**
 * Find a termbase's terms in a unit's source (pure: the caller loads the entries and stemmer).
 *
 * Words are compared by stem where the language has a stemmer (`rivers` finds `river`), by
 * exact word form elsewhere, case ignored unless a term says otherwise. A term is a sequence of
 * words with the same separators between them, so it is never found inside a word (`art` is not
 * in `start`), nor across or inside a protected code (`⟦1⟧`). Scanning left to right, the
 * longest term that starts at a word wins, and the scan goes on after it.
 */
import { OPEN } from '../codes/types.js'
import { isUnspaced } from '../model/text.js'
import type { Stem } from './stemmers.js'
import type { Term, TermEntry, TermStatus } from './types.js'

/** A term found in the source. */
export interface TermHit {
  /** Where in the tagged source: UTF-16 offsets, end exclusive. */
  start: number
  end: number
  /** The text found (`rivers`). */
  found: string
  entryId: number
  tag: string
  /** The source-language term matched. */
  term: Term
  /** The entry's terms in the target language: preferred first, forbidden last. */
  targets: Term[]
  note?: string
}

interface Word {
  start: number
  end: number
  text: string
  key: string
}

interface Pattern {
  keys: string[]
  /** What lies between the words, spaces folded to one. */
  gaps: string[]
  term: Term
  entry: TermEntry
  targets: Term[]
  length: number
}

const STATUS_ORDER: Readonly<Record<TermStatus, number>> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 }
// Letters, marks and digits in words separated by spaces: what the segmenter would split the same way.
const PLAIN_WORDS = /^[\p{L}\p{M}\p{N}]+(?: [\p{L}\p{M}\p{N}]+)*$/u
const CODE_TAG = /⟦\/?[1-9][0-9]{0,5}\/?⟧/gu

/** Whether a term of `termLang` is one of `lang`: the same tag, or its base language (`en` for `en-GB`). */
export function sameLanguage(termLang: string, lang: string): boolean {
  return termLang === lang || termLang === lang.split('-')[0]
}

/** Finds the terms of one termbase in texts of one language pair. */
export interface TermMatcher {
  /** The hits in a unit's tagged source, left to right. */
  find(taggedSource: string): TermHit[]
}

/** A matcher for one language pair over entries as `Store.terms.resolve` gives them. */
export function createTermMatcher(
  entries: readonly TermEntry[],
  opts: { source: string; target: string; stem?: Stem | undefined },
): TermMatcher {
  const segmenter = new Intl.Segmenter(opts.source, { granularity: 'word' })
  const keyOf = (word: string) => {
    const lower = word.toLocaleLowerCase(opts.source)
    return opts.stem ? opts.stem(lower) : lower
  }
  const spaced = !isUnspaced(opts.source)
  const words = (text: string, offset: number): Word[] => {
    // Most terms are letters and spaces: split them without the segmenter (a tenth of the cost).
    if (spaced && PLAIN_WORDS.test(text)) {
      const out: Word[] = []
      for (const m of text.matchAll(/\S+/gu)) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], key: keyOf(m[0]) })
      return out
    }
    const out: Word[] = []
    for (const s of segmenter.segment(text)) {
      if (s.isWordLike) out.push({ start: offset + s.index, end: offset + s.index + s.segment.length, text: s.segment, key: keyOf(s.segment) })
    }
    return out
  }
  const gap = (text: string) => text.replace(/\s+/gu, ' ')

  // Patterns indexed by their first word's key.
  const byFirst = new Map<string, Pattern[]>()
  for (const entry of entries) {
    const targets = entry.terms
      .filter((t) => sameLanguage(t.lang, opts.target))
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
    for (const term of entry.terms) {
      if (!sameLanguage(term.lang, opts.source)) continue
      const ws = words(term.text, 0)
      if (ws.length === 0) continue
      const gaps = ws.slice(1).map((w, i) => gap(term.text.slice(ws[i]!.end, w.start)))
      const pattern: Pattern = { keys: ws.map((w) => w.key), gaps, term, entry, targets, length: term.text.length }
      const list = byFirst.get(pattern.keys[0]!) ?? []
      list.push(pattern)
      byFirst.set(pattern.keys[0]!, list)
    }
  }

  return {
    find(tagged) {
      const hits: TermHit[] = []
      for (const run of textRuns(tagged)) {
        const ws = words(run.text, run.start)
        let i = 0
        while (i < ws.length) {
          const found = (byFirst.get(ws[i]!.key) ?? []).filter((p) => fits(p, ws, i, tagged))
          if (found.length === 0) {
            i++
            continue
          }
          const longest = Math.max(...found.map((p) => p.keys.length * 10_000 + p.length))
          const best = found.filter((p) => p.keys.length * 10_000 + p.length === longest)
          const last = ws[i + best[0]!.keys.length - 1]!
          const seen = new Set<number>()
          for (const p of best) {
            if (seen.has(p.entry.id)) continue
            seen.add(p.entry.id)
            const hit: TermHit = {
              start: ws[i]!.start, end: last.end, found: tagged.slice(ws[i]!.start, last.end),
              entryId: p.entry.id, tag: p.entry.tag, term: p.term, targets: p.targets,
            }
            if (p.entry.note !== undefined) hit.note = p.entry.note
            hits.push(hit)
          }
          i += best[0]!.keys.length
        }
      }
      return hits
    },
  }

  function fits(p: Pattern, ws: Word[], i: number, tagged: string): boolean {
    if (i + p.keys.length > ws.length) return false
    for (let k = 0; k < p.keys.length; k++) {
      const w = ws[i + k]!
      if (w.key !== p.keys[k]) return false
      if (k > 0 && gap(tagged.slice(ws[i + k - 1]!.end, w.start)) !== p.gaps[k - 1]) return false
    }
    if (p.term.caseSensitive && !sameCase(tagged.slice(ws[i]!.start, ws[i + p.keys.length - 1]!.end), p.term.text)) return false
    return true
  }
}

/**
 * A case-sensitive term fits where the text and the term agree in case over the length they
 * share: `NASA` fits `NASA's` but not `Nasa`; `Apple` fits `Apples` but not `apples`.
 */
function sameCase(found: string, term: string): boolean {
  const n = Math.min(found.length, term.length)
  return found.slice(0, n) === term.slice(0, n)
}

/** The stretches of text between code tags, with their offsets (`⟦⟦`, a literal ⟦, stays text). */
function textRuns(tagged: string): { start: number; text: string }[] {
  if (tagged.indexOf(OPEN) < 0) return [{ start: 0, text: tagged }]
  const runs: { start: number; text: string }[] = []
  let at = 0
  for (const m of tagged.matchAll(CODE_TAG)) {
    // A tag right after an escaped ⟦ (`⟦⟦1⟧`) is literal text, not a code.
    if (escapedAt(tagged, m.index)) continue
    runs.push({ start: at, text: tagged.slice(at, m.index) })
    at = m.index + m[0].length
  }
  runs.push({ start: at, text: tagged.slice(at) })
  return runs
}

function escapedAt(tagged: string, index: number): boolean {
  let n = 0
  for (let j = index - 1; j >= 0 && tagged[j] === OPEN; j--) n++
  return n % 2 === 1
}
