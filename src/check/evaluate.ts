/**
 * From counts and problems to the CheckResult: a verdict per language, and the overall one.
 * A check that read nothing fails: an empty tree must never pass CI silently.
 */
import type { Baseline } from './baseline.js'
import type { CheckedSource } from './check-locales.js'
import { withDeferredProblems, type DeferredProblems, type SeverityOf } from './problem-list.js'
import { checkFor, judge, type Severities, type Thresholds } from './thresholds.js'
import { rankOf, unjudgedSeverity, type CheckResult, type LanguageResult, type Measure, type Problem } from './types.js'

/** How to judge: the source read, the coverage measure, the thresholds, an optional baseline. */
export interface EvaluateOptions {
  source: CheckResult['source']
  measure: Measure
  thresholds: Thresholds
  baseline?: Baseline
  /** The config's severity per kind of problem. */
  severity?: Severities
}

/** Judge every language and the whole check. */
export function evaluate(checked: CheckedSource, opts: EvaluateOptions): CheckResult {
  const severity = opts.severity ?? {}
  const deferred = Array.isArray(checked.problems) ? undefined : checked.problems
  // A baseline compares problem by problem, so it needs them all made; else the counts judge.
  const problems = deferred === undefined ? (checked.problems as Problem[]) : opts.baseline ? deferred.all((_, kind) => unjudgedSeverity(kind)) : undefined
  const byLang = new Map<string, Problem[]>()
  for (const p of problems ?? []) {
    let list = byLang.get(p.lang)
    if (!list) byLang.set(p.lang, (list = []))
    list.push(p)
  }
  const languages: Record<string, LanguageResult> = {}
  for (const lang of [...checked.languages.keys()].sort()) {
    const counts = checked.languages.get(lang)
    if (counts) languages[lang] = judge(lang, counts, problems ? (byLang.get(lang) ?? []) : null, opts.measure, opts.thresholds, opts.baseline, severity)
  }
  const results = Object.values(languages)
  const readSomething = checked.checked.strings > 0 && results.length > 0
  const result = { source: opts.source, checked: checked.checked, measure: opts.measure, languages }
  const passed = readSomething && results.every((l) => l.passed)
  // In the order every output gives (rankOf), source order kept within a rank (a stable sort);
  // kinds the config turns off are left out.
  if (problems) {
    const shown = problems.filter((p) => severity[p.kind] !== 'off')
    return { ...result, problems: shown.sort((a, b) => rankOf(a.severity, a.kind) - rankOf(b.severity, b.kind)), passed }
  }
  // Judged by counts: a problem's severity follows from its language's failed checks alone.
  const severityOf: SeverityOf = (lang, kind) => {
    if (severity[kind] === 'off') return null
    if (severity[kind] === 'warn') return 'warning'
    const check = checkFor(kind, severity)
    if (check === null) return 'warning'
    return languages[lang]?.failed.includes(check) ? 'error' : 'note'
  }
  return withDeferredProblems({ ...result, passed }, deferred as DeferredProblems, severityOf)
}
