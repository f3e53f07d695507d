/**
 * The problems of a locale tree, kept as what the comparison left (source entries a target lacks,
 * pending problems in target files) and made into Problems with their lines only when printed.
 * A missing key's line is that of its source key (one scan of the source file, for every
 * language). Files are read again for lines (unless a target's were found while its text was at
 * hand, for a format that prints every problem): keeping every text until the end would hold the
 * whole tree in memory, and each kept string is copied by the young-generation collector.
 */
import { missingProblem, type CompareContext, type Pending } from './compare-file.js'
import { keyLines, lineCounter, valueOffset, writtenPlainly } from './json-lines.js'
import { takeLines, type DeferredProblems, type SameLine, type SeverityOf } from './problem-list.js'
import { readUtf8File } from './read-locales.js'
import type { Entry, Level, SourceIndex } from './source-index.js'
import { findEntryLines } from './source-lines.js'
import { rankOf, RANKS, type Problem, type Severity } from './types.js'

/** One source namespace: its file and its index. */
export interface Source {
  path: string
  index: SourceIndex
  /** Whether findEntryLines has set its entries' lines. */
  lined: boolean
  /** Its entries in source order and their places, made when first needed (see entryOrder). */
  order?: { entries: Entry[]; order: Map<Entry, number> }
}

/** What one target file's comparison left to report. */
export interface Compared {
  lang: string
  forms: CompareContext['forms']
  source: Source | undefined
  /** The target file (absent files have no pending problems, only missing entries). */
  targetPath: string
  missing: Entry[]
  here: Pending[]
  /** Whether the lines of `here` are found. */
  lined: boolean
}

/**
 * Problems of a locale tree in the order every output gives them (rankOf): by rank; within a
 * rank, missing keys in source order, each key's languages together (so a key missing in many
 * languages reads as one), then the problems found in target files, per language and file.
 */
export class LocaleProblems implements DeferredProblems {
  constructor(private readonly compared: readonly Compared[]) {}

  all(severityOf: SeverityOf): Problem[] {
    return [...this.each(severityOf)]
  }

  each(severityOf: SeverityOf): Iterable<Problem> {
    return this.ranked(severityOf, false)
  }

  listed(limit: number, severityOf: SeverityOf, sameLine?: SameLine): { total: number; shown: Problem[] } {
    let total = 0
    for (const c of this.compared) {
      const gap = c.missing.length > 0 ? severityOf(c.lang, 'missing') : null
      if (gap !== null && gap !== 'note') total += c.missing.length
      for (const p of c.here) {
        const severity = severityOf(c.lang, p.problem.kind)
        if (severity !== null && severity !== 'note') total++
      }
    }
    return { total, shown: takeLines(this.ranked(severityOf, true), limit, sameLine) }
  }

  /** Every problem (but notes, when `skipNotes`) in rank order, made as it is reached. */
  private *ranked(severityOf: SeverityOf, skipNotes: boolean): Generator<Problem> {
    for (let rank = 0; rank < RANKS; rank++) {
      if (skipNotes && (rank === 2 || rank === 3)) continue
      const gaps = this.compared.filter((c) => {
        const severity = c.missing.length > 0 ? severityOf(c.lang, 'missing') : null
        return severity !== null && rankOf(severity, 'missing') === rank
      })
      if (gaps.length > 0) yield* missingInSourceOrder(gaps, severityOf)
      for (const c of this.compared) {
        let lined = false
        for (const p of c.here) {
          const severity = severityOf(c.lang, p.problem.kind)
          if (severity === null || rankOf(severity, p.problem.kind) !== rank) continue
          if (!lined) targetLines(c)
          lined = true
          p.problem.severity = severity
          yield p.problem
        }
      }
    }
  }
}

/**
 * The missing keys of several target files, by source file (by path), then by entry in
 * source order, each entry's languages in the order met. Entries are numbered by one walk of the
 * source index, once per source.
 */
function* missingInSourceOrder(gaps: readonly Compared[], severityOf: SeverityOf): Generator<Problem> {
  const bySource = new Map<Source | undefined, Compared[]>()
  for (const c of gaps) {
    let list = bySource.get(c.source)
    if (!list) bySource.set(c.source, (list = []))
    list.push(c)
  }
  const sources = [...bySource].sort(([a], [b]) => ((a?.path ?? '') < (b?.path ?? '') ? -1 : (a?.path ?? '') > (b?.path ?? '') ? 1 : 0))
  for (const [source, list] of sources) {
    sourceLines(source)
    const sourcePath = source?.path ?? NO_SOURCE
    const { entries, order } = source ? entryOrder(source) : { entries: [], order: new Map<Entry, number>() }
    // One bucket per entry, in source order: each entry's languages in the order met, no sort.
    const buckets: (Compared[] | undefined)[] = new Array(entries.length)
    const unordered: [Entry, Compared][] = []
    for (const c of list) {
      for (const e of c.missing) {
        const at = order.get(e)
        if (at === undefined) unordered.push([e, c])
        else (buckets[at] ??= []).push(c)
      }
    }
    for (let at = 0; at < entries.length; at++) {
      const langs = buckets[at]
      if (langs !== undefined) for (const c of langs) yield missing(entries[at] as Entry, c, sourcePath, severityOf)
    }
    for (const [e, c] of unordered) yield missing(e, c, sourcePath, severityOf)
  }
}

function missing(e: Entry, c: Compared, sourcePath: string, severityOf: SeverityOf): Problem {
  const p = missingProblem(e, c.lang, c.forms, sourcePath)
  p.severity = severityOf(c.lang, 'missing') as Severity
  return p
}

/**
 * A source's entries in source order (by line: the index keeps a level's groups after its plain
 * keys; then in walk order), each with its place, made once after its lines are found.
 */
function entryOrder(source: Source): { entries: Entry[]; order: Map<Entry, number> } {
  if (source.order) return source.order
  const entries: Entry[] = []
  const walk = (level: Level) => {
    for (const e of level.entries) entries.push(e)
    for (const kid of level.kids) walk(kid)
  }
  walk(source.index.root)
  const walked = new Map(entries.map((e, i) => [e, i]))
  entries.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || (walked.get(a) ?? 0) - (walked.get(b) ?? 0))
  source.order = { entries, order: new Map(entries.map((e, i) => [e, i])) }
  return source.order
}



const NO_SOURCE = '(no source file)'

/** Set the lines of every entry of a source file, once, reading the file again. */
function sourceLines(source: Source | undefined): void {
  if (!source || source.lined) return
  source.lined = true
  let text: string
  try {
    text = readUtf8File(source.path)
  } catch {
    // The file went away since it was indexed: its missing keys keep no line.
    return
  }
  findEntryLines(text, source.index.root)
}

/**
 * Set the lines of a target file's pending problems, reading the file again. All of them, even
 * when a few are listed: how a line is found (search or walk) depends on how many the file has,
 * and a listed problem must show the line the full list gives it.
 */
function targetLines(c: Compared): void {
  if (c.lined) return
  let text: string
  try {
    text = readUtf8File(c.targetPath)
  } catch {
    // The file went away since it was compared: its problems keep no line.
    c.lined = true
    return
  }
  lineTargetProblems(c, text)
}

/** Set the lines of a target file's pending problems from its text, while it is at hand. */
export function lineTargetProblems(c: Compared, text: string): void {
  resolveLines(text, c.here)
  c.lined = true
}

/** Problems in one file up to which each is searched for by its value; past it, one walk finds them all. */
const SEARCHED = 4

/**
 * Lines of problems in one target file: by searching for each key's value when that is exact and
 * the problems are few (each search may read the whole file), else by one walk.
 */
function resolveLines(text: string, pending: Pending[]): void {
  const plain = pending.length <= SEARCHED && writtenPlainly(text)
  const found: { p: Pending; at: number }[] = []
  const walk: Pending[] = []
  for (const p of pending) {
    const at = plain && p.value !== null && p.lineKey.endsWith(p.name) ? valueOffset(text, p.name, p.value) : undefined
    if (at === undefined) walk.push(p)
    else found.push({ p, at })
  }
  found.sort((a, b) => a.at - b.at)
  const lineAt = lineCounter(text)
  for (const { p, at } of found) p.problem.line = lineAt(at)
  if (walk.length === 0) return
  const lines = keyLines(text, new Set(walk.map((p) => p.lineKey)))
  for (const p of walk) p.problem.line = lines.get(p.lineKey) ?? null
  // An array element has no key of its own: it points at the nearest key above it (the array's).
  const unfound = walk.filter((p) => p.problem.line === null && p.lineKey.includes('.'))
  if (unfound.length > 0) {
    const above = (key: string) => Array.from(key.matchAll(/\./g), (m) => key.slice(0, m.index))
    const outer = keyLines(text, new Set(unfound.flatMap((p) => above(p.lineKey))))
    for (const p of unfound) p.problem.line = above(p.lineKey).reverse().map((k) => outer.get(k)).find((l) => l !== undefined) ?? null
  }
}
