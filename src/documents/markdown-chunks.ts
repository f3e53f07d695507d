/**
 * Where a Markdown document can be cut into pieces parsed one by one without changing what any
 * piece means, and which of micromark's extensions each piece needs.
 *
 * A piece starts at a line that follows a blank line and starts at column 0 with a letter, `#`,
 * `|`, `!`, `[` or `<`: after a blank line no paragraph, list item or quote continues lazily and
 * such a line cannot be a list item's indented continuation, so every block open before it is
 * closed whatever the line holds (never inside fenced code or front matter). Lines that start
 * with a list marker, a digit, `>`, `*`, `-`, `+`, `_`, `=` or white space are left alone, so no
 * list is split and no quirk of a marker after indented code differs from the whole parse. A
 * document no longer than a piece, or one with link reference definitions (which every piece
 * would need) or with HTML blocks that run past blank lines (`<pre>`, `<script>`, `<style>`,
 * `<textarea>`, comments) is parsed whole, with every extension.
 *
 * Why: micromark costs about 2 ms of CPU per KiB of inline-rich Markdown with the GFM table and
 * autolink-literal extensions on, a third of it for those extensions' attempts at every line and
 * word even where the text holds no `|` and no URL. Parsed in pieces, a piece without a `|` is
 * parsed without the table extension and one without `www.`, `://` or `@` without the autolink
 * one (neither can change a piece that lacks those), and front matter is read in the first piece
 * only; pieces also keep micromark's work per piece bounded, as it grows faster than the input
 * on long documents.
 */

/** Default most characters of one piece (pieces are also cut where the extensions needed change). */
export const CHUNK = 16 * 1024

/** One piece: `[start, end)` of the source, and the extensions its parse needs. */
export interface MarkdownPiece {
  start: number
  end: number
  /** Holds a `|`: may hold a GFM table. */
  table: boolean
  /** Holds `www.`, `://` or `@`: may hold an autolink literal. */
  autolink: boolean
  /** The first piece: may start with front matter. */
  frontMatter: boolean
}

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m
const LONG_HTML = /^ {0,3}<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/im
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
const OPENS_PIECE = /^[\p{L}#|![<]/u
const AUTOLINK = /www\.|:\/\/|@/i

/** The pieces of `src`, in order, that together are the whole of it. */
export function markdownPieces(src: string, size = CHUNK): MarkdownPiece[] {
  const piece = (start: number, end: number, frontMatter: boolean): MarkdownPiece => {
    const text = src.slice(start, end)
    return { start, end, table: text.includes('|'), autolink: AUTOLINK.test(text), frontMatter }
  }
  // A short document is parsed whole, with every extension.
  if (src.length <= size || DEFINITION.test(src) || LONG_HTML.test(src)) return [{ start: 0, end: src.length, table: true, autolink: true, frontMatter: true }]
  const out: MarkdownPiece[] = []
  let from = 0
  let at = 0
  let fence: { char: string; length: number } | undefined
  let blank = false
  // Front matter: no cut before its closing line (a `# comment` in YAML is no heading).
  if (/^---\r?\n/.test(src)) {
    const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(src.slice(3))
    at = close ? 3 + close.index + close[0].length : src.length
  }
  let current: MarkdownPiece | undefined
  const close = (end: number): void => {
    if (end <= from) return
    const next = piece(from, end, from === 0)
    // Blocks go on in the open piece while it is short and needs the same extensions.
    if (current && current.end - current.start < size && current.table === next.table && current.autolink === next.autolink && !next.frontMatter) {
      current.end = end
    } else {
      current = next
      out.push(current)
    }
    from = end
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
    } else if (blank && at > from && OPENS_PIECE.test(line)) {
      close(at)
    }
    blank = !fence && line.trim() === ''
    at = next
  }
  close(src.length)
  return out
}
