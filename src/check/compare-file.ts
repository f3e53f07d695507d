/**
 * Compare one target file with its source namespace: walk the target object and the source index
 * together, count what is translated, and collect problems with the key each one's line comes from.
 */
import { expandLevel, isBranch } from './key-shapes.js'
import { formatterChanges, formatterMessage, tagProblem, tagsOf } from './markup.js'
import { type PluralForms, suffixOf } from './plural-rules.js'
import { difference, interpolations, nestings, placeholderMessage } from './placeholders.js'
import { nonStringValue, type ParsedFile } from './read-locales.js'
import { childNamed, isBlank, keyOf, knownAt, rawTokens, saidOf, slotNamed, type Entry, type GroupForms, type Level } from './source-index.js'
import { unjudgedSeverity, type LanguageCounts, type Problem, type ProblemKind } from './types.js'

export type { LanguageCounts }

/** Zero counts for a language about to be checked. */
export function emptyCounts(): LanguageCounts {
  return {
    units: { total: 0, translated: 0 },
    keys: { total: 0, translated: 0 },
    forms: { total: 0, translated: 0 },
    words: { total: 0, translated: 0 },
    missing: 0,
    missingStrings: 0,
    empty: 0,
    stale: 0,
    plurals: 0,
    placeholders: 0,
    nesting: 0,
    formatters: 0,
    tags: 0,
    extra: 0,
    strings: 0,
  }
}

/**
 * A problem whose line is still to be found: the dotted key to look up in its file, and that key's
 * name and string value, which usually find it without walking the file (see resolveLines in
 * locale-problems.ts).
 */
export interface Pending {
  problem: Problem
  lineKey: string
  name: string
  value: string | null
}

/** What one file comparison reads (language, forms) and fills (counts, problems). */
export interface CompareContext {
  lang: string
  forms: { cardinal: PluralForms; ordinal: PluralForms }
  counts: LanguageCounts
  /**
   * The target file as parsed (undefined when the namespace file is absent); its text only when
   * the lines of its problems are found at once.
   */
  file: ParsedFile | undefined
  targetPath: string
  /** Problems whose line is in the target file. */
  here: Pending[]
  /**
   * Source entries absent from the target: most problems are these, so they stay entries until
   * missingProblem turns them into problems, once their lines in the source file are known.
   */
  missing: Entry[]
}

/**
 * What the walk over a target object found in one slot (Level.slots): a string that needs no
 * more looking at (OK), a blank one, one whose placeholders need the full comparison
 * (RECHECK), an object, or another value (an error). Stored as `generation * 8 + code` in the
 * level's `found`; a slot whose generation is not this walk's was ABSENT from the target.
 */
const ABSENT = 0
const OK = 1
const BLANK = 2
const RECHECK = 3
const OBJECT = 4
const OTHER = 5

/** One per compareLevel call, so `found` never needs clearing (2^28 calls before it wraps). */
let generation = 0

/**
 * Compare a target object (`{}` for an absent file) with a source level, recursively.
 *
 * First one pass over the target's own keys, in step with the source's key order (which a
 * translated file usually keeps), notes what each slot holds. Then the source's entries are
 * counted from those notes, in source order, so problems come in the same order whatever the
 * target's. Looking keys up by name instead (`obj[name]` per source key) costs V8 a generic
 * lookup each: the target objects of a big tree come in over a thousand shapes.
 *
 * A target key the source lacks that holds a dot (`"a.b"`, where the source nests `a: {b}`) has
 * the level compared again with its dotted keys nested (`expanded`): i18next resolves both shapes.
 */
export function compareLevel(level: Level | undefined, obj: Record<string, unknown>, prefix: string, ctx: CompareContext, expanded = false): void {
  if (!level) {
    for (const _ in obj) return findExtras(undefined, obj, Object.keys(obj), prefix, ctx)
    return
  }
  generation = generation === 0x0fffffff ? 1 : generation + 1
  const gen = generation
  const stamp = gen * 8
  const { slots, slotEntries, found, base } = level
  let keys = 0
  let next = 0
  let dotted = false
  for (const name in obj) {
    keys++
    const s = slots[next] === name ? next : slotNamed(level, name, next)
    if (s === -1) {
      if (!expanded && name.indexOf('.') !== -1) dotted = true
      continue
    }
    next = s + 1
    const v = obj[name]
    found[base + s] = stamp + (typeof v === 'string' ? classify(slotEntries[s] as Entry | null, v) : isBranch(v) ? OBJECT : OTHER)
  }
  if (dotted) return compareLevel(level, expandLevel(obj), prefix, ctx, true)
  let hits = 0
  const entries = level.entries
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry
    hits += e.group !== null ? compareGroup(e, e.group, level, gen, obj, ctx) : comparePlain(e, foundAt(level, e.slot, gen), obj, ctx)
  }
  const kids = level.kids
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i] as Level
    if (foundAt(level, child.slot, gen) === OBJECT) {
      hits++
      compareLevel(child, obj[child.name] as Record<string, unknown>, child.prefix, ctx)
    } else {
      compareLevel(child, NOTHING, child.prefix, ctx)
    }
  }
  if (keys !== hits) findExtras(level, obj, Object.keys(obj), prefix, ctx)
}

/** What this walk found in a slot (ABSENT when the target had no key there). */
function foundAt(level: Level, slot: number, gen: number): number {
  const f = level.found[level.base + slot] as number
  return f >>> 3 === gen ? f & 7 : ABSENT
}

/**
 * A string's note, from what the full comparison would find: BLANK when it is blank and the
 * source is not, RECHECK when its placeholders or nestings need checkParts, else OK.
 */
function classify(e: Entry | null, v: string): number {
  // A string where the source has an object: not a hit; findExtras reports it.
  if (e === null) return OK
  if (!e.blank && isBlank(v)) return BLANK
  if (e.nests !== null || e.tags !== null) return RECHECK
  return (e.vars !== null || v.includes('{{')) && !keepsTokens(e.tokens, v) ? RECHECK : OK
}

/** The target side of a source object the target lacks. */
const NOTHING: Record<string, unknown> = Object.freeze({})

/** The slow path: every target key the source lacks is an extra (a warning); non-strings exit 2. */
function findExtras(level: Level | undefined, obj: Record<string, unknown>, names: string[], prefix: string, ctx: CompareContext): void {
  for (const name of names) {
    const v = obj[name]
    let known = level ? knownAt(level).get(name) : undefined
    if (known !== undefined && known !== 'plain' && 'base' in known) {
      // A plain key in a group's stead was counted with its group (compareGroup), unless the
      // group's forms are here too: i18next reads those, and this one is extra.
      const forms = (known.base.group as GroupForms).names
      if (typeof v === 'string' && !forms.some((f) => typeof obj[f] === 'string')) continue
      known = undefined
    }
    if (isBranch(v)) {
      // The source's child object of this name is compared on its own (even when a group's form
      // has the same name). Any other object's strings are all extra.
      if (level && childNamed(level, name)) continue
      compareLevel(undefined, v, `${prefix}${name}.`, ctx)
      // In place of a plain key, or of a form the language uses, it leaves that one missing,
      // which is reported there; a form the language does not use is reported below.
      if (known === undefined || known === 'plain' || ctx.forms[known.type].allowed.has(known.category)) continue
    } else if (typeof v !== 'string') {
      if (ctx.file) throw nonStringValue(ctx.file, prefix + name, v)
      continue
    }
    if (known === 'plain' || (known !== undefined && typeof v === 'string' && ctx.forms[known.type].allowed.has(known.category))) continue
    if (typeof v === 'string') ctx.counts.strings++
    const key = prefix + name
    ctx.counts.extra++
    const what = known === undefined ? 'is not in the source' : `is a plural form ${ctx.lang} does not use`
    ctx.here.push(pend(ctx, key, 'extra', `${key} ${what}; remove it or add it to the source`, name, typeof v === 'string' ? v : null))
  }
}

/** One plain key, from its slot's note; returns 1 when the target holds a string for it (a hit), else 0. */
function comparePlain(e: Entry, found: number, obj: Record<string, unknown>, ctx: CompareContext): number {
  const c = ctx.counts
  c.units.total++
  c.keys.total++
  c.forms.total++
  c.words.total += e.words
  if (found === ABSENT || found === OBJECT || found === OTHER) {
    if (found === OTHER && ctx.file) throw nonStringValue(ctx.file, keyOf(e), obj[e.name])
    c.missing++
    c.missingStrings++
    ctx.missing.push(e)
    return 0
  }
  c.strings++
  if (found === BLANK) {
    c.empty++
    const key = keyOf(e)
    ctx.here.push(pend(ctx, key, 'empty', `${key} is an empty string`, e.name, obj[e.name] as string))
    return 1
  }
  c.units.translated++
  c.keys.translated++
  c.forms.translated++
  c.words.translated += e.words
  if (found === RECHECK) checkParts(e, e.name, obj[e.name] as string, undefined, ctx)
  return 1
}

/** One plural or ordinal group, from its forms' notes; returns how many of its forms the target holds as strings. */
function compareGroup(e: Entry, g: GroupForms, level: Level, gen: number, obj: Record<string, unknown>, ctx: CompareContext): number {
  const type = g.type
  const forms = ctx.forms[type]
  const c = ctx.counts
  c.units.total++
  c.keys.total++
  c.forms.total += forms.required.length
  c.words.total += e.words
  let absent: string[] | undefined
  let blanks = 0
  let hits = 0
  // The first form present: its line is the group's line in the target.
  let any: string | undefined
  const list = forms.list
  const names = g.names
  const slots = g.slots
  for (let i = 0; i < list.length; i++) {
    const { category, required, index } = list[i] as (typeof list)[number]
    const name = names[index] as string
    const found = foundAt(level, slots[index] as number, gen)
    if (found === ABSENT || found === OBJECT || found === OTHER) {
      if (found === OTHER && ctx.file) throw nonStringValue(ctx.file, keyAt(e, name), obj[name])
      if (required) (absent ??= []).push(category)
      continue
    }
    hits++
    c.strings++
    any ??= name
    if (found !== BLANK && required) c.forms.translated++
    if (found === BLANK) {
      blanks++
      const key = keyAt(e, name)
      ctx.here.push(pend(ctx, key, 'empty', `${key} is an empty string`, name, obj[name] as string))
      continue
    }
    // A plural form may leave out the number ("one file"), never another variable.
    if (found === RECHECK) checkParts(e, name, obj[name] as string, 'count', ctx)
  }
  c.empty += blanks
  if (any === undefined) {
    const alone = obj[e.name]
    if (typeof alone === 'string' && standsIn(e, level)) return hits + standIn(e, alone, forms, ctx)
    c.missing++
    c.missingStrings += forms.required.length
    ctx.missing.push(e)
    return hits
  }
  if (absent) {
    c.plurals += absent.length
    c.missingStrings += absent.length
    const what = type === 'ordinal' ? 'ordinal' : 'plural'
    const key = keyOf(e)
    ctx.here.push(pend(ctx, key, 'plural', `${key} lacks the ${what} form${absent.length > 1 ? 's' : ''} ${absent.map((a) => e.name + suffixOf(type, a)).join(', ')} (${ctx.lang} needs ${forms.required.join(', ')})`, any, obj[any] as string, e.prefix + any))
    return hits
  }
  if (blanks === 0) {
    c.units.translated++
    c.keys.translated++
    c.words.translated += e.words
  }
  return hits
}

/** Whether a target's plain key named like the group's base may stand in for it: the source has nothing else of that name. */
function standsIn(e: Entry, level: Level): boolean {
  const known = knownAt(level).get(e.name)
  return known !== undefined && known !== 'plain' && 'base' in known && known.base === e
}

/**
 * A plain key in place of a plural group (zh `desc` for en `desc_one`/`desc_other`). i18next
 * shows it for every count: in a language whose only form is `other` that translates the group;
 * elsewhere every count gets one text, and the forms the language needs are a plural problem.
 * Returns 1: the key is a hit, never extra.
 */
function standIn(e: Entry, v: string, forms: PluralForms, ctx: CompareContext): number {
  const c = ctx.counts
  c.strings++
  if (forms.required.length <= 1 && forms.required.every((f) => f === 'other')) {
    if (!e.blank && isBlank(v)) {
      c.empty++
      const key = keyOf(e)
      ctx.here.push(pend(ctx, key, 'empty', `${key} is an empty string`, e.name, v))
      return 1
    }
    c.units.translated++
    c.keys.translated++
    c.forms.translated += forms.required.length
    c.words.translated += e.words
    if (classify(e, v) === RECHECK) checkParts(e, e.name, v, 'count', ctx)
    return 1
  }
  const g = e.group as GroupForms
  const needed = forms.required.map((f) => e.name + suffixOf(g.type, f))
  c.plurals += needed.length
  c.missingStrings += needed.length
  const key = keyOf(e)
  ctx.here.push(pend(ctx, key, 'plural', `${key} is one text for every count; ${ctx.lang} needs the plural forms ${needed.join(', ')}`, e.name, v))
  return 1
}

/** Interpolations and nestings of one translated string (`name`: the entry's or its form's), against the source's. */
function checkParts(e: Entry, name: string, v: string, mayDrop: string | undefined, ctx: CompareContext): void {
  if ((e.vars !== null || v.includes('{{')) && !keepsTokens(e.tokens, v)) {
    const d = difference(e.vars, interpolations(v), mayDrop)
    if (d) {
      const key = keyAt(e, name)
      ctx.counts.placeholders++
      ctx.here.push(pend(ctx, key, 'placeholder', placeholderMessage(key, d), name, v))
    }
    const changed = e.tokens === null ? null : formatterChanges(e.tokens, rawTokens(v) ?? [])
    if (changed) {
      const key = keyAt(e, name)
      ctx.counts.formatters++
      ctx.here.push(pend(ctx, key, 'formatter', formatterMessage(key, changed), name, v))
    }
  }
  if (e.nests) {
    const lost = difference(e.nests, nestings(v))?.missing ?? []
    if (lost.length > 0) {
      const key = keyAt(e, name)
      ctx.counts.nesting++
      ctx.here.push(pend(ctx, key, 'nesting', `${key} lost the nesting ${lost.map((k) => `$t(${k})`).join(', ')}`, name, v))
    }
  }
  if (e.tags) {
    const key = keyAt(e, name)
    const wrong = tagProblem(key, e.tags, tagsOf(v))
    if (wrong) {
      ctx.counts.tags++
      ctx.here.push(pend(ctx, key, 'tags', wrong, name, v))
    }
  }
}


/** The dotted key of an entry's own name or of one of its forms. */
function keyAt(e: Entry, name: string): string {
  return name === e.name ? keyOf(e) : e.prefix + name
}

/**
 * The common case without allocating: the target holds each of the source's `{{…}}` exactly as
 * written, and no other. Anything else goes to the full comparison.
 */
function keepsTokens(tokens: readonly string[] | null, v: string): boolean {
  if (tokens === null) return false
  if (tokens.length === 1) {
    // One variable, written once: two searches instead of three. With no other `{{` from at + 2
    // on, the token (which starts with `{{`) can only start at `at` or, after `{{{`, at at + 1:
    // the same answer as counting and searching below.
    const at = v.indexOf('{{')
    if (at === -1 || v.indexOf('{{', at + 2) !== -1) return false
    const token = tokens[0] as string
    return v.startsWith(token, at) || v.startsWith(token, at + 1)
  }
  let braces = 0
  for (let at = v.indexOf('{{'); at !== -1; at = v.indexOf('{{', at + 2)) braces++
  if (braces !== tokens.length) return false
  for (let i = 0; i < tokens.length; i++) if (!v.includes(tokens[i] as string)) return false
  return true
}

/** The problem of a source entry the target lacks, pointing at the entry's line in the source file. */
export function missingProblem(e: Entry, lang: string, forms: CompareContext['forms'], sourcePath: string): Problem {
  // One message per entry (per plural rule set for a group), shared by every language that lacks
  // it: most of a big tree's problems are these, and each would otherwise be a string of its own.
  // Languages come interleaved (each key's together), so a group keeps one message per rule set.
  const rules = e.group ? forms[e.group.type] : null
  const said = saidOf(e)
  let message = said.missing
  if (message === null || said.missingFor !== rules) {
    message = rules === null ? null : (said.others?.get(rules) ?? null)
    if (message === null) {
      message = `${said.key} is missing`
      if (e.group && rules) message += ` (${e.group.type === 'ordinal' ? 'ordinal' : 'plural'}: ${rules.required.join(', ')})`
      if (said.missing === null) {
        said.missing = message
        said.missingFor = rules
      } else if (rules !== null) {
        ;(said.others ??= new Map()).set(rules, message)
      }
    }
  }
  return { lang, file: sourcePath, line: e.line, key: said.key, kind: 'missing', severity: 'error', message }
}

/** A problem in the target file; `name` and `value` are those of the key at `lineKey` (its line's key). */
function pend(ctx: CompareContext, key: string, kind: ProblemKind, message: string, name: string, value: string | null, lineKey = key): Pending {
  const problem: Problem = {
    lang: ctx.lang,
    file: ctx.targetPath,
    line: null,
    key,
    kind,
    severity: unjudgedSeverity(kind),
    message,
  }
  return { problem, lineKey, name, value }
}
