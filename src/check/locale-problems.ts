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
import type { DeferredProblems, SeverityOf } from './problem-list.js'
import { readUtf8File } from './read-locales.js'
import type { Entry, SourceIndex } from './source-index.js'
import { findEntryLines } from './source-lines.js'
import type { Problem } from './types.js'

/** One source namespace: its file and its index. */
export interface Source {
  path: string
  index: SourceIndex
  /** Whether findEntryLines has set its entries' lines. */
  lined: boolean
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

/** Problems of a locale tree in the order of a plain list: per language and file, missing keys first. */
export class LocaleProblems implements DeferredProblems {
  constructor(private readonly compared: readonly Compared[]) {}

  all(severityOf: SeverityOf): Problem[] {
    return [...this.each(severityOf)]
  }

  *each(severityOf: SeverityOf): Generator<Problem> {
    for (const c of this.compared) {
      if (c.missing.length > 0) {
        sourceLines(c.source)
        const severity = severityOf(c.lang, 'missing')
        const sourcePath = c.source?.path ?? NO_SOURCE
        for (const e of c.missing) {
          const p = missingProblem(e, c.lang, c.forms, sourcePath)
          p.severity = severity
          yield p
        }
      }
      if (c.here.length > 0) {
        targetLines(c)
        for (const p of c.here) yield withSeverity(p.problem, severityOf)
      }
    }
  }

  listed(limit: number, severityOf: SeverityOf): { total: number; shown: Problem[] } {
    let total = 0
    const shown: Problem[] = []
    for (const c of this.compared) {
      const severity = c.missing.length > 0 ? severityOf(c.lang, 'missing') : 'note'
      if (severity !== 'note') {
        total += c.missing.length
        if (shown.length < limit) {
          sourceLines(c.source)
          const sourcePath = c.source?.path ?? NO_SOURCE
          for (const e of c.missing.slice(0, limit - shown.length)) {
            const p = missingProblem(e, c.lang, c.forms, sourcePath)
            p.severity = severity
            shown.push(p)
          }
        }
      }
      const listed = c.here.filter((p) => severityOf(c.lang, p.problem.kind) !== 'note')
      total += listed.length
      if (shown.length < limit && listed.length > 0) {
        const taken = listed.slice(0, limit - shown.length)
        targetLines(c)
        for (const p of taken) shown.push(withSeverity(p.problem, severityOf))
      }
    }
    return { total, shown }
  }
}

const NO_SOURCE = '(no source file)'

function withSeverity(p: Problem, severityOf: SeverityOf): Problem {
  p.severity = severityOf(p.lang, p.kind)
  return p
}

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
