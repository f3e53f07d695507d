/**
 * `--format json`: the CheckResult, documented in the README. Written with one problem per line,
 * so a big result stays readable and diffable, and in chunks, so it never sits in memory twice.
 */
import { eachProblem } from '../problem-list.js'
import type { CheckResult } from '../types.js'

/** Problems per chunk: big enough for few writes, small enough to keep the copy small. */
const CHUNK = 512

/** The JSON text in chunks, each made only when the previous one has been written. */
export function* formatJson(r: CheckResult): Generator<string> {
  // Named one by one: reading `problems` would make them all at once (see eachProblem).
  const head: Omit<CheckResult, 'problems'> = { source: r.source, checked: r.checked, measure: r.measure, languages: r.languages, passed: r.passed, ...(r.firstSeen ? { firstSeen: r.firstSeen } : {}) }
  const top = JSON.stringify(head, null, 2)
  // Put "problems" last, after the summary a reader wants first.
  yield `${top.slice(0, -2)},\n  "problems": [`
  const lines: string[] = []
  let written = 0
  for (const p of eachProblem(r)) {
    // One native stringify per problem, joined once per chunk: each byte is copied once.
    lines.push(JSON.stringify(p))
    if (lines.length === CHUNK) {
      yield `${written === 0 ? '' : ','}\n    ${lines.join(',\n    ')}`
      written += lines.length
      lines.length = 0
    }
  }
  if (lines.length > 0) yield `${written === 0 ? '' : ','}\n    ${lines.join(',\n    ')}`
  yield written + lines.length === 0 ? ']\n}\n' : '\n  ]\n}\n'
}
