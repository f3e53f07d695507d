import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readPo, writePo } from '../../src/formats/po.js'
import type { ExportData } from '../../src/formats/types.js'
import { readXliff12, writeXliff12 } from '../../src/formats/xliff12.js'
import { readXliff2, writeXliff2 } from '../../src/formats/xliff2.js'
import { hasNonXmlChar } from '../../src/formats/xml.js'
import { textProblem } from '../../src/model/text-rule.js'

/** One unit with the given source and translation, as loadExportData would hand it over. */
function data(source: string, text: string): ExportData {
  const article = {
    id: 'en-news-01',
    tag: 'en-news',
    lang: 'en',
    title: 't',
    source,
    revision: 1,
    targets: ['sv'],
    units: 1,
    words: 1,
    createdAt: '',
    updatedAt: '',
    langConfirmed: true,
  }
  return {
    article,
    lang: 'sv',
    lead: '',
    exportedAt: '2026-11-25T12:00:00.000Z',
    units: [
      {
        unit: {
          id: 'u1',
          articleId: article.id,
          tag: 'en-news',
          lang: 'en',
          position: 1,
          block: 0,
          kind: 'paragraph',
          source,
          trailing: '',
          words: 1,
          obsolete: false,
        },
        translation: {
          articleId: article.id,
          unitId: 'u1',
          lang: 'sv',
          text,
          state: 'translated',
          stale: false,
          version: 4,
          author: 'ann',
          updatedAt: null,
          madeFrom: source,
        },
      },
    ],
  }
}

// Any Unicode scalar values (no lone surrogates: stored texts come from strict UTF-8), with
// the characters that trip writers up (line ends, quotes, backslashes, markup) made likely.
const tricky = fc.constantFrom(
  '\r',
  '\n',
  '\r\n',
  '\t',
  '"',
  '\\',
  '<',
  '&',
  ']]>',
  '&amp;',
  '\u0085',
  '\u2028',
  '\u0000',
  '\u0007',
  '\uFFFE',
)
const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), tricky), {
    minLength: 1,
    maxLength: 12,
  })
  .map((a) => a.join(''))
const nonEmpty = text.filter((s) => s !== '')
// What the store holds since the text rule: no C0 control other than tab and line breaks.
const ruleAbiding = nonEmpty.filter((s) => textProblem(s, Number.POSITIVE_INFINITY) === undefined)

describe('texts survive export and import unchanged', () => {
  it('in XLIFF 2.0, U+FFFE and U+FFFF included (as <cp>); the text rule keeps controls out', () => {
    fc.assert(
      fc.property(ruleAbiding, ruleAbiding, (source, target) => {
        const back = readXliff2(writeXliff2(data(source, target)).body, 'p.xlf').units[0]
        expect(back).toMatchObject({ source, text: target, version: 4 })
      }),
    )
  })

  it('in XLIFF 1.2, every character XML 1.0 can carry', () => {
    fc.assert(
      fc.property(
        nonEmpty.filter((s) => !hasNonXmlChar(s)),
        nonEmpty.filter((s) => !hasNonXmlChar(s)),
        (source, target) => {
          const back = readXliff12(writeXliff12(data(source, target)).body, 'p.xlf').units[0]
          expect(back).toMatchObject({ source, text: target, version: 4 })
        },
      ),
    )
  })

  it('in PO', () => {
    fc.assert(
      fc.property(nonEmpty, nonEmpty, (source, target) => {
        const back = readPo(writePo(data(source, target)).body, 'p.po').units[0]
        expect(back).toMatchObject({ source, text: target, version: 4 })
      }),
    )
  })
})
