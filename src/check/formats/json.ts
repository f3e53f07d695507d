/**
 * `--format json`: the CheckResult, documented in the README. Written with one problem per line,
 * so a big result stays readable and diffable, and in chunks, so it never sits in memory twice.
 */
import type { CheckResult } from '../types.js'

/** Problems per chunk: big enough for few writes, small enough to keep the copy small. */
const CHUNK = 256

/** The JSON text in chunks, each made only when the previous one has been written. */
export function* formatJson(r: CheckResult): Generator<string> {
  const { problems, ...head } = r
  const top = JSON.stringify(head, null, 2)
  // Put "problems" last, after the summary a reader wants first.
  yield `${top.slice(0, -2)},\n  "problems": [`
  for (let i = 0; i < problems.length; i += CHUNK) {
    // One native stringify per chunk, then a line break before each problem: `},{"lang":` cannot
    // occur inside a JSON string (its quotes would be escaped), so the split is exact.
    const body = JSON.stringify(problems.slice(i, i + CHUNK)).slice(1, -1).split('},{"lang":').join('},\n    {"lang":')
    yield `${i === 0 ? '' : ','}\n    ${body}`
  }
  yield problems.length === 0 ? ']\n}\n' : '\n  ]\n}\n'
}
