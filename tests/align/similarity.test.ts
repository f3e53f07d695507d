import { describe, expect, it } from 'vitest'
import { bigramProfile, diceSimilarity } from '../../src/align/similarity.js'

const sim = (a: string, b: string): number => diceSimilarity(bigramProfile(a), bigramProfile(b))

describe('diceSimilarity', () => {
  it('scores identical texts 1 and texts sharing no bigram 0', () => {
    expect(sim('The ice held.', 'The ice held.')).toBe(1)
    expect(sim('abc', 'xyz')).toBe(0)
  })

  it('ignores case', () => {
    expect(sim('The Ice Held.', 'the ice held.')).toBe(1)
  })

  it('counts repeated bigrams as a multiset', () => {
    // "aaa" has bigrams {aa, aa}, "aa" has {aa}: 2·1 / 3.
    expect(sim('aaa', 'aa')).toBeCloseTo(2 / 3)
  })

  it('scores a lightly edited sentence above a rewritten one', () => {
    const old = 'Fishermen cut holes in the ice.'
    expect(sim(old, 'Fishermen cut two holes in the thick ice.')).toBeGreaterThan(0.7)
    expect(sim(old, 'Quarterly revenue beat analyst forecasts.')).toBeLessThan(0.4)
  })

  it('scores texts of one character 0, as they have no bigram', () => {
    expect(sim('a', 'b')).toBe(0)
    expect(sim('a', 'a')).toBe(0)
  })
})
