/**
 * Which plural and ordinal forms a target language needs, from CLDR through Intl.PluralRules, and
 * how i18next JSON v4 spells them as key suffixes (`_one`, `_ordinal_few`).
 */

/** The six CLDR plural categories, the only suffixes i18next uses for plurals. */
export const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
/** One CLDR plural category. */
export type Category = (typeof CATEGORIES)[number]

/** Cardinal plurals (`_one`) or ordinals (`_ordinal_one`). */
export type PluralType = 'cardinal' | 'ordinal'

/** The forms one language needs and the ones it may have. */
export interface PluralForms {
  /** Categories that must be present (CLDR's, minus the optional ones). */
  required: readonly Category[]
  /** Every category the language may hold: CLDR's, plus `zero` (i18next uses it for count 0). */
  allowed: ReadonlySet<string>
  /**
   * `allowed` in CATEGORIES order, each with whether it is required and its place in CATEGORIES
   * (where an entry keeps its form names): the loop the check runs.
   */
  list: readonly { category: Category; required: boolean; index: number }[]
}

const cache = new Map<string, PluralForms>()

/**
 * Forms for `lang`: every category Intl.PluralRules gives is required, except those named in
 * `optional`; `_zero` is optional unless CLDR gives the language a zero category (Arabic, Latvian, Welsh).
 */
export function pluralForms(lang: string, type: PluralType, optional: ReadonlySet<string>): PluralForms {
  const id = `${lang}|${type}|${[...optional].join(',')}`
  let forms = cache.get(id)
  if (!forms) {
    const cldr = new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories as Category[]
    const required = CATEGORIES.filter((c) => cldr.includes(c) && !optional.has(c))
    const allowed = new Set<string>([...cldr, 'zero'])
    const list = CATEGORIES.filter((c) => allowed.has(c)).map((category) => ({ category, required: required.includes(category), index: CATEGORIES.indexOf(category) }))
    forms = { required, allowed, list }
    cache.set(id, forms)
  }
  return forms
}

/** The key suffix of one form: `_one`, or `_ordinal_one` for ordinals. */
export function suffixOf(type: PluralType, category: string): string {
  return type === 'ordinal' ? `_ordinal_${category}` : `_${category}`
}

/** A key split into its base and plural form, when its last `_` part is a CLDR category. */
export interface SplitKey {
  base: string
  type: PluralType
  category: Category
}

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES)

/** Split `count_few` → base `count`, cardinal `few`; `place_ordinal_two` → ordinal `two`. */
export function splitPluralKey(name: string): SplitKey | undefined {
  const cut = name.lastIndexOf('_')
  if (cut <= 0) return undefined
  const category = name.slice(cut + 1)
  if (!CATEGORY_SET.has(category)) return undefined
  const head = name.slice(0, cut)
  if (head.endsWith('_ordinal') && head.length > '_ordinal'.length) {
    return { base: head.slice(0, -'_ordinal'.length), type: 'ordinal', category: category as Category }
  }
  return { base: head, type: 'cardinal', category: category as Category }
}

/** Parse `--optional-plurals many,zero` into a set of categories, or throw with the bad name. */
export function parseOptionalPlurals(value: string | undefined): Set<string> {
  const set = new Set<string>()
  if (!value) return set
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!CATEGORY_SET.has(part)) throw new RangeError(`"${part}" is not a CLDR plural category (${CATEGORIES.join(', ')})`)
    set.add(part)
  }
  return set
}

/**
 * Every plural form `lang`'s CLDR rules have, spelled as a key suffix without its `_`: cardinal
 * categories (`one`, `few`) and ordinal ones (`ordinal_one`). What the store's `plural_rules`
 * holds per language, and what decides which of a resource set's plural units a language counts.
 */
export function cldrForms(lang: string): string[] {
  const out: string[] = []
  for (const type of ['cardinal', 'ordinal'] as const) {
    const cldr = new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories as string[]
    for (const c of CATEGORIES) if (cldr.includes(c)) out.push(suffixOf(type, c).slice(1))
  }
  return out
}
