/** The default output: a summary table per language, then the first problems with their place. */
import { plural } from '../../model/plural.js'
import { listedProblems } from '../problem-list.js'
import type { CheckResult, Problem } from '../types.js'
import { checkedLine, hasQa, n, pct, placeOf, verdictLine } from './shared.js'

/** Options of the text format. */
export interface TextOptions {
  /** Summary only, no problem list. */
  quiet?: boolean
  /** How many problems to list (default 20). */
  limit?: number
}

/** The summary table and, unless quiet, the first problems that count (errors and warnings). */
export function formatText(r: CheckResult, opts: TextOptions = {}): string {
  const out = [checkedLine(r), '']
  const kind = r.source.kind
  const head =
    kind === 'locales'
      ? ['lang', 'coverage', 'min', 'missing', 'empty', 'plurals', 'placeholders', 'nesting', 'extra', 'result']
      : kind === 'files'
        ? ['lang', 'coverage', 'min', 'untranslated', 'stale', 'empty', 'placeholders', 'nesting', 'result']
        : ['lang', 'coverage', 'min', 'untranslated', 'stale', ...(hasQa(r) ? ['qa errors', 'qa warnings'] : []), 'result']
  const rows = Object.entries(r.languages).map(([lang, l]) => {
    const min = l.min === null ? 'base' : `${l.min}`
    const result = l.passed ? 'ok' : `FAIL: ${l.reasons.join('; ')}`
    if (kind === 'locales') return [lang, pct(l), min, n(l.missing), n(l.empty), n(l.plurals), n(l.placeholders), n(l.nesting), n(l.extra), result]
    if (kind === 'files') return [lang, pct(l), min, n(l.missing), n(l.stale), n(l.empty), n(l.placeholders), n(l.nesting), result]
    return [lang, pct(l), min, n(l.missing), n(l.stale), ...(l.qa ? [n(l.qa.errors), n(l.qa.warnings)] : []), result]
  })
  out.push(...table(head, rows), '')
  const { total, shown } = opts.quiet ? { total: 0, shown: [] } : listedProblems(r, opts.limit ?? 20, sameMissing)
  if (total > 0) {
    out.push(`${shown.length < total ? `First ${shown.length} of ${n(total)}` : `${n(total)}`} ${plural(total, 'problem')}:`)
    for (let i = 0; i < shown.length; ) {
      const p = shown[i] as Problem
      let j = i + 1
      while (j < shown.length && sameMissing(p, shown[j] as Problem)) j++
      if (j - i > 1) {
        const langs = shown.slice(i, j).map((q) => q.lang)
        const named = langs.length > LANGS_NAMED ? `${langs.slice(0, LANGS_NAMED).join(', ')}, …` : langs.join(', ')
        out.push(`  ${escaped(placeOf(p))}  ${escaped(p.key)} missing in ${langs.length} languages (${named})`)
      } else {
        out.push(`  ${escaped(placeOf(p))}  ${p.lang}  ${p.severity === 'warning' ? 'warning' : p.kind}: ${escaped(p.message)}`)
      }
      i = j
    }
    out.push('')
  }
  out.push(verdictLine(r))
  return `${out.join('\n')}\n`
}

/** Languages named on a line of a key missing in several; the rest are counted. */
const LANGS_NAMED = 8

/** A key missing in several languages is one line: same key, place and severity. */
function sameMissing(a: Problem, b: Problem): boolean {
  return a.kind === 'missing' && b.kind === 'missing' && a.key === b.key && a.file === b.file && a.line === b.line && a.severity === b.severity && a.article === b.article
}

/** Line breaks, tabs and other control characters in keys and messages, escaped: one problem, one line. */
export function escaped(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/** Left-aligned columns; numbers and percentages right-aligned; the last column is free text. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === head.length - 1 ? 0 : (r[i] ?? '').length))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  return [line(head), ...rows.map(line)]
}
