/**
 * The source language's keys, indexed once per namespace as a tree that mirrors the JSON objects,
 * so each target file is compared by walking both at once, without building a dotted path per string.
 */
import { countWords } from '../model/text.js'
import { CATEGORIES, suffixOf, splitPluralKey, type Category, type PluralType } from './plural-rules.js'
import { interpolations, nestings } from './placeholders.js'
import { isObject, nonStringValue, type JsonFile } from './read-locales.js'

/** One logical key: a plain string, or a plural (or ordinal) group such as `count_one`/`count_other`. */
export interface Entry {
  /** Name at its level: the key itself, or the group's base (`count`). */
  name: string
  /** Full dotted path of the key, or of the group's base. */
  key: string
  plural: PluralType | null
  /** Dotted path of a key that exists in the source file (for a group: its first form), for line lookup. */
  lineKey: string
  /** Source words (a group counts its `_other` form). */
  words: number
  /** Whether the source text is empty (then an empty target is no problem). */
  blank: boolean
  vars: string[] | null
  /** The source's `{{…}}` spelled as in the source, for a quick check that a target kept them all. */
  tokens: string[] | null
  nests: string[] | null
  /** For a group: each category's key name at its level and full dotted key (`count_few`). */
  forms: Record<string, { name: string; key: string }> | null
}

/** What a key name at one level is in the source: a plain key, or one form of a group. */
export type Known = 'plain' | { type: PluralType; category: Category }

/** One JSON object level of the source: its entries, the names a target may use, its child objects. */
export interface Level {
  entries: Entry[]
  /**
   * Every name a target may use at this level: plain keys, and every CLDR form of each group
   * (whether the target language allows the form is checked per language).
   */
  known: Map<string, Known>
  children: Map<string, Level>
}

/** One source namespace, indexed. */
export interface SourceIndex {
  root: Level
  /** Leaf strings in the source file. */
  strings: number
  entries: number
}

/** Index one source file; a value that is not a string or an object throws InvalidInput (exit 2). */
export function indexSource(file: JsonFile, lang: string): SourceIndex {
  const index: SourceIndex = { root: emptyLevel(), strings: 0, entries: 0 }
  index.root = indexLevel(file, file.value, '', lang, index)
  return index
}

function emptyLevel(): Level {
  return { entries: [], known: new Map(), children: new Map() }
}

function indexLevel(file: JsonFile, obj: Record<string, unknown>, prefix: string, lang: string, index: SourceIndex): Level {
  const level = emptyLevel()
  const names = Object.keys(obj)
  let hasOther = false
  for (const name of names) {
    const v = obj[name]
    if (typeof v === 'string') {
      index.strings++
      if (name.endsWith('_other')) hasOther = true
    } else if (isObject(v)) {
      level.children.set(name, indexLevel(file, v, `${prefix}${name}.`, lang, index))
    } else {
      throw nonStringValue(file, prefix + name, v)
    }
  }
  // A key is a plural form only when its group has an `_other` form: i18next's fallback, always present.
  let groups: Map<string, { base: string; type: PluralType; forms: Map<Category, string> }> | undefined
  for (const name of names) {
    const text = obj[name]
    if (typeof text !== 'string') continue
    const split = hasOther ? splitPluralKey(name) : undefined
    if (split && typeof obj[split.base + suffixOf(split.type, 'other')] === 'string') {
      const id = `${split.type}:${split.base}`
      groups ??= new Map()
      let g = groups.get(id)
      if (!g) groups.set(id, (g = { base: split.base, type: split.type, forms: new Map() }))
      g.forms.set(split.category, text)
      continue
    }
    level.known.set(name, 'plain')
    level.entries.push(entry(name, prefix, null, text, null, name, lang))
  }
  for (const g of groups?.values() ?? []) {
    const base = g.base
    const texts = [...g.forms.values()]
    const first = [...g.forms.keys()][0] ?? 'other'
    const e = entry(base, prefix, g.type, g.forms.get('other') ?? '', texts, base + suffixOf(g.type, first), lang)
    e.forms = {}
    for (const category of CATEGORIES) {
      const name = base + suffixOf(g.type, category)
      e.forms[category] = { name, key: prefix + name }
      // A plain key of the same name wins: i18next would read it as that key.
      if (!level.known.has(name)) level.known.set(name, { type: g.type, category })
    }
    level.entries.push(e)
  }
  index.entries += level.entries.length
  return level
}

/** One entry; `texts` holds every form of a group (null for a plain key: its one text). */
function entry(name: string, prefix: string, plural: PluralType | null, text: string, texts: string[] | null, lineName: string, lang: string): Entry {
  const vars = texts ? union(texts, interpolations) : interpolations(text)
  // The quick token check is exact only when the text it spells out holds every variable.
  const tokens = rawTokens(text)
  return {
    name,
    key: prefix + name,
    plural,
    lineKey: prefix + lineName,
    words: countWords(text, lang).words,
    blank: text.trim() === '',
    vars,
    tokens: tokens && (interpolations(text)?.length ?? 0) === (vars?.length ?? 0) ? tokens : null,
    nests: texts ? union(texts, nestings) : nestings(text),
    forms: null,
  }
}

/** Every `{{…}}` of a text exactly as written; null when there is none. */
function rawTokens(text: string): string[] | null {
  const out: string[] = []
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 2)) {
    const end = text.indexOf('}}', at + 2)
    if (end === -1) return null
    out.push(text.slice(at, end + 2))
  }
  return out.length > 0 ? out : null
}

/** The union over every source form: a variable any form uses is one the target may use. */
function union(texts: string[], find: (t: string) => string[] | null): string[] | null {
  let out: string[] | null = null
  for (const t of texts) {
    for (const v of find(t) ?? []) {
      if (!out) out = []
      if (!out.includes(v)) out.push(v)
    }
  }
  return out
}
