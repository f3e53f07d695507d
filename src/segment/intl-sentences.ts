/**
 * Sentences for languages without rules of their own, from Intl.Segmenter. It is quadratic on
 * long strings in Node 20, so it only ever sees one block, and at most WINDOW characters of it.
 */
import { isLineBreak, isSpace } from './chars.js'
import type { Emit } from './sentences.js'

/** The most Intl.Segmenter is handed at once. */
export const WINDOW = 10_000

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(lang: string): Intl.Segmenter {
  let seg = segmenters.get(lang)
  if (!seg) {
    seg = new Intl.Segmenter(isLocale(lang) ? lang : undefined, { granularity: 'sentence' })
    segmenters.set(lang, seg)
  }
  return seg
}

// Callers validate tags where they come in (the CLI rejects unknown ones); here a tag that
// Intl cannot read (`und`, empty) gets the root locale's rules, which hardly differ by language.
function isLocale(lang: string): boolean {
  if (lang === '' || lang === 'und') return false
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length >= 0
  } catch {
    return false
  }
}

/**
 * Split the block `text[start, end)` with Intl.Segmenter. A window that ends inside the block is
 * cut at the last boundary it found (or its last white space), and the next window starts there.
 */
export function intlSentences(text: string, start: number, end: number, lang: string, emit: Emit): void {
  const seg = segmenterFor(lang)
  let pos = start
  while (pos < end) {
    const limit = Math.min(end, pos + WINDOW)
    const starts: number[] = []
    for (const s of seg.segment(windowText(text, pos, limit))) starts.push(pos + s.index)
    if (limit === end) {
      for (let k = 0; k < starts.length; k++) emit(starts[k] ?? pos, starts[k + 1] ?? end)
      return
    }
    if (starts.length > 1) {
      for (let k = 0; k < starts.length - 1; k++) emit(starts[k] ?? pos, starts[k + 1] ?? limit)
      pos = starts[starts.length - 1] ?? limit
      continue
    }
    const cut = fallbackCut(text, pos, limit)
    emit(pos, cut)
    pos = cut
  }
}

/**
 * The window's text with line breaks read as spaces (same length, so offsets hold): a block's
 * inner line breaks are hard wraps, which Intl.Segmenter would otherwise take as boundaries.
 */
function windowText(text: string, from: number, to: number): string {
  const chunk = text.slice(from, to)
  for (let k = 0; k < chunk.length; k++) {
    if (isLineBreak(chunk.charCodeAt(k))) return chunk.replace(/[\n\r\u2028\u2029]/g, ' ')
  }
  return chunk
}

/** No boundary in a whole window: cut at its last white space, else between two code points. */
function fallbackCut(text: string, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) if (isSpace(text.charCodeAt(k))) return k
  const c = text.charCodeAt(to - 1)
  return c >= 0xd800 && c <= 0xdbff && to - 1 > from ? to - 1 : to
}
