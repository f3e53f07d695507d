import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkCodes } from '../../src/codes/validate.js'
import {
  codeToken,
  deleteAtCaret,
  deleteRange,
  insertCode,
  insertMissing,
  nextMissing,
  snapOut,
  sourceCodes,
  tagSpans,
} from '../../src/codes/insertable.js'

const SOURCE = 'Read ⟦1⟧the ⟦2⟧guide⟦/2⟧⟦/1⟧ at ⟦3/⟧.'

describe('tag spans', () => {
  it('finds every tag, and reads a doubled ⟦ and broken tags as text', () => {
    expect(tagSpans('a⟦1⟧b⟦/1⟧ ⟦2/⟧')).toEqual([
      { start: 1, end: 4, kind: 'open', id: 1 },
      { start: 5, end: 9, kind: 'close', id: 1 },
      { start: 10, end: 14, kind: 'standalone', id: 2 },
    ])
    expect(tagSpans('⟦⟦1⟧ ⟦/1/⟧ ⟦x⟧ ⟦')).toEqual([])
    expect(tagSpans('⟦⟦⟦1⟧')).toEqual([{ start: 2, end: 5, kind: 'open', id: 1 }])
  })

  it('lists a source’s codes once each, in order, with the token a button inserts', () => {
    expect(sourceCodes(SOURCE)).toEqual([
      { id: 1, kind: 'paired' },
      { id: 2, kind: 'paired' },
      { id: 3, kind: 'standalone' },
    ])
    expect(sourceCodes(SOURCE).map(codeToken)).toEqual(['⟦1⟧⟦/1⟧', '⟦2⟧⟦/2⟧', '⟦3/⟧'])
    expect(sourceCodes('plain text')).toEqual([])
  })

  it('moves a caret out of a tag, towards the side asked', () => {
    const t = 'ab⟦12⟧cd'
    expect(snapOut(t, 3, 'start')).toBe(2)
    expect(snapOut(t, 3, 'end')).toBe(6)
    expect(snapOut(t, 3)).toBe(2)
    expect(snapOut(t, 5)).toBe(6)
    expect(snapOut(t, 2)).toBe(2)
    expect(snapOut(t, 6)).toBe(6)
  })
})

describe('deleting', () => {
  it('takes a whole standalone tag with Backspace after it or Delete before it', () => {
    expect(deleteAtCaret('a⟦1/⟧b', 5, 'backward')).toEqual({ text: 'ab', start: 1, end: 1 })
    expect(deleteAtCaret('a⟦1/⟧b', 1, 'forward')).toEqual({ text: 'ab', start: 1, end: 1 })
    expect(deleteAtCaret('a⟦1/⟧b', 1, 'backward')).toBeUndefined()
    expect(deleteAtCaret('a⟦1/⟧b', 5, 'forward')).toBeUndefined()
  })

  it('takes both ends of a paired code when one goes, and keeps the words between', () => {
    const t = 'x ⟦1⟧bold⟦/1⟧ y'
    expect(deleteAtCaret(t, 5, 'backward')).toEqual({ text: 'x bold y', start: 2, end: 2 })
    expect(deleteAtCaret(t, 9, 'forward')).toEqual({ text: 'x bold y', start: 6, end: 6 })
  })

  it('widens a selection that cuts a tag, and leaves no lone end behind', () => {
    // From inside ⟦1⟧ to the middle of "bold": the tag goes whole, and its close with it.
    expect(deleteRange('x ⟦1⟧bold⟦/1⟧ y', 3, 7)).toEqual({ text: 'x ld y', start: 2, end: 2 })
    // A selection of plain words stays a plain deletion.
    expect(deleteRange('x ⟦1⟧bold⟦/1⟧ y', 5, 7)).toEqual({ text: 'x ⟦1⟧ld⟦/1⟧ y', start: 5, end: 5 })
  })

  it('never leaves a translation with a half tag or an unbalanced pair (property)', () => {
    const target = 'A ⟦1⟧b ⟦2⟧c⟦/2⟧⟦/1⟧ d ⟦3/⟧ e.'
    expect(checkCodes(target, SOURCE).errors).toEqual([])
    fc.assert(
      fc.property(fc.nat(target.length), fc.nat(target.length), (s, e) => {
        const { text } = deleteRange(target, s, e)
        // Every ⟦ left is part of a whole tag, and each code is either whole or gone.
        expect(text.replace(/⟦\/?\d+\/?⟧/gu, '')).not.toContain('⟦')
        const errors = checkCodes(text, SOURCE).errors.filter((p) => p.kind !== 'missing')
        expect(errors).toEqual([])
      }),
    )
  })
})

describe('inserting', () => {
  it('wraps the selection in a paired code, keeping the words selected', () => {
    expect(insertCode('see the guide', 4, 13, { id: 1, kind: 'paired' })).toEqual({
      text: 'see ⟦1⟧the guide⟦/1⟧',
      start: 7,
      end: 16,
    })
  })

  it('puts the caret inside an empty pair when nothing is selected', () => {
    expect(insertCode('ab', 1, 1, { id: 2, kind: 'paired' })).toEqual({ text: 'a⟦2⟧⟦/2⟧b', start: 4, end: 4 })
  })

  it('moves a paired code the text holds already, never doubling it', () => {
    const r = insertCode('⟦1⟧see⟦/1⟧ the guide', 15, 20, { id: 1, kind: 'paired' })
    expect(r.text).toBe('see the ⟦1⟧guide⟦/1⟧')
    expect(r.text.slice(r.start, r.end)).toBe('guide')
  })

  it('inserts a standalone code at the caret, out of any tag', () => {
    expect(insertCode('ab', 1, 1, { id: 3, kind: 'standalone' })).toEqual({ text: 'a⟦3/⟧b', start: 5, end: 5 })
    expect(insertCode('a⟦1⟧b', 2, 2, { id: 3, kind: 'standalone' }).text).toBe('a⟦1⟧⟦3/⟧b')
  })

  it('finds the next missing code: a pair, a lone open’s close, a standalone', () => {
    expect(nextMissing(SOURCE, 'nothing yet')).toEqual({ code: { id: 1, kind: 'paired' }, insert: 'pair' })
    expect(nextMissing(SOURCE, '⟦1⟧a⟦2⟧b⟦/2⟧')).toEqual({ code: { id: 1, kind: 'paired' }, insert: 'close' })
    expect(nextMissing(SOURCE, '⟦1⟧a⟦2⟧b⟦/2⟧⟦/1⟧')).toEqual({ code: { id: 3, kind: 'standalone' }, insert: 'standalone' })
    expect(nextMissing(SOURCE, '⟦1⟧a⟦2⟧b⟦/2⟧⟦/1⟧ ⟦3/⟧')).toBeUndefined()
  })

  it('Alt+0 inserts each missing code in turn until the codes fit the source', () => {
    let t = 'Läs guiden på .'
    let caret = 4
    for (let i = 0; i < 10; i++) {
      const r = insertMissing(SOURCE, t, caret, caret)
      if (!r) break
      t = r.text
      caret = r.end
    }
    expect(checkCodes(t, SOURCE)).toEqual({ errors: [], warnings: [] })
    expect(insertMissing(SOURCE, t, 0, 0)).toBeUndefined()
  })

  it('puts a missing close after its open, at the end when the caret is before it', () => {
    expect(insertMissing('⟦1⟧a⟦/1⟧', 'x ⟦1⟧ab', 7, 7)?.text).toBe('x ⟦1⟧ab⟦/1⟧')
    expect(insertMissing('⟦1⟧a⟦/1⟧', 'x ⟦1⟧ab', 0, 0)?.text).toBe('x ⟦1⟧ab⟦/1⟧')
    expect(insertMissing('⟦1⟧a⟦/1⟧', 'x ⟦1⟧ab c', 6, 6)?.text).toBe('x ⟦1⟧a⟦/1⟧b c')
  })
})
