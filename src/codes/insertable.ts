/**
 * Editing tagged text as a translator does in the editor: where its code tags are, a source's
 * codes to insert (Alt+1…9), the next one a target lacks (Alt+0), and deletions that take a
 * whole tag (and a paired code's other end) or none of it, so a chip is never half deleted.
 *
 * Pure string functions, and on purpose with no value import: the editor's script runs this very
 * module in the browser (src/web/assets/codes.js is generated from it by
 * `npm run assets:codes`; a test checks that the two agree).
 */

/** One code tag in a text: `⟦1⟧` (open), `⟦/1⟧` (close), `⟦1/⟧` (standalone), at [start, end). */
export interface TagSpan {
  start: number
  end: number
  kind: 'open' | 'close' | 'standalone'
  id: number
}

/** One code of a source, in the order it first appears. */
export interface SourceCode {
  id: number
  kind: 'paired' | 'standalone'
}

/** A text after an edit, with where the selection goes. */
export interface TextEdit {
  text: string
  start: number
  end: number
}

const TAG = /⟦⟦|⟦(\/?)([1-9][0-9]{0,5})(\/?)⟧/gu

/**
 * Every code tag of `text`, in order. Lenient: a doubled `⟦⟦` is text, and what is not a tag
 * (a lone `⟦`, `⟦/1/⟧`) is left out rather than refused, since a translator's draft may be
 * anything while it is being typed.
 */
export function tagSpans(text: string): TagSpan[] {
  const spans: TagSpan[] = []
  if (text.indexOf('⟦') < 0) return spans
  for (const m of text.matchAll(TAG)) {
    if (m[0] === '⟦⟦' || (m[1] && m[3])) continue
    const kind = m[1] ? 'close' : m[3] ? 'standalone' : 'open'
    spans.push({ start: m.index, end: m.index + m[0].length, kind, id: Number(m[2]) })
  }
  return spans
}

/** A tag as written: `⟦1⟧`, `⟦/1⟧`, `⟦1/⟧`. */
export function tagText(kind: TagSpan['kind'], id: number): string {
  return kind === 'open' ? `⟦${id}⟧` : kind === 'close' ? `⟦/${id}⟧` : `⟦${id}/⟧`
}

/** The codes of a source (tagged text), each once, in the order they first appear. */
export function sourceCodes(source: string): SourceCode[] {
  const seen = new Map<number, SourceCode>()
  for (const s of tagSpans(source)) {
    if (!seen.has(s.id)) seen.set(s.id, { id: s.id, kind: s.kind === 'standalone' ? 'standalone' : 'paired' })
  }
  return [...seen.values()]
}

/** What inserting a code types, for its button: `⟦1⟧⟦/1⟧` or `⟦2/⟧`. */
export function codeToken(code: SourceCode): string {
  return code.kind === 'paired' ? tagText('open', code.id) + tagText('close', code.id) : tagText('standalone', code.id)
}

/** The tag that holds `pos` strictly inside it (not at its edges), if any. */
export function tagAround(text: string, pos: number): TagSpan | undefined {
  return tagSpans(text).find((s) => s.start < pos && pos < s.end)
}

/**
 * A caret position moved out of any tag it fell into: to the tag's start or end (`towards`), or
 * to the nearer edge. Typing, pasting and clicking then never land inside a chip.
 */
export function snapOut(text: string, pos: number, towards: 'start' | 'end' | 'nearest' = 'nearest'): number {
  const s = tagAround(text, pos)
  if (!s) return pos
  if (towards === 'start') return s.start
  if (towards === 'end') return s.end
  return pos - s.start <= s.end - pos ? s.start : s.end
}

/** `[start, end)` widened so that it cuts no tag in two. */
function widen(text: string, start: number, end: number): [number, number] {
  return [snapOut(text, start, 'start'), snapOut(text, end, 'end')]
}

/** Remove the spans (sorted, not overlapping) from `text`; where `pos` then stands. */
function cut(text: string, spans: readonly { start: number; end: number }[], pos: number): TextEdit {
  let out = ''
  let from = 0
  let at = pos
  for (const s of spans) {
    out += text.slice(from, s.start)
    from = s.end
    if (s.end <= pos) at -= s.end - s.start
    else if (s.start < pos) at -= pos - s.start
  }
  out += text.slice(from)
  return { text: out, start: at, end: at }
}

/**
 * Delete `[start, end)` of `text` as the editor does: a tag the range touches goes whole, and a
 * paired code whose one end goes loses its other end too (the words between stay), so the codes
 * that remain stay balanced.
 */
export function deleteRange(text: string, start: number, end: number): TextEdit {
  const [a, b] = widen(text, Math.min(start, end), Math.max(start, end))
  const spans = tagSpans(text)
  const gone = new Set<number>()
  for (const s of spans) if (s.kind !== 'standalone' && s.start >= a && s.end <= b) gone.add(s.id)
  const extra = spans.filter((s) => s.kind !== 'standalone' && gone.has(s.id) && (s.end <= a || s.start >= b))
  const parts = [...extra.filter((s) => s.end <= a), { start: a, end: b }, ...extra.filter((s) => s.start >= b)]
  return cut(text, parts, a)
}

/**
 * Backspace (`backward`) or Delete (`forward`) at a collapsed caret: when the character it would
 * take belongs to a tag, the whole tag goes (with its paired end); otherwise undefined, and the
 * key does what it always does.
 */
export function deleteAtCaret(text: string, pos: number, direction: 'backward' | 'forward'): TextEdit | undefined {
  const probe = direction === 'backward' ? pos - 1 : pos
  const s = tagSpans(text).find((t) => t.start <= probe && probe < t.end)
  return s ? deleteRange(text, s.start, s.end) : undefined
}

/**
 * Insert a source code at the selection `[start, end)`. A standalone code goes at the caret (the
 * end of the selection). A paired code wraps the selection (nothing selected: an empty pair, the
 * caret between its ends); one the text holds already is moved there, its old tags taken out, so
 * inserting never makes a code twice.
 */
export function insertCode(text: string, start: number, end: number, code: SourceCode): TextEdit {
  let [a, b] = widen(text, Math.min(start, end), Math.max(start, end))
  if (code.kind === 'standalone') {
    const tag = tagText('standalone', code.id)
    return { text: text.slice(0, b) + tag + text.slice(b), start: b + tag.length, end: b + tag.length }
  }
  // The old tags of this code come out first, and the selection shifts with what went before it.
  let t = text
  for (const s of tagSpans(text).filter((x) => x.id === code.id && x.kind !== 'standalone').reverse()) {
    t = t.slice(0, s.start) + t.slice(s.end)
    const n = s.end - s.start
    if (s.end <= a) a -= n
    if (s.end <= b) b -= n
  }
  const open = tagText('open', code.id)
  const close = tagText('close', code.id)
  const out = t.slice(0, a) + open + t.slice(a, b) + close + t.slice(b)
  // Wrapped words stay selected; an empty pair puts the caret between its ends, ready to type.
  return a === b ? { text: out, start: a + open.length, end: a + open.length } : { text: out, start: a + open.length, end: b + open.length }
}

/**
 * The first source code the target lacks, as the tag to insert: a paired code with neither end
 * (`pair`), a paired code that opens and never closes (`close`: its closing tag), or a standalone
 * code left out. Undefined when nothing is missing.
 */
export function nextMissing(source: string, target: string): { code: SourceCode; insert: 'pair' | 'close' | 'standalone' } | undefined {
  const have = tagSpans(target)
  for (const code of sourceCodes(source)) {
    const mine = have.filter((s) => s.id === code.id)
    if (code.kind === 'standalone') {
      if (!mine.some((s) => s.kind === 'standalone')) return { code, insert: 'standalone' }
    } else if (!mine.some((s) => s.kind === 'open')) {
      return { code, insert: 'pair' }
    } else if (!mine.some((s) => s.kind === 'close')) {
      return { code, insert: 'close' }
    }
  }
  return undefined
}

/** Alt+0: insert the next missing code at the selection; undefined when none is missing. */
export function insertMissing(source: string, target: string, start: number, end: number): TextEdit | undefined {
  const missing = nextMissing(source, target)
  if (!missing) return undefined
  if (missing.insert !== 'close') return insertCode(target, start, end, missing.code)
  // A close goes at the caret, after its open; before it, at the end of the text.
  const at = snapOut(target, Math.max(start, end), 'end')
  const open = tagSpans(target).find((s) => s.id === missing.code.id && s.kind === 'open') as TagSpan
  const pos = at >= open.end ? at : target.length
  const tag = tagText('close', missing.code.id)
  return { text: target.slice(0, pos) + tag + target.slice(pos), start: pos + tag.length, end: pos + tag.length }
}
