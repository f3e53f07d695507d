/**
 * How alike two sentences are, for pairing an edited sentence with its old self.
 *
 * The measure is the Sørensen–Dice coefficient over the multisets of character bigrams of the
 * compare-normalised, lower-cased text: 2·|A∩B| / (|A|+|B|), from 0 (nothing shared) to 1. Bigrams
 * rather than words, because they need no word splitting (Chinese, Japanese, Thai work the same as
 * English) and they forgive a changed inflection or a fixed typo, which a word measure counts as a
 * whole different word.
 */

/** A sentence's character bigrams as sorted codes, computed once and compared many times. */
export type BigramProfile = Uint32Array

/**
 * The sorted bigram codes of `normalized` (text already passed through normalizeForCompare).
 * A bigram is two UTF-16 code units packed in 32 bits; a surrogate pair then counts as a bigram of
 * its own, which only makes astral characters weigh a little more and keeps the loop simple.
 */
export function bigramProfile(normalized: string): BigramProfile {
  const text = normalized.toLowerCase()
  const n = text.length - 1
  if (n <= 0) return new Uint32Array(0)
  const codes = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    codes[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0
  }
  return codes.sort()
}

/** Dice similarity of two profiles, 0..1; two empty profiles (texts of one character) score 0. */
export function diceSimilarity(a: BigramProfile, b: BigramProfile): number {
  const total = a.length + b.length
  if (total === 0) return 0
  // Both are sorted, so the multiset intersection is one merge walk.
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      common++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return (2 * common) / total
}
