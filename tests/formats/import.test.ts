import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { ARTICLE, makeFixture, type Fixture } from './fixture.js'

let f: Fixture
beforeEach(async () => {
  f = await makeFixture()
})
afterEach(() => f.store.close())

const exported = async (format: 'xliff12' | 'xliff2' | 'po') =>
  (await exportArticle(f.store, ARTICLE, 'sv', format)).body
const lastUnit = () => f.units[5]!.id

describe('importTranslations', () => {
  it('leaves an untouched export unchanged in every format, stale and draft units included', async () => {
    for (const format of ['xliff12', 'xliff2', 'po'] as const) {
      const r = await importTranslations(
        f.store,
        readTranslationFile(await exported(format), format),
        { author: 'bo' },
      )
      expect(r, format).toMatchObject({ updated: 0, unchanged: 6, conflicted: 0, unknown: 0 })
    }
  })

  it('takes a new state for the same text (a reviewer signing off in a CAT tool)', async () => {
    const x = (await exported('xliff12')).replace(
      '<target state="translated">Översvämningar',
      '<target state="signed-off">Översvämningar',
    )
    const r = await importTranslations(f.store, readTranslationFile(x, 'sv.xlf'), { author: 'bo' })
    expect(r).toMatchObject({ updated: 1, unchanged: 5 })
    expect((await f.store.getTranslation(ARTICLE, f.units[0]!.id, 'sv')).state).toBe('reviewed')
  })

  it('lets a file that lost its version notes fill only units never translated', async () => {
    const po = (await exported('po'))
      .replace(/#\. tolk-version: \d+\n/g, '')
      .replace(
        /msgid "Nobody was hurt\."\nmsgstr ""/,
        'msgid "Nobody was hurt."\nmsgstr "Ingen skadades."',
      )
      .replace('msgstr "Översvämningar & <stormar> i Lund"', 'msgstr "Översvämning i Lund"')
    const r = await importTranslations(f.store, readTranslationFile(po, 'sv.po'), { author: 'bo' })
    expect(r).toMatchObject({
      updated: 1,
      conflicted: 1,
      conflicts: [{ reason: 'translation-changed', unitId: f.units[0]!.id }],
    })
    expect((await f.store.getTranslation(ARTICLE, lastUnit(), 'sv')).text).toBe('Ingen skadades.')
  })

  it('writes nothing when a permission check refuses one of the writes', async () => {
    const x = (await exported('xliff2'))
      .replace(
        '<segment state="translated">\n        <source>Floods',
        '<segment state="final">\n        <source>Floods',
      )
      .replace(/(<source>Nobody was hurt\.<\/source>)/, '$1<target>Ingen skadades.</target>')
    const authorize = (lang: string, state: string) =>
      state === 'final' ? `no reviewer grant for ${lang}` : undefined
    await expect(
      importTranslations(f.store, readTranslationFile(x, 'sv.xlf'), { author: 'bo', authorize }),
    ).rejects.toThrow(/no reviewer grant/)
    expect((await f.store.getTranslation(ARTICLE, lastUnit(), 'sv')).version).toBe(0)
  })

  it('refuses a file for another article, a language that is not a target, and duplicate units', async () => {
    const po = await exported('po')
    await expect(
      importTranslations(
        f.store,
        readTranslationFile(
          po.replace(/X-Tolk-Article: en-news-01/, 'X-Tolk-Article: en-news-02'),
          'a.po',
        ),
        { author: 'bo' },
      ),
    ).rejects.toThrow(/en-news-02/)
    await expect(
      importTranslations(
        f.store,
        readTranslationFile(po.replace('Language: sv', 'Language: fi'), 'a.po'),
        { author: 'bo' },
      ),
    ).rejects.toThrow(/not a target/)
    const twice = po + po.slice(po.indexOf('#. tag'))
    await expect(
      importTranslations(f.store, readTranslationFile(twice, 'a.po'), { author: 'bo' }),
    ).rejects.toThrow(/twice/)
  })

  it("accepts Poedit's sv_SE for the target sv", async () => {
    const po = (await exported('po')).replace('Language: sv', 'Language: sv_SE')
    const r = await importTranslations(f.store, readTranslationFile(po, 'a.po'), { author: 'bo' })
    expect(r).toMatchObject({ lang: 'sv', unchanged: 6 })
  })

  it('reads XLIFF 2.0 as a CAT tool may save it: groups, a unit resegmented, inline codes, no notes', async () => {
    const [heading, river, , , , hurt] = f.units
    const x = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="sv">
 <file id="f1" original="${ARTICLE}">
  <group id="g1">
   <unit id="${river!.id}">
    <mda:metadata><mda:metaGroup><mda:meta type="x">y</mda:meta></mda:metaGroup></mda:metadata>
    <notes><note category="tolk-version">1</note></notes>
    <segment state="reviewed"><source>The river rose by "two</source><target>Floden steg med "två</target></segment>
    <ignorable><source> </source><target> </target></ignorable>
    <segment state="reviewed"><source>metres" overnight.</source><target>meter" <pc id="1">i natt</pc>.</target></segment>
   </unit>
  </group>
  <unit id="${hurt!.id}"><segment state="translated"><source>Nobody was hurt.</source><target>Ingen skadades.</target></segment></unit>
  <unit id="${heading!.id}"><segment><source>Floods &amp; &lt;storms&gt; in Lund</source></segment></unit>
 </file>
</xliff>`
    const r = await importTranslations(f.store, readTranslationFile(x, 'cat.xlf'), {
      author: 'cat',
    })
    expect(r).toMatchObject({
      format: 'xliff2',
      updated: 2,
      unchanged: 1,
      conflicted: 0,
      unknown: 0,
    })
    expect(await f.store.getTranslation(ARTICLE, river!.id, 'sv')).toMatchObject({
      text: 'Floden steg med "två meter" i natt.',
      state: 'reviewed',
      version: 2,
    })
    expect(await f.store.getTranslation(ARTICLE, hurt!.id, 'sv')).toMatchObject({
      text: 'Ingen skadades.',
      version: 1,
    })
  })
})
