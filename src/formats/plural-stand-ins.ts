/**
 * A target's plain key in place of a source plural group: zh `desc` where en has `desc_one` and
 * `desc_other`. i18next looks `desc_other` up for a count, finds nothing, and shows `desc`: for
 * every count, one text. In a language whose only form is `other` that translates the group, as
 * `tolk check --locales` counts it (src/check/compare-file.ts, standIn); elsewhere the forms the
 * language needs stay untranslated (the check reports them as a plural problem).
 */
import { CATEGORIES, pluralForms, splitPluralKey, suffixOf, type PluralType } from '../check/plural-rules.js'
import { planUnits } from '../store/plural-units.js'
import { keyId, type KeyPath, type ResourceEntry } from './i18next-resources.js'

/** A group of the source: where its forms are, its base name and type. */
interface Group {
  parent: KeyPath
  base: string
  type: PluralType
}

/**
 * The translations the plain keys of a `lang` file stand in for (each the group's `other` form,
 * with the plain key's text), given the source file's entries in the text language `source`.
 */
export function pluralStandIns(sourceEntries: readonly ResourceEntry[], source: string, lang: string, entries: readonly ResourceEntry[]): ResourceEntry[] {
  const keys = sourceEntries.map((e) => ({ id: keyId(e.path), key: keyId(e.path), path: e.path, source: e.value }))
  const pathOf = new Map(keys.map((k) => [k.key, k.path]))
  const groups = new Map<string, Group>()
  for (const unit of planUnits(keys, new Set(), (k) => k, source)) {
    if (unit.plural === null) continue
    const path = pathOf.get(unit.key)!
    const split = splitPluralKey(String(path[path.length - 1]))!
    const parent = path.slice(0, -1)
    groups.set(keyId([...parent, split.base]), { parent, base: split.base, type: split.type })
  }
  if (groups.size === 0) return []
  const had = new Set(entries.map((e) => keyId(e.path)))
  const sourceKeys = new Set(keys.map((k) => k.key))
  const out: ResourceEntry[] = []
  for (const e of entries) {
    const key = keyId(e.path)
    const g = groups.get(key)
    if (!g || sourceKeys.has(key)) continue
    // Only where the language's one form is `other`, and the file has none of the group's forms.
    const required = pluralForms(lang, g.type, NONE).required
    if (required.length !== 1 || required[0] !== 'other') continue
    const formKey = (c: string) => keyId([...g.parent, g.base + suffixOf(g.type, c)])
    if (CATEGORIES.some((c) => had.has(formKey(c)))) continue
    out.push({ path: [...g.parent, g.base + suffixOf(g.type, 'other')], value: e.value })
  }
  return out
}

const NONE: ReadonlySet<string> = new Set()
