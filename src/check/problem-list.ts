/**
 * Problems made only when they are printed. A big locale tree has tens of thousands (65,000 on the
 * bench tree), the default output lists twenty, and each one made costs an object, its line in a
 * file and the garbage collector's time. A check hands evaluate either a plain list or a
 * DeferredProblems. Text and markdown call `listedProblems` (the first few); json streams them
 * with `eachProblem`; junit, sarif and github read `CheckResult.problems` (all made on first read).
 */
import type { CheckResult, Problem, ProblemKind, Severity } from './types.js'

/** Whether an output prints two consecutive problems on one line. */
export type SameLine = (a: Problem, b: Problem) => boolean

/** The severity of a problem of `kind` in `lang`, once the languages are judged; null: not reported (the config's `off`). */
export type SeverityOf = (lang: string, kind: ProblemKind) => Severity | null

/** Problems kept compact until asked for, in the order a plain list would hold them. */
export interface DeferredProblems {
  /** Every problem, with its line and the severity `severityOf` gives. */
  all(severityOf: SeverityOf): Problem[]
  /** The same problems made one at a time, for an output that writes each and lets it go. */
  each(severityOf: SeverityOf): Iterable<Problem>
  /**
   * How many problems have a severity other than `note`, and the first of them making up `limit`
   * lines (consecutive problems `sameLine` joins are one line; see takeLines).
   */
  listed(limit: number, severityOf: SeverityOf, sameLine?: SameLine): { total: number; shown: Problem[] }
}

/** What a CheckResult's problems were made from, when they were deferred, and the list once made. */
const deferredOf = new WeakMap<CheckResult, { problems: DeferredProblems; severityOf: SeverityOf; made?: Problem[] }>()

/**
 * A CheckResult whose `problems` are made from `problems` on first read (then kept). Spreading or
 * serialising the whole result reads them, and so makes them all. A check's problems carry the
 * severities of the evaluation that made them: evaluate a CheckedSource once.
 */
export function withDeferredProblems(result: Omit<CheckResult, 'problems'>, problems: DeferredProblems, severityOf: SeverityOf): CheckResult {
  const deferred: { problems: DeferredProblems; severityOf: SeverityOf; made?: Problem[] } = { problems, severityOf }
  // In the order of a plain result: problems before passed.
  const r: CheckResult = {
    source: result.source,
    checked: result.checked,
    measure: result.measure,
    languages: result.languages,
    get problems() {
      return (deferred.made ??= problems.all(severityOf))
    },
    passed: result.passed,
  }
  deferredOf.set(r, deferred)
  return r
}

/**
 * Every problem of a result in order, made one at a time when they were deferred and not yet all
 * made: `--format json` writes 65,000 on the bench tree, and holding them all at once only gives
 * the garbage collector more to copy.
 */
export function eachProblem(r: CheckResult): Iterable<Problem> {
  const deferred = deferredOf.get(r)
  return deferred && !deferred.made ? deferred.problems.each(deferred.severityOf) : r.problems
}

/** The problems that count (errors and warnings, not tolerated notes): how many, and the first `limit` lines of them. */
export function listedProblems(r: CheckResult, limit: number, sameLine?: SameLine): { total: number; shown: Problem[] } {
  const deferred = deferredOf.get(r)
  if (deferred) return deferred.problems.listed(limit, deferred.severityOf, sameLine)
  const listed = r.problems.filter((p) => p.severity !== 'note')
  return { total: listed.length, shown: takeLines(listed, limit, sameLine) }
}

/**
 * The first problems making up `limit` lines: consecutive problems `sameLine` puts on one line
 * (a key missing in several languages) count once, and a line is never cut.
 */
export function takeLines(problems: Iterable<Problem>, limit: number, sameLine?: SameLine): Problem[] {
  const shown: Problem[] = []
  let lines = 0
  for (const p of problems) {
    const last = shown[shown.length - 1]
    if (last === undefined || sameLine === undefined || !sameLine(last, p)) {
      if (lines === limit) break
      lines++
    }
    shown.push(p)
  }
  return shown
}
