import { describe, expect, it } from 'vitest'
import { checkedLine, counted, verdictLine } from '../../src/check/formats/shared.js'
import type { CheckResult, LanguageResult } from '../../src/check/types.js'
import { plural } from '../../src/model/plural.js'

const lang = (passed: boolean) => ({ passed }) as LanguageResult

function result(files: number, languages: Record<string, LanguageResult>, strings: number, kind: CheckResult['source']['kind'] = 'db'): CheckResult {
  const passed = Object.values(languages).every((l) => l.passed)
  return { source: { kind, location: 'x', lang: null }, checked: { files, languages: Object.keys(languages).length, strings }, measure: 'words', languages, problems: [], passed }
}

describe('counts in the check summary', () => {
  it('says 1 article, 1 target language, 1 string', () => {
    expect(checkedLine(result(1, { sv: lang(true) }, 1))).toBe('checked 1 article, 1 target language, 1 string from x; coverage by words')
    expect(checkedLine(result(2, { sv: lang(true), de: lang(true) }, 1234, 'files'))).toBe('checked 2 files, 2 target languages, 1,234 strings from x; coverage by words')
  })

  it('says 1 language in the verdict', () => {
    expect(verdictLine(result(1, { sv: lang(false) }, 3))).toBe('FAILED: 1 of 1 language')
    expect(verdictLine(result(1, { sv: lang(true) }, 3))).toBe('passed: the 1 language')
    expect(verdictLine(result(1, { sv: lang(true), de: lang(true) }, 3))).toBe('passed: all 2 languages')
  })

  it('pluralises English nouns', () => {
    expect([0, 1, 2].map((n) => plural(n, 'file'))).toEqual(['files', 'file', 'files'])
    expect(plural(2, 'entry', 'entries')).toBe('entries')
    expect(counted(1000, 'problem')).toBe('1,000 problems')
  })
})
