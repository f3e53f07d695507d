import fc from 'fast-check'
import { expect, it } from 'vitest'
import { flatten } from '../../src/cli/verbs/segment.js'

it('prints a unit with each run of white space holding a line break as one space, as the regex does', () => {
  const piece = fc.constantFrom('a', 'word', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u00a0', '.', 'ö')
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const line = parts.join('')
      expect(flatten(line)).toBe(line.replace(/\s*[\r\n]+\s*/g, ' '))
    }),
    { numRuns: 2000 },
  )
})
