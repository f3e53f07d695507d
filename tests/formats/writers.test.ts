import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportArticle, loadExportData } from '../../src/formats/export-article.js'
import { writePlainText } from '../../src/formats/plain-text.js'
import { readPo } from '../../src/formats/po.js'
import { writeXliff12 } from '../../src/formats/xliff12.js'
import { readXliff2, writeXliff2 } from '../../src/formats/xliff2.js'
import { ARTICLE, EDITED, makeFixture, type Fixture } from './fixture.js'

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
})
afterAll(() => f.store.close())

const body = async (format: Parameters<typeof exportArticle>[3]) =>
  (await exportArticle(f.store, ARTICLE, 'sv', format)).body

describe('XLIFF 2.0', () => {
  it('writes each state as a segment state and stale as a subState', async () => {
    const x = await body('xliff2')
    const states = [...x.matchAll(/<segment([^>]*)>/g)].map((m) => m[1]!.trim())
    expect(states).toEqual([
      'state="translated"',
      'state="reviewed"',
      'state="final"',
      'state="initial"',
      'state="translated" subState="tolk:stale"',
      '',
    ])
    expect(x).toContain('<note category="tolk-tag">en-news</note>')
    expect(x).toContain('<note category="tolk-position">6</note>')
    expect(x).toContain('<source>Floods &amp; &lt;storms&gt; in Lund</source>')
  })

  it('reads back what it wrote, text for text, U+FFFE included (as <cp>)', async () => {
    const data = await loadExportData(f.store, ARTICLE, 'sv')
    data.units[0]!.translation.text = 'a\uFFFEb\r\nc'
    const back = readXliff2(writeXliff2(data).body, 'x.xlf')
    expect(back).toMatchObject({ articleId: ARTICLE, lang: 'sv' })
    expect(back.units.map((u) => u.text)).toEqual(
      data.units.map((u) => u.translation.text || undefined),
    )
    expect(back.units.map((u) => u.source)).toEqual(data.units.map((u) => u.unit.source))
    expect(back.units[4]).toMatchObject({ needsReview: true, state: 'translated', version: 1 })
  })
})

describe('XLIFF 1.2', () => {
  it('maps states the way translate-toolkit and CAT tools read them', async () => {
    const x = await body('xliff12')
    const units = [
      ...x.matchAll(
        /<trans-unit id="[^"]+"([^>]*)>\s*<source>[^<]*<\/source>\s*(?:<target state="([^"]+)")?/g,
      ),
    ]
    expect(units.map((m) => [m[1]!.includes('approved="yes"'), m[2]])).toEqual([
      [true, 'translated'], // approved: translate-toolkit counts it as translated, not fuzzy
      [true, 'signed-off'],
      [true, 'final'],
      [false, undefined], // a draft is not a translation here
      [false, 'needs-review-translation'],
      [false, undefined],
    ])
  })

  it('refuses a character XML 1.0 cannot carry, naming the unit and a format that can', async () => {
    const data = await loadExportData(f.store, ARTICLE, 'sv')
    data.units[0]!.translation.text = 'bell\u0007'
    const unit = data.units[0]!.unit.id
    expect(() => writeXliff12(data)).toThrow(new RegExp(`unit ${unit} holds a control character .*export it as po`))
    // A text stored before the text rule: XLIFF 2.0 refuses it too (its <cp> would come back refused).
    expect(() => writeXliff2(data)).toThrow(new RegExp(`unit ${unit} holds a control character .*tolk text-faults`))
    data.units[0]!.translation.text = 'not a character\uFFFF'
    expect(() => writeXliff12(data)).toThrow(new RegExp(`unit ${unit} holds a character .*U\\+FFFF.* xliff2 or po`))
  })
})

describe('PO', () => {
  it('writes msgctxt = unit id, fuzzy for stale, the version as an extracted comment', async () => {
    const po = await body('po')
    expect(po).toContain(`"X-Tolk-Article: ${ARTICLE}\\n"`)
    expect(po).toMatch(
      /#\. tolk-version: 1\n#: en-news-01:5\n#, fuzzy\nmsgctxt "[0-9a-f]+"\nmsgid "The mayor spoke at ten\."\nmsgstr "Borgmästaren/,
    )
    expect(po).toContain('msgid "Schools\\tclosed early."')
  })

  it('reads Poedit-style files: wrapped strings, sv_SE, flags, obsolete entries', () => {
    const po = [
      'msgid ""',
      'msgstr ""',
      '"Language: sv_SE\\n"',
      '"X-Tolk-Article: en-news-01\\n"',
      '',
      '#. tolk-version: 3',
      '#, fuzzy, no-c-format',
      'msgctxt "u1"',
      'msgid ""',
      '"A long "',
      '"sentence."',
      'msgstr ""',
      '"En lång "',
      '"mening med \\"citat\\"\\n."',
      '',
      '#~ msgctxt "old"',
      '#~ msgid "Gone."',
      '#~ msgstr "Borta."',
      '',
    ].join('\n')
    expect(readPo(po, 'sv.po')).toEqual({
      format: 'po',
      articleId: 'en-news-01',
      lang: 'sv-SE',
      units: [
        {
          unitId: 'u1',
          source: 'A long sentence.',
          text: 'En lång mening med "citat"\n.',
          state: 'initial',
          needsReview: true,
          version: 3,
          line: 6,
        },
      ],
    })
  })
})

describe('plain text and i18next', () => {
  it('reassembles the translation in the source layout, untranslated segments in the source', async () => {
    const text = await body('text')
    expect(text).toBe(
      [
        'Översvämningar & <stormar> i Lund',
        '',
        'Floden steg med "två meter" under natten. Skolorna\tstängde tidigt. 🌧 Rain is expected until Friday.',
        '',
        'Borgmästaren talade vid middagstid. Nobody was hurt.',
        '',
      ].join('\n'),
    )
  })

  it('marks untranslated segments when asked, and gives back the source when nothing is translated', async () => {
    const sv = await loadExportData(f.store, ARTICLE, 'sv')
    expect(writePlainText(sv, { markUntranslated: true }).body).toContain('[[Nobody was hurt.]]')
    const de = await exportArticle(f.store, ARTICLE, 'de', 'text')
    expect(de.body).toBe(EDITED)
  })

  it('writes i18next JSON v4 with unit ids as keys, translated units only', async () => {
    const json = JSON.parse(await body('i18next')) as Record<string, string>
    expect(Object.values(json)).toEqual([
      'Översvämningar & <stormar> i Lund',
      'Floden steg med "två meter" under natten.',
      'Skolorna\tstängde tidigt.',
      'Borgmästaren talade vid middagstid.',
    ])
  })

  it('refuses a language that is not a target and an unknown article', async () => {
    await expect(exportArticle(f.store, ARTICLE, 'fi', 'po')).rejects.toThrow(
      /not a target language/,
    )
    await expect(exportArticle(f.store, 'en-news-99', 'sv', 'po')).rejects.toThrow()
  })
})
