import { parseLanguage } from '../model/tags.js'
import type { Warning } from '../model/unit.js'

/** The text language an input will be treated as, and why. */
export interface ResolvedLanguage {
  lang: string
  warnings: Warning[]
}

/**
 * Pick the text language: `--lang` when given; else the detected language when detection is
 * confident; else the tag's language; else `und` (no rules: Intl.Segmenter's root behaviour).
 * A detected language that differs from the tag's is reported as a warning, never silently.
 */
export async function resolveTextLanguage(
  text: string,
  given: string | undefined,
  tagLanguage: string | undefined,
): Promise<ResolvedLanguage> {
  const warnings: Warning[] = []
  // With a language given and no tag to compare against, there is nothing to detect.
  if (given !== undefined && tagLanguage === undefined) return { lang: parseLanguage(given), warnings }
  // The detector's trigram tables cost start-up time: load them only when detection runs.
  const { detectLanguage } = await import('./detect-language.js')
  const detected = detectLanguage(text)
  const detectedLang = detected.confident ? knownOrUndefined(detected.lang) : undefined
  const lang = given !== undefined ? parseLanguage(given) : detectedLang ?? tagLanguage ?? 'und'
  const textLang = detectedLang ?? lang
  if (tagLanguage && detectedLang && base(detectedLang) !== base(tagLanguage)) {
    warnings.push({
      code: 'language-mismatch',
      message: `the text reads as ${detectedLang} but its tag declares ${tagLanguage}; treating it as ${lang}`,
    })
  } else if (given !== undefined && detectedLang && base(detectedLang) !== base(lang)) {
    warnings.push({
      code: 'language-mismatch',
      message: `the text reads as ${textLang} but --lang says ${lang}; using ${lang}`,
    })
  }
  return { lang, warnings }
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
