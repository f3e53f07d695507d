/** `--format markdown`: a table for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
import { listedProblems } from '../problem-list.js'
import type { CheckResult } from '../types.js'
import { checkedLine, counted, n, pct, placeOf, verdictLine } from './shared.js'

/** Markdown table cells: pipes escaped, line breaks folded. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

/** A summary table and the first `limit` problems in a collapsed list. */
export function formatMarkdown(r: CheckResult, limit = 50): string {
  const out = [`## Translations: ${r.passed ? '✅ passed' : '❌ failed'}`, '', checkedLine(r), '']
  out.push('| language | coverage | min | missing | plurals | placeholders | stale | extra | result |')
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
  for (const [lang, l] of Object.entries(r.languages)) {
    const result = l.passed ? '✅' : `❌ ${cell(l.reasons.join('; '))}`
    out.push(`| ${lang} | ${pct(l)} | ${l.min ?? 'baseline'} | ${n(l.missing)} | ${n(l.plurals)} | ${n(l.placeholders + l.nesting)} | ${n(l.stale)} | ${n(l.extra)} | ${result} |`)
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
