import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/model/utf8.js'
import { segmentStream, StreamSegmenter } from '../../src/segment/segment-stream.js'
import { segmentText } from '../../src/segment/segment-text.js'

const ROOT = join(import.meta.dirname, '..', '..')
const SEED = readFileSync(join(ROOT, 'seeds', 'sv-general-01.txt'), 'utf8')

function whole(text: string, lang: string): string[] {
  return segmentText(text, lang).map((s) => text.slice(s.start, s.end))
}

/** Push `text` in pieces of the given sizes (cycled), with a window of `window` characters. */
function streamed(text: string, lang: string, window: number, sizes: number[]): string[] {
  const seg = new StreamSegmenter(lang, window)
  const out: string[] = []
  let i = 0
  let k = 0
  while (i < text.length) {
    const n = Math.max(1, sizes[k++ % sizes.length] ?? 1)
    out.push(...seg.push(text.slice(i, i + n)))
    i += n
  }
  out.push(...seg.end())
  return out
}

async function* chunksOf(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let i = 0
  let k = 0
  while (i < bytes.length) {
    const n = Math.max(1, sizes[k++ % sizes.length] ?? 1)
    yield bytes.slice(i, i + n)
    i += n
  }
}

async function collect(gen: AsyncGenerator<string[]>): Promise<{ units: string[]; batches: number }> {
  const units: string[] = []
  let batches = 0
  for await (const b of gen) {
    units.push(...b)
    batches++
  }
  return { units, batches }
}

// Pieces that make the segmenter's decisions interesting (as in lossless.property.test.ts), and
// sentences to repeat into long lines and long blocks.
const PIECES = [
  '\r\n', '\n', '\n\n', '\r', '\r\n\r\n', ' ', '\u00a0', '\u2028', '\u2029', '\t', '.', '. ', '...',
  ' . . . ', '…', '?!', '!', '?', '”', '“', '"', '(', ')', '– ', '# ', '- ', '> ', '1. ', '2) ',
  'a. ', 'b) ', '• ', 'Mr. ', 'U.S. ', 'e.g. ', 't.ex. ', 'kl. 14.30', 'osv. ', '3.5', 'The ',
  'Det ', 'It ', 'I ', 'word', 'Word', 'x@y.se', 'http://a.b/c.d', '😀', '👨‍👩‍👧', 'שלום. ',
  'مرحبا. ', '日本語。', 'です。', 'Ω', '\u0301', ':', 'Headline Here\n', 'lower case line\n',
]
const SENTENCES = [
  'The council met on Friday. ', 'It rained in the U.S. all day. ', 'He said: 1. more 2. less 3. none. ',
  '– We had a plan, says Mr. Smith. ', 'Prices rose 3.5 percent… and then fell! ', '“Fine,” she said. ',
  'Det var kl. 14.30 osv. när det hände. ', '• Cleaner water • Better care ', '会議は金曜日に開かれた。',
  'a wrapped line that goes on and on in lower case ', 'Is this the end?! Few think so. ',
  'then came step 4. and it was done. ', 'What‽ no ',
]

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  // A long line without a break: one sentence or a mix, repeated.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }), fc.integer({ min: 5, max: 60 }))
      .map(([s, n]) => s.join('').repeat(n)),
  },
)
const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''))
const sizes = fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 6 })
const window = fc.integer({ min: 1, max: 3000 })

describe('StreamSegmenter', () => {
  for (const lang of ['en', 'sv', 'ja']) {
    it(`gives the whole text's units for any text, window and pieces (${lang})`, () => {
      fc.assert(
        fc.property(text, window, sizes, (t, w, s) => {
          expect(streamed(t, lang, w, s)).toEqual(whole(t, lang))
        }),
        { numRuns: 300 },
      )
    })
  }

  it('cuts a long text with line breaks and one without any into many windows', () => {
    const long = SENTENCES.join('').repeat(400)
    for (const t of [long, long.replace(/\s+/g, ' '), `Title\n\n${long.replace(/\. /g, '.\n')}`]) {
      const seg = new StreamSegmenter('en', 4096)
      let batches = 0
      const out: string[] = []
      for (let i = 0; i < t.length; i += 1000) {
        const units = seg.push(t.slice(i, i + 1000))
        if (units.length > 0) batches++
        out.push(...units)
      }
      out.push(...seg.end())
      expect(out).toEqual(whole(t, 'en'))
      expect(batches).toBeGreaterThan(t.length / 8192)
    }
  })

  it('keeps the inline list a block opened: a later marker of it still starts a unit', () => {
    const filler = 'The council met on Friday. It rained all day. '.repeat(200)
    const t = `Plan: 1. more 2. less 3. none. ${filler}then came step 4. and it was done. What‽ no ${filler}`
    for (const w of [512, 4096]) expect(streamed(t, 'en', w, [100])).toEqual(whole(t, 'en'))
    expect(whole(t, 'en')).toContain('4. and it was done.')
  })

  it('gives the seed article the same lines', () => {
    for (const lang of ['en', 'sv']) {
      for (const w of [1, 100, 1000, 1 << 20]) expect(streamed(SEED, lang, w, [7, 300, 1])).toEqual(whole(SEED, lang))
    }
  })
})

describe('segmentStream', () => {
  it('decodes UTF-8 split anywhere, even in 1-byte chunks, and gives the whole text units', async () => {
    await fc.assert(
      // A NUL byte marks binary input and is refused (tested below), so the texts leave it out.
      fc.asyncProperty(text.map((t) => t.replaceAll('\0', ' ')), window, sizes, async (t, w, s) => {
        const bytes = new TextEncoder().encode(t)
        const decoded = new TextDecoder().decode(bytes)
        const { units } = await collect(segmentStream(chunksOf(bytes, s), 'en', 'stdin', w))
        expect(units).toEqual(whole(decoded, 'en'))
      }),
      { numRuns: 150 },
    )
    const seed = new TextEncoder().encode(SEED)
    expect((await collect(segmentStream(chunksOf(seed, [1]), 'en'))).units).toEqual(whole(SEED, 'en'))
  })

  it('refuses invalid UTF-8 split across chunks, at the byte decodeText names', async () => {
    const cases = [
      [0x48, 0x69, 0xff, 0x2e],
      [0x41, 0x20, 0xe2, 0x82, 0x41],
      [0x41, 0xf0, 0x9f, 0x98],
      [0xc3],
      [0x41, 0xe0, 0x80, 0x80],
      [0x41, 0xed, 0xa0, 0x80],
      [0x41, 0x42, 0xf4, 0x90, 0x80, 0x80],
    ]
    for (const c of cases) {
      const bytes = Uint8Array.from([...new TextEncoder().encode('Hej då 😀 '), ...c, 0x2e])
      const expected = errorOf(() => decodeText(bytes, 'f.txt'))
      expect(expected).toMatch(/not valid UTF-8 \(at byte \d+\)/)
      for (const s of [[1], [2], [3], [5, 1], [1000]]) {
        await expect(collect(segmentStream(chunksOf(bytes, s), 'en', 'f.txt'))).rejects.toThrow(expected)
      }
    }
  })

  it('names the same byte as decodeText for arbitrary bytes in arbitrary chunks', async () => {
    const bytes = fc.uint8Array({ minLength: 0, maxLength: 40, min: 1 }) // no NUL: checked per chunk
    await fc.assert(
      fc.asyncProperty(bytes, sizes, async (b, s) => {
        const expected = errorOf(() => decodeText(b, 'x'))
        const got = await collect(segmentStream(chunksOf(b, s), 'en', 'x', 16)).then(
          () => undefined,
          (e: Error) => e.message,
        )
        expect(got).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses a NUL byte as binary with its offset', async () => {
    const bytes = Uint8Array.from([0x41, 0x42, 0x43, 0x00, 0x44])
    await expect(collect(segmentStream(chunksOf(bytes, [2]), 'en', 'b.bin'))).rejects.toThrow(
      'b.bin looks binary (a NUL byte at offset 3)',
    )
  })
})

function errorOf(f: () => unknown): string | undefined {
  try {
    f()
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}
