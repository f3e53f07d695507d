import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InvalidInput, NotFound } from '../../src/model/errors.js'
import { buildReport } from '../../src/report/build-report.js'
import type { Store } from '../../src/store/types.js'
import { article, SAMPLE } from './fixtures/articles.js'

/**
 * What every Store does with aligned texts (issue 23): the origin `{kind: "aligned", confidence}`
 * in history, the states `tolk align` asks for, units with a translation skipped, all or nothing.
 */
export function testAlignedStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await store.close()
  })
  const setup = async () => {
    await store.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
    return (await store.listUnits('en-general-01')).map((u) => u.id)
  }
  const align = (texts: Array<{ unitId: string; text: string; state: 'initial' | 'translated'; confidence: number }>) =>
    store.aligned.write({ articleId: 'en-general-01', lang: 'sv', author: 'align:bo', texts })

  describe('aligned writes', () => {
    it('stores each text through the versioned write with its state and an aligned origin in history', async () => {
      const [a, b, c] = await setup()
      const out = await align([
        { unitId: a!, text: 'Floden var bred.', state: 'translated', confidence: 0.93 },
        { unitId: b!, text: 'Två meningar i en.', state: 'initial', confidence: 0.41 },
        { unitId: c!, text: '', state: 'initial', confidence: 0.41 },
      ])
      expect(out).toEqual({ written: [a, b, c], skipped: [] })
      const first = await store.getTranslation('en-general-01', a!, 'sv')
      expect(first).toMatchObject({ text: 'Floden var bred.', state: 'translated', version: 1, author: 'align:bo', stale: false })
      expect(await store.getTranslation('en-general-01', b!, 'sv')).toMatchObject({ text: 'Två meningar i en.', state: 'initial', version: 1 })
      const h = await store.history('en-general-01', a!, 'sv')
      expect(h.map((e) => [e.version, e.newText, e.origin])).toEqual([[1, 'Floden var bred.', { kind: 'aligned', confidence: 0.93 }]])
      expect((await store.history('en-general-01', b!, 'sv'))[0]!.origin).toEqual({ kind: 'aligned', confidence: 0.41 })
    })

    it('skips and lists units that already have a translation, and fills an initial one without text', async () => {
      const [a, b] = await setup()
      await store.writeTranslation({ articleId: 'en-general-01', unitId: a!, lang: 'sv', text: 'Ån.', state: 'reviewed', author: 'ann' })
      await store.writeTranslation({ articleId: 'en-general-01', unitId: b!, lang: 'sv', text: '', state: 'initial', author: 'ann' })
      const out = await align([
        { unitId: a!, text: 'Floden.', state: 'translated', confidence: 0.99 },
        { unitId: b!, text: 'Bred.', state: 'translated', confidence: 0.9 },
      ])
      expect(out).toEqual({ written: [b], skipped: [{ unitId: a, state: 'reviewed', text: 'Ån.' }] })
      // An empty draft goes only where nothing was written before.
      const [, , c, d] = (await store.listUnits('en-general-01')).map((u) => u.id)
      await store.writeTranslation({ articleId: 'en-general-01', unitId: c!, lang: 'sv', text: '', state: 'initial', author: 'ann' })
      expect(await align([{ unitId: c!, text: '', state: 'initial', confidence: 0.4 }, { unitId: d!, text: '', state: 'initial', confidence: 0.4 }])).toEqual({ written: [d], skipped: [] })
      expect((await store.getTranslation('en-general-01', c!, 'sv')).version).toBe(1)
      expect(await store.getTranslation('en-general-01', a!, 'sv')).toMatchObject({ text: 'Ån.', state: 'reviewed', version: 1 })
      expect(await store.getTranslation('en-general-01', b!, 'sv')).toMatchObject({ text: 'Bred.', state: 'translated', version: 2 })
    })

    it('writes nothing when one unit is unknown, the language is no target, or a confidence is out of range', async () => {
      const [a, b] = await setup()
      const good = { unitId: a!, text: 'Floden.', state: 'translated' as const, confidence: 0.9 }
      await expect(align([good, { unitId: 'nope', text: 'x', state: 'initial', confidence: 0.5 }])).rejects.toThrow(NotFound)
      await expect(
        store.aligned.write({ articleId: 'en-general-01', lang: 'de', author: 'bo', texts: [good] }),
      ).rejects.toThrow(InvalidInput)
      await expect(align([good, { unitId: b!, text: 'x', state: 'initial', confidence: 1.5 }])).rejects.toThrow(InvalidInput)
      await expect(align([good, { unitId: b!, text: 'x', state: 'initial', confidence: Number.NaN }])).rejects.toThrow(InvalidInput)
      await expect(align([good, { ...good, text: 'igen' }])).rejects.toThrow(InvalidInput)
      await expect(align([{ ...good, state: 'final' as 'translated' }])).rejects.toThrow(InvalidInput)
      expect(await store.history('en-general-01', a!, 'sv')).toEqual([])
      expect(await store.history('en-general-01', b!, 'sv')).toEqual([])
    })

    it('writes an aligned origin through writeTranslation too, and refuses a confidence outside 0–1', async () => {
      const [a] = await setup()
      const w = (origin: unknown) =>
        store.writeTranslation({ articleId: 'en-general-01', unitId: a!, lang: 'sv', text: 'Ån.', state: 'translated', author: 'ann', origin } as never)
      for (const bad of [{ kind: 'aligned' }, { kind: 'aligned', confidence: -0.1 }, { kind: 'aligned', confidence: '0.9' }]) {
        await expect(w(bad), JSON.stringify(bad)).rejects.toThrow(InvalidInput)
      }
      await w({ kind: 'aligned', confidence: 0.8765, edited: true })
      expect((await store.history('en-general-01', a!, 'sv'))[0]!.origin).toEqual({ kind: 'aligned', confidence: 0.877, edited: true })
    })

    it('puts translated aligned text into the memory, as a person\'s translation (it is one)', async () => {
      const [a, b] = await setup()
      await align([
        { unitId: a!, text: 'Floden flyter förbi kvarnen.', state: 'translated', confidence: 0.95 },
        { unitId: b!, text: 'Floden utkast.', state: 'initial', confidence: 0.5 },
      ])
      const hits = await store.memory.search({ query: 'Floden', tgtLang: 'sv' })
      expect(hits.map((h) => h.target)).toEqual(['Floden flyter förbi kvarnen.'])
    })

    it('gives the aligned origin in the translation events too', async () => {
      const [a] = await setup()
      const start = await store.lastEventId()
      await align([{ unitId: a!, text: 'Floden.', state: 'translated', confidence: 0.91 }])
      await store.writeTranslation({ articleId: 'en-general-01', unitId: a!, lang: 'sv', text: 'Floden!', state: 'translated', author: 'ann', origin: { kind: 'mt', engine: 'apertium', edited: true } })
      expect((await store.translationEvents('en-general-01', 'sv', start, 10)).map((e) => e.origin)).toEqual([
        { kind: 'aligned', confidence: 0.91 },
        { kind: 'mt', engine: 'apertium', edited: true },
      ])
    })

    it('tells the confidence of units whose current text is unedited aligned text, and no other', async () => {
      const [a, b, c, d] = await setup()
      await align([
        { unitId: a!, text: 'Floden.', state: 'translated', confidence: 0.95 },
        { unitId: b!, text: 'Utkast.', state: 'initial', confidence: 0.4 },
        { unitId: c!, text: 'Tredje.', state: 'translated', confidence: 0.9 },
      ])
      // A person saves c: it is theirs now.
      await store.writeTranslation({ articleId: 'en-general-01', unitId: c!, lang: 'sv', text: 'Tredje!', state: 'translated', author: 'ann' })
      expect(await store.aligned.confidences('en-general-01', 'sv', [a!, b!, c!, d!, 'nope'])).toEqual({ [a!]: 0.95, [b!]: 0.4 })
      expect(await store.aligned.confidences('en-general-01', 'sv', [])).toEqual({})
      expect(await store.aligned.confidences('en-general-01', 'de', [a!])).toEqual({})
    })

    it('counts the words of unedited aligned text that is done as aligned in reports', async () => {
      await setup()
      const units = await store.listUnits('en-general-01')
      await align([
        { unitId: units[0]!.id, text: 'Floden.', state: 'translated', confidence: 0.95 },
        { unitId: units[1]!.id, text: 'Utkast.', state: 'initial', confidence: 0.5 },
      ])
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[2]!.id, lang: 'sv', text: 'Egen.', state: 'translated', author: 'ann' })
      const sv = (await buildReport(store, { articles: ['en-general-01'] })).articles[0]!.languages.sv!
      expect(sv.wordsByOrigin).toEqual({ human: units[2]!.words, memory: 0, mt: 0, aligned: units[0]!.words })
    })
  })
}
