import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Span, segmentText } from '../../src/segment/segment-text.js'

const WHITE = /^\s*$/u

/** Every span invariant the rest of Tolk relies on, checked for one input. */
function checkSpans(text: string, spans: Span[]): void {
  let prevEnd = 0
  let prevBlock = -1
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd)
    expect(s.end).toBeGreaterThan(s.start)
    expect(WHITE.test(text.slice(prevEnd, s.start))).toBe(true)
    const src = text.slice(s.start, s.end)
    expect(src.trim()).toBe(src)
    expect(s.block).toBeGreaterThanOrEqual(prevBlock)
    prevBlock = s.block
    prevEnd = s.end
  }
  expect(WHITE.test(text.slice(prevEnd))).toBe(true)
  let out = text.slice(0, spans[0]?.start ?? text.length)
  spans.forEach((s, i) => {
    out += text.slice(s.start, s.end) + text.slice(s.end, spans[i + 1]?.start ?? text.length)
  })
  expect(out).toBe(text)
}

// Pieces that make the segmenter's decisions interesting, mixed with arbitrary Unicode.
const PIECES = [
  '\r\n', '\n', '\n\n', '\r', ' ', '\u00a0', '\u2028', '\u2029', '\t', '.', '. ', '...', ' . . . ',
  '…', '?!', '!', '?', '”', '“', '"', "'", '(', ')', '[…]', '– ', '— ', '# ', '- ', '* ', '> ',
  '1. ', '2) ', 'a. ', 'b. ', '• ', '⁃', 'Mr. ', 'U.S. ', 'e.g. ', 't.ex. ', 'kl. 14.30', 'osv. ',
  '3.5', 'The ', 'Det ', 'I ', 'word', 'Word', 'x@y.se', 'http://a.b/c.d', '😀', '👨‍👩‍👧', 'שלום. ',
  'مرحبا. ', '日本語。', 'Ω', '\u0301', '\ud800', '\udc00', ':',
]

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 6 })), {
      maxLength: 40,
    })
    .map((parts) => parts.join('')),
)

describe('lossless segmentation', () => {
  for (const lang of ['en', 'sv', 'de', 'ja', 'ar', 'und']) {
    it(`gives back any input byte for byte from ordered, trimmed, non-empty spans (${lang})`, () => {
      fc.assert(
        fc.property(text, (t) => checkSpans(t, segmentText(t, lang))),
        { numRuns: Number(process.env.FC_RUNS ?? 400) },
      )
    })
  }

  it('gives no spans for empty input', () => {
    expect(segmentText('', 'en')).toEqual([])
    expect(segmentText('', 'ja')).toEqual([])
  })
})
