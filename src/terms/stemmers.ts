/**
 * Snowball stemmers by language, from @orama/stemmers (one module per language, loaded when
 * first asked for). A language without one is matched by exact word form.
 */

/** Turns a lower-case word into its stem. */
export type Stem = (word: string) => string

// Base language subtag → its module, named in full so bundlers and vite see every import.
type Loader = () => Promise<{ stemmer: Stem }>
const MODULES: Readonly<Record<string, Loader>> = {
  ar: () => import('@orama/stemmers/arabic'),
  hy: () => import('@orama/stemmers/armenian'),
  bg: () => import('@orama/stemmers/bulgarian'),
  da: () => import('@orama/stemmers/danish'),
  nl: () => import('@orama/stemmers/dutch'),
  en: () => import('@orama/stemmers/english'),
  fi: () => import('@orama/stemmers/finnish'),
  fr: () => import('@orama/stemmers/french'),
  de: () => import('@orama/stemmers/german'),
  el: () => import('@orama/stemmers/greek'),
  hu: () => import('@orama/stemmers/hungarian'),
  id: () => import('@orama/stemmers/indonesian'),
  ga: () => import('@orama/stemmers/irish'),
  it: () => import('@orama/stemmers/italian'),
  lt: () => import('@orama/stemmers/lithuanian'),
  ne: () => import('@orama/stemmers/nepali'),
  nb: () => import('@orama/stemmers/norwegian'),
  no: () => import('@orama/stemmers/norwegian'),
  nn: () => import('@orama/stemmers/norwegian'),
  pt: () => import('@orama/stemmers/portuguese'),
  ro: () => import('@orama/stemmers/romanian'),
  ru: () => import('@orama/stemmers/russian'),
  sr: () => import('@orama/stemmers/serbian'),
  es: () => import('@orama/stemmers/spanish'),
  sv: () => import('@orama/stemmers/swedish'),
  ta: () => import('@orama/stemmers/tamil'),
  tr: () => import('@orama/stemmers/turkish'),
  uk: () => import('@orama/stemmers/ukrainian'),
}

const loaded = new Map<string, Promise<Stem | undefined>>()

/** The stemmer of a language (BCP 47; its base subtag decides), undefined when there is none. */
export function loadStemmer(lang: string): Promise<Stem | undefined> {
  const base = lang.split('-')[0]!.toLowerCase()
  const load = Object.hasOwn(MODULES, base) ? MODULES[base] : undefined
  if (!load) return Promise.resolve(undefined)
  let stem = loaded.get(base)
  if (!stem) {
    stem = load().then((m) => m.stemmer)
    loaded.set(base, stem)
  }
  return stem
}

/** Whether a language has a stemmer. */
export function hasStemmer(lang: string): boolean {
  return Object.hasOwn(MODULES, lang.split('-')[0]!.toLowerCase())
}
