/**
 * Compare one target file with its source namespace: walk the target object and the source index
 * together, count what is translated, and collect problems with the key each one's line comes from.
 */
import { type PluralForms, suffixOf } from './plural-rules.js'
import { difference, interpolations, nestings, placeholderMessage } from './placeholders.js'
import { isObject, nonStringValue, type ParsedFile } from './read-locales.js'
import { childNamed, keyOf, knownAt, type Entry, type Level } from './source-index.js'
import { unjudgedSeverity, type LanguageCounts, type Problem, type ProblemKind } from './types.js'

export type { LanguageCounts }

/** Zero counts for a language about to be checked. */
export function emptyCounts(): LanguageCounts {
  return {
    units: { total: 0, translated: 0 },
    words: { total: 0, translated: 0 },
    missing: 0,
    missingStrings: 0,
    empty: 0,
    stale: 0,
    plurals: 0,
    placeholders: 0,
    nesting: 0,
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
 * Compare a target object (`{}` for an absent file) with a source level, recursively. The fast
 * path looks up only the source's keys and counts the hits; only when the target has more keys
 * than were hit does it look at every target key, to name the extra ones.
 */
export function compareLevel(level: Level | undefined, obj: Record<string, unknown>, prefix: string, ctx: CompareContext): void {
  let hits = 0
  if (level) {
    const entries = level.entries
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as Entry
      hits += e.forms ? compareGroup(e, obj, ctx) : comparePlain(e, obj[e.name], ctx)
    }
    const kids = level.kids
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i] as Level
      const v = obj[child.name]
      if (isObject(v)) {
        hits++
        compareLevel(child, v, child.prefix, ctx)
      } else {
        compareLevel(child, NOTHING, child.prefix, ctx)
      }
    }
  }
  // Counted without Object.keys, which would allocate an array per object.
  let count = 0
  for (const _ in obj) count++
  if (count !== hits) findExtras(level, obj, Object.keys(obj), prefix, ctx)
}

/** The target side of a source object the target lacks. */
const NOTHING: Record<string, unknown> = Object.freeze({})

/** The slow path: every target key the source lacks is an extra (a warning); non-strings exit 2. */
function findExtras(level: Level | undefined, obj: Record<string, unknown>, names: string[], prefix: string, ctx: CompareContext): void {
  for (const name of names) {
    const v = obj[name]
    const known = level ? knownAt(level).get(name) : undefined
    if (isObject(v)) {
      if (!level || !childNamed(level, name)) compareLevel(undefined, v, `${prefix}${name}.`, ctx)
      if (known === undefined) continue
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

/** One plain key; returns 1 when the target holds a string for it (a hit), else 0. */
function comparePlain(e: Entry, v: unknown, ctx: CompareContext): number {
  const c = ctx.counts
  c.units.total++
  c.words.total += e.words
  if (typeof v !== 'string') {
    if (v !== undefined && !isObject(v) && ctx.file) throw nonStringValue(ctx.file, keyOf(e), v)
    c.missing++
    c.missingStrings++
    ctx.missing.push(e)
    return 0
  }
  c.strings++
  if (!e.blank && isBlank(v)) {
    c.empty++
    const key = keyOf(e)
    ctx.here.push(pend(ctx, key, 'empty', `${key} is an empty string`, e.name, v))
    return 1
  }
  c.units.translated++
  c.words.translated += e.words
  if (e.vars !== null || e.nests !== null || v.includes('{{')) checkParts(e, e.name, v, undefined, ctx)
  return 1
}

/** One plural or ordinal group; returns how many of its forms the target holds as strings. */
function compareGroup(e: Entry, obj: Record<string, unknown>, ctx: CompareContext): number {
  const type = e.plural ?? 'cardinal'
  const forms = ctx.forms[type]
  const c = ctx.counts
  c.units.total++
  c.words.total += e.words
  let absent: string[] | undefined
  let blanks = 0
  let hits = 0
  // The first form present: its line is the group's line in the target.
  let any: string | undefined
  let anyValue = ''
  const list = forms.list
  const names = e.forms as readonly string[]
  for (let i = 0; i < list.length; i++) {
    const { category, required, index } = list[i] as (typeof list)[number]
    const name = names[index] as string
    const v = obj[name]
    if (typeof v !== 'string') {
      if (v !== undefined && !isObject(v) && ctx.file) throw nonStringValue(ctx.file, keyAt(e, name), v)
      if (required) (absent ??= []).push(category)
      continue
    }
    hits++
    c.strings++
    if (any === undefined) {
      any = name
      anyValue = v
    }
    if (!e.blank && isBlank(v)) {
      blanks++
      const key = keyAt(e, name)
      ctx.here.push(pend(ctx, key, 'empty', `${key} is an empty string`, name, v))
      continue
    }
    // A plural form may leave out the number ("one file"), never another variable.
    if (e.vars !== null || e.nests !== null || v.includes('{{')) checkParts(e, name, v, 'count', ctx)
  }
  c.empty += blanks
  if (any === undefined) {
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
    ctx.here.push(pend(ctx, key, 'plural', `${key} lacks the ${what} form${absent.length > 1 ? 's' : ''} ${absent.map((a) => e.name + suffixOf(type, a)).join(', ')} (${ctx.lang} needs ${forms.required.join(', ')})`, any, anyValue, e.prefix + any))
    return hits
  }
  if (blanks === 0) {
    c.units.translated++
    c.words.translated += e.words
  }
  return hits
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
  }
  if (e.nests) {
    const lost = difference(e.nests, nestings(v))?.missing ?? []
    if (lost.length > 0) {
      const key = keyAt(e, name)
      ctx.counts.nesting++
      ctx.here.push(pend(ctx, key, 'nesting', `${key} lost the nesting ${lost.map((k) => `$t(${k})`).join(', ')}`, name, v))
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
  const rules = e.plural ? forms[e.plural] : null
  if (e.missingMessage === null || e.missingFor !== rules) {
    let message = `${keyOf(e)} is missing`
    if (e.plural && rules) message += ` (${e.plural === 'ordinal' ? 'ordinal' : 'plural'}: ${rules.required.join(', ')})`
    e.missingMessage = message
    e.missingFor = rules
  }
  return { lang, file: sourcePath, line: e.line, key: keyOf(e), kind: 'missing', severity: 'error', message: e.missingMessage }
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

function isBlank(v: string): boolean {
  // Only a string that starts with white space can be blank: skip trim() for the rest.
  const first = v.charCodeAt(0)
  if (first > 32 && first < 127) return false
  return v.trim() === ''
}
