import { describe, expect, it } from 'vitest'
import { keyLines, lineAndColumn, valueOffset, writtenPlainly } from '../../src/check/json-lines.js'
import { difference, interpolations, nestings } from '../../src/check/placeholders.js'
import { pluralForms, splitPluralKey } from '../../src/check/plural-rules.js'
import { renderBadge } from '../../src/check/badge.js'
import { childNamed, indexSource, keyOf, spacedWords, type Level } from '../../src/check/source-index.js'
import { findEntryLines } from '../../src/check/source-lines.js'
import { countWords } from '../../src/model/text.js'

describe('plural forms from CLDR', () => {
  it('requires one, few, many and other in Russian', () => {
    expect(pluralForms('ru', 'cardinal', new Set()).required).toEqual(['one', 'few', 'many', 'other'])
  })
  it('requires only other in Japanese', () => {
    expect(pluralForms('ja', 'cardinal', new Set()).required).toEqual(['other'])
  })
  it('requires zero in Arabic and allows it everywhere', () => {
    expect(pluralForms('ar', 'cardinal', new Set()).required).toContain('zero')
    expect(pluralForms('sv', 'cardinal', new Set()).allowed.has('zero')).toBe(true)
    expect(pluralForms('sv', 'cardinal', new Set()).required).not.toContain('zero')
  })
  it('drops optional categories', () => {
    expect(pluralForms('ru', 'cardinal', new Set(['many'])).required).toEqual(['one', 'few', 'other'])
  })
  it('knows English ordinals', () => {
    expect(pluralForms('en', 'ordinal', new Set()).required).toEqual(['one', 'two', 'few', 'other'])
  })
  it('splits plural and ordinal keys', () => {
    expect(splitPluralKey('count_few')).toEqual({ base: 'count', type: 'cardinal', category: 'few' })
    expect(splitPluralKey('place_ordinal_two')).toEqual({ base: 'place', type: 'ordinal', category: 'two' })
    expect(splitPluralKey('friend_male')).toBeUndefined()
  })
})

describe('placeholders', () => {
  it('finds {{var}}, {{var, format}} and {{- var}}', () => {
    expect(interpolations('a {{name}} b {{ total, number }} {{- html}} {{name}}')).toEqual(['name', 'total', 'html'])
    expect(interpolations('none')).toBeNull()
  })
  it('finds $t() nestings with and without options', () => {
    expect(nestings('$t(common:title) and $t(key, { "count": 2 })')).toEqual(['common:title', 'key'])
  })
  it('lets a plural form drop count but nothing else', () => {
    expect(difference(['count', 'name'], ['name'], 'count')).toBeNull()
    expect(difference(['count', 'name'], ['count'], 'count')).toEqual({ missing: ['name'], unknown: [] })
  })
})

describe('key lines', () => {
  const text = '{\n  "a": "x",\n  "b": {\n    "a": "y",\n    "c\\"d": "{ not a brace"\n  },\n  "e": ["}", "{"],\n  "f": "z"\n}\n'
  it('maps dotted key paths to the line of their key', () => {
    expect(keyLines(text, new Set(['a', 'b.a', 'b.c"d', 'f', 'nope']))).toEqual(
      new Map([['a', 2], ['b.a', 4], ['b.c"d', 5], ['f', 8]]),
    )
  })
  it('finds the line of every source entry in one walk, plural groups at their first form', () => {
    const source = '{\n  "a": "x",\n  "b": {\n    "n_one": "{{count}} y",\n    "c\\"d": "{ not a brace",\n    "n_other": "{{count}} ys"\n  },\n  "e": { "g": "}" },\n  "f": "z"\n}\n'
    const index = indexSource({ path: 'en/x.json', text: source, value: JSON.parse(source) as Record<string, unknown> }, 'en')
    findEntryLines(source, index.root)
    const lines = (level: Level) => Object.fromEntries(level.entries.map((e) => [keyOf(e), e.line]))
    expect(lines(index.root)).toEqual({ a: 2, f: 9 })
    expect(lines(childNamed(index.root, 'b') as Level)).toEqual({ 'b.c"d': 5, 'b.n': 4 })
  })
  it('finds a key by its value only where the pair is written once and plainly', () => {
    const json = '{\n  "a": { "n": "same", "m": "x \\"n\\": \\"once\\"" },\n  "b": { "n": "same", "o": "once" }\n}'
    expect(valueOffset(json, 'n', 'same')).toBeUndefined()
    expect(valueOffset(json, 'o', 'once')).toBe(json.indexOf('"o"'))
    expect(valueOffset(json, 'm', 'nope')).toBeUndefined()
    expect(writtenPlainly(json)).toBe(true)
    expect(writtenPlainly('{"a": "caf\\u00e9"}')).toBe(false)
  })
  it('gives line and column of an offset', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})

describe('renderBadge', () => {
  it('draws a label and a floored percentage', () => {
    const svg = renderBadge('sv', 0.996)
    expect(svg).toContain('sv: 99%')
    expect(svg).toContain('#97ca00')
    expect(renderBadge('<x>', 1)).toContain('&lt;x&gt;: 100%')
  })
})

describe('word count of source strings', () => {
  it('counts ASCII text exactly as countWords does, and hands other text to it', () => {
    const texts = ['', 'one', '{{count}} files', "don't stop-here a.b. -x x- 'y'", 'e-mail, 3.5 km!', '  \t', 'café au lait', 'it’s', "a'b'c..d"]
    for (const t of texts) expect(spacedWords(t), t).toBe(countWords(t, 'en').words)
    // A seeded stream of short random strings over the characters that matter.
    const alphabet = "aZ09 .'-_,{}!\t’é"
    let seed = 7
    for (let i = 0; i < 5000; i++) {
      let t = ''
      for (let k = i % 13; k > 0; k--) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        t += alphabet[seed % alphabet.length]
      }
      expect(spacedWords(t), t).toBe(countWords(t, 'en').words)
    }
  })
})
