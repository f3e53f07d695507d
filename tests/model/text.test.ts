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
})
