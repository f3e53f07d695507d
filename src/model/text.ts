/**
 * Text helpers shared by segmenter, alignment and reports: normalisation for comparing and
 * hashing, and word counts.
 */

const SPACE_RUN = /\s+/gu
// Printable ASCII words with one space between them: already NFC, nothing to fold or trim. Most
// sentences of an English memory are; the test costs a tenth of normalising (the memory
// normalises every candidate it scores).
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/

/** NFC, runs of white space folded to one space, trimmed: what sentences are compared and hashed by. */
export function normalizeForCompare(text: string): string {
  if (PLAIN.test(text)) return text
  return text.normalize('NFC').replace(SPACE_RUN, ' ').trim()
}

// Languages whose writing does not separate words with spaces: words come from Intl.Segmenter.
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo', 'dz', 'yue', 'wuu'])

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-][\p{L}\p{N}\p{M}]+)*/gu

const wordSegmenters = new Map<string, Intl.Segmenter>()

/** Whether `lang` (a BCP 47 tag) writes without spaces between words. */
export function isUnspaced(lang: string): boolean {
  const base = lang.split('-')[0]?.toLowerCase() ?? ''
  return UNSPACED.has(base)
}

export interface WordCount {
  words: number
  /** Characters (code points, not counting white space); counted for unspaced languages only. */
  characters?: number
}

/**
 * Count words the way the design says: a Unicode word pattern for languages that separate words
 * with spaces; Intl.Segmenter's word granularity (and characters too) for those that do not.
 */
export function countWords(text: string, lang: string): WordCount {
  if (!isUnspaced(lang)) {
    let n = 0
    WORD.lastIndex = 0
    while (WORD.exec(text) !== null) n++
    return { words: n }
  }
  let seg = wordSegmenters.get(lang)
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' })
    wordSegmenters.set(lang, seg)
  }
  let words = 0
  for (const s of seg.segment(text)) if (s.isWordLike) words++
  let characters = 0
  for (const ch of text) if (!/\s/u.test(ch)) characters++
  return { words, characters }
}
