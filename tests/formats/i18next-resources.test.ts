import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLayout, flattenResources, keyId, type KeyPath, nestResources, serialiseResources } from '../../src/formats/i18next-resources.js'

const refuse = (path: KeyPath): never => {
  throw new Error(`not a string at ${keyId(path)}`)
}

// Nested resource objects: keys of id characters (dots included, as flat keys may hold them),
// leaves any string. An empty nested object holds no key and is not kept (import warns that
// such a file will not come back byte for byte), so nested objects have a key at least. Arrays
// (of strings, objects and arrays) likewise hold one element at least.
const key = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,8}$/)
const resources = fc.letrec<{ node: Record<string, unknown>; inner: unknown; value: unknown }>((tie) => ({
  node: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  value: fc.oneof({ weight: 3, arbitrary: fc.string() }, { weight: 1, arbitrary: tie('inner') }),
  inner: fc.oneof(fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 4 }), fc.array(tie('value'), { minLength: 1, maxLength: 3 })),
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
    expect(() => flattenResources({ a: { b: ['x', 1] } }, refuse)).toThrow('not a string at a.b.1')
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

  it('lists array elements by index and nests them as an array again, keyed by index when one is missing', () => {
    const entries = flattenResources({ steps: ['a', { b: 'c' }, ['d']] }, refuse)
    expect(entries).toEqual([
      { path: ['steps', 0], value: 'a' },
      { path: ['steps', 1, 'b'], value: 'c' },
      { path: ['steps', 2, 0], value: 'd' },
    ])
    expect(entries.map((e) => keyId(e.path))).toEqual(['steps.0', 'steps.1.b', 'steps.2.0'])
    expect(JSON.stringify(nestResources(entries))).toBe('{"steps":["a",{"b":"c"},["d"]]}')
    expect(JSON.stringify(nestResources([entries[0]!, entries[2]!]))).toBe('{"steps":{"0":"a","2":["d"]}}')
    // An index beside a named key (a key added by saveMissing): an object, nothing dropped.
    expect(JSON.stringify(nestResources([entries[0]!, { path: ['steps', 'more'], value: 'x' }]))).toBe('{"steps":{"0":"a","more":"x"}}')
    // Written as an object keyed by index, it stays one.
    expect(JSON.stringify(nestResources(flattenResources({ o: { 0: 'a', 1: 'b' } }, refuse)))).toBe('{"o":{"0":"a","1":"b"}}')
  })
})
