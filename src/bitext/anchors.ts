/**
 * Anchors: the parts of a sentence that survive translation more or less as they are, and so
 * tell the aligner which sentences belong together when lengths alone are ambiguous.
 * - numbers: each run of digits (`1,200` and `1 200` both give `1`, `200`; `3.5` and `3,5` both
 *   `3`, `5`), so English and Swedish number formats meet;
 * - names: capitalised words that do not start the sentence, compared by their first five
 *   letters, lower-cased (`Biden`, `Bidens`; `Europe`, `Europa` differ, and that costs nothing);
 * - punctuation that a translation keeps: `?`, `!`, `:`, `(`, `%`;
 * - inline codes (`⟦1⟧`, `⟦/1⟧`): by their notation, which a translation keeps exactly.
 */
export type AnchorKind = 'number' | 'name' | 'punct' | 'code'

/** One sentence's anchors, as counts by `kind:token`. */
export type Anchors = Map<string, number>

const CODE = /⟦[^⟧]{1,40}⟧/gu
const DIGITS = /\p{Nd}+/gu
// A word: letters with inner apostrophes or hyphens. Its start decides whether it is capitalised.
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu
const PUNCT = /[?!:(%]/gu

/** The anchors of one sentence (tagged text: codes in Tolk's notation). */
export function anchorsOf(text: string): Anchors {
  const out: Anchors = new Map()
  const add = (key: string) => out.set(key, (out.get(key) ?? 0) + 1)
  for (const m of text.matchAll(CODE)) add(`code:${m[0]}`)
  const plain = text.replace(CODE, ' ')
  for (const m of plain.matchAll(DIGITS)) add(`number:${Number(m[0])}`)
  let first = true
  for (const m of plain.matchAll(WORD)) {
    const w = m[0]
    // The first word is capitalised by grammar, not because it is a name; so is a word right
    // after a colon or a dash that opens a quotation.
    if (!first && isCapitalised(w)) add(`name:${w.toLowerCase().slice(0, 5)}`)
    first = false
  }
  for (const m of plain.matchAll(PUNCT)) add(`punct:${m[0]}`)
  return out
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w) && w.length > 1

/** The kind of an anchor key. */
export const kindOf = (key: string): AnchorKind => key.slice(0, key.indexOf(':')) as AnchorKind

/** The anchors of several sentences together (one side of a 2–1 or 1–2 bead). */
export function mergeAnchors(list: readonly Anchors[]): Anchors {
  if (list.length === 1) return list[0]!
  const out: Anchors = new Map()
  for (const a of list) for (const [k, n] of a) out.set(k, (out.get(k) ?? 0) + n)
  return out
}

/** How much an anchor of each kind counts (in the aligner's cost units, nats). */
export interface AnchorWeights {
  /** Taken off a bead's cost for each anchor found on both sides. */
  matched: Record<AnchorKind, number>
  /** Added for each anchor found on one side only (names and punctuation: 0, translations drop them). */
  unmatched: Record<AnchorKind, number>
}

export const DEFAULT_ANCHOR_WEIGHTS: AnchorWeights = {
  matched: { number: 2.5, code: 2.5, name: 1.5, punct: 0.7 },
  unmatched: { number: 1.5, code: 1.5, name: 0, punct: 0 },
}

/** The anchor part of a bead's cost: lower when the two sides share anchors. */
export function anchorCost(a: Anchors, b: Anchors, w: AnchorWeights): number {
  let cost = 0
  for (const [k, n] of a) {
    const m = Math.min(n, b.get(k) ?? 0)
    const kind = kindOf(k)
    cost -= m * w.matched[kind]
    cost += (n - m) * w.unmatched[kind]
  }
  for (const [k, n] of b) {
    const m = Math.min(n, a.get(k) ?? 0)
    cost += (n - m) * w.unmatched[kindOf(k)]
  }
  return cost
}
