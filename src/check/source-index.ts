/**
 * The source language's keys, indexed once per namespace as a tree that mirrors the JSON objects,
 * so each target file is compared by walking both at once, without building a dotted path per string.
 */
import { countWords, isUnspaced } from '../model/text.js'
import { isBranch } from './key-shapes.js'
import { tagsOf } from './markup.js'
import { CATEGORIES, pluralForms, suffixOf, splitPluralKey, type Category, type PluralForms, type PluralType, type SplitKey } from './plural-rules.js'
import { interpolations, nestings, withoutInterpolations } from './placeholders.js'
import { nonStringValue, type JsonFile } from './read-locales.js'
import { objectList } from './object-list.js'

/**
 * One logical key: a plain string, or a plural (or ordinal) group such as `count_one`/`count_other`.
 * What only groups or problems need lives in `group` and `said`: every field is copied by the
 * young-generation collector while the index is built, once per entry of a big source.
 */
export interface Entry {
  /** Name at its level: the key itself, or the group's base (`count`). */
  name: string
  /** Its level's dotted path and `.` ('' at the top): the key is `prefix + name` (see keyOf). */
  prefix: string
  /** Line of its key in the source file (a group's: its first form's), once findEntryLines has run (null: not found or not yet). */
  line: number | null
  /** Source words (a group counts its `_other` form). */
  words: number
  /** Whether the source text is empty (then an empty target is no problem). */
  blank: boolean
  vars: readonly string[] | null
  /** The source's `{{…}}` spelled as in the source, for a quick check that a target kept them all. */
  tokens: readonly string[] | null
  nests: readonly string[] | null
  /** Its tags (`<0>`, `</0>`, `<br/>`; see markup.ts); null when it has none. */
  tags: readonly string[] | null
  /** A plain key's slot in its level (see Level.slots); -1 for a group. */
  slot: number
  /** A group's forms; null for a plain key. */
  group: GroupForms | null
  /** What its problems say, made when the first one is (see keyOf, missingProblem). */
  said: Said | null
}

/** A plural or ordinal group's forms. */
export interface GroupForms {
  type: PluralType
  /** Each category's key name at its level (`count_few`), in CATEGORIES order. */
  names: readonly string[]
  /** Each form's slot, in CATEGORIES order. */
  slots: readonly number[]
  /** Name at its level of the first form the source file has: the group's line is that key's. */
  lineName: string
}

/** An entry's dotted key and the message of its `missing` problem, made once and shared by the languages. */
export interface Said {
  key: string
  missing: string | null
  /** For a group: the plural rules that message names (the next language may have others). */
  missingFor: PluralForms | null
  /** For a group: the messages for other rule sets, made as languages with them need one. */
  others: Map<PluralForms, string> | null
}

/**
 * What a key name at one level is in the source: a plain key, one form of a group, or a group's
 * base (`desc` of `desc_one`/`desc_other`), which a target may hold as a plain key in its stead.
 */
export type Known = 'plain' | { type: PluralType; category: Category } | { base: Entry }

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
  /**
   * Every name a target may use here, one slot each, in the source's key order (a group's six
   * forms where its first form is): the compare walks a target object's own keys in step with
   * these, and notes what it found per slot (see compare-file.ts).
   */
  slots: string[]
  /**
   * The entry each slot belongs to: a plain key's, or a group's for its forms (also for a form
   * slot shared with a child object of the same name); null for a child object's alone.
   */
  slotEntries: (Entry | null)[]
  /** Slot name → slot, built on the first target key that is not where the source order expects it. */
  slotMap: Map<string, number> | null
  /** This level's slot in its parent (-1 for the top). */
  slot: number
  /** Whether the source holds this level as an array (its keys are indexes). */
  array: boolean
  /** An array's line in the source file (its elements have no key of their own to point at). */
  line: number | null
  /** Where this level's slots start in `found`. */
  base: number
  /** What a compare found per slot, for every level of the namespace (one array, see compare-file.ts). */
  found: Int32Array
}

/** One source namespace, indexed. */
export interface SourceIndex {
  root: Level
  /** Leaf strings in the source file. */
  strings: number
}

/**
 * Index one source file (its dotted keys already nested: expandDeep); a value that is not a
 * string, an object or an array throws InvalidInput (exit 2). `optional`: plural categories
 * never required (they do not make a group).
 */
export function indexSource(file: JsonFile, lang: string, pool: ListPool = new ListPool(), optional: ReadonlySet<string> = NONE): SourceIndex {
  const index: SourceIndex = { root: emptyLevel('', ''), strings: 0 }
  const others = (type: PluralType) => pluralForms(lang, type, optional).required.filter((c) => c !== 'other')
  const build: Build = { file, unspaced: isUnspaced(lang) ? lang : null, index, pool, others: { cardinal: others('cardinal'), ordinal: others('ordinal') } }
  index.root = indexLevel(build, file.value, '', '')
  const levels: Level[] = []
  collectLevels(index.root, levels)
  let total = 0
  for (const level of levels) {
    level.base = total
    total += level.slots.length
  }
  const found = new Int32Array(total)
  for (const level of levels) level.found = found
  return index
}

function collectLevels(level: Level, into: Level[]): void {
  into.push(level)
  for (const kid of level.kids) collectLevels(kid, into)
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
  /** The source language's required forms besides `other`: a group holds one of them (see isGroupForm). */
  others: { cardinal: readonly Category[]; ordinal: readonly Category[] }
}

const NONE: ReadonlySet<string> = new Set()

function emptyLevel(name: string, prefix: string): Level {
  return {
    entries: objectList(),
    known: null,
    children: null,
    kids: objectList(),
    name,
    prefix,
    slots: [],
    slotEntries: objectList(),
    slotMap: null,
    slot: -1,
    array: false,
    line: null,
    base: 0,
    found: NO_SLOTS,
  }
}

const NO_SLOTS = new Int32Array(0)

/** A new slot at `level` for `name`, owned by `entry` (null: a child object's). */
function addSlot(level: Level, name: string, entry: Entry | null): number {
  level.slots.push(name)
  level.slotEntries.push(entry)
  return level.slots.length - 1
}

/**
 * The slot of `name` at `level`, for a target key that is not where the source order expects
 * it: first the few slots around that place (a target without some of the source's keys, or
 * with plural forms in another order: Intl lists Russian's as few, many, one, other), then a
 * map; -1 when the source has no such name here. Names are unique within a level.
 */
export function slotNamed(level: Level, name: string, near: number): number {
  const slots = level.slots
  const end = Math.min(slots.length, near + NEAR)
  for (let s = Math.max(0, near - NEAR); s < end; s++) if (slots[s] === name) return s
  if (level.slotMap === null) {
    level.slotMap = new Map()
    for (let s = 0; s < slots.length; s++) level.slotMap.set(slots[s] as string, s)
  }
  return level.slotMap.get(name) ?? -1
}

/** Slots searched one by one on either side before the map: more than a group's six forms. */
const NEAR = 8

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
  private readonly forms = new Map<string, readonly string[]>()
  /**
   * A group's key names in CATEGORIES order (`count_zero` … `count_other`), one list per base and
   * type. The names are made property keys once, so that V8 holds them as the same strings as a
   * parsed file's keys and the compare's `===` on them is a pointer comparison.
   */
  formNames(base: string, type: PluralType): readonly string[] {
    const id = `${type}:${base}`
    let names = this.forms.get(id)
    if (!names) {
      const keys: Record<string, true> = {}
      for (const category of CATEGORIES) keys[base + suffixOf(type, category)] = true
      names = Object.keys(keys)
      this.forms.set(id, names)
    }
    return names
  }
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
  for (const e of level.entries) if (!e.group) known.set(e.name, 'plain')
  for (const e of level.entries) {
    const g = e.group
    if (!g) continue
    for (let i = 0; i < CATEGORIES.length; i++) {
      const name = g.names[i] as string
      // A plain key of the same name wins: i18next would read it as that key.
      if (!known.has(name)) known.set(name, { type: g.type, category: CATEGORIES[i] as Category })
    }
  }
  // A group's base, unless a key or a child object has its name.
  for (const e of level.entries) if (e.group && !known.has(e.name) && !childNamed(level, e.name)) known.set(e.name, { base: e })
  level.known = known
  return known
}

/**
 * Index one object of the source: its plain keys, plural groups and child objects, each with its
 * slot (in key order; a group's six forms where its first form is). One pass, and most keys take
 * the short path (plainEntry): the index is built once per run, mostly before V8 has optimized
 * this code, so every step per key counts.
 */
function indexLevel(b: Build, obj: Record<string, unknown>, name: string, prefix: string): Level {
  const at: LevelBuild = { level: emptyLevel(name, prefix), obj, groups: null, claims: null }
  const level = at.level
  for (const key in obj) {
    const v = obj[key]
    if (typeof v === 'string') {
      b.index.strings++
      const split = key.lastIndexOf('_') > 0 ? splitPluralKey(key) : undefined
      if (split !== undefined && isGroupForm(b, obj, split)) {
        addForm(b, at, split, v)
        continue
      }
      const e = plainEntry(b, key, prefix, v)
      e.slot = addSlot(level, key, e)
      level.entries.push(e)
    } else if (isBranch(v)) {
      const child = indexLevel(b, v, key, `${prefix}${key}.`)
      child.array = Array.isArray(v)
      // Its own slot, unless a group's form of the same name took one first (see formSlots).
      child.slot = at.claims?.get(key) ?? addSlot(level, key, null)
      level.kids.push(child)
    } else {
      throw nonStringValue(b.file, prefix + key, v)
    }
  }
  const groups = at.groups
  if (groups !== null) for (let i = 0; i < groups.length; i++) level.entries.push(groupEntry(b, level, prefix, groups[i] as Group))
  return level
}

/** One level being indexed: its groups so far, and slots its group forms took for child objects not yet met. */
interface LevelBuild {
  level: Level
  obj: Record<string, unknown>
  groups: Group[] | null
  claims: Map<string, number> | null
}

/**
 * Whether a key is a form of a plural (or ordinal) group: the source holds its `_other` (i18next's
 * fallback, always there) and one more of the source language's forms (`_one` in English). An
 * `x_other` alone is a plain key: `t('x', {count: 1})` would find no `x_one` and show the key, so
 * such a key is only ever called as `t('x_other')`. In a language whose only form is `other`
 * (Japanese), `x_other` alone is its group.
 */
function isGroupForm(b: Build, obj: Record<string, unknown>, split: SplitKey): boolean {
  if (typeof obj[split.base + suffixOf(split.type, 'other')] !== 'string') return false
  const others = b.others[split.type]
  if (others.length === 0) return true
  for (let i = 0; i < others.length; i++) if (typeof obj[split.base + suffixOf(split.type, others[i] as Category)] === 'string') return true
  return false
}

/**
 * A plural (or ordinal) group being indexed: its forms' categories and texts in key order, its
 * form names and slots. (Arrays and indexed loops, not maps and iterators: this runs once, mostly
 * unoptimized, where every iterator is an allocation.)
 */
interface Group {
  base: string
  type: PluralType
  categories: Category[]
  texts: string[]
  names: readonly string[]
  slots: number[]
}

/** One form's text into its group, the group (and its slots) made at its first form. */
function addForm(b: Build, at: LevelBuild, split: SplitKey, text: string): void {
  const groups = (at.groups ??= [])
  let g: Group | undefined
  for (let i = 0; i < groups.length && g === undefined; i++) {
    const candidate = groups[i] as Group
    if (candidate.base === split.base && candidate.type === split.type) g = candidate
  }
  if (g === undefined) {
    const names = b.pool.formNames(split.base, split.type)
    g = { base: split.base, type: split.type, categories: [], texts: [], names, slots: formSlots(at, names) }
    groups.push(g)
  }
  g.categories.push(split.category)
  g.texts.push(text)
}

/**
 * Slots for a group's six form names. A form name that is also a child object's (a source with
 * both `count_few: {…}` and a `count` group) shares that object's slot, so one target key is
 * found in one place for both.
 */
function formSlots(at: LevelBuild, names: readonly string[]): number[] {
  const { level, obj } = at
  const slots: number[] = []
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (!isBranch(obj[name])) {
      slots.push(addSlot(level, name, null))
      continue
    }
    const child = level.kids.find((kid) => kid.name === name)
    if (child) {
      slots.push(child.slot)
    } else {
      // The object comes later in the file: it takes this slot when it is indexed.
      const slot = addSlot(level, name, null)
      ;(at.claims ??= new Map()).set(name, slot)
      slots.push(slot)
    }
  }
  return slots
}

/** A plain key's entry. Most texts have no `{{…}}`, `$t(…)` or tag: their parts are not looked for. */
function plainEntry(b: Build, name: string, prefix: string, text: string): Entry {
  const parts = text.indexOf('{{') !== -1 || text.indexOf('$t(') !== -1
  const vars = parts ? b.pool.share(interpolations(text)) : null
  const tokens = parts ? b.pool.share(rawTokens(text)) : null
  const nests = parts ? b.pool.share(nestings(text)) : null
  const tags = text.indexOf('<') !== -1 ? b.pool.share(tagsOf(text)) : null
  return newEntry(name, prefix, null, wordsOf(b, text), isBlank(text), vars, tokens, nests, tags)
}

/** A group's entry: its words are its `_other` form's, its variables and nestings those of every form. */
function groupEntry(b: Build, level: Level, prefix: string, g: Group): Entry {
  const other = g.categories.indexOf('other')
  const text = other === -1 ? '' : (g.texts[other] as string)
  const vars = b.pool.share(union(g.texts, interpolations))
  // The quick token check is exact only when the text it spells out holds every variable.
  const tokens = b.pool.share(rawTokens(text))
  const forms: GroupForms = { type: g.type, names: g.names, slots: g.slots, lineName: g.base + suffixOf(g.type, g.categories[0] ?? 'other') }
  const e = newEntry(
    g.base,
    prefix,
    forms,
    wordsOf(b, text),
    isBlank(text),
    vars,
    tokens && (interpolations(text)?.length ?? 0) === (vars?.length ?? 0) ? tokens : null,
    b.pool.share(union(g.texts, nestings)),
    b.pool.share(union(g.texts, tagsOf)),
  )
  for (let i = 0; i < g.slots.length; i++) level.slotEntries[g.slots[i] as number] = e
  return e
}

/** Every entry is made here, so all have one shape (one V8 map). */
function newEntry(name: string, prefix: string, group: GroupForms | null, words: number, blank: boolean, vars: readonly string[] | null, tokens: readonly string[] | null, nests: readonly string[] | null, tags: readonly string[] | null): Entry {
  return { name, prefix, line: null, words, blank, vars, tokens, nests, tags, slot: -1, group, said: null }
}

/** Source words; `{{…}}` interpolations (their formatters too) are no words a translator writes. */
function wordsOf(b: Build, text: string): number {
  const t = withoutInterpolations(text)
  return b.unspaced === null ? spacedWords(t) : countWords(t, b.unspaced).words
}

/** Whether a text is empty or white space only (as `trim() === ''`); most start with a printable ASCII character. */
export function isBlank(text: string): boolean {
  const first = text.charCodeAt(0)
  if (first > 32 && first < 127) return false
  return text.trim() === ''
}

/** The full dotted key of an entry (of a group: its base), made once. */
export function keyOf(e: Entry): string {
  return saidOf(e).key
}

/** What an entry's problems say, made when the first one needs it. */
export function saidOf(e: Entry): Said {
  return (e.said ??= { key: e.prefix + e.name, missing: null, missingFor: null, others: null })
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

/** Every `{{…}}` of a text exactly as written; null when there is none (or one is unclosed). */
export function rawTokens(text: string): string[] | null {
  const out: string[] = []
  for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 2)) {
    const end = text.indexOf('}}', at + 2)
    if (end === -1) return null
    out.push(text.slice(at, end + 2))
  }
  return out.length > 0 ? out : null
}

/** The union over every source form: a variable any form uses is one the target may use. */
function union(texts: readonly string[], find: (t: string) => string[] | null): string[] | null {
  let out: string[] | null = null
  for (let i = 0; i < texts.length; i++) {
    const found = find(texts[i] as string)
    if (found === null) continue
    if (out === null) out = found
    else for (let j = 0; j < found.length; j++) if (!out.includes(found[j] as string)) out.push(found[j] as string)
  }
  return out
}
