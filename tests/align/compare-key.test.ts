import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareKey } from '../../src/align/compare-key.js'
import { normalizeForCompare } from '../../src/model/text.js'

describe('compareKey', () => {
  it('gives the same key as normalizeForCompare for any text', () => {
    const spacey = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', 'e\u0301', 'å', 'A')
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.array(fc.oneof(spacey, fc.string({ maxLength: 3 }))).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(text, (t) => {
        expect(compareKey(t)).toBe(normalizeForCompare(t))
      }),
      { numRuns: 500 },
    )
  })

  it('returns already-normal Latin text untouched', () => {
    const t = 'Fiskarna högg hål i isen, och väntade.'
    expect(compareKey(t)).toBe(t)
  })

  it('folds spacing and composes decomposed letters', () => {
    expect(compareKey('  Cafe\u0301  au\tlait ')).toBe('Café au lait')
  })
})
