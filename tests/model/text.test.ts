import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countWords, normalizeForCompare } from '../../src/model/text.js'

describe('countWords', () => {
  it('counts words by a Unicode pattern in languages written with spaces', () => {
    expect(countWords('The rebels’ offensive began on December 8.', 'en').words).toBe(7)
    expect(countWords('Det var redan efter att rebellerna lidit förluster.', 'sv').words).toBe(8)
    expect(countWords('– Vi hade en övertygelse …', 'sv').words).toBe(4)
    expect(countWords('3.5 million e-mails', 'en').words).toBe(3)
  })

  it('counts words with Intl.Segmenter and characters too in Japanese and Chinese', () => {
    const ja = countWords('私は学生です。', 'ja')
    expect(ja.words).toBeGreaterThan(1)
    expect(ja.characters).toBe(7)
    expect(countWords('我们在北京', 'zh-Hans').characters).toBe(5)
  })

  it('counts nothing in white space and punctuation', () => {
    expect(countWords(' \n– … ', 'en').words).toBe(0)
  })
})

describe('normalizeForCompare', () => {
  it('applies NFC and folds runs of white space', () => {
    expect(normalizeForCompare(' Cafe\u0301  au\n lait ')).toBe('Café au lait')
  })

  it('gives what NFC, folding and trimming give, plain ASCII sentences included', () => {
    const full = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim()
    // Printable ASCII with spaces, tabs and line breaks (where a shortcut could go wrong), and
    // any Unicode at all.
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '9', '.', '~', '!', ' ', ' ', '\t', '\n', '\r', '\u00a0', 'e\u0301') })
    for (const text of [ascii, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })]) {
      fc.assert(fc.property(text, (s) => normalizeForCompare(s) === full(s)), { numRuns: 2000 })
    }
    for (const s of ['', ' ', 'a', 'a b', ' a', 'a ', 'a  b', 'a\tb', 'Plain words, 12 of them.']) {
      expect(normalizeForCompare(s)).toBe(full(s))
    }
  })
})
