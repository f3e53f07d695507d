/**
 * Which units of an i18next resource set belong in one language's export (PO, XLIFF): a plural
 * form only where the language's CLDR rules have it, so a Russian file has no `_two` that would
 * come back as unknown (#23.8). `_zero` is the exception i18next makes: it looks `key_zero` up for
 * a count of 0 in every language, so a `_zero` is exported wherever the source has one, and where
 * a translation of it was written (a German `_zero` of a unit only Arabic needs).
 */
import { cldrForms } from '../check/plural-rules.js'
import type { Translation } from '../model/translation.js'

const forms = new Map<string, ReadonlySet<string>>()

/** Whether `unit` (with its translation in `lang`, if any) goes into `lang`'s export. */
export function inLanguageExport(unit: { plural?: string | null; borrowed?: boolean | true }, translation: Pick<Translation, 'version'> | undefined, lang: string): boolean {
  if (!unit.plural) return true
  let own = forms.get(lang)
  if (!own) forms.set(lang, (own = new Set(cldrForms(lang))))
  if (own.has(unit.plural)) return true
  return unit.plural === 'zero' && (!unit.borrowed || (translation?.version ?? 0) > 0)
}
