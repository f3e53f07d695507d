/**
 * `--format json`: the CheckResult, documented in the README. Written with one problem per line,
 * so a big result stays readable and diffable, and in chunks, so it never sits in memory twice.
 */
import type { CheckResult } from '../types.js'

/** Problems per chunk: big enough for few writes, small enough to keep the copy small. */
const CHUNK = 512

/** The JSON text in chunks, each made only when the previous one has been written. */
export function* formatJson(r: CheckResult): Generator<string> {
  const { problems, ...head } = r
  const top = JSON.stringify(head, null, 2)
  // Put "problems" last, after the summary a reader wants first.
  yield `${top.slice(0, -2)},\n  "problems": [`
  const lines: string[] = new Array<string>(CHUNK)
  for (let i = 0; i < problems.length; i += CHUNK) {
    // One native stringify per problem, joined once per chunk: each byte is copied once.
    const n = Math.min(CHUNK, problems.length - i)
    lines.length = n
    for (let k = 0; k < n; k++) lines[k] = JSON.stringify(problems[i + k])
    yield `${i === 0 ? '' : ','}\n    ${lines.join(',\n    ')}`
  }
  yield problems.length === 0 ? ']\n}\n' : '\n  ]\n}\n'
}
