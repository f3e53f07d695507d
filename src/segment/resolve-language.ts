import { parseLanguage } from '../model/tags.js'
import type { Warning } from '../model/unit.js'

/** The text language an input will be treated as, and why. */
export interface ResolvedLanguage {
  lang: string
  warnings: Warning[]
  /** The language was given (a flag, a manifest, a confirmed article), not detected or assumed. */
  confirmed: boolean
  /**
   * When the language was assumed on doubtful evidence: the language the text may be in instead
   * (the detector's guess), for messages that name the flag to set it.
   */
  alternative?: string | undefined
}

/** How a user names the text language where they are: `--lang en` on the command line. */
export type LanguageFlag = (lang: string) => string

/** The command line's flag. */
export const CLI_LANG_FLAG: LanguageFlag = (lang) => `--lang ${lang}`
/** The API's query parameter (or JSON field). */
export const API_LANG_FLAG: LanguageFlag = (lang) => `lang=${lang}`

/** Options of {@link resolveTextLanguage}. */
export interface ResolveOptions {
  /** `given` is the article's confirmed language as stored: trusted without a second look. */
  stored?: boolean
  /** How the user sets the language, for the warnings (default: the CLI's `--lang xx`). */
  flag?: LanguageFlag
}

/**
 * Pick the text language: the one given (`--lang`, `lang=`, a manifest, an article's confirmed
 * language) when there is one; else the detected language when detection is confident; else the
 * tag's language; else `und` (no rules: Intl.Segmenter's root behaviour). Nothing doubtful is
 * silent: a detected language other than the tag's, a language assumed because the text is short
 * or reads as two languages alike, and a given language the text plainly is not in are warnings
 * naming the flag that settles it. A given language is the user's word: the tag is not held
 * against it.
 */
export async function resolveTextLanguage(
  text: string,
  given: string | undefined,
  tagLanguage: string | undefined,
  opts: ResolveOptions = {},
): Promise<ResolvedLanguage> {
  const flag = opts.flag ?? CLI_LANG_FLAG
  if (given !== undefined && opts.stored) return { lang: parseLanguage(given), warnings: [], confirmed: true }
  // The detector's trigram tables cost start-up time: load them only when detection runs.
  const { detectLanguage } = await import('./detect-language.js')
  const detected = detectLanguage(text)
  const guess = knownOrUndefined(detected.lang)
  if (given !== undefined) {
    const lang = parseLanguage(given)
    const warnings: Warning[] = []
    if (detected.confident && !detected.doubt && guess && base(guess) !== base(lang)) {
      warnings.push({
        code: 'language-contradicted',
        message: `the text reads as ${guess} but is declared ${lang}; treating it as ${lang} (if it is ${guess}, say ${flag(guess)})`,
      })
    }
    return { lang, warnings, confirmed: true }
  }
  const read = detected.confident && guess !== undefined
  const lang = read ? guess : (tagLanguage ?? 'und')
  const runnerUp = detected.doubt?.reason === 'close' ? knownOrUndefined(detected.doubt.runnerUp) : undefined
  // What else the text may be in: the detector's guess or close second, or the tag's language.
  const alternative = [guess, runnerUp, tagLanguage].find((l) => l !== undefined && base(l) !== base(lang))
  const mismatch = read && tagLanguage !== undefined && base(lang) !== base(tagLanguage)
  if (read && !detected.doubt) {
    const warnings: Warning[] = []
    if (mismatch) {
      warnings.push({
        code: 'language-mismatch',
        message: `the text reads as ${lang} but its tag declares ${tagLanguage}; treating it as ${lang} (say ${flag(lang)} to confirm it, or ${flag(tagLanguage!)} if it is ${tagLanguage})`,
      })
    }
    return { lang, warnings, confirmed: false }
  }
  // A guess on thin evidence: named, with the flag that settles it, whenever the text may be in
  // another language than the one taken.
  if (alternative === undefined && lang !== 'und') return { lang, warnings: [], confirmed: false }
  const why =
    detected.doubt?.reason === 'short'
      ? `the text has ${detected.doubt.words} word${detected.doubt.words === 1 ? '' : 's'}, too few to be sure of its language`
      : guess && runnerUp
        ? `the text reads as ${guess} or ${runnerUp} alike`
        : 'the text is too short to tell its language'
  const taken = read
    ? `taken as ${lang}, as it reads${mismatch ? `, though its tag declares ${tagLanguage}` : ''}`
    : tagLanguage
      ? `taken as ${lang}, its tag's language`
      : 'segmented without language rules (und)'
  const fix = alternative ? `if it is ${alternative}, say ${flag(alternative)}` : `name its language with ${flag('xx')}`
  return {
    lang,
    warnings: [{ code: 'language-guessed', message: `${why}: ${taken}; ${fix}` }],
    confirmed: false,
    alternative,
  }
}

function base(lang: string): string {
  return lang.split('-')[0] ?? lang
}

function knownOrUndefined(lang: string | undefined): string | undefined {
  if (lang === undefined) return undefined
  try {
    return parseLanguage(lang)
  } catch {
    return undefined
  }
}
