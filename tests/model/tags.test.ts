import { describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { checkId, isValidId, tagFromArticleId } from '../../src/model/ids.js'
import { parseLanguage, parseTag } from '../../src/model/tags.js'

describe('parseTag', () => {
  it('splits a tag at its last hyphen into language and domain', () => {
    expect(parseTag('sv-general')).toEqual({ tag: 'sv-general', language: 'sv', domain: 'general' })
    expect(parseTag('pt-BR-legal')).toEqual({ tag: 'pt-BR-legal', language: 'pt-BR', domain: 'legal' })
  })

  it('canonicalises the language part', () => {
    expect(parseTag('pt-br-legal').tag).toBe('pt-BR-legal')
  })

  it('does not let Intl read the domain as a script or variant', () => {
    expect(parseTag('en-news')).toEqual({ tag: 'en-news', language: 'en', domain: 'news' })
  })

  it.each(['sv', 'general', '-general', 'sv-GE', 'sv-ge', 'sv-general1', 'xx-general', 'sv-' + 'a'.repeat(31)])(
    'refuses the malformed tag %s',
    (tag) => {
      expect(() => parseTag(tag)).toThrow(InvalidInput)
    },
  )
})

describe('parseLanguage', () => {
  it('accepts and canonicalises BCP 47 tags CLDR knows', () => {
    expect(parseLanguage('sv')).toBe('sv')
    expect(parseLanguage('EN-gb')).toBe('en-GB')
    expect(parseLanguage('zh-Hant-TW')).toBe('zh-Hant-TW')
  })

  it.each(['xx', 'und', '', 'en_US', ' sv', 'qaa', '12'])('refuses the unknown language %j', (lang) => {
    expect(() => parseLanguage(lang)).toThrow(/language/)
  })
})

describe('ids', () => {
  it('accepts letters, digits, dot, underscore and hyphen up to 100 characters', () => {
    expect(isValidId('pt-BR-legal-01')).toBe(true)
    expect(isValidId('menu.file_open')).toBe(true)
    expect(isValidId('a'.repeat(100))).toBe(true)
  })

  it.each(['../x', '', '.', '..', 'a b', 'a/b', 'å', 'a'.repeat(101), 'x\n'])('refuses the id %j', (id) => {
    expect(() => checkId(id)).toThrow(InvalidInput)
  })

  it('derives the tag from an article id', () => {
    expect(tagFromArticleId('sv-general-01')).toBe('sv-general')
    expect(tagFromArticleId('pt-BR-legal-12')).toBe('pt-BR-legal')
    expect(tagFromArticleId('readme')).toBeUndefined()
  })
})
