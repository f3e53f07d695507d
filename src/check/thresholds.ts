/**
 * Thresholds in percent (`--min 95`, `--min 90,sv=100,de=80`) and the verdict per language:
 * coverage at or above its threshold, and no placeholder, nesting, formatter or tag errors.
 */
import { plural } from '../model/plural.js'
import { parseLanguage } from '../model/tags.js'
import type { LanguageCounts } from './compare-file.js'
import type { Baseline } from './baseline.js'
import type { KindSeverity } from './config/check-config.js'
import { checkOf, type CheckName, type LanguageResult, type Measure, type Problem, type ProblemKind } from './types.js'

/** Parsed `--min`. */
export interface Thresholds {
  /** Percent for languages not named; 100 when `--min` is absent. */
  fallback: number
  perLang: Map<string, number>
  /** Whether `--min` was given (a baseline replaces the strict default only when it was not). */
  given: boolean
}

/** Parse `--min`: a bare number is the default, `lang=number` overrides it for one language. */
export function parseMin(value: string | undefined): Thresholds {
  const t: Thresholds = { fallback: 100, perLang: new Map(), given: value !== undefined }
  if (value === undefined) return t
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=')
    const num = percent(eq === -1 ? part : part.slice(eq + 1), part)
    if (eq === -1) t.fallback = num
    else t.perLang.set(parseLanguage(part.slice(0, eq).trim()), num)
  }
  return t
}

function percent(s: string, part: string): number {
  const n = Number(s.trim().replace(/%$/, ''))
  if (s.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new RangeError(`--min takes percentages 0–100 such as 95 or 90,sv=100, not "${part}"`)
  }
  return n
}

/** The threshold for one language. */
export function minFor(t: Thresholds, lang: string): number {
  return t.perLang.get(lang) ?? t.fallback
}

/** Share 0..1 of what is translated, by words or units; nothing to translate counts as complete. */
export function coverageBy(counts: Pick<LanguageCounts, 'units' | 'words'>, measure: Measure): number {
  const c = measure === 'words' ? counts.words : counts.units
  return c.total === 0 ? 1 : c.translated / c.total
}

/**
 * The verdict for one language, and each of its problems marked `error` (counts against it) or
 * `note` (tolerated). Without a baseline: coverage must reach the threshold and there must be no
 * placeholder, nesting, formatter or tag errors. With a baseline that knows the language: coverage must not drop
 * and no problem may be new (and `--min` holds too, when given). `problems` is null when they are
 * deferred (problem-list.ts): their severities then follow from the result's `failed`.
 */
export function judge(
  lang: string,
  counts: LanguageCounts,
  problems: readonly Problem[] | null,
  measure: Measure,
  thresholds: Thresholds,
  baseline: Baseline | undefined,
  severity: Severities = {},
): LanguageResult {
  const coverage = coverageBy(counts, measure)
  const pct = coverage * 100
  const reasons: string[] = []
  const failed = new Set<CheckName>()
  const before = baseline?.languages.get(lang)
  const min = minFor(thresholds, lang)
  const applyMin = !before || thresholds.given
  // Half a millionth of a percent of slack: 19 of 20 keys is 95 %, whatever the float says.
  if (applyMin && pct + 5e-7 < min) {
    reasons.push(`coverage ${formatPct(pct)} is below ${min} %`)
    failed.add('coverage')
  }
  // Without the problems (a locale tree's are made only when printed), the counts say as much: one
  // problem per placeholder, nesting, formatter or tag error. Coverage problems are counted only against a
  // baseline, and a baseline always gets the problems.
  const counted = (kind: ProblemKind, n: number) => (checkFor(kind, severity) === null ? 0 : n)
  const fresh: Record<CheckName, number> = problems
    ? { coverage: 0, placeholders: 0, nesting: 0, formatters: 0, tags: 0, extra: 0, qa: 0 }
    : {
        coverage: 0,
        placeholders: counted('placeholder', counts.placeholders),
        nesting: counted('nesting', counts.nesting),
        formatters: counted('formatter', counts.formatters),
        tags: counted('tags', counts.tags),
        extra: counted('extra', counts.extra),
        qa: 0,
      }
  for (const p of problems ?? []) {
    const check = checkFor(p.kind, severity)
    if (check && !(before && baseline?.has(p))) fresh[check]++
  }
  if (before) {
    if (pct + 5e-7 < before.coverage * 100) {
      reasons.push(`coverage fell from ${formatPct(before.coverage * 100)} to ${formatPct(pct)}`)
      failed.add('coverage')
    }
    if (fresh.coverage > 0) {
      reasons.push(`${fresh.coverage} ${plural(fresh.coverage, 'key')} newly untranslated since the baseline`)
      failed.add('coverage')
    }
  }
  for (const [check, what] of ERROR_CHECKS) {
    if (fresh[check] > 0) {
      reasons.push(`${fresh[check]} ${before ? 'new ' : ''}${plural(fresh[check], what)}`)
      failed.add(check)
    }
  }
  for (const p of problems ?? []) {
    if (severity[p.kind] === 'warn') p.severity = 'warning'
    const check = checkFor(p.kind, severity)
    if (check === null) continue
    const blocks = failed.has(check) && !(before && baseline?.has(p))
    p.severity = blocks ? 'error' : 'note'
  }
  const { strings: _strings, ...rest } = counts
  return { coverage, ...rest, min: applyMin ? min : null, passed: failed.size === 0, failed: [...failed], reasons }
}

/** The checks any one problem fails, and the words of their reasons. */
const ERROR_CHECKS: readonly [CheckName, string][] = [
  ['placeholders', 'placeholder error'],
  ['nesting', 'lost nesting'],
  ['formatters', 'formatter error'],
  ['tags', 'tag error'],
  ['extra', 'extra key'],
  ['qa', 'QA finding'],
]

/** The config's severity per kind of problem (`error`, `warn`, `off`); a kind not named keeps its default. */
export type Severities = Partial<Record<ProblemKind, KindSeverity>>

/** The check a problem of `kind` counts against under `severity`: null when it never fails (warn, off, extra keys by default). */
export function checkFor(kind: ProblemKind, severity: Severities): CheckName | null {
  const s = severity[kind]
  if (s === 'warn' || s === 'off') return null
  if (kind === 'extra') return s === 'error' ? 'extra' : null
  return checkOf(kind)
}

/** A percentage for people: one decimal, never rounded up to 100 when something is missing. */
export function formatPct(pct: number): string {
  return `${(Math.floor(pct * 10 + 1e-6) / 10).toFixed(1)} %`
}
