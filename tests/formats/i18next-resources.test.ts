import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLayout, flattenResources, keyId, nestResources, serialiseResources } from '../../src/formats/i18next-resources.js'

const refuse = (path: string[]): never => {
  throw new Error(`not a string at ${keyId(path)}`)
}

// Nested resource objects: keys of id characters (dots included, as flat keys may hold them),
// leaves any string. An empty nested object holds no key and is not kept (import warns that
// such a file will not come back byte for byte), so nested objects have a key at least.
const key = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,8}$/)
const resources = fc.letrec<{ node: Record<string, unknown>; inner: Record<string, unknown> }>((tie) => ({
  node: fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: fc.string() }, { weight: 1, arbitrary: tie('inner') }), { maxKeys: 5 }),
  inner: fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: fc.string() }, { weight: 1, arbitrary: tie('inner') }), { minKeys: 1, maxKeys: 4 }),
})).node

describe('i18next resources', () => {
  it('gives back any resource object byte for byte, in every layout', () => {
    fc.assert(
      fc.property(resources, fc.constantFrom('  ', '    ', '\t'), fc.boolean(), (obj, indent, finalNewline) => {
        const text = `${JSON.stringify(obj, null, indent)}${finalNewline ? '\n' : ''}`
        const layout = detectLayout(text)
        const back = serialiseResources(nestResources(flattenResources(JSON.parse(text), refuse)), layout)
        expect(back).toBe(text)
      }),
    )
  })

  it('detects indentation and the final newline', () => {
    expect(detectLayout('{\n    "a": "b"\n}')).toEqual({ indent: '    ', finalNewline: false })
    expect(detectLayout('{\n\t"a": "b"\n}\n')).toEqual({ indent: '\t', finalNewline: true })
    expect(detectLayout('{"a":"b"}\n')).toEqual({ indent: '', finalNewline: true })
    expect(detectLayout('{}\n')).toEqual({ indent: '  ', finalNewline: true })
  })

  it('lists leaves in document order and refuses values that are not strings', () => {
    expect(flattenResources({ b: 'x', a: { d: 'y', c: 'z' } }, refuse)).toEqual([
      { path: ['b'], value: 'x' },
      { path: ['a', 'd'], value: 'y' },
      { path: ['a', 'c'], value: 'z' },
    ])
    expect(() => flattenResources({ a: { b: [1] } }, refuse)).toThrow('not a string at a.b')
    expect(() => flattenResources({ n: null }, refuse)).toThrow('not a string at n')
  })

  it('nests at the dots, keeping a path that runs through a string flat', () => {
    const nested = nestResources([
      { path: ['a'], value: 'x' },
      { path: ['a', 'b'], value: 'y' },
      { path: ['c.d'], value: 'z' },
    ])
    expect(JSON.stringify(nested)).toBe('{"a":"x","a.b":"y","c.d":"z"}')
  })
})
