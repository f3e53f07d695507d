import { da } from './da.js'
import { de } from './de.js'
import { en } from './en.js'
import { sv } from './sv.js'
import type { LanguageRules } from './types.js'

export type { LanguageRules } from './types.js'

const RULES: Record<string, LanguageRules> = { en, sv, da, de }

/**
 * The sentence rules for a BCP 47 tag, chosen by its base language (`en-GB` → `en`), or
 * `undefined` when the language has none and the Intl.Segmenter fallback applies.
 */
export function rulesFor(lang: string): LanguageRules | undefined {
  const cut = lang.search(/[-_]/)
  const base = (cut < 0 ? lang : lang.slice(0, cut)).toLowerCase()
  return Object.hasOwn(RULES, base) ? RULES[base] : undefined
}
