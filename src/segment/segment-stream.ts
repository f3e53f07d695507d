/**
 * Segmentation of a text that arrives in pieces (a file or standard input read in chunks), in
 * memory bounded by a window instead of the input: the unit texts come out exactly as
 * `segmentText` gives them for the whole text, window after window.
 *
 * A window is cut only where nothing after the cut can change a decision before it, and where
 * segmenting from the cut on gives what the whole text gives from there:
 *
 * - At the start of a line that must start a new block (`lineCut`): a line after a blank line
 *   (or a paragraph separator), or one whose first character is not lower case after a line
 *   shorter than the hard-wrap width (so it cannot be a hard-wrapped continuation). splitBlocks
 *   then closes the block before it whatever came earlier, and decides its heading from that
 *   first character alone, which the window keeps; the block from the cut on starts in the
 *   state a fresh text starts in.
 * - Inside a block too long for a window (a file with no line break at all), at the start of a
 *   sentence the rule-based splitter has decided well before the window's end (`sentenceCut`).
 *   Its decisions read back at most a token and forward at most a run of marks, closers and
 *   spaces and then a bounded word; a unit that starts with none of those characters, after
 *   white space, stops every such run, so nothing past it plus a small margin was read. The
 *   splitter restarts there in the state it had: no inline list open (that state is not
 *   visible from outside, so a block where a unit opened one is never cut), no pending
 *   ellipsis or glued stop, and a first line long enough that it neither reads as a headline
 *   nor changes the hard-wrap test of the next line. Languages without rules (Intl.Segmenter
 *   windows anchored at the block's start) are not cut inside a block.
 */
import { decodeChunks } from '../model/utf8.js'
import { isBullet, isCloser, isLineBreak, isLower, isMark, isSpace } from './chars.js'
import { listMarkerEnd } from './list-markers.js'
import { rulesFor } from './rules/index.js'
import { WRAP_WIDTH } from './blocks.js'
import { eachUnit, segmentText, type Span } from './segment-text.js'

/** Characters a window gathers before it is segmented and cut (256 Ki: flattest memory, no loss of speed). */
export const WINDOW = 1 << 18
/** How far past a sentence cut the block must go on, in the window, for the cut to be safe. */
const MARGIN = 256

/**
 * Feed text in pieces with `push`, then call `end`; each returns the unit texts that are final
 * so far, in order. Their concatenation is `segmentText(all text, lang)`'s unit texts.
 */
export class StreamSegmenter {
  /** Text not yet segmented; it always starts where a fresh text would segment the same. */
  private pending = ''
  /** Segment when `pending` is this long; raised when no cut is found, to stay linear. */
  private threshold: number
  private readonly cutsSentences: boolean

  constructor(
    private readonly lang: string,
    private readonly window = WINDOW,
  ) {
    this.threshold = window
    this.cutsSentences = rulesFor(lang) !== undefined
  }

  push(text: string): string[] {
    this.pending += text
    return this.pending.length >= this.threshold ? this.cut() : []
  }

  end(): string[] {
    const text = this.pending
    this.pending = ''
    return texts(text, segmentText(text, this.lang), text.length)
  }

  private cut(): string[] {
    const text = this.pending
    const p = lineCut(text)
    if (p > 0) {
      // The window keeps the first character after the cut: the heading test reads it.
      const out: string[] = []
      eachUnit(text.slice(0, p + charLength(text, p)), this.lang, (start, end) => {
        if (start < p) out.push(text.slice(start, end))
      })
      this.pending = text.slice(p)
      this.threshold = this.window
      return out
    }
    if (this.cutsSentences) {
      const spans = segmentText(text, this.lang)
      const u = sentenceCut(text, spans)
      if (u > 0) {
        this.pending = text.slice(u)
        this.threshold = this.window
        return texts(text, spans, u)
      }
    }
    // No safe cut (one huge heading or list, a run without white space): wait for more text.
    this.threshold = text.length * 2
    return []
  }
}

/** Decode byte chunks as strict UTF-8 (errors as `decodeText`'s) and yield unit texts in batches. */
export async function* segmentStream(
  chunks: AsyncIterable<Uint8Array>,
  lang: string,
  name = 'standard input',
  window = WINDOW,
): AsyncGenerator<string[]> {
  const seg = new StreamSegmenter(lang, window)
  for await (const text of decodeChunks(chunks, name)) {
    const units = seg.push(text)
    if (units.length > 0) yield units
  }
  const units = seg.end()
  if (units.length > 0) yield units
}

/** The texts of the spans that start before `before`. */
function texts(text: string, spans: readonly Span[], before: number): string[] {
  const out: string[] = []
  for (const s of spans) {
    if (s.start >= before) break
    out.push(text.slice(s.start, s.end))
  }
  return out
}

function charLength(text: string, p: number): number {
  return (text.codePointAt(p) ?? 0) > 0xffff ? 2 : 1
}

/**
 * The last line start in `text` where a new block must begin (see the module comment), or -1.
 * Only lines whose first non-space character is present count.
 */
function lineCut(text: string): number {
  let e = text.length
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--
  const breaks = new BreaksBack(text)
  let t = breaks.before(e)
  // Lines are looked at from the last one back; `end` is where the line after `t` ends.
  let end = e
  while (t >= 0) {
    let p = t + 1
    while (p < end && isSpace(text.charCodeAt(p))) p++
    if (p < end) {
      const c = text.charCodeAt(p)
      // Decoded text never ends in half a surrogate pair, but a caller's string might.
      const whole = !(c >= 0xd800 && c <= 0xdbff && p + 1 >= text.length)
      if (whole && (followsBlank(text, t) || (!isLower(text.codePointAt(p) ?? 0) && !longLineBefore(text, t)))) return p
    }
    end = t
    t = breaks.before(t)
  }
  return -1
}

/** Whether the line that the break at `t` ends is blank, or the break is a paragraph separator. */
function followsBlank(text: string, t: number): boolean {
  if (text.charCodeAt(t) === 0x2029) return true
  let k = t - 1
  if (text.charCodeAt(t) === 10 && text.charCodeAt(k) === 13) k-- // CRLF is one break
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k)
    if (isLineBreak(c)) return true
    if (!isSpace(c)) return false
  }
  return true
}

/** Whether the line that the break at `t` ends is, trimmed, at least the hard-wrap width long. */
function longLineBefore(text: string, t: number): boolean {
  let end = t
  if (text.charCodeAt(t) === 10 && text.charCodeAt(t - 1) === 13) end--
  while (end > 0 && isSpace(text.charCodeAt(end - 1)) && !isLineBreak(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--
  while (start < end && isSpace(text.charCodeAt(start))) start++
  return end - start >= WRAP_WIDTH
}

/**
 * Line terminators from the end of a text back. A loop over char codes, not lastIndexOf per kind:
 * a kind the window lacks (`\r`, `\u2028`, `\u2029` in most text) would cost a search through
 * the whole window, while the lines looked at are only the last few.
 */
class BreaksBack {
  constructor(private readonly text: string) {}

  /** The last terminator before `to`, or -1. */
  before(to: number): number {
    const text = this.text
    for (let k = to - 1; k >= 0; k--) if (isLineBreak(text.charCodeAt(k))) return k
    return -1
  }
}

/**
 * The start of the last unit in `spans` (the whole of `text` segmented) where the splitter can
 * restart as if it had run on (see the module comment), or -1.
 */
function sentenceCut(text: string, spans: readonly Span[]): number {
  let u = spans.length - 1
  while (u > 0) {
    const block = (spans[u] as Span).block
    // Where the block's last unit in this window ends: decisions before a cut read no further.
    const blockEnd = (spans[u] as Span).end
    let first = u
    while (first > 0 && (spans[first - 1] as Span).block === block) first--
    // The first unit of the block (in this window) that opens an inline list: after it the
    // splitter carries the label it expects next, which a restart would not know...
    let listAt = u + 1
    for (let k = first; k <= u; k++) {
      if (opensList(text, (spans[k] as Span).start)) {
        listAt = k
        break
      }
    }
    for (let k = u; k > first; k--) {
      const s = spans[k] as Span
      if (blockEnd - s.start < MARGIN) continue
      // ...unless the unit opens a list itself, which sets that label afresh.
      const opens = k >= listAt && opensList(text, s.start)
      if ((k < listAt || opens) && canRestart(text, s, opens)) return s.start
    }
    u = first - 1
  }
  return -1
}

/** Whether the unit starting at `start` opens an inline list (as the splitter's startUnit reads it). */
function opensList(text: string, start: number): boolean {
  let q = start
  if (isBullet(text.charCodeAt(q))) {
    q++
    while (q < text.length && isSpace(text.charCodeAt(q))) q++
  }
  return listMarkerEnd(text, q, text.length) !== undefined
}

/** Whether the splitter, restarted at the unit `s`, goes on as it did (`list`: s opens a list). */
function canRestart(text: string, s: Span, list: boolean): boolean {
  const { start } = s
  if (s.kind === 'heading' || !isSpace(text.charCodeAt(start - 1))) return false
  const c = text.charCodeAt(start)
  // End marks, an ellipsis, closers, `#`, a colon: each could continue a run or a decision that
  // began before the cut, or make the restarted line a heading. A list marker or bullet starts
  // a unit the same way after a restart, but is taken only where it opens a list.
  if (c === 46 || c === 33 || c === 63 || c === 58 || c === 35 || c === 0x2026) return false
  if (isMark(c) || isCloser(c)) return false
  if (!list && (isBullet(c) || listMarkerEnd(text, start, text.length) !== undefined)) return false
  // The restarted first line must be long enough for the hard-wrap test of the line after it.
  for (let k = start + 1; k < text.length; k++) {
    const d = text.charCodeAt(k)
    if (isLineBreak(d)) return false
    if (k >= start + WRAP_WIDTH - 1 && !isSpace(d)) return true
  }
  return false
}
