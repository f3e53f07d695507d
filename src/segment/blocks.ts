import type { BlockKind } from '../model/unit.js'
import { isBullet, isCloser, isDigit, isLetter, isLower, isSpace } from './chars.js'

/** One block of an article: a paragraph, heading, list item or quote, trimmed of white space. */
export interface Block {
  start: number
  end: number
  kind: BlockKind
}

// A line this long (trimmed) that another line follows reads as hard-wrapped prose; short lines
// (headlines, bylines, word lists, menus) stay separate.
export const WRAP_WIDTH = 60
// Longer single lines are prose, not headlines.
const HEADLINE_MAX = 200

/**
 * Split text into blocks in one pass over its lines. A blank line always splits; a single line
 * break splits too, unless it is a hard wrap: the line before it is long (a wrapped line of
 * prose, whatever the next line starts with: `said⏎John Johnson`), or it has a trailing space
 * and the next line continues in lower case. Inside a block a line break is a space to the
 * sentence splitter, so it is a unit boundary only where a sentence ends there. Markdown
 * headings, list items and quotes are blocks of their own. Each block goes to `each` in order as soon as it is complete, so no list
 * of blocks is ever held.
 */
export function splitBlocks(text: string, each: (block: Block) => void): void {
  const n = text.length
  // The open block (`cur` is undefined before the first) and the previous line, kept in locals:
  // this loop runs once per line of the text.
  let cur: Block | undefined
  let curLines = 0
  let prevStart = 0
  let prevEnd = 0
  let prevTrailing = false
  let blank = true
  let i = 0
  const ends = new LineEnds(text)
  while (i < n) {
    const j = ends.next(i)
    let first = i
    while (first < j && isSpace(text.charCodeAt(first))) first++
    let last = j
    while (last > first && isSpace(text.charCodeAt(last - 1))) last--
    let next = j + 1
    if (j < n && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) next = j + 2
    if (first === j) {
      blank = true
    } else {
      const marker = markerKind(text, first, last)
      const wrap =
        cur !== undefined &&
        !blank &&
        marker === undefined &&
        cur.kind !== 'heading' &&
        isHardWrap(text, prevStart, prevEnd, prevTrailing, first)
      if (cur && wrap) {
        cur.end = last
        curLines++
      } else {
        if (cur) each(finish(text, cur, curLines, first))
        cur = { start: first, end: last, kind: marker ?? 'paragraph' }
        curLines = 1
      }
      prevStart = first
      prevEnd = last
      prevTrailing = last < j
      blank = false
    }
    // A paragraph separator is a blank line of its own.
    if (j < n && text.charCodeAt(j) === 0x2029) blank = true
    i = next
  }
  if (cur) each(finish(text, cur, curLines, -1))
}

/** The terminators other than `\n`: most texts have none, so they are searched for together. */
const RARE_TERMINATOR = /[\r\u2028\u2029]/g

/**
 * Where the next line ends. indexOf is several times faster than a loop over char codes; `\n`'s
 * next position and the next of the rarer terminators (one regex search for the three) are each
 * kept until passed, so the text is searched through twice in all, not once per kind.
 */
class LineEnds {
  private newline = -2
  private rare = -2
  constructor(private readonly text: string) {}

  next(from: number): number {
    const text = this.text
    if (this.newline !== -1 && this.newline < from) this.newline = text.indexOf('\n', from)
    if (this.rare !== -1 && this.rare < from) {
      RARE_TERMINATOR.lastIndex = from
      this.rare = RARE_TERMINATOR.exec(text)?.index ?? -1
    }
    let min = text.length
    if (this.newline !== -1 && this.newline < min) min = this.newline
    if (this.rare !== -1 && this.rare < min) min = this.rare
    return min
  }
}

/**
 * Whether the line starting at `next` continues the previous line `[start, end)` (a hard wrap):
 * the previous line is long, or it has a trailing space and the next starts in lower case.
 * segment-stream.ts relies on this reading nothing but the previous line's length, its trailing
 * space and the next line's first character.
 */
function isHardWrap(text: string, start: number, end: number, trailing: boolean, next: number) {
  if (end - start >= WRAP_WIDTH) return true
  return trailing && isLower(text.codePointAt(next) ?? 0)
}

/**
 * The kind a line's Markdown marker gives it: `# `, `- `, `* `, `+ `, `1. `, `1) `, `> `; a line
 * that starts with a bullet (`•`, `◦`, …) is a list item too.
 */
function markerKind(text: string, start: number, end: number): BlockKind | undefined {
  const c = text.charCodeAt(start)
  if (isBullet(c)) return 'list-item'
  if (c === 62) return 'quote' // `>`, with or without a space after it
  if (c === 35) {
    let k = start
    while (k < end && k - start < 6 && text.charCodeAt(k) === 35) k++
    return k < end && isSpace(text.charCodeAt(k)) ? 'heading' : undefined
  }
  if (c === 45 || c === 42 || c === 43) {
    return start + 1 < end && isSpace(text.charCodeAt(start + 1)) ? 'list-item' : undefined
  }
  if (c >= 48 && c <= 57) {
    let k = start
    while (k < end && k - start < 3 && isDigitAt(text, k)) k++
    if (text.charCodeAt(k) === 46) k++
    else if (text.charCodeAt(k) !== 41) return undefined
    if (text.charCodeAt(k) === 41) k++
    return k < end && isSpace(text.charCodeAt(k)) ? 'list-item' : undefined
  }
  return undefined
}

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return c >= 48 && c <= 57
}

/**
 * Close a block. A single line that reads like a headline or byline (no closing punctuation,
 * not lower case, short) is a heading when a block that does not continue in lower case
 * follows it (`next`, the start of the next block, or -1 at the end of the text).
 */
function finish(text: string, block: Block, lines: number, next: number): Block {
  const more = next >= 0 && !isLower(text.codePointAt(next) ?? 0)
  if (block.kind === 'paragraph' && lines === 1 && more && looksLikeHeadline(text, block)) {
    block.kind = 'heading'
  }
  return block
}

function looksLikeHeadline(text: string, { start, end }: Block): boolean {
  if (end - start > HEADLINE_MAX) return false
  const first = text.codePointAt(start) ?? 0
  if (!(isDigit(first) || (isLetter(first) && !isLower(first)))) return false
  let k = end - 1
  // Look through a closing quote or bracket: `Biden: "We will win"` is a headline.
  while (k > start && isCloser(text.charCodeAt(k))) k--
  return !HEADLINE_END.has(text.charCodeAt(k))
}

// Marks that end a sentence or a clause: a line ending in one is prose, not a headline.
const HEADLINE_END = new Set([...'.!?…:;,'].map((c) => c.charCodeAt(0)))
