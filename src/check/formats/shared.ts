/** Small helpers the output formats share: places, counts per row, XML escaping. */
import { plural } from '../../model/plural.js'
import { formatPct } from '../thresholds.js'
import type { CheckResult, LanguageResult, Problem } from '../types.js'

/** `file:line`, the article and position of a unit, or the key alone. */
export function placeOf(p: Problem): string {
  if (p.file) return p.line ? `${p.file}:${p.line}` : p.file
  if (p.article) return `${p.article}#${p.position ?? '?'}`
  return p.key
}

/** The one-line statement of what was read, so a check that read nothing is visible. */
export function checkedLine(r: CheckResult): string {
  const c = r.checked
  const files = r.source.kind === 'locales' || r.source.kind === 'files'
  const from = files && r.source.lang ? `${r.source.location} (source ${r.source.lang})` : r.source.location
  const read = [counted(c.files, files ? 'file' : 'article'), counted(c.languages, 'target language'), counted(c.strings, 'string')]
  return `checked ${read.join(', ')} from ${from}; coverage by ${r.measure}`
}

/** A count and its noun: `1 file`, `1,234 strings`. */
export function counted(x: number, one: string, other?: string): string {
  return `${n(x)} ${plural(x, one, other)}`
}

/**
 * A count with thousands separators, as `toLocaleString('en-US')` writes a whole number. Written
 * out because the first toLocaleString loads ICU's number formats: 15–20 ms of a 0.5 s check.
 */
export function n(x: number): string {
  if (!Number.isInteger(x)) return x.toLocaleString('en-US')
  const digits = String(Math.abs(x))
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let at = out.length; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`
  return x < 0 ? `-${out}` : out
}

/** A language's coverage as a percentage for people. */
export function pct(l: LanguageResult): string {
  return formatPct(l.coverage * 100)
}

/** The last line: passed, or how many languages failed (or that nothing was checked). */
export function verdictLine(r: CheckResult): string {
  const langs = Object.values(r.languages)
  const bad = langs.filter((l) => !l.passed).length
  if (r.checked.strings === 0) return 'FAILED: nothing was checked (no strings read)'
  if (langs.length === 0) return 'FAILED: no target languages found'
  const all = plural(langs.length, 'language')
  if (r.passed) return langs.length === 1 ? `passed: the 1 ${all}` : `passed: all ${langs.length} ${all}`
  return `FAILED: ${bad} of ${langs.length} ${all}`
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Escape text for XML; characters XML 1.0 cannot hold at all are dropped. */
export function xml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML[c] ?? c)
}

/** Whether the check ran with `--qa` (every language then has its `qa` counts). */
export function hasQa(r: CheckResult): boolean {
  return Object.values(r.languages).some((l) => l.qa !== undefined)
}
