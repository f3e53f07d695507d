import type { Translation } from '../../src/model/translation.js'
import type { CoverageCounts } from '../../src/store/types.js'

/** Counts of one article and language, all zero: what the slow recounts start from. */
export function zeroCounts(articleId: string, lang: string): CoverageCounts {
  return {
    articleId,
    lang,
    units: { initial: 0, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 },
    words: { initial: 0, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 },
  }
}

/** Count one unit of `words` words in its translation's state, and again in stale if it is. */
export function tally(c: CoverageCounts, t: Translation, words: number): void {
  c.units[t.state]++
  c.words[t.state] += words
  if (t.stale) {
    c.units.stale++
    c.words.stale += words
  }
}
