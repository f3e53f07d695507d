/** Pairing the deletions and insertions of one diff region as edited sentences. */
import { type BigramProfile, diceSimilarity } from './similarity.js'

/**
 * Past this many old×new comparisons in one region (200×200), comparing everything with everything
 * would make a heavily rewritten article quadratic; each new sentence is then compared only with
 * the old sentences near its relative position in the region (± a band of at most MAX_BAND),
 * which still finds edits that kept their place, the common case. The band narrows so that a
 * region never costs more than COMPARISON_BUDGET comparisons; at its narrowest (a rewritten
 * 50,000-sentence article) a new sentence meets only the old one at its own relative position.
 */
export const MAX_FULL_COMPARISONS = 200 * 200
const MAX_BAND = 16
const COMPARISON_BUDGET = 200_000

/**
 * Greedy best-first pairs `[oldLocal, newLocal]` with similarity ≥ `threshold`: the most similar
 * pair first; equal scores prefer the pair closer in relative position, then the earlier one.
 */
export function pairSimilar(
  olds: readonly BigramProfile[],
  news: readonly BigramProfile[],
  threshold: number,
): Array<[number, number]> {
  const nOld = olds.length
  const nNew = news.length
  if (nOld === 0 || nNew === 0) return []
  const candidates: Array<{ score: number; distance: number; i: number; j: number }> = []
  const full = nOld * nNew <= MAX_FULL_COMPARISONS
  const band = Math.max(0, Math.min(MAX_BAND, Math.floor((COMPARISON_BUDGET / nNew - 1) / 2)))
  for (let j = 0; j < nNew; j++) {
    const centre = nNew === 1 ? 0 : Math.round((j * (nOld - 1)) / (nNew - 1))
    const from = full ? 0 : Math.max(0, centre - band)
    const to = full ? nOld - 1 : Math.min(nOld - 1, centre + band)
    const b = news[j]!
    for (let i = from; i <= to; i++) {
      const a = olds[i]!
      // Dice can be at most 2·min/(sum) of the profile lengths: skip pairs too unequal in length.
      if (2 * Math.min(a.length, b.length) < threshold * (a.length + b.length)) continue
      const score = diceSimilarity(a, b)
      if (score >= threshold) candidates.push({ score, distance: Math.abs(i - centre), i, j })
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance || x.j - y.j || x.i - y.i)
  const oldTaken = new Uint8Array(nOld)
  const newTaken = new Uint8Array(nNew)
  const pairs: Array<[number, number]> = []
  for (const c of candidates) {
    if (oldTaken[c.i] || newTaken[c.j]) continue
    oldTaken[c.i] = 1
    newTaken[c.j] = 1
    pairs.push([c.i, c.j])
  }
  return pairs
}
