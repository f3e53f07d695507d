import { describe, expect, it } from 'vitest'
import { formatRange, parseSegments, splitByWords, unitsInRange } from '../../src/team/split.js'

const units = (words: number[]) => words.map((w, i) => ({ id: `u${i + 1}`, position: i + 1, words: w }))

describe('splitting work', () => {
  it('cuts at the unit boundary nearest an even share of the words', () => {
    const parts = splitByWords(units([5, 5, 5, 5, 10, 10]), ['ann', 'bo'])
    expect(parts).toEqual([
      { user: 'ann', units: ['u1', 'u2', 'u3', 'u4'], segments: '1-4' },
      { user: 'bo', units: ['u5', 'u6'], segments: '5-6' },
    ])
    const three = splitByWords(units([1, 1, 1, 1, 1, 1, 1, 1, 1]), ['a', 'b', 'c'])
    expect(three.map((p) => p.segments)).toEqual(['1-3', '4-6', '7-9'])
  })

  it('gives everyone at least one unit, even when one unit holds most words', () => {
    const parts = splitByWords(units([100, 1, 1]), ['a', 'b', 'c'])
    expect(parts.map((p) => p.segments)).toEqual(['1', '2', '3'])
    expect(splitByWords(units([1, 1, 100]), ['a', 'b']).map((p) => p.segments)).toEqual(['1-2', '3'])
  })

  it('refuses more people than units', () => {
    expect(() => splitByWords(units([3]), ['a', 'b'])).toThrow(/2 people cannot share 1 segment/)
  })

  it('reads and writes ranges, refusing nonsense', () => {
    expect(parseSegments('1-40')).toEqual({ from: 1, to: 40 })
    expect(parseSegments(' 7 ')).toEqual({ from: 7, to: 7 })
    expect(formatRange({ from: 7, to: 7 })).toBe('7')
    for (const bad of ['0-3', '5-2', 'a-b', '1-', '-1', '1-2-3', '', '99999999']) expect(() => parseSegments(bad), bad).toThrow(/not a range/)
    expect(() => unitsInRange(units([1, 1]), { from: 1, to: 3 })).toThrow(/last segment, 2/)
  })
})
