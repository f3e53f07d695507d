/**
 * Where a long Markdown document can be cut into pieces parsed one by one without changing what
 * any piece means: before an ATX heading line (`# …` at column 0), which ends every open block
 * (paragraph, list, quote, table) and is never a lazy continuation, outside fenced code and front
 * matter. micromark's parse time grows faster than the document (about 4× for twice the size past
 * a megabyte), so pieces of about 64 KiB keep an import linear. A document with link reference
 * definitions (which every piece would need) or with HTML blocks that run past blank lines
 * (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments) is parsed whole.
 */

/** Default piece size in characters. */
export const CHUNK = 64 * 1024

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m
const LONG_HTML = /^ {0,3}<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/im
const HEADING = /^#{1,6}(?:[ \t]|$)/
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/

/** `[start, end)` pieces that together are the whole of `src`, in order. */
export function markdownChunks(src: string, size = CHUNK): Array<[number, number]> {
  if (src.length <= size || DEFINITION.test(src) || LONG_HTML.test(src)) return [[0, src.length]]
  const out: Array<[number, number]> = []
  let from = 0
  let at = 0
  let fence: { char: string; length: number } | undefined
  // Front matter: no cut before its closing line (a `# comment` in YAML is no heading).
  if (/^---\r?\n/.test(src)) {
    const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(src.slice(3))
    at = close ? 3 + close.index + close[0].length : src.length
  }
  while (at < src.length) {
    const nl = src.indexOf('\n', at)
    const next = nl < 0 ? src.length : nl + 1
    const line = src.slice(at, nl < 0 ? src.length : nl).replace(/\r$/, '')
    const f = FENCE.exec(line)
    if (fence) {
      if (f && (f[1] as string)[0] === fence.char && (f[1] as string).length >= fence.length && (f[2] as string).trim() === '') fence = undefined
    } else if (f && !((f[1] as string)[0] === '`' && (f[2] as string).includes('`'))) {
      fence = { char: (f[1] as string)[0] as string, length: (f[1] as string).length }
    } else if (at - from >= size && HEADING.test(line)) {
      out.push([from, at])
      from = at
    }
    at = next
  }
  out.push([from, src.length])
  return out
}
