import type { BlockKind } from '../model/unit.js'
import { isLower, isSpace } from './chars.js'

/** One block of an article: a paragraph, heading, list item or quote, trimmed of white space. */
export interface Block {
  start: number
  end: number
  kind: BlockKind
}

// A hard-wrapped line this long (without a trailing space) still reads as wrapped prose when the
// next line continues in lower case; short lines (word lists, menus) stay separate.
const WRAP_WIDTH = 60
// Longer single lines are prose, not headlines.
const HEADLINE_MAX = 200

interface Line {
  /** First and one-past-last non-space index. */
  start: number
  end: number
  /** White space between the content and the line terminator (a hard-wrap hint). */
  trailingSpace: boolean
  marker: BlockKind | undefined
}

/**
 * Split text into blocks in one pass over its lines. A blank line always splits; a single line
 * break splits too, unless the next line continues the sentence in lower case after a trailing
 * space or a long wrapped line (a hard wrap). Markdown headings, list items and quotes are
 * blocks of their own.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = []
  const n = text.length
  let cur: (Block & { lines: number }) | undefined
  let prev: Line | undefined
  let blank = true
  let i = 0
  while (i < n) {
    let first = -1
    let last = -1
    let j = i
    for (; j < n; j++) {
      const c = text.charCodeAt(j)
      if (c > 32 && c < 127) {
        if (first < 0) first = j
        last = j
      } else if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
        break
      } else if (!isSpace(c)) {
        if (first < 0) first = j
        last = j
      }
    }
    let next = j + 1
    if (j < n && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) next = j + 2
    if (first < 0) {
      blank = true
    } else {
      const line: Line = {
        start: first,
        end: last + 1,
        trailingSpace: last + 1 < j,
        marker: markerKind(text, first, last + 1),
      }
      if (cur && prev && !blank && joins(text, prev, line, cur.kind)) {
        cur.end = line.end
        cur.lines++
      } else {
        if (cur) blocks.push(finish(text, cur, true))
        cur = { start: line.start, end: line.end, kind: line.marker ?? 'paragraph', lines: 1 }
      }
      prev = line
      blank = false
    }
    // A paragraph separator is a blank line of its own.
    if (j < n && text.charCodeAt(j) === 0x2029) blank = true
    i = next
  }
  if (cur) blocks.push(finish(text, cur, false))
  return blocks
}

/** Whether `line` continues the block that `prev` belongs to (a hard wrap). */
function joins(text: string, prev: Line, line: Line, kind: BlockKind): boolean {
  if (line.marker !== undefined || kind === 'heading') return false
  const cp = text.codePointAt(line.start) ?? 0
  if (!isLower(cp)) return false
  if (prev.trailingSpace) return true
  if (prev.end - prev.start < WRAP_WIDTH) return false
  return !endsSentence(text.charCodeAt(prev.end - 1))
}

function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58
}

/** The kind a line's Markdown marker gives it: `# `, `- `, `* `, `+ `, `1. `, `1) `, `> `. */
function markerKind(text: string, start: number, end: number): BlockKind | undefined {
  const c = text.charCodeAt(start)
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
 * not lower case, short, with more text after it) is a heading.
 */
function finish(text: string, b: Block & { lines: number }, more: boolean): Block {
  const block: Block = { start: b.start, end: b.end, kind: b.kind }
  if (b.kind === 'paragraph' && b.lines === 1 && more && looksLikeHeadline(text, b.start, b.end)) {
    block.kind = 'heading'
  }
  return block
}

function looksLikeHeadline(text: string, start: number, end: number): boolean {
  if (end - start > HEADLINE_MAX) return false
  const first = text.codePointAt(start) ?? 0
  if (isLower(first) || !/[\p{L}\p{N}]/u.test(String.fromCodePoint(first))) return false
  let k = end - 1
  // Look through a closing quote or bracket: `Biden: "We will win"` is a headline.
  while (k > start && /["'”’»)\]]/.test(text.charAt(k))) k--
  return !/[.!?…:;,]/.test(text.charAt(k))
}
