/**
 * BCP 47 tags to Apertium's language codes and back. Apertium names languages by ISO 639-3
 * (`eng`, `spa`, `swe`, `nob`) with a regional variant after an underscore where a pair has one
 * (`eng_US`, `por_BR`). A tag with a region uses the variant when the engine lists it, else the
 * plain language.
 */

// ISO 639-1 to 639-3 for the languages Apertium has pairs in (its "released" pairs).
const THREE: Record<string, string> = {
  af: 'afr', an: 'arg', ar: 'ara', ast: 'ast', be: 'bel', bg: 'bul', br: 'bre', ca: 'cat', cs: 'ces',
  cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus',
  fi: 'fin', fo: 'fao', fr: 'fra', ga: 'gle', gd: 'gla', gl: 'glg', he: 'heb', hi: 'hin', hr: 'hrv',
  hu: 'hun', id: 'ind', is: 'isl', it: 'ita', kk: 'kaz', lt: 'lit', lv: 'lav', mk: 'mkd', ms: 'msa',
  mt: 'mlt', nb: 'nob', nl: 'nld', nn: 'nno', no: 'nob', oc: 'oci', pl: 'pol', pt: 'por', ro: 'ron',
  ru: 'rus', sc: 'srd', se: 'sme', sk: 'slk', sl: 'slv', sq: 'sqi', sr: 'srp', sv: 'swe', tr: 'tur',
  tt: 'tat', uk: 'ukr', ur: 'urd', uz: 'uzb',
}
const TWO = Object.fromEntries(Object.entries(THREE).filter(([k]) => k !== 'no').map(([k, v]) => [v, k]))

/** The Apertium codes a tag may take, most specific first (`en-US` → `eng_US`, `eng`). */
export function apertiumCandidates(tag: string): string[] {
  let loc: Intl.Locale
  try {
    loc = new Intl.Locale(tag)
  } catch {
    return []
  }
  const base = THREE[loc.language] ?? (loc.language.length === 3 ? loc.language : undefined)
  if (!base) return []
  return loc.region ? [`${base}_${loc.region}`, base] : [base]
}

/** The Apertium code for a tag among those an engine lists (`listed`), or undefined. */
export function toApertium(tag: string, listed: ReadonlySet<string>): string | undefined {
  return apertiumCandidates(tag).find((c) => listed.has(c))
}

/** A BCP 47 tag for an Apertium code (`eng_US` → `en-US`, `srd` → `sc`). */
export function fromApertium(code: string): string {
  const [lang, region] = code.split('_')
  const two = TWO[lang!] ?? lang!
  return region ? `${two}-${region}` : two
}
