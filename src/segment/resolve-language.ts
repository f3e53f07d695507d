import { parseLanguage } from '../model/tags.js'
import type { Warning } from '../model/unit.js'

/** The text language an input will be treated as, and why. */
export interface ResolvedLanguage {
  lang: string
  warnings: Warning[]
}

/**
 * Pick the text language: the one given (`--lang`, a manifest) when there is one, trusted without
 * detection; else the detected language when detection is confident; else the tag's language;
 * else `und` (no rules: Intl.Segmenter's root behaviour). A text language that differs from the
 * tag's is reported as a warning, never silently, whether it was given or detected.
 */
export async function resolveTextLanguage(
  text: string,
  given: string | undefined,
  tagLanguage: string | undefined,
): Promise<ResolvedLanguage> {
  let lang: string
  let how: string
  if (given !== undefined) {
    lang = parseLanguage(given)
    how = 'is declared as'
  } else {
    // The detector's trigram tables cost start-up time: load them only when detection runs.
    const { detectLanguage } = await import('./detect-language.js')
    const detected = detectLanguage(text)
    const detectedLang = detected.confident ? knownOrUndefined(detected.lang) : undefined
    lang = detectedLang ?? tagLanguage ?? 'und'
    how = detectedLang ? 'reads as' : 'is taken as'
  }
  const warnings: Warning[] = []
  if (tagLanguage && base(lang) !== base(tagLanguage)) {
    warnings.push({
      code: 'language-mismatch',
      message: `the text ${how} ${lang} but its tag declares ${tagLanguage}; treating it as ${lang}`,
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
