/**
 * `--format github`: workflow commands GitHub Actions turns into annotations on the file and line
 * of the key (for a missing key, the line of the source key it comes from).
 */
import type { CheckResult, Problem } from '../types.js'
import { checkedLine, counted, verdictLine } from './shared.js'

/** Escaping GitHub's runner applies to command data and to property values. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function annotation(p: Problem): string {
  const command = p.severity === 'warning' ? 'warning' : 'error'
  const props: string[] = []
  if (p.file) props.push(`file=${prop(p.file)}`)
  if (p.file && p.line) props.push(`line=${p.line}`)
  props.push(`title=${prop(`tolk check: ${p.kind} (${p.lang})`)}`)
  return `::${command} ${props.join(',')}::${data(p.message)}`
}

/** How many annotations of each severity GitHub shows per step; more are dropped silently. */
export const GITHUB_ANNOTATIONS = 10

/**
 * Errors and warnings only (tolerated problems, notes, would bury the ones that fail the build),
 * in the order of every output (those that fail the gate first), at most `limit` of each
 * severity: GitHub shows no more per step. Then one notice: what was checked, the verdict, and
 * how many were left out.
 */
export function formatGithub(r: CheckResult, limit = GITHUB_ANNOTATIONS): string {
  const lines: string[] = []
  const shown = { error: 0, warning: 0 }
  let left = 0
  for (const p of r.problems) {
    if (p.severity === 'note') continue
    const command = p.severity === 'warning' ? 'warning' : 'error'
    if (shown[command] >= limit) {
      left++
      continue
    }
    shown[command]++
    lines.push(annotation(p))
  }
  const more = left > 0 ? `; ${counted(left, 'more problem')} not annotated (GitHub shows ${limit} of each kind per step): see the step summary or --format json` : ''
  lines.push(`::notice title=tolk check::${data(`${checkedLine(r)}; ${verdictLine(r)}${more}`)}`)
  return `${lines.join('\n')}\n`
}
