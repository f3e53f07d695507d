/** `--format markdown`: a table for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
import { listedProblems } from '../problem-list.js'
import type { CheckResult } from '../types.js'
import { checkedLine, counted, hasQa, n, pct, placeOf, verdictLine } from './shared.js'

/** Markdown table cells: pipes escaped, line breaks folded. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

/** Coverage as a bar of ten cells, never full while something is missing. */
export function bar(coverage: number): string {
  const full = Math.min(10, Math.floor(coverage * 10 + 1e-9))
  return '█'.repeat(full) + '░'.repeat(10 - full)
}

/** A summary table and the first `limit` problems in a collapsed list. */
export function formatMarkdown(r: CheckResult, limit = 50): string {
  const out = [`## Translations: ${r.passed ? '✅ passed' : '❌ failed'}`, '', checkedLine(r), '']
  // A column per kind of problem, so each count is read where it is named.
  const qa = hasQa(r)
  out.push(`| language | coverage | min | missing | empty | plurals | placeholders | nesting | formatters | tags | stale | extra |${qa ? ' qa errors | qa warnings |' : ''} result |`)
  out.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${qa ? ' ---: | ---: |' : ''} --- |`)
  for (const [lang, l] of Object.entries(r.languages)) {
    const result = l.passed ? '✅' : `❌ ${cell(l.reasons.join('; '))}`
    const counts = [l.missing, l.empty, l.plurals, l.placeholders, l.nesting, l.formatters, l.tags, l.stale, l.extra, ...(l.qa ? [l.qa.errors, l.qa.warnings] : [])].map(n).join(' | ')
    out.push(`| ${lang} | \`${bar(l.coverage)}\` ${pct(l)} | ${l.min ?? 'baseline'} | ${counts} | ${result} |`)
  }
  const { total, shown } = listedProblems(r, limit)
  if (total > 0) {
    out.push('', `<details><summary>${counted(total, 'problem')}${total > limit ? ` (first ${limit})` : ''}</summary>`, '')
    out.push('| where | lang | kind | message |', '| --- | --- | --- | --- |')
    for (const p of shown) out.push(`| \`${cell(placeOf(p))}\` | ${p.lang} | ${p.kind} | ${cell(p.message)} |`)
    out.push('', '</details>')
  }
  out.push('', verdictLine(r))
  return `${out.join('\n')}\n`
}
