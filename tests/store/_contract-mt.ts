import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { buildReport } from '../../src/report/build-report.js'
import { reportJson } from '../../src/report/report-json.js'
import type { Store } from '../../src/store/types.js'
import { article, SAMPLE } from './fixtures/articles.js'

/**
 * What every Store does for machine translation: its cache of engine answers, machine origins
 * in history, and the memory that never takes unedited machine text as a human translation.
 */
export function testMtStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await store.close()
  })
  const key = { engine: 'apertium', from: 'en', to: 'es' }
  const DAY = 86_400_000

  describe('machine translation cache', () => {
    it('answers identical requests (engine, pair, text) and nothing else', async () => {
      await store.mtCache.put(key, [{ source: 'The cat.', target: 'El gato.' }, { source: 'A dog.', target: 'Un perro.' }])
      expect(await store.mtCache.get(key, ['A dog.', 'The cat.', 'The cat'])).toEqual(['Un perro.', 'El gato.', undefined])
      expect(await store.mtCache.get({ ...key, engine: 'deepl' }, ['The cat.'])).toEqual([undefined])
      expect(await store.mtCache.get({ ...key, to: 'ca' }, ['The cat.'])).toEqual([undefined])
      await store.mtCache.put(key, [{ source: 'The cat.', target: 'El gato!' }])
      expect(await store.mtCache.get(key, ['The cat.'])).toEqual(['El gato!'])
      expect(await store.mtCache.size()).toBe(2)
    })

    it('does not use an entry older than 30 days, and drops it at the next put', async () => {
      const t0 = Date.UTC(2026, 0, 1)
      await store.mtCache.put(key, [{ source: 'Old.', target: 'Viejo.' }], { now: t0 })
      expect(await store.mtCache.get(key, ['Old.'], { now: t0 + 29 * DAY })).toEqual(['Viejo.'])
      expect(await store.mtCache.get(key, ['Old.'], { now: t0 + 30 * DAY })).toEqual([undefined])
      await store.mtCache.put(key, [{ source: 'New.', target: 'Nuevo.' }], { now: t0 + 31 * DAY })
      expect(await store.mtCache.size()).toBe(1)
    })

    it('keeps at most the limit, dropping the oldest', async () => {
      for (let i = 0; i < 5; i++) await store.mtCache.put(key, [{ source: `s${i}`, target: `t${i}` }], { now: 1e12 + i, maxEntries: 3 })
      expect(await store.mtCache.size()).toBe(3)
      expect(await store.mtCache.get(key, ['s0', 's1', 's2', 's4'], { now: 1e12 + 9 })).toEqual([undefined, undefined, 't2', 't4'])
    })
  })

  describe('machine origins', () => {
    const setup = async () => {
      await store.importArticle(article('en-general-01', SAMPLE, { targets: ['es'] }))
      return (await store.listUnits('en-general-01')).map((u) => u.id)
    }
    const write = (unitId: string, text: string, extra: object) =>
      store.writeTranslation({ articleId: 'en-general-01', unitId, lang: 'es', text, state: 'translated', author: 'ann', ...extra })

    it('history keeps the engine, and whether the text was edited', async () => {
      const [u] = await setup()
      await write(u!, 'El río.', { author: 'mt:apertium', origin: { kind: 'mt', engine: 'apertium' } })
      await write(u!, 'El río ancho.', { origin: { kind: 'mt', engine: 'apertium', edited: true }, ifVersion: 1 })
      await write(u!, 'El río, ancho.', { origin: { kind: 'memory', score: 92, edited: true } })
      const h = await store.history('en-general-01', u!, 'es')
      expect(h.map((e) => e.origin)).toEqual([
        { kind: 'mt', engine: 'apertium' },
        { kind: 'mt', engine: 'apertium', edited: true },
        { kind: 'memory', score: 92, edited: true },
      ])
    })

    it('refuses an origin without an engine name, writing nothing', async () => {
      const [u] = await setup()
      await expect(write(u!, 'x', { origin: { kind: 'mt', engine: 'Not A Name' } })).rejects.toThrow(InvalidInput)
      await expect(write(u!, 'x', { origin: { kind: 'mt' } })).rejects.toThrow(InvalidInput)
      expect(await store.history('en-general-01', u!, 'es')).toEqual([])
    })

    it('the memory never takes unedited machine text; an edited one enters, a machine text replacing a human one removes it', async () => {
      const [a, b, c] = await setup()
      await write(a!, 'Texto de máquina.', { origin: { kind: 'mt', engine: 'apertium' } })
      await write(b!, 'Texto corregido.', { origin: { kind: 'mt', engine: 'apertium', edited: true } })
      await write(c!, 'Texto humano.', {})
      const targets = async () => (await store.memory.search({ query: 'Texto', tgtLang: 'es' })).map((h) => h.target).sort()
      expect(await targets()).toEqual(['Texto corregido.', 'Texto humano.'])
      await write(c!, 'Texto de otra máquina.', { origin: { kind: 'mt', engine: 'deepl' }, ifVersion: 1 })
      expect(await targets()).toEqual(['Texto corregido.'])
      // Saved again unedited, a machine text stays a machine's.
      await write(a!, 'Texto de máquina.', { origin: { kind: 'mt', engine: 'apertium' }, ifVersion: 1 })
      expect(await targets()).toEqual(['Texto corregido.'])
    })
  })

  describe('words by origin', () => {
    it('counts the words of done units by the origin of the write that set their text; the four add up', async () => {
      await store.importArticle(article('en-general-01', SAMPLE, { targets: ['es', 'de'] }))
      const units = await store.listUnits('en-general-01')
      expect(units.length).toBeGreaterThanOrEqual(4)
      const w = (i: number, text: string, extra: object) =>
        store.writeTranslation({ articleId: 'en-general-01', unitId: units[i]!.id, lang: 'es', text, state: 'translated', author: 'ann', ...extra })
      await w(0, 'Máquina.', { origin: { kind: 'mt', engine: 'apertium' }, author: 'mt:apertium' })
      await w(1, 'Memoria.', { origin: { kind: 'memory', score: 100 } })
      await w(2, 'Editada.', { origin: { kind: 'mt', engine: 'apertium', edited: true } })
      await w(3, 'Humana.', {})
      // A reviewer confirming the machine text (a state-only write) does not make it human.
      await w(0, 'Máquina.', { state: 'reviewed', ifVersion: 1 })
      expect((await buildReport(store, { articles: ['en-general-01'], summary: true })).articles[0]!.languages.es).not.toHaveProperty('wordsByOrigin')
      const report = await buildReport(store, { articles: ['en-general-01'] })
      const es = report.articles[0]!.languages.es!
      const words = (i: number) => units[i]!.words
      expect(es.wordsByOrigin).toEqual({ human: words(2) + words(3), memory: words(1), mt: words(0), aligned: 0 })
      const o = es.wordsByOrigin!
      expect(o.human + o.memory + o.mt + o.aligned).toBe(es.words.translated + es.words.reviewed + es.words.final)
      expect(report.articles[0]!.languages.de!.wordsByOrigin).toEqual({ human: 0, memory: 0, mt: 0, aligned: 0 })
      // A person saving the machine text unedited (origin kept) leaves it a machine's.
      await w(0, 'Máquina.', { state: 'translated', ifVersion: 2, origin: { kind: 'mt', engine: 'apertium' } })
      const again = await buildReport(store, { articles: ['en-general-01'] })
      expect(again.articles[0]!.languages.es!.wordsByOrigin!.mt).toBe(words(0))
      // The streamed JSON says the same, character for character.
      let text = ''
      for await (const chunk of reportJson(store, { articles: ['en-general-01'] })) text += chunk
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(again)))
    })
  })
}
