import { describe, expect, it } from 'vitest'
import { exportArticle, streamExport } from '../../src/formats/export-article.js'
import { resourceSetFile } from '../../src/formats/resource-set-files.js'
import { resourceSetId } from '../../src/model/namespaces.js'
import type { ResourceSetImport } from '../../src/store/resource-sets.js'
import type { Store } from '../../src/store/types.js'

/**
 * `_zero` in i18next resource sets (#23.8): i18next looks `key_zero` up for a count of 0 in every
 * language, so a `_zero` may be written in every language; it counts (totals, coverage) only where
 * CLDR has a zero category (Arabic, Latvian, Welsh). Exports carry only the forms a language has.
 */
export function testPluralZero(freshStore: () => Store | Promise<Store>): void {
  const layout = { indent: '  ', finalNewline: true }
  const e = (key: string, value: string) => ({ path: key.split('.'), value })
  const file = (lang: string, entries: [string, string][]) => ({ lang, ...layout, entries: entries.map(([k, v]) => e(k, v)) })
  const set = (source: [string, string][], targets: ResourceSetImport['targets']): ResourceSetImport => ({
    id: 'app',
    lang: 'en',
    source: { ...layout, entries: source.map(([k, v]) => e(k, v)) },
    targets,
  })
  const WITH_ZERO: [string, string][] = [['sel_zero', 'none selected'], ['sel_one', 'one selected'], ['sel_other', '{{count}} selected']]
  const NO_ZERO: [string, string][] = [['sel_one', 'one selected'], ['sel_other', '{{count}} selected']]
  const de = (over: [string, string][] = []) => file('de', [['sel_zero', 'keines ausgewählt'], ['sel_one', 'eines ausgewählt'], ['sel_other', '{{count}} ausgewählt'], ...over])
  const total = async (store: Store, lang: string) => {
    const c = (await store.coverage({ articles: ['app'], langs: [lang] }))[0]!
    return { units: c.units.initial + c.units.translated + c.units.reviewed + c.units.final, translated: c.units.translated }
  }

  describe('resource sets: _zero in every language (#23.8)', () => {
    it('writes a German _zero of an English _zero, serves it, never counts it; Arabic counts its own', async () => {
      const store = await freshStore()
      const [s] = await store.resourceSets.importTree([set(WITH_ZERO, [de(), file('ar', [['sel_zero', 'لا شيء']])])], { author: 'i' })
      expect(s!.translations).toMatchObject({ written: 4, unknown: 0 })
      expect(await store.getTranslation('app', 'sel_zero', 'de')).toMatchObject({ text: 'keines ausgewählt', state: 'translated', version: 1 })
      // German counts its two CLDR forms; Arabic its six (zero among them).
      expect(await total(store, 'de')).toEqual({ units: 2, translated: 2 })
      expect(await total(store, 'ar')).toEqual({ units: 6, translated: 1 })
      expect((await store.listTranslations('app', 'de')).map((t) => t.unitId)).toContain('sel_zero')
      const served = await resourceSetFile(store, (await store.resourceSets.get('app'))!, 'de')
      expect(served.entries.map((x) => x.path.join('.'))).toEqual(['sel_zero', 'sel_one', 'sel_other'])
      // A write through the one write path, and a form German has no use for refused.
      await store.writeTranslation({ articleId: 'app', unitId: 'sel_zero', lang: 'de', text: 'nichts', state: 'translated', author: 'ann', ifVersion: 1 })
      await expect(store.writeTranslation({ articleId: 'app', unitId: 'sel_few', lang: 'de', text: 'x', state: 'translated', author: 'ann' })).rejects.toMatchObject({ code: 'not-a-plural-form' })
      expect(await total(store, 'de')).toEqual({ units: 2, translated: 2 })
    })

    it('turns the German _zero stale when the English _zero changes', async () => {
      const store = await freshStore()
      await store.resourceSets.importTree([set(WITH_ZERO, [de()])], { author: 'i' })
      const edited: [string, string][] = [['sel_zero', 'nothing selected'], ...WITH_ZERO.slice(1)]
      await store.resourceSets.importTree([set(edited, [de()])], { author: 'i' })
      expect(await store.getTranslation('app', 'sel_zero', 'de')).toMatchObject({ stale: true, text: 'keines ausgewählt' })
      expect(await store.getTranslation('app', 'sel_one', 'de')).toMatchObject({ stale: false })
    })

    it('makes a _zero unit on a target\'s first _zero where the source has none: served, exported, never counted', async () => {
      const store = await freshStore()
      const [s] = await store.resourceSets.importTree([set(NO_ZERO, [de(), file('sv', [['sel_one', 'en vald']])])], { author: 'i' })
      expect(s!.translations).toMatchObject({ written: 4, unknown: 0 })
      const zero = (await store.listUnits('app')).find((u) => u.id === 'sel_zero')!
      expect(zero).toMatchObject({ plural: 'zero', borrowed: true, source: '{{count}} selected' })
      expect(await total(store, 'de')).toEqual({ units: 2, translated: 2 })
      expect(await total(store, 'sv')).toEqual({ units: 2, translated: 1 })
      const setNow = (await store.resourceSets.get('app'))!
      expect((await resourceSetFile(store, setNow, 'de')).entries.map((x) => x.path.join('.'))).toEqual(['sel_zero', 'sel_one', 'sel_other'])
      // Not a string of the source, nor of Swedish, which wrote none.
      expect((await resourceSetFile(store, setNow, 'en', true)).entries.map((x) => x.path.join('.'))).toEqual(['sel_one', 'sel_other'])
      expect((await resourceSetFile(store, setNow, 'sv', true)).entries.map((x) => x.path.join('.'))).toEqual(['sel_one'])
      // The report lists no optional _zero as untranslated.
      const pending = await store.pendingUnitsByLang('app', ['sv'])
      expect(pending.flat().map((u) => u.id)).not.toContain('sel_zero')
      // A re-import whose German file dropped the _zero keeps the unit and its translation.
      await store.resourceSets.importTree([set(NO_ZERO, [file('de', [['sel_one', 'eines ausgewählt']])])], { author: 'i' })
      expect(await store.getTranslation('app', 'sel_zero', 'de')).toMatchObject({ text: 'keines ausgewählt' })
    })

    it('counts live plural units by form from the counters (what tolk check --db folds into keys)', async () => {
      const store = await freshStore()
      await store.resourceSets.importTree([set(WITH_ZERO, [file('ru', [])]), { ...set(NO_ZERO, [de()]), id: 'admin/users' }], { author: 'i' })
      const counts = await store.resourceSets.pluralCounts(['app', resourceSetId('admin/users'), 'nothing'])
      expect(Object.fromEntries(counts)).toEqual({
        app: { few: 1, many: 1, one: 1, other: 1, zero: 1 },
        [resourceSetId('admin/users')]: { one: 1, other: 1, zero: 1 },
      })
      // A group gone from the source is gone from the counts.
      await store.resourceSets.importTree([set([['title', 'Title']], [file('ru', [])])], { author: 'i' })
      expect((await store.resourceSets.pluralCounts(['app'])).size).toBe(0)
    })

    it('exports only the forms a language has: no Russian _two or _zero, a German _zero where the source has one', async () => {
      const store = await freshStore()
      await store.resourceSets.importTree([set(NO_ZERO, [file('ru', [['sel_one', 'выбран {{count}}']]), file('ar', []), file('de', [])])], { author: 'i' })
      for (const format of ['po', 'xliff2', 'xliff12'] as const) {
        const ru = (await exportArticle(store, 'app', 'ru', format)).body
        expect(ru, format).toContain('sel_few')
        expect(ru, format).not.toContain('sel_two')
        expect(ru, format).not.toContain('sel_zero')
        const ar = (await exportArticle(store, 'app', 'ar', format)).body
        expect(ar, format).toContain('sel_two')
        expect(ar, format).toContain('sel_zero')
        // A borrowed _zero nobody wrote in German stays out of the German file.
        expect((await exportArticle(store, 'app', 'de', format)).body, format).not.toContain('sel_zero')
        let streamed = ''
        for await (const chunk of (await streamExport(store, 'app', 'ru', format)).chunks) streamed += chunk
        expect(streamed, format).not.toContain('sel_two')
        expect(streamed, format).toContain('sel_many')
      }
      const withZero = await freshStore()
      await withZero.resourceSets.importTree([set(WITH_ZERO, [file('de', [])])], { author: 'i' })
      expect((await exportArticle(withZero, 'app', 'de', 'po')).body).toContain('sel_zero')
    })
  })
}
