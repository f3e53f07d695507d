/**
 * `--format github`: workflow commands GitHub Actions turns into annotations on the file and line
 * of the key (for a missing key, the line of the source key it comes from).
 */
import type { CheckResult, Problem } from '../types.js'
import { checkedLine, verdictLine } from './shared.js'

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

/** Errors and warnings only: tolerated problems (notes) would bury the ones that fail the build. */
export function formatGithub(r: CheckResult): string {
  const lines = r.problems.filter((p) => p.severity !== 'note').map(annotation)
  const summary = `${checkedLine(r)}; ${verdictLine(r)}`
  lines.push(r.passed ? `::notice title=tolk check::${data(summary)}` : `::error title=tolk check::${data(summary)}`)
  return `${lines.join('\n')}\n`
}
