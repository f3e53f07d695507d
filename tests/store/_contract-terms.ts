import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/types.js'

/** What every Store does for termbases (issue #21): uses, entries, search, versions and resolve. */
export function testTermStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await store.close()
  })
  const by = { by: 'tess' }
  const river = {
    terms: [
      { lang: 'en', text: 'river', pos: 'noun' as const, status: 'preferred' as const },
      { lang: 'sv', text: 'å', status: 'preferred' as const, note: 'not älv in news' },
      { lang: 'sv', text: 'älv', status: 'deprecated' as const },
    ],
    note: 'Flowing water.',
  }

  describe('termbases', () => {
    it('adds an entry with its terms in order, defaults filled in, and reads it back', async () => {
      const e = await store.terms.addEntry('sv-general', {
        terms: [...river.terms, { lang: 'EN', text: '  NASA ', caseSensitive: true }],
        note: river.note,
      }, by)
      expect(e).toMatchObject({ tag: 'sv-general', version: 1, updatedBy: 'tess', note: 'Flowing water.' })
      expect(e.terms).toEqual([
        { lang: 'en', text: 'river', pos: 'noun', status: 'preferred', caseSensitive: false },
        { lang: 'sv', text: 'å', status: 'preferred', note: 'not älv in news', caseSensitive: false },
        { lang: 'sv', text: 'älv', status: 'deprecated', caseSensitive: false },
        { lang: 'en', text: 'NASA', status: 'admitted', caseSensitive: true },
      ])
      expect(await store.terms.getEntry('sv-general', e.id)).toEqual(e)
      expect(await store.terms.getEntry('sv-news', e.id)).toBeUndefined()
      expect(await store.terms.get('sv-general')).toEqual({ tag: 'sv-general', uses: [], entries: 1 })
      expect(await store.terms.get('sv-news')).toBeUndefined()
    })

    it('refuses an entry without terms, with an unknown status, part of speech or language, or a term twice', async () => {
      const bad = [
        { terms: [] },
        { terms: [{ lang: 'en', text: 'x', status: 'nice' as never }] },
        { terms: [{ lang: 'en', text: 'x', pos: 'thing' as never }] },
        { terms: [{ lang: 'xx', text: 'x' }] },
        { terms: [{ lang: 'en', text: '   ' }] },
        { terms: [{ lang: 'en', text: 'a\u0000b' }] },
        { terms: [{ lang: 'en', text: 'x'.repeat(301) }] },
        { terms: [{ lang: 'en', text: 'x' }, { lang: 'en', text: 'x' }] },
      ]
      for (const entry of bad) await expect(store.terms.addEntry('sv-general', entry, by)).rejects.toMatchObject({ status: 400 })
      await expect(store.terms.addEntry('Sv-General', river, by)).rejects.toMatchObject({ code: 'invalid-tag' })
      expect(await store.terms.list()).toEqual([])
    })

    it('adds many entries all or none', async () => {
      expect(await store.terms.addEntries('sv-general', [river, { terms: [{ lang: 'en', text: 'lake' }] }], by)).toBe(2)
      await expect(
        store.terms.addEntries('sv-general', [{ terms: [{ lang: 'en', text: 'sea' }] }, { terms: [] }], by),
      ).rejects.toThrow(/entry 2/)
      expect((await store.terms.listEntries('sv-general')).map((e) => e.terms[0]!.text)).toEqual(['river', 'lake'])
    })

    it('updates and deletes an entry by version, refusing a stale one with 412', async () => {
      const e = await store.terms.addEntry('sv-general', river, by)
      const u = await store.terms.updateEntry('sv-general', e.id, { terms: [{ lang: 'en', text: 'stream' }] }, { by: 'ann', ifVersion: 1 })
      expect(u).toMatchObject({ id: e.id, version: 2, updatedBy: 'ann', terms: [{ lang: 'en', text: 'stream' }] })
      expect(u.note).toBeUndefined()
      await expect(store.terms.updateEntry('sv-general', e.id, river, { by: 'ann', ifVersion: 1 })).rejects.toMatchObject({
        status: 412, code: 'term-entry-conflict',
      })
      await expect(store.terms.deleteEntry('sv-general', e.id, { ifVersion: 1 })).rejects.toMatchObject({ status: 412 })
      await expect(store.terms.updateEntry('sv-news', e.id, river, by)).rejects.toMatchObject({ status: 404, code: 'unknown-term-entry' })
      await store.terms.deleteEntry('sv-general', e.id, { ifVersion: 2 })
      expect(await store.terms.getEntry('sv-general', e.id)).toBeUndefined()
      await expect(store.terms.deleteEntry('sv-general', e.id)).rejects.toMatchObject({ status: 404 })
    })

    it('searches entries by text (case ignored) and language, paged by id', async () => {
      await store.terms.addEntries('sv-general', [
        river, { terms: [{ lang: 'en', text: 'River bank' }, { lang: 'sv', text: 'strand' }] }, { terms: [{ lang: 'en', text: 'lake' }] },
      ], by)
      const texts = (es: { terms: { text: string }[] }[]) => es.map((e) => e.terms[0]!.text)
      expect(texts(await store.terms.listEntries('sv-general', { text: 'RIVER' }))).toEqual(['river', 'River bank'])
      expect(texts(await store.terms.listEntries('sv-general', { text: 'river', lang: 'sv' }))).toEqual([])
      expect(texts(await store.terms.listEntries('sv-general', { text: 'ÄLV' }))).toEqual(['river']) // beyond ASCII too
      expect(texts(await store.terms.listEntries('sv-general', { text: 'STRAND', lang: 'sv' }))).toEqual(['River bank'])
      expect(texts(await store.terms.listEntries('sv-general', { lang: 'sv' }))).toEqual(['river', 'River bank'])
      const first = await store.terms.listEntries('sv-general', { limit: 2 })
      expect(texts(first)).toEqual(['river', 'River bank'])
      expect(texts(await store.terms.listEntries('sv-general', { limit: 2, after: first[1]!.id }))).toEqual(['lake'])
      await expect(store.terms.listEntries('sv-general', { limit: 0 })).rejects.toMatchObject({ status: 400 })
    })

    it('keeps the tags a termbase uses in order, refusing itself and repeats', async () => {
      expect(await store.terms.setUses('sv-news', ['sv-general', 'sv-legal'])).toEqual({
        tag: 'sv-news', uses: ['sv-general', 'sv-legal'], entries: 0,
      })
      expect((await store.terms.setUses('sv-news', ['sv-legal', 'sv-general'])).uses).toEqual(['sv-legal', 'sv-general'])
      await expect(store.terms.setUses('sv-news', ['sv-news'])).rejects.toMatchObject({ code: 'invalid-uses' })
      await expect(store.terms.setUses('sv-news', ['sv-general', 'sv-general'])).rejects.toMatchObject({ code: 'invalid-uses' })
      await expect(store.terms.setUses('sv-news', ['nonsense'])).rejects.toMatchObject({ code: 'invalid-tag' })
      expect((await store.terms.get('sv-news'))?.uses).toEqual(['sv-legal', 'sv-general'])
      expect((await store.terms.list()).map((t) => t.tag)).toEqual(['sv-news'])
    })

    it('resolves a tag to its own entries, then those of the tags it uses, each termbase once', async () => {
      const add = (tag: string, text: string) => store.terms.addEntry(tag, { terms: [{ lang: 'en', text }] }, by)
      await add('sv-general', 'general')
      await add('sv-legal', 'legal')
      await add('sv-news', 'news')
      await store.terms.setUses('sv-news', ['sv-legal', 'sv-general'])
      await store.terms.setUses('sv-legal', ['sv-general', 'sv-news']) // a circle is read once
      expect((await store.terms.resolve('sv-news')).map((e) => e.terms[0]!.text)).toEqual(['news', 'legal', 'general'])
      expect((await store.terms.resolve('sv-general')).map((e) => e.terms[0]!.text)).toEqual(['general'])
      expect(await store.terms.resolve('sv-other')).toEqual([])
    })
  })
}
