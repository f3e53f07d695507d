import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assertCodes,
  checkCodes,
  CodeMismatch,
  codesOf,
  escapeText,
  parseTagged,
  plainText,
  renderTagged,
  type CodeData,
  type Run,
  TaggedTextError,
  writeTagged,
} from '../../src/codes/index.js'

describe('tagged text', () => {
  it('parses codes and text', () => {
    expect(parseTagged('Read ⟦1⟧the guide⟦/1⟧ at ⟦2/⟧.')).toEqual([
      { type: 'text', text: 'Read ' },
      { type: 'code', kind: 'open', id: 1 },
      { type: 'text', text: 'the guide' },
      { type: 'code', kind: 'close', id: 1 },
      { type: 'text', text: ' at ' },
      { type: 'code', kind: 'standalone', id: 2 },
      { type: 'text', text: '.' },
    ])
    expect(plainText('Read ⟦1⟧the guide⟦/1⟧ at ⟦2/⟧.')).toBe('Read the guide at .')
    expect(codesOf('a⟦1/⟧b⟦2⟧c⟦/2⟧')).toHaveLength(3)
  })

  it('keeps a literal ⟦ by doubling it, and nothing else is escaped', () => {
    expect(escapeText('a ⟦1⟧ b')).toBe('a ⟦⟦1⟧ b')
    expect(plainText('a ⟦⟦1⟧ b ⟧')).toBe('a ⟦1⟧ b ⟧')
    expect(escapeText('plain {{name}} <b> & ]]')).toBe('plain {{name}} <b> & ]]')
  })

  it('refuses what is not the notation, naming it', () => {
    for (const bad of ['a ⟦x⟧', '⟦1', '⟦/1/⟧', '⟦0⟧', '⟦']) {
      expect(() => parseTagged(bad)).toThrow(TaggedTextError)
    }
  })

  it('round-trips any runs (a text that looks like a code included)', () => {
    const run = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ' ', '⟦', '⟧', '/', '1', '2') }).filter((s) => s !== '').map((text): Run => ({ type: 'text', text })),
      fc.record({
        type: fc.constant('code' as const),
        kind: fc.constantFrom('open' as const, 'close' as const, 'standalone' as const),
        id: fc.integer({ min: 1, max: 999 }),
      }),
    )
    fc.assert(
      fc.property(fc.array(run, { maxLength: 12 }), (runs) => {
        const merged: Run[] = []
        for (const r of runs) {
          const last = merged.at(-1)
          if (r.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + r.text }
          else merged.push(r)
        }
        expect(parseTagged(writeTagged(runs))).toEqual(merged)
      }),
    )
  })
})

describe('checking a translation\'s codes', () => {
  const source = 'Read ⟦1⟧the ⟦2⟧whole⟦/2⟧ guide⟦/1⟧ at ⟦3/⟧.'

  it('accepts the source itself and reordered codes', () => {
    expect(checkCodes(source, source)).toEqual({ errors: [], warnings: [] })
    expect(checkCodes('At ⟦3/⟧, read ⟦1⟧the guide ⟦2⟧in full⟦/2⟧⟦/1⟧.', source).errors).toEqual([])
    expect(checkCodes('⟦2⟧Whole⟦/2⟧: ⟦1⟧guide⟦/1⟧ ⟦3/⟧', source).errors).toEqual([])
  })

  it('names a missing, extra, unbalanced, crossed or duplicated paired code', () => {
    const kinds = (t: string) => checkCodes(t, source).errors.map((p) => `${p.kind} ${p.code}`)
    expect(kinds('Read the ⟦2⟧whole⟦/2⟧ guide ⟦3/⟧.')).toEqual(['missing ⟦1⟧…⟦/1⟧'])
    expect(kinds(`${source} ⟦4/⟧`)).toEqual(['unknown ⟦4/⟧'])
    expect(kinds('⟦1⟧Read ⟦2⟧whole⟦/2⟧ ⟦3/⟧')).toEqual(['unbalanced ⟦1⟧…⟦/1⟧'])
    expect(kinds('⟦/1⟧Read⟦1⟧ ⟦2⟧whole⟦/2⟧ ⟦3/⟧')[0]).toBe('unbalanced ⟦1⟧…⟦/1⟧')
    expect(kinds('⟦1⟧a ⟦2⟧b⟦/1⟧ c⟦/2⟧ ⟦3/⟧')).toEqual(['crossed ⟦1⟧…⟦/1⟧'])
    expect(kinds('⟦1⟧a⟦/1⟧ ⟦1⟧b⟦/1⟧ ⟦2⟧c⟦/2⟧ ⟦3/⟧')[0]).toBe('duplicate ⟦1⟧…⟦/1⟧')
    expect(kinds('⟦1/⟧ ⟦2⟧c⟦/2⟧ ⟦3/⟧')).toContain('wrong-kind ⟦1/⟧')
    expect(kinds('⟦x⟧')).toEqual(['malformed ⟦x⟧'])
  })

  it('a missing standalone code is a warning only', () => {
    const check = checkCodes('Read ⟦1⟧the ⟦2⟧whole⟦/2⟧ guide⟦/1⟧.', source)
    expect(check.errors).toEqual([])
    expect(check.warnings.map((w) => w.code)).toEqual(['⟦3/⟧'])
    expect(() => assertCodes('Read the guide.', source, 'unit u1')).toThrow(CodeMismatch)
    expect(() => assertCodes('Read the guide.', source)).toThrow(/⟦1⟧…⟦\/1⟧ of the source is missing/)
  })

  it('copying the source is always valid, for any well-formed source', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('t', 'p', 's'), { maxLength: 10 }), (shape) => {
        let n = 0
        let text = ''
        for (const s of shape) {
          n++
          text += s === 't' ? 'x ⟦⟦ ' : s === 's' ? `⟦${n}/⟧` : `⟦${n}⟧y⟦/${n}⟧`
        }
        expect(checkCodes(text, text)).toEqual({ errors: [], warnings: [] })
      }),
    )
  })
})

describe('rendering', () => {
  const codes: CodeData[] = [
    { id: 1, kind: 'paired', what: 'html:a', open: ['<a href="/x" title="', { unit: 9 }, '">'], close: ['</a>'] },
    { id: 2, kind: 'paired', what: 'html:b', open: ['<b>'], close: ['</b>'] },
    { id: 3, kind: 'standalone', what: 'html:br', data: ['<br>'] },
  ]
  const ctx = { encode: (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;'), unit: () => 'T&amp;' }

  it('writes each code\'s markup and encodes the text', () => {
    expect(renderTagged('⟦2⟧A & B⟦/2⟧ ⟦1⟧<here>⟦/1⟧⟦3/⟧', codes, ctx)).toBe('<b>A &amp; B</b> <a href="/x" title="T&amp;">&lt;here></a><br>')
  })

  it('stays well formed for an unbalanced old translation', () => {
    expect(renderTagged('⟦1⟧a ⟦2⟧b', codes, ctx)).toBe('<a href="/x" title="T&amp;">a <b>b</b></a>')
    expect(renderTagged('⟦1⟧a ⟦2⟧b⟦/1⟧c⟦/2⟧ ⟦/3⟧⟦7/⟧', codes, ctx)).toBe('<a href="/x" title="T&amp;">a <b>b</b></a>c ')
  })
})
