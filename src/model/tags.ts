import { InvalidInput } from './errors.js'

/** A collection tag split into its BCP 47 language and its domain: `pt-BR-legal` → `pt-BR` + `legal`. */
export interface ParsedTag {
  tag: string
  language: string
  domain: string
}

const DOMAIN = /^[a-z]{3,30}$/
// Languages CLDR certainly knows, checked without building Intl.DisplayNames: loading its data
// costs 13–30 ms, a visible share of a short CLI run such as `tolk segment --lang en`.
const COMMON_LANGUAGES = new Set(
  'ar bg cs da de el en es et fa fi fr he hi hr hu id is it ja ko lt lv ms nb nl nn no pl pt ro ru sk sl sr sv th tr uk vi zh'.split(' '),
)
// Built on first use: creating it costs about 13 ms of every verb's start-up.
let languageNames: Intl.DisplayNames | undefined

/**
 * Canonicalise a BCP 47 language tag (`pt-br` → `pt-BR`), or throw InvalidInput.
 * `Intl.getCanonicalLocales` rejects malformed tags; we also refuse `und` and private-use-only tags,
 * which cannot name a text language.
 */
export function parseLanguage(input: string): string {
  let canonical: string
  try {
    const list = Intl.getCanonicalLocales(input)
    if (list.length !== 1 || !list[0] || input.trim() !== input) throw new RangeError('empty')
    canonical = list[0]
  } catch {
    throw new InvalidInput(
      `unknown language tag "${printable(input)}": use a BCP 47 tag such as en, sv or pt-BR`,
      'unknown-language',
    )
  }
  const base = new Intl.Locale(canonical).language
  // Well-formed is not enough: `xx` parses but names no language CLDR knows.
  if (base === 'und' || (!COMMON_LANGUAGES.has(base) && languageName(base) === undefined)) {
    throw new InvalidInput(
      `unknown language tag "${printable(input)}": "${base}" is not a language code CLDR knows; use one such as en, sv or pt-BR`,
      'unknown-language',
    )
  }
  return canonical
}

function languageName(code: string): string | undefined {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
    return languageNames.of(code)
  } catch {
    return undefined
  }
}

/**
 * Split a collection tag at its last hyphen: the language part is checked as BCP 47, the domain
 * must be 3–30 lower-case letters. The whole tag is never handed to Intl.Locale: it would read
 * `general` as a variant and `news` as a script.
 */
export function parseTag(tag: string): ParsedTag {
  const cut = tag.lastIndexOf('-')
  const domain = cut > 0 ? tag.slice(cut + 1) : ''
  if (cut <= 0 || !DOMAIN.test(domain)) {
    throw new InvalidInput(
      `invalid tag "${printable(tag)}": write a language tag, a hyphen and a domain of 3–30 lower-case letters, such as sv-general or pt-BR-legal`,
      'invalid-tag',
    )
  }
  const language = parseLanguage(tag.slice(0, cut))
  return { tag: `${language}-${domain}`, language, domain }
}

/** The base language subtag, lower case: `pt-BR` → `pt`. */
export function baseLanguage(lang: string): string {
  return new Intl.Locale(lang).language
}

/** Shorten and escape a user-supplied string for an error message, so it stays one line. */
export function printable(s: string, max = 60): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s
  return JSON.stringify(cut).slice(1, -1)
}
