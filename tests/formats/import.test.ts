import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { importTranslations, readTranslationFile } from '../../src/formats/import-translations.js'
import { ARTICLE, makeFixture, type Fixture } from './fixture.js'

let f: Fixture
beforeEach(async () => {
  f = await makeFixture()
})
afterEach(() => f.store.close())

const exported = async (format: 'xliff12' | 'xliff2' | 'po') => (await exportArticle(f.store, ARTICLE, 'sv', format)).body
const lastUnit = () => f.units[5]!.id

describe('importTranslations', () => {
  it('leaves an untouched export unchanged in every format, stale and draft units included', async () => {
    for (const format of ['xliff12', 'xliff2', 'po'] as const) {
      const r = await importTranslations(f.store, readTranslationFile(await exported(format), format), { author: 'bo' })
      expect(r, format).toMatchObject({ updated: 0, unchanged: 6, conflicted: 0, unknown: 0 })
    }
  })

  it('takes a new state for the same text (a reviewer signing off in a CAT tool)', async () => {
    const x = (await exported('xliff12')).replace('<target state="translated">Översvämningar', '<target state="signed-off">Översvämningar')
    const r = await importTranslations(f.store, readTranslationFile(x, 'sv.xlf'), { author: 'bo' })
    expect(r).toMatchObject({ updated: 1, unchanged: 5 })
    expect((await f.store.getTranslation(ARTICLE, f.units[0]!.id, 'sv')).state).toBe('reviewed')
  })

  it('lets a file that lost its version notes fill only units never translated', async () => {
    const po = (await exported('po'))
      .replace(/#\. tolk-version: \d+\n/g, '')
      .replace(/msgid "Nobody was hurt\."\nmsgstr ""/, 'msgid "Nobody was hurt."\nmsgstr "Ingen skadades."')
      .replace('msgstr "Översvämningar & <stormar> i Lund"', 'msgstr "Översvämning i Lund"')
    const r = await importTranslations(f.store, readTranslationFile(po, 'sv.po'), { author: 'bo' })
    expect(r).toMatchObject({ updated: 1, conflicted: 1, conflicts: [{ reason: 'translation-changed', unitId: f.units[0]!.id }] })
    expect((await f.store.getTranslation(ARTICLE, lastUnit(), 'sv')).text).toBe('Ingen skadades.')
  })

  it('writes nothing when a permission check refuses one of the writes', async () => {
    const x = (await exported('xliff2'))
      .replace('<segment state="translated">\n        <source>Floods', '<segment state="final">\n        <source>Floods')
      .replace(/(<source>Nobody was hurt\.<\/source>)/, '$1<target>Ingen skadades.</target>')
    const authorize = (lang: string, state: string) => (state === 'final' ? `no reviewer grant for ${lang}` : undefined)
    await expect(importTranslations(f.store, readTranslationFile(x, 'sv.xlf'), { author: 'bo', authorize })).rejects.toThrow(/no reviewer grant/)
    expect((await f.store.getTranslation(ARTICLE, lastUnit(), 'sv')).version).toBe(0)
  })

  it('refuses a file for another article, a language that is not a target, and duplicate units', async () => {
    const po = await exported('po')
    await expect(importTranslations(f.store, readTranslationFile(po.replace(/X-Tolk-Article: en-news-01/, 'X-Tolk-Article: en-news-02'), 'a.po'), { author: 'bo' })).rejects.toThrow(/en-news-02/)
    await expect(importTranslations(f.store, readTranslationFile(po.replace('Language: sv', 'Language: fi'), 'a.po'), { author: 'bo' })).rejects.toThrow(/not a target/)
    const twice = po + po.slice(po.indexOf('#. tag'))
    await expect(importTranslations(f.store, readTranslationFile(twice, 'a.po'), { author: 'bo' })).rejects.toThrow(/twice/)
  })

  it('accepts Poedit\'s sv_SE for the target sv', async () => {
    const po = (await exported('po')).replace('Language: sv', 'Language: sv_SE')
    const r = await importTranslations(f.store, readTranslationFile(po, 'a.po'), { author: 'bo' })
    expect(r).toMatchObject({ lang: 'sv', unchanged: 6 })
  })
})
