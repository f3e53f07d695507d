import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apertiumCandidates, fromApertium, toApertium } from '../../src/mt/apertium-codes.js'
import { fromEngine, toEngine } from '../../src/mt/codes.js'
import { engineConfigs, parseEngineSpec } from '../../src/mt/config.js'
import { mtSpecsFromConfig } from '../../src/mt/config-file.js'
import { deeplTarget } from '../../src/mt/deepl.js'
import { InvalidInput } from '../../src/model/errors.js'

describe('codes to an engine and back', () => {
  const src = 'See ⟦1⟧the <b> & manual⟦/1⟧ now⟦2/⟧.'
  it('go as XML tags with the rest escaped, and come back as the notation', () => {
    const xml = toEngine(src, 'xml')
    expect(xml).toBe('See <g id="1">the &lt;b&gt; &amp; manual</g> now<x id="2"/>.')
    expect(fromEngine(xml, src, 'xml')).toEqual({ text: src, repaired: false })
  })
  it('a lost paired code goes around the whole text, a lost standalone one at its end', () => {
    expect(fromEngine('Mira el manual ahora.', src, 'xml')).toEqual({ text: '⟦1⟧Mira el manual ahora.⟦/1⟧⟦2/⟧', repaired: true })
    expect(fromEngine('Mira ⟦1⟧el manual ahora.', src, 'placeholders')).toEqual({
      text: '⟦1⟧Mira el manual ahora.⟦/1⟧⟦2/⟧',
      repaired: true,
    })
  })
  it('a code closed before it opens, crossed pairs, or a code the source lacks: the codes go around the words', () => {
    expect(fromEngine('⟦/1⟧a⟦1⟧ b⟦2/⟧⟦9/⟧', src, 'placeholders')).toEqual({ text: '⟦1⟧a b⟦/1⟧⟦2/⟧', repaired: true })
    const nested = '⟦1⟧a ⟦2⟧b⟦/2⟧⟦/1⟧'
    expect(fromEngine('<g id="1">x <g id="2">y</g></g>', nested, 'xml')).toEqual({ text: '⟦1⟧x ⟦2⟧y⟦/2⟧⟦/1⟧', repaired: false })
    expect(fromEngine('⟦1⟧x ⟦2⟧y⟦/1⟧ z⟦/2⟧', nested, 'placeholders')).toEqual({ text: '⟦1⟧⟦2⟧x y z⟦/2⟧⟦/1⟧', repaired: true })
  })
  it('a literal ⟦ (written ⟦⟦) goes as one character and comes back doubled', () => {
    expect(toEngine('a ⟦⟦ b', 'xml')).toBe('a ⟦ b')
    expect(fromEngine('x ⟦ y', 'a ⟦⟦ b', 'xml')).toEqual({ text: 'x ⟦⟦ y', repaired: false })
  })
  it('an engine that carries none gets plain text, and the codes go back around it', () => {
    expect(toEngine(src, 'none')).toBe('See the <b> & manual now.')
    expect(fromEngine('Ver', src, 'none').text).toBe('⟦1⟧Ver⟦/1⟧⟦2/⟧')
  })
  it('entities an engine writes are read back', () => {
    expect(fromEngine('a &quot;b&quot; &#233; &#xE9;', 'a', 'xml').text).toBe('a "b" é é')
  })
})

describe('language codes', () => {
  it('BCP 47 to Apertium and back, with a regional variant where listed', () => {
    expect(apertiumCandidates('en-US')).toEqual(['eng_US', 'eng'])
    expect(toApertium('en-US', new Set(['eng']))).toBe('eng')
    expect(toApertium('en-US', new Set(['eng', 'eng_US']))).toBe('eng_US')
    expect(toApertium('sv', new Set(['swe']))).toBe('swe')
    expect(toApertium('ja', new Set(['eng']))).toBeUndefined()
    expect(fromApertium('eng_US')).toBe('en-US')
    expect(fromApertium('nob')).toBe('nb')
  })
  it("DeepL's target variants", () => {
    expect(deeplTarget('en')).toBe('EN-US')
    expect(deeplTarget('en-GB')).toBe('EN-GB')
    expect(deeplTarget('pt')).toBe('PT-PT')
    expect(deeplTarget('sv')).toBe('SV')
  })
})

describe('engine configuration', () => {
  it('NAME=URL names a kind, NAME=KIND:URL names an engine of a kind; keys from the environment only', () => {
    expect(parseEngineSpec('apertium=http://127.0.0.1:2737/')).toEqual({ name: 'apertium', kind: 'apertium', url: 'http://127.0.0.1:2737' })
    expect(parseEngineSpec('pro=deepl:https://api.deepl.com', { TOLK_MT_PRO_KEY: 'k1' })).toEqual({
      name: 'pro',
      kind: 'deepl',
      url: 'https://api.deepl.com',
      key: 'k1',
    })
    expect(parseEngineSpec('local-llm=openai:http://h/v1', { TOLK_MT_LOCAL_LLM_MODEL: 'qwen' })).toMatchObject({ model: 'qwen' })
  })
  it('a key may come from the file TOLK_MT_<NAME>_KEY_FILE names; an unreadable one is refused without its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-mt-key-'))
    try {
      writeFileSync(join(dir, 'key'), 'from-file\n')
      expect(parseEngineSpec('deepl=https://x', { TOLK_MT_DEEPL_KEY_FILE: join(dir, 'key') }).key).toBe('from-file')
      expect(() => parseEngineSpec('deepl=https://x', { TOLK_MT_DEEPL_KEY_FILE: join(dir, 'none') })).toThrow(/cannot read the key file that TOLK_MT_DEEPL_KEY_FILE names$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("the config file's mt section comes first, then TOLK_MT, then the flags; a bad section is refused in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tolk-mt-config-'))
    try {
      const sub = join(dir, 'a', 'b')
      mkdirSync(sub, { recursive: true })
      writeFileSync(join(dir, 'tolk.config.json'), JSON.stringify({ mt: { apertium: 'http://f:1', pro: 'deepl:https://api.deepl.com' } }))
      const specs = mtSpecsFromConfig(sub)
      expect(specs).toEqual(['apertium=http://f:1', 'pro=deepl:https://api.deepl.com'])
      const configs = engineConfigs(['pro=deepl:https://api-free.deepl.com'], { TOLK_MT: 'apertium=http://env:2' }, specs)
      expect(configs.map((c) => [c.name, c.kind, c.url])).toEqual([
        ['apertium', 'apertium', 'http://env:2'],
        ['pro', 'deepl', 'https://api-free.deepl.com'],
      ])
      writeFileSync(join(dir, 'tolk.config.json'), JSON.stringify({ mt: { apertium: 2737 } }))
      expect(() => mtSpecsFromConfig(sub)).toThrow(/mt\.apertium is "URL" or "KIND:URL", not 2737$/)
      writeFileSync(join(dir, 'tolk.config.json'), JSON.stringify({ check: {} }))
      expect(mtSpecsFromConfig(sub)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('TOLK_MT first, flags replace an engine of the same name', () => {
    const env = { TOLK_MT: 'apertium=http://a:1, deepl=https://api-free.deepl.com' }
    expect(engineConfigs(['apertium=http://b:2'], env).map((c) => [c.name, c.url])).toEqual([
      ['apertium', 'http://b:2'],
      ['deepl', 'https://api-free.deepl.com'],
    ])
  })
  it.each([
    ['apertium', /NAME=URL/],
    ['google=https://x', /unknown engine kind "google"/],
    ['x=bing:https://x', /unknown engine kind "bing"/],
    ['deepl=not a url', /not a URL/],
    ['deepl=ftp://x', /http or https/],
    ['deepl=https://me:secret@x', /TOLK_MT_DEEPL_KEY/],
    ['Bad_Name=https://x', /engine name/],
  ])('refuses %s in one line', (spec, why) => {
    let err: unknown
    try {
      parseEngineSpec(spec)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InvalidInput)
    expect((err as Error).message).toMatch(why)
    expect((err as Error).message).not.toMatch(/\n|secret/)
  })
})
