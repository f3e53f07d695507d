/**
 * `--format json`: the CheckResult, documented in the README. Written with one problem per line,
 * so a big result stays readable and diffable, and in chunks, so it never sits in memory twice.
 */
import type { CheckResult, Problem } from '../types.js'

/** Problems per chunk: big enough for few writes, small enough to keep the copy small. */
const CHUNK = 512

/** The JSON text in chunks, each made only when the previous one has been written. */
export function* formatJson(r: CheckResult): Generator<string> {
  const { problems, ...head } = r
  const top = JSON.stringify(head, null, 2)
  // Put "problems" last, after the summary a reader wants first.
  yield `${top.slice(0, -2)},\n  "problems": [`
  const quoted = new Map<string, string>()
  // Languages and file names repeat on every line: each is quoted once.
  const q = (s: string) => {
    let json = quoted.get(s)
    if (json === undefined) quoted.set(s, (json = JSON.stringify(s)))
    return json
  }
  for (let i = 0; i < problems.length; i += CHUNK) {
    let body = ''
    const end = Math.min(problems.length, i + CHUNK)
    for (let k = i; k < end; k++) body += `${k === 0 ? '' : ','}\n    ${problemJson(problems[k] as Problem, q)}`
    yield body
  }
  yield problems.length === 0 ? ']\n}\n' : '\n  ]\n}\n'
}

/** One problem exactly as JSON.stringify writes it (same keys in the same order), without its generic walk. */
function problemJson(p: Problem, q: (s: string) => string): string {
  let s = `{"lang":${q(p.lang)},"file":${p.file === null ? 'null' : q(p.file)},"line":${p.line ?? 'null'},"key":${JSON.stringify(p.key)},"kind":"${p.kind}","severity":"${p.severity}","message":${JSON.stringify(p.message)}`
  if (p.article !== undefined) s += `,"article":${JSON.stringify(p.article)}`
  if (p.position !== undefined) s += `,"position":${p.position}`
  return `${s}}`
}
