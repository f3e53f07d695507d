/**
 * The source language's keys, indexed once per namespace as a tree that mirrors the JSON objects,
 * so each target file is compared by walking both at once, without building a dotted path per string.
 */
import { countWords, isUnspaced } from '../model/text.js'
import { CATEGORIES, suffixOf, splitPluralKey, type Category, type PluralForms, type PluralType } from './plural-rules.js'
import { interpolations, nestings } from './placeholders.js'
import { isObject, nonStringValue, type JsonFile } from './read-locales.js'
import { objectList } from './object-list.js'

/** One logical key: a plain string, or a plural (or ordinal) group such as `count_one`/`count_other`. */
export interface Entry {
  /** Name at its level: the key itself, or the group's base (`count`). */
  name: string
  /** Its level's dotted path and `.` ('' at the top): the key is `prefix + name` (see keyOf). */
  prefix: string
  /** The full dotted key, made by keyOf when a problem first needs it. */
  key: string | null
  plural: PluralType | null
  /** Name at its level of a key that exists in the source file (for a group: its first form). */
  lineName: string
  /** Line of that key in the source file, once findEntryLines has run (null: not found or not yet). */
  line: number | null
  /** Source words (a group counts its `_other` form). */
  words: number
  /** Whether the source text is empty (then an empty target is no problem). */
  blank: boolean
  vars: readonly string[] | null
  /** The source's `{{…}}` spelled as in the source, for a quick check that a target kept them all. */
  tokens: readonly string[] | null
  nests: readonly string[] | null
  /** For a group: each category's key name at its level (`count_few`), in CATEGORIES order. */
  forms: readonly string[] | null
  /** The message of its `missing` problem, made once (missingProblem) and shared by the languages. */
  missingMessage: string | null
  /** For a group: the plural rules that message names (the next language may have others). */
  missingFor: PluralForms | null
}

/** What a key name at one level is in the source: a plain key, or one form of a group. */
export type Known = 'plain' | { type: PluralType; category: Category }

/** One JSON object level of the source: its entries, the names a target may use, its child objects. */
export interface Level {
  entries: Entry[]
  /**
   * Every name a target may use at this level: plain keys, and every CLDR form of each group
   * (whether the target language allows the form is checked per language). Built by knownAt
   * the first time a target has a key the source lacks at this level: most levels never need it.
   */
  known: Map<string, Known> | null
  /** Child objects by name, built by childNamed on first use (only lines and extra keys need it). */
  children: Map<string, Level> | null
  /** The child objects in order, for the compare loop. */
  kids: Level[]
  /** This level's name in its parent ('' for the top). */
  name: string
  /** Dotted path of this level followed by `.` ('' for the top): the prefix of its keys. */
  prefix: string
}

/** One source namespace, indexed. */
export interface SourceIndex {
  root: Level
  /** Leaf strings in the source file. */
  strings: number
}

/** Index one source file; a value that is not a string or an object throws InvalidInput (exit 2). */
export function indexSource(file: JsonFile, lang: string, pool: ListPool = new ListPool()): SourceIndex {
  const index: SourceIndex = { root: emptyLevel('', ''), strings: 0 }
  index.root = indexLevel({ file, unspaced: isUnspaced(lang) ? lang : null, index, pool }, file.value, '', '')
  return index
}

/**
 * What indexing one file reads and fills. `unspaced`: the source language when it writes without
 * spaces (its words come from countWords), else null.
 */
interface Build {
  file: JsonFile
  unspaced: string | null
  index: SourceIndex
  pool: ListPool
}

function emptyLevel(name: string, prefix: string): Level {
  return { entries: objectList(), known: null, children: null, kids: objectList(), name, prefix }
}

/** The child object `name` of a level, if the source has one. */
export function childNamed(level: Level, name: string): Level | undefined {
  if (level.children === null) {
    level.children = new Map()
    for (const kid of level.kids) level.children.set(kid.name, kid)
  }
  return level.children.get(name)
}

/**
 * Equal lists shared between entries: thousands of keys with `{{count}}`, and every `count_one` …
 * `count_other` group, each hold one array instead of their own. Everything the index keeps
 * survives two young-generation collections, each a copy, so fewer objects is less time.
 */
export class ListPool {
  /** One-item lists (most of them) by their item, the others by their JSON. */
  private readonly singles = new Map<string, readonly string[]>()
  private readonly lists = new Map<string, readonly string[]>()
  share(list: readonly string[] | null): readonly string[] | null {
    if (list === null) return null
    return list.length === 1 ? intern(this.singles, list[0] as string, list) : intern(this.lists, JSON.stringify(list), list)
  }
}

function intern(map: Map<string, readonly string[]>, id: string, list: readonly string[]): readonly string[] {
  const shared = map.get(id)
  if (shared) return shared
  map.set(id, list)
  return list
}

/** The names a target may use at `level` (see Level.known), built once on first use. */
export function knownAt(level: Level): Map<string, Known> {
  if (level.known) return level.known
  const known = new Map<string, Known>()
  for (const e of level.entries) if (!e.forms) known.set(e.name, 'plain')
  for (const e of level.entries) {
    if (!e.forms || !e.plural) continue
    for (let i = 0; i < CATEGORIES.length; i++) {
      const name = e.forms[i] as string
      // A plain key of the same name wins: i18next would read it as that key.
      if (!known.has(name)) known.set(name, { type: e.plural, category: CATEGORIES[i] as Category })
    }
  }
  level.known = known
  return known
}

function indexLevel(b: Build, obj: Record<string, unknown>, name: string, prefix: string): Level {
  const level = emptyLevel(name, prefix)
  const names = Object.keys(obj)
  let hasOther = false
  for (const name of names) {
    const v = obj[name]
    if (typeof v === 'string') {
      b.index.strings++
      if (name.endsWith('_other')) hasOther = true
    } else if (isObject(v)) {
      level.kids.push(indexLevel(b, v, name, `${prefix}${name}.`))
    } else {
      throw nonStringValue(b.file, prefix + name, v)
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
    level.entries.push(entry(b, name, prefix, null, text, null, name))
  }
  for (const g of groups?.values() ?? []) {
    const base = g.base
    const texts = [...g.forms.values()]
    const first = [...g.forms.keys()][0] ?? 'other'
    const e = entry(b, base, prefix, g.type, g.forms.get('other') ?? '', texts, base + suffixOf(g.type, first))
    // Form names depend on the base alone: groups with the same base (every `count`) share them.
    e.forms = b.pool.share(CATEGORIES.map((category) => base + suffixOf(g.type, category)))
    level.entries.push(e)
  }
  return level
}

/** One entry; `texts` holds every form of a group (null for a plain key: its one text). */
function entry(b: Build, name: string, prefix: string, plural: PluralType | null, text: string, texts: string[] | null, lineName: string): Entry {
  const vars = b.pool.share(texts ? union(texts, interpolations) : interpolations(text))
  // The quick token check is exact only when the text it spells out holds every variable.
  const tokens = b.pool.share(rawTokens(text))
  const unspaced = b.unspaced
  return {
    name,
    prefix,
    key: null,
    plural,
    lineName,
    line: null,
    words: unspaced === null ? spacedWords(text) : countWords(text, unspaced).words,
    blank: text.trim() === '',
    vars,
    // (A plain key's own variables are its vars; only a group's other forms can add more.)
    tokens: tokens && (!texts || (interpolations(text)?.length ?? 0) === (vars?.length ?? 0)) ? tokens : null,
    nests: b.pool.share(texts ? union(texts, nestings) : nestings(text)),
    forms: null,
    missingMessage: null,
    missingFor: null,
  }
}

/** The full dotted key of an entry (of a group: its base), made once. */
export function keyOf(e: Entry): string {
  return (e.key ??= e.prefix + e.name)
}

/**
 * countWords for a language that separates words with spaces, without its Unicode pattern when
 * the text is ASCII (the common case): runs of letters and digits, joined by one of `'.-` when a
 * letter or digit follows, exactly as that pattern reads ASCII. Any other text goes to countWords.
 */
export function spacedWords(text: string): number {
  let n = 0
  const len = text.length
  for (let i = 0; i < len; ) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) return countWords(text, 'en').words
    if (!isAlnum(c)) {
      i++
      continue
    }
    n++
    for (;;) {
      i++
      while (i < len && isAlnum(text.charCodeAt(i))) i++
      // (Never read past the end: V8 would throw the optimized code away at the first such read.)
      if (i + 1 >= len) break
      const sep = text.charCodeAt(i)
      if ((sep === 0x27 || sep === 0x2e || sep === 0x2d) && isAlnum(text.charCodeAt(i + 1))) i++
      else break
    }
  }
  return n
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
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
