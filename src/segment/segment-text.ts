/**
 * Text in, unit spans out: blocks first (paragraphs, headings, list items, quotes), then the
 * sentences of each block, by the language's rules or by Intl.Segmenter where it has none.
 */
import type { BlockKind } from '../model/unit.js'
import { splitBlocks } from './blocks.js'
import { isSpace } from './chars.js'
import { intlSentences } from './intl-sentences.js'
import { rulesFor } from './rules/index.js'
import { SentenceSplitter } from './sentences.js'

/**
 * One unit's place in the text: `text.slice(start, end)` is its source, never with white space at
 * either end. Spans are in order and what lies between them is white space only.
 */
export interface Span {
  start: number
  end: number
  /** 0-based index of the block the unit was cut from. */
  block: number
  kind: BlockKind
}

/**
 * Segment `text` into translation units for the language `lang` (a BCP 47 tag; rules are
 * chosen by its base language). Lossless: the white space before the first span, each span and
 * the white space after it give back `text` exactly. White-space-only input gives no spans.
 *
 * @example
 * segmentText('Mr. Smith left. He was late.', 'en').length // 2
 */
export function segmentText(text: string, lang: string): Span[] {
  const spans: Span[] = []
  eachUnit(text, lang, (start, end, block, kind) => spans.push({ start, end, block, kind }))
  return spans
}

/** Receives one unit of {@link eachUnit}: its span, trimmed, its block's index and kind. */
export type UnitSink = (start: number, end: number, block: number, kind: BlockKind) => void

/** {@link segmentText} without the list: each unit goes to `sink` in order (no object per unit). */
export function eachUnit(text: string, lang: string, sink: UnitSink): void {
  const rules = rulesFor(lang)
  let block = -1
  let kind: BlockKind = 'paragraph'
  const emit = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (s < e) sink(s, e, block, kind)
  }
  const splitter = rules ? new SentenceSplitter(text, rules, emit) : undefined
  splitBlocks(text, (b) => {
    block++
    kind = b.kind
    // A heading is one unit whatever it holds.
    if (kind === 'heading') emit(b.start, b.end)
    else if (splitter) splitter.split(b.start, b.end)
    else intlSentences(text, b.start, b.end, lang, emit)
  })
}

/**
 * The sentences of one block of text (no block splitting: line breaks inside are part of it), as
 * `[start, end)` spans trimmed of white space, by the language's rules or Intl.Segmenter.
 */
export function sentenceSpans(text: string, lang: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const emit = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (s < e) spans.push([s, e])
  }
  const rules = rulesFor(lang)
  if (rules) new SentenceSplitter(text, rules, emit).split(0, text.length)
  else intlSentences(text, 0, text.length, lang, emit)
  return spans
}
