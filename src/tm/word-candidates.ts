/**
 * The word path's candidate search for one segment (steps 2–3 of matcher.ts), across the stages
 * of one query. A stage with a lower floor reads the same rarest lists as the stage before and
 * then some more, so the shared-word counts are kept from stage to stage and each list is counted
 * once: a stage counts only the lists the one before did not read.
 *
 * What a stage gets is what counting its lists afresh would give. Its lists are the rarest ones
 * up to a point that never moves back as the floor goes down (a longer prefix leaves the short
 * lists past it less of the extra budget to use up); its candidates are the ids its prefix lists
 * brought, in the order first counted (the prefix lists are counted first, and those ids' counts
 * take in every list read, as a fresh count would); ids only the lists past the prefix brought
 * are counted too, ready for a later stage whose prefix takes those lists in, and left out.
 */
import { MATCH_LIMITS, rarityWeight } from './limits.js'
import type { IndexReader } from './matcher.js'
import type { Prepared } from './score.js'
import { SharedCounter } from './shared-counter.js'
import { indexWords, isValue } from './tokens.js'

/** The candidate search of one segment; call `done` after its last stage. */
export interface WordCandidates {
  /**
   * Ids of the entries worth scoring exactly for floor `threshold`, leaving out those in `skip`
   * (already scored): those sharing the rarest words first, or with `byCount` (the staged search
   * for the best match alone, whose high floors need nearly every word shared) those sharing the
   * most words. On the bench each order finds more best matches where it is used than the other.
   * Floors must come highest first.
   */
  stage(threshold: number, verify: number, skip: ReadonlyMap<number, unknown>, byCount: boolean): number[]
  /** Release the shared counts. */
  done(): void
}

/** Start the candidate search of `seg` over `index`. */
export function wordCandidates(index: IndexReader, seg: Prepared): WordCandidates {
  const words = indexWords(seg.tokens)
  let wordTokens = 0
  let values = 0
  for (const t of seg.tokens) {
    if (t.kind === 'word') wordTokens++
    // Values match any value, and characters of unspaced scripts are not in the word index:
    // neither needs a shared word.
    else if (isValue(t) || t.kind === 'char') values++
  }
  const n = seg.keys.length
  const byRarity = words
    .map((w) => ({ w, df: index.frequency(w, MATCH_LIMITS.frequencyCap) }))
    .sort((a, b) => a.df - b.df)
  const shared = new SharedCounter()
  /** Lengths of the lists counted so far, rarest first. */
  const lengths: number[] = []

  /** Count list `i` (rarest first) unless counted already; its length. */
  const count = (i: number): number => {
    if (i < lengths.length) return lengths[i]!
    const { w, df } = byRarity[i]!
    const ids = index.postings(w, MATCH_LIMITS.postingCap)
    const weight = rarityWeight(df)
    shared.list = i
    for (let j = 0; j < ids.length; j++) shared.bump(ids[j]!, true, weight)
    lengths.push(ids.length)
    return ids.length
  }

  return {
    stage(threshold, verify, skip, byCount) {
      if (words.length === 0) return []
      const k = Math.ceil((threshold * n) / 100) - values - (wordTokens - words.length)
      const prefix = k >= 1 ? Math.max(1, words.length - k + 1) : words.length
      let extra = 0
      let complete = 0
      for (let i = 0; i < byRarity.length; i++) {
        const { df } = byRarity[i]!
        const inPrefix = i < prefix
        // Past the prefix a word only sharpens the ranking; read it only when its list is short.
        if (!inPrefix && (df > MATCH_LIMITS.extraMaxLength || extra + df > MATCH_LIMITS.extraBudget)) break
        const length = count(i)
        if (length < MATCH_LIMITS.postingCap) complete++
        if (!inPrefix) extra += length
      }
      // An entry missing a word whose whole list was read matches at least one token fewer, and
      // its score is at most 100 · (tokens matched) / n: an entry among `complete` fully read
      // lists `c` times scores at most 100 · (n − complete + c) / n, so below this count it
      // cannot reach the floor and is not worth fetching.
      const least = Math.ceil((threshold * n) / 100) - n + complete
      const ids: number[] = []
      const weights: number[] = []
      let heaviest = 0
      shared.forEach((id, c, w) => {
        if (c >= least && !skip.has(id)) {
          const key = byCount ? c : w
          ids.push(id), weights.push(key)
          if (key > heaviest) heaviest = key
        }
      }, prefix)
      return heaviestFirst(ids, weights, heaviest, verify)
    },
    done: () => shared.clear(),
  }
}

/**
 * The `verify` ids of greatest weight, ties in the order given. Weights are small whole numbers:
 * the cut-off comes from a histogram instead of sorting tens of thousands of candidates.
 */
function heaviestFirst(ids: number[], weights: number[], heaviest: number, verify: number): number[] {
  if (ids.length <= verify) return ids
  const histogram = new Uint32Array(heaviest + 1)
  for (const w of weights) histogram[w]!++
  let cut = heaviest
  for (let taken = 0; cut > 0; cut--) {
    taken += histogram[cut]!
    if (taken >= verify) break
  }
  const out: number[] = []
  for (let i = 0; i < ids.length; i++) if (weights[i]! > cut) out.push(ids[i]!)
  for (let i = 0; i < ids.length && out.length < verify; i++) if (weights[i] === cut) out.push(ids[i]!)
  return out
}
