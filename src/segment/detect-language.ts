import { francAll } from 'franc-min'

/** The language detected in a text, and whether the detector is sure enough to act on it. */
export interface DetectedLanguage {
  /** BCP 47 tag (two-letter where one exists), or undefined when nothing could be detected. */
  lang: string | undefined
  confident: boolean
}

// franc reads trigrams; below this many letters its guess is noise.
const MIN_LETTERS_TO_TRUST = 40
// franc looks at the start of a text only (2,048 characters by default); 1,024 guess as well on
// prose and take half the time, which matters when a folder of articles is imported.
const SAMPLE = 1024

/**
 * Detect the language of `text` with franc (ISO 639-3), mapped to BCP 47 through Intl's alias
 * data (`swe` → `sv`). Confident when there is enough text and the best guess clearly leads.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE)
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  const [best] = francAll(sample, { minLength: 10 })
  if (!best || best[0] === 'und') return { lang: undefined, confident: false }
  let lang: string
  try {
    lang = Intl.getCanonicalLocales(best[0])[0] ?? best[0]
  } catch {
    return { lang: undefined, confident: false }
  }
  return { lang, confident: letters >= MIN_LETTERS_TO_TRUST }
}
