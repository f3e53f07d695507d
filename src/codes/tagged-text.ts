/** Parse and write tagged text (see types.ts): text runs and codes, escape-safe both ways. */
import { CLOSE, OPEN, type CodeRun, type Run } from './types.js'

/** A text that is not tagged text: a `⟦` that neither starts a code nor is doubled. */
export class TaggedTextError extends Error {
  constructor(
    readonly at: number,
    readonly found: string,
  ) {
    super(`"${found}" at character ${at + 1} is not a code: write a code as ⟦1⟧ ⟦/1⟧ ⟦1/⟧, and a literal ⟦ as ⟦⟦`)
    this.name = 'TaggedTextError'
  }
}

const TAG = /^⟦(\/?)([1-9][0-9]{0,5})(\/?)⟧/u

/** Whether `tagged` holds any code or escape: the fast path of every function here. */
export function hasMarks(tagged: string): boolean {
  return tagged.indexOf(OPEN) >= 0
}

/** Parse tagged text into runs; adjacent text is one run. Throws TaggedTextError. */
export function parseTagged(tagged: string): Run[] {
  if (!hasMarks(tagged)) return tagged === '' ? [] : [{ type: 'text', text: tagged }]
  const runs: Run[] = []
  let text = ''
  let i = 0
  while (i < tagged.length) {
    const at = tagged.indexOf(OPEN, i)
    if (at < 0) {
      text += tagged.slice(i)
      break
    }
    text += tagged.slice(i, at)
    if (tagged.startsWith(OPEN, at + 1)) {
      text += OPEN
      i = at + 2
      continue
    }
    const m = TAG.exec(tagged.slice(at, at + 12))
    if (!m || (m[1] && m[3])) {
      const end = tagged.indexOf(CLOSE, at)
      throw new TaggedTextError(at, tagged.slice(at, end >= 0 && end - at < 12 ? end + 1 : at + 4))
    }
    if (text) runs.push({ type: 'text', text })
    text = ''
    const kind = m[1] ? 'close' : m[3] ? 'standalone' : 'open'
    runs.push({ type: 'code', kind, id: Number(m[2]) })
    i = at + m[0].length
  }
  if (text) runs.push({ type: 'text', text })
  return runs
}

/** Escape plain text for tagged text: every `⟦` doubled. */
export function escapeText(text: string): string {
  return hasMarks(text) ? text.replaceAll(OPEN, OPEN + OPEN) : text
}

/** One code in the notation: `⟦1⟧`, `⟦/1⟧`, `⟦1/⟧`. */
export function codeTag(code: Pick<CodeRun, 'kind' | 'id'>): string {
  if (code.kind === 'open') return `${OPEN}${code.id}${CLOSE}`
  if (code.kind === 'close') return `${OPEN}/${code.id}${CLOSE}`
  return `${OPEN}${code.id}/${CLOSE}`
}

/** Write runs as tagged text; `parseTagged(writeTagged(runs))` gives the runs back (adjacent text merged). */
export function writeTagged(runs: readonly Run[]): string {
  let out = ''
  for (const r of runs) out += r.type === 'text' ? escapeText(r.text) : codeTag(r)
  return out
}

/**
 * The plain text of tagged text: text runs only. `standalone` says what a standalone code
 * becomes (default nothing; word counts use a space so `a⟦1/⟧b` is two words).
 */
export function plainText(tagged: string, standalone = ''): string {
  if (!hasMarks(tagged)) return tagged
  let out = ''
  for (const r of parseTagged(tagged)) {
    if (r.type === 'text') out += r.text
    else if (r.kind === 'standalone') out += standalone
  }
  return out
}

/** Like plainText, but never throws: a text that is not tagged text is returned as it is. */
export function plainTextLenient(tagged: string, standalone = ''): string {
  try {
    return plainText(tagged, standalone)
  } catch (e) {
    if (e instanceof TaggedTextError) return tagged
    throw e
  }
}

/** The codes of tagged text in order of appearance. Throws TaggedTextError. */
export function codesOf(tagged: string): CodeRun[] {
  if (!hasMarks(tagged)) return []
  return parseTagged(tagged).filter((r): r is CodeRun => r.type === 'code')
}
