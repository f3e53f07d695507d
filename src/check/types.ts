/**
 * The result of `tolk check`: what was checked, a summary per target language, and every problem
 * with its place. This is the stable JSON schema of `--format json` (documented in the README).
 */

/** What a problem is about. Coverage kinds lower coverage; error kinds fail a language; warnings never do. */
export type ProblemKind =
  | 'missing' // the key (or a whole plural group) is absent from the target
  | 'empty' // the target holds an empty string
  | 'plural' // a required plural or ordinal form is absent
  | 'untranslated' // a workbench unit with no translation yet
  | 'stale' // a workbench translation whose source changed since
  | 'placeholder' // a {{variable}} missing from, or unknown to, the target
  | 'nesting' // a $t(...) reference the source has and the target lost
  | 'formatter' // an interpolation's formatter changed: {{value, rate}} became {{value, bytes}}
  | 'tags' // a Trans-component or HTML tag (<0>…</0>, <strong>) lost, unknown to the source, or out of order
  | 'extra' // a key the source does not have (warning)
  | `qa:${QaCheck}` // a QA finding of the workbench (`tolk check --db --qa error`), such as qa:numbers

import type { QaCheck } from '../qa/types.js'

/**
 * `error`: counts against its language's verdict (a failed check); `note`: tolerated (the
 * language's threshold allows it, or the baseline already had it); `warning`: never fails (extra keys).
 */
export type Severity = 'error' | 'note' | 'warning'

/** The checks a language can fail. */
/** The checks a language can fail (`extra` only when the config makes extra keys an error). */
export type CheckName = 'coverage' | 'placeholders' | 'nesting' | 'formatters' | 'tags' | 'extra' | 'qa'

/** One finding, with its place. */
export interface Problem {
  lang: string
  /** File the problem points at (for a missing key: the source file); null for workbench units. */
  file: string | null
  /** 1-based line of the key in `file`; null when there is no such line. */
  line: number | null
  /** Dotted key path (i18next) or unit id (workbench). */
  key: string
  kind: ProblemKind
  severity: Severity
  message: string
  /** Workbench sources only: the article and the unit's 1-based position in it. */
  article?: string
  position?: number
}

/** Coverage measure: words of the source (default) or logical keys / units. */
export type Measure = 'words' | 'units'

/** Per target language, the counts found before thresholds are applied. */
export interface LanguageCounts {
  /**
   * What each source counts as one: a key of a locale tree (a plural group as one), a unit of an
   * XLIFF or PO file, a unit of the workbench (each plural form its own). Coverage by units uses it.
   */
  units: { total: number; translated: number }
  /** Keys, a plural group as one, in every source alike (`--db` and `--locales` agree on it). */
  keys: { total: number; translated: number }
  /**
   * Strings the language should hold: a plain key is one, a plural group one per form the
   * language's CLDR rules require (an optional `_zero` is none), in every source alike.
   */
  forms: { total: number; translated: number }
  words: { total: number; translated: number }
  /** Logical keys (or units) entirely absent / untranslated. */
  missing: number
  /** Leaf strings the target should hold (every required plural form counted) but does not. */
  missingStrings: number
  empty: number
  stale: number
  /** Required plural or ordinal forms absent from keys that are otherwise present. */
  plurals: number
  /** Keys with a missing or unknown {{variable}}. */
  placeholders: number
  /** Keys that lost a $t(...) nesting reference. */
  nesting: number
  /** Keys whose interpolation formatters changed. */
  formatters: number
  /** Keys whose tags (`<0>…</0>`, `<strong>`) were lost, added or broken. */
  tags: number
  /** Keys the source does not have (warnings). */
  extra: number
  /** Leaf strings read in this language's files. */
  strings: number
  /**
   * Workbench sources checked with `--qa` only: the QA findings nobody dismissed, by severity
   * (all of them, whatever `--qa` lets fail the check).
   */
  qa?: { errors: number; warnings: number }
}

/** Per target language: the counts CI reads (`strings` goes into the summary's `checked`). */
export interface LanguageResult extends Omit<LanguageCounts, 'strings'> {
  /** Share 0..1 translated, by the chosen measure. */
  coverage: number
  /** The threshold applied, in percent; null when a baseline alone judged the language. */
  min: number | null
  passed: boolean
  /** The checks that failed; empty when the language passed. */
  failed: CheckName[]
  /** Why the language failed, one short sentence each; empty when it passed. */
  reasons: string[]
}

/** The whole result: `--format json` prints exactly this. */
export interface CheckResult {
  /** Which source was read: `locales DIR`, `files GLOB,…`, `db FILE` or `server URL`. */
  source: { kind: 'locales' | 'files' | 'db' | 'server'; location: string; lang: string | null }
  checked: { files: number; languages: number; strings: number }
  measure: Measure
  languages: Record<string, LanguageResult>
  problems: Problem[]
  passed: boolean
  /** Only in a baseline written by --update-baseline: when each source key was first seen. */
  firstSeen?: Record<string, string>
}

/** Kinds that fail a language whatever the threshold (unless a baseline already had them). */
export const ERROR_KINDS: ReadonlySet<ProblemKind> = new Set(['placeholder', 'nesting', 'formatter', 'tags'])

/**
 * Where a problem comes in every output: errors, then notes, then warnings; among errors and
 * among notes, broken text (placeholder, nesting, formatter, tags) before gaps (missing,
 * untranslated, plural, empty, stale). 0..RANKS-1; source order within each rank.
 */
export function rankOf(severity: Severity, kind: ProblemKind): number {
  if (severity === 'warning') return 4
  return (severity === 'note' ? 2 : 0) + (ERROR_KINDS.has(kind) ? 0 : 1)
}

/** How many ranks rankOf gives. */
export const RANKS = 5

/** A problem's severity before its language is judged: extra keys only warn, the rest count. */
export function unjudgedSeverity(kind: ProblemKind): Severity {
  return kind === 'extra' ? 'warning' : 'error'
}

/** The check each kind of problem belongs to (extra keys belong to none: they only warn). */
export function checkOf(kind: ProblemKind): CheckName | null {
  if (kind === 'placeholder') return 'placeholders'
  if (kind === 'nesting') return 'nesting'
  if (kind === 'formatter') return 'formatters'
  if (kind === 'tags') return 'tags'
  if (kind === 'extra') return null
  if (kind.startsWith('qa:')) return 'qa'
  return 'coverage'
}
