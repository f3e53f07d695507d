/** The matcher's tuning and the weight of a shared word: what its candidate searches share. */

/** Tuning of the candidate search; the defaults hold for a memory of a million segments. */
export const MATCH_LIMITS = {
  /** Longest segment matched, in characters. */
  maxChars: 5000,
  /** A posting list is read up to this many ids (word frequencies are counted up to it too). */
  postingCap: 5000,
  /** Past the prefix, only lists this short are read, to sharpen the ranking… */
  extraMaxLength: 1000,
  /** …and no more than this many ids in all. */
  extraBudget: 5000,
  /** Word frequencies are counted up to this (beyond it a word is simply common). */
  frequencyCap: 2000,
  /**
   * Candidates scored exactly (ranked by rare words shared, 75 find about as many best matches
   * on the bench as 150 ranked by words shared did)…
   */
  verify: 75,
  /** …or when only the best match is wanted (analysis, pre-translation). */
  verifyBest: 50,
} as const

/**
 * How much sharing a word says about a candidate: 1 for a word in `frequencyCap` entries or more,
 * up to 12 for a word in one. Candidates are ranked by the sum, so one that shares the segment's
 * rare words goes before one that shares more of its common words (those share them by chance).
 */
export function rarityWeight(df: number): number {
  return Math.max(1, Math.round(Math.log2((2 * MATCH_LIMITS.frequencyCap) / (df + 1))) + 1)
}
