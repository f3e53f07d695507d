import { francAll } from 'franc-min'

/** The language detected in a text, and whether the detector is sure enough to act on it. */
export interface DetectedLanguage {
  /** BCP 47 tag (two-letter where one exists), or undefined when nothing could be detected. */
  lang: string | undefined
  /** Enough letters (40) for the guess to be acted on rather than the tag's language. */
  confident: boolean
  /**
   * Why even an acted-on guess is to be named to the user: too few words, or a second language
   * that scores about as well.
   */
  doubt?: { reason: 'short'; words: number } | { reason: 'close'; runnerUp: string }
}

// franc reads trigrams; below this many letters its guess is noise.
const MIN_LETTERS_TO_TRUST = 40
// Below this many words a guess is a guess, however far it leads (issue 16: a short English text
// under an sv- tag read as Swedish).
export const MIN_WORDS_TO_TRUST = 20
// The runner-up at or above this share of the best score: the two are too close to pick one.
// franc's scores are normalised distances that crowd near the top even on clear prose: on 1 KiB
// samples the runner-up scored 0.96 on the English seed, 0.92 on German, 0.84 on English news,
// but 0.99 on Danish (which franc-min lacks, and reads as Swedish). "Within 10 %" of the score
// would doubt nearly every text, so the line is drawn where only real close calls fall.
const CLOSE_CALL = 0.98
// franc looks at the start of a text only (2,048 characters by default); 1,024 guess as well on
// prose and take half the time, which matters when a folder of articles is imported.
const SAMPLE = 1024

/**
 * Detect the language of `text` with franc (ISO 639-3), mapped to BCP 47 through Intl's alias
 * data (`swe` → `sv`). Confident when there are 40 letters or more; doubtful below 20 words, or
 * when the runner-up scores CLOSE_CALL of the best or more.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE)
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  const [best, second] = francAll(sample, { minLength: 10 })
  if (!best || best[0] === 'und') return { lang: undefined, confident: false }
  const lang = bcp47(best[0])
  if (lang === undefined) return { lang: undefined, confident: false }
  const confident = letters >= MIN_LETTERS_TO_TRUST
  const words = countWordsUpTo(text, MIN_WORDS_TO_TRUST)
  if (words < MIN_WORDS_TO_TRUST) return { lang, confident, doubt: { reason: 'short', words } }
  const runnerUp = second && second[1] >= CLOSE_CALL * best[1] ? bcp47(second[0]) : undefined
  if (runnerUp !== undefined) return { lang, confident, doubt: { reason: 'close', runnerUp } }
  return { lang, confident }
}

function bcp47(iso6393: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(iso6393)[0] ?? iso6393
  } catch {
    return undefined
  }
}

// A word: a run of letters or digits, except that each character of a script written without
// spaces (Chinese, Japanese, Thai, …) counts as one, so a long Chinese text is not "short".
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]|[\p{L}\p{M}\p{N}]+/gu

/** Words of `text`, counted up to `cap` (a long text need not be read to its end). */
function countWordsUpTo(text: string, cap: number): number {
  let n = 0
  for (const _ of text.matchAll(WORD)) if (++n >= cap) break
  return n
}
