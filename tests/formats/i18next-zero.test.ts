import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../http/_setup.js'

// Each `_zero` decision of #23.8, confirmed by what i18next 26 renders from what the workbench
// serves (GET /locales): German `key_zero` is used for a count of 0, though CLDR gives German no
// zero category; Arabic has one; a language without a `_zero` falls to its own form for 0.

type AnyT = (key: string, options?: Record<string, unknown>) => unknown

/** What `t(key, {count})` renders for counts 0, 1, 2 and 5 from `resources` in `lng`. */
async function render(lng: string, resources: Record<string, unknown>, key: string): Promise<string[]> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, fallbackLng: false, resources: { [lng]: { translation: resources } }, interpolation: { escapeValue: false } })
  const t = i18n.t.bind(i18n) as unknown as AnyT
  return [0, 1, 2, 5].map((count) => String(t(key, { count })))
}

const layout = { indent: '  ', finalNewline: true }
const e = (key: string, value: string) => ({ path: key.split('.'), value })
const file = (lang: string, entries: [string, string][]) => ({ lang, ...layout, entries: entries.map(([k, v]) => e(k, v)) })

describe('_zero as i18next 26 renders it, served by the workbench', () => {
  it('uses a German _zero for 0 whether or not the source has one; German without one says its other form', async () => {
    const { call, store } = await makeTestApp()
    await store.resourceSets.importTree([
      { id: 'with', lang: 'en', source: { ...layout, entries: [e('sel_zero', 'none selected'), e('sel_one', 'one selected'), e('sel_other', '{{count}} selected')] }, targets: [file('de', [['sel_zero', 'keines ausgewählt'], ['sel_one', 'eines ausgewählt'], ['sel_other', '{{count}} ausgewählt']]), file('sv', [['sel_one', 'en vald'], ['sel_other', '{{count}} valda']])] },
      { id: 'without', lang: 'en', source: { ...layout, entries: [e('sel_one', 'one selected'), e('sel_other', '{{count}} selected')] }, targets: [file('de', [['sel_zero', 'keines ausgewählt'], ['sel_one', 'eines ausgewählt'], ['sel_other', '{{count}} ausgewählt']]), file('ar', [['sel_zero', 'لا شيء'], ['sel_one', 'واحد'], ['sel_two', 'اثنان'], ['sel_few', '{{count}} قليلة'], ['sel_many', '{{count}} كثيرة'], ['sel_other', '{{count}} أخرى']])] },
    ], { author: 'i' })
    for (const ns of ['with', 'without']) {
      const de = await (await call(`/locales/de/${ns}.json`)).json()
      expect(await render('de', de, 'sel'), ns).toEqual(['keines ausgewählt', 'eines ausgewählt', '2 ausgewählt', '5 ausgewählt'])
    }
    // The English _zero itself, and Swedish, which has none: its other form for 0.
    expect(await render('en', await (await call('/locales/en/with.json')).json(), 'sel')).toEqual(['none selected', 'one selected', '2 selected', '5 selected'])
    expect(await render('sv', await (await call('/locales/sv/with.json')).json(), 'sel')).toEqual(['0 valda', 'en vald', '2 valda', '5 valda'])
    // Arabic: its CLDR zero category, and i18next's _zero lookup, agree.
    expect(await render('ar', await (await call('/locales/ar/without.json')).json(), 'sel')).toEqual(['لا شيء', 'واحد', 'اثنان', '5 قليلة'])
    // German counts two forms either way: its _zero is optional, never counted.
    for (const ns of ['with', 'without']) {
      const c = (await store.coverage({ articles: [ns], langs: ['de'] }))[0]!
      expect(c.units.translated + c.units.initial + c.units.reviewed + c.units.final, ns).toBe(2)
    }
    // Arabic needs its zero: without it, the Arabic file is one form short.
    const ar = (await store.coverage({ articles: ['without'], langs: ['ar'] }))[0]!
    expect(ar.units.translated).toBe(6)
  })
})
