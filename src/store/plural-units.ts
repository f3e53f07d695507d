/**
 * The units of a resource set's plural groups. A source key is a plural form when its last `_`
 * part is a CLDR category and its JSON object also holds the group's `_other` (or
 * `_ordinal_other`) string and one more of the source language's own forms (`_one` in English):
 * the rule `tolk check --locales` applies (src/check/source-index.ts, isGroupForm). An `x_other`
 * alone is a plain key, except in a language whose only form is `other`. A set planned under the
 * older rule (an `_other` alone made a group) keeps its units until it is planned again: the next
 * `tolk import-locales` of its tree, or a saveMissing post to it. Each group then gets a unit for
 * every form any target language has; a form the source lacks borrows the `_other` string.
 * Schema and reasons: src/store/migrations/010-plural-forms.ts.
 */
import { CATEGORIES, pluralForms, splitPluralKey, suffixOf, type PluralType } from '../check/plural-rules.js'

/** A source key: its unit id, the key, its path through the JSON objects and its string. */
export interface SourceKey {
  id: string
  key: string
  /** Segments of JSON objects, and array indexes (numbers). */
  path: readonly (string | number)[]
  source: string
}

/** A unit as planned: a source key (marked with its form when it is one), or a borrowed form. */
export interface PlannedUnit {
  id: string
  key: string
  source: string
  /** The form (`few`, `ordinal_two`) of a plural key; null for a plain key. */
  plural: string | null
  borrowed: boolean
}

/**
 * The units for `keys` (in their order) when the targets have the forms `forms` (as in
 * `cldrForms`, over all targets): each key, and after each group's last key the forms it lacks, in
 * CLDR order. A borrowed form whose id a key already has is left out: that key is a unit already.
 * `idOf` gives a key's unit id (see unitIdOfKey); `lang` is the set's text language, whose forms
 * decide which keys make a group. `zeroFor` names groups (by their dotted base key, `items`) that
 * get a `_zero` unit whatever the targets' CLDR rules: a target wrote one (i18next uses `_zero`
 * for a count of 0 in every language), so it is made on that first write and kept after (#23.8).
 */
export function planUnits(keys: readonly SourceKey[], forms: ReadonlySet<string>, idOf: (key: string) => string, lang: string, zeroFor: ReadonlySet<string> = NONE): PlannedUnit[] {
  const strings = new Set(keys.map((k) => levelName(k.path)))
  // The source language's forms besides `other`: one of them must be there for a group.
  const besides = (type: PluralType) => pluralForms(lang, type, NONE).required.filter((c) => c !== 'other')
  const own = { cardinal: besides('cardinal'), ordinal: besides('ordinal') }
  const groups = new Map<string, { parent: readonly (string | number)[]; base: string; ordinal: boolean; have: Set<string>; other: string; last: number }>()
  const plural: (string | null)[] = keys.map((k, i) => {
    const last = k.path[k.path.length - 1] ?? ''
    // An array element (its index) is never a plural form.
    if (typeof last === 'number') return null
    const name = last
    const split = splitPluralKey(name)
    if (!split) return null
    const parent = k.path.slice(0, -1)
    const otherName = split.base + suffixOf(split.type, 'other')
    if (!strings.has(levelName([...parent, otherName]))) return null
    const others = own[split.type]
    if (others.length > 0 && !others.some((c) => strings.has(levelName([...parent, split.base + suffixOf(split.type, c)])))) return null
    const form = suffixOf(split.type, split.category).slice(1)
    const id = levelName([...parent, `${split.type}:${split.base}`])
    let g = groups.get(id)
    if (!g) groups.set(id, (g = { parent, base: split.base, ordinal: split.type === 'ordinal', have: new Set(), other: '', last: i }))
    g.have.add(form)
    g.last = i
    if (split.category === 'other') g.other = k.source
    return form
  })
  const taken = new Set(keys.map((k) => k.id))
  const after = new Map<number, PlannedUnit[]>()
  for (const g of groups.values()) {
    const extra: PlannedUnit[] = []
    for (const c of CATEGORIES) {
      const suffix = suffixOf(g.ordinal ? 'ordinal' : 'cardinal', c)
      const form = suffix.slice(1)
      const wanted = forms.has(form) || (suffix === '_zero' && zeroFor.has([...g.parent, g.base].join('.')))
      if (!wanted || g.have.has(form)) continue
      const key = [...g.parent, g.base + suffix].join('.')
      const id = idOf(key)
      if (taken.has(id)) continue
      taken.add(id)
      extra.push({ id, key, source: g.other, plural: form, borrowed: true })
    }
    if (extra.length > 0) after.set(g.last, extra)
  }
  const out: PlannedUnit[] = []
  keys.forEach((k, i) => {
    out.push({ id: k.id, key: k.key, source: k.source, plural: plural[i] ?? null, borrowed: false })
    for (const b of after.get(i) ?? []) out.push(b)
  })
  return out
}

const NONE: ReadonlySet<string> = new Set()

/** One name at one JSON level, kept apart from the same dotted id nested otherwise. */
function levelName(path: readonly (string | number)[]): string {
  return JSON.stringify(path)
}

/**
 * The groups (dotted base keys) whose `_zero` a target wrote or a unit already holds, from keys
 * such as `items_zero` and `a.b_zero`: what planUnits takes as `zeroFor`.
 */
export function zeroGroupsOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const key of keys) if (key.endsWith('_zero') && !key.endsWith('_ordinal_zero') && key.length > 5) out.add(key.slice(0, -'_zero'.length))
  return out
}
