import { describe, expect, it } from 'vitest'
import { NotFound, InvalidInput } from '../../src/model/errors.js'
import { EN, SV } from './_memory-data.js'
import { addArticle, freshStore, translateAll } from './_setup.js'

describe('memory matches', () => {
  it('holds every translated unit and finds the same sentence as a 100 match', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const [m] = await store.memory.matches({ text: 'The museum opens at nine.', srcLang: 'en', tgtLang: 'sv' })
    expect(m).toMatchObject({ score: 100, autoFixed: false, target: SV[0] })
    expect(m!.entry).toMatchObject({ origin: 'article', articleId: 'sv-general-01', tag: 'sv-general', author: 'anna' })
    expect(await store.memory.pairs()).toEqual([{ srcLang: 'en', tgtLang: 'sv', entries: 4 }])
    await store.close()
  })

  it('gives 101 when the neighbouring sentences match too', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const units = await addArticle(store, 'sv-general-02', EN)
    const [m] = await store.memory.matches({
      text: units[1]!.source,
      srcLang: 'en',
      tgtLang: 'sv',
      prevHash: (await import('../../src/store/sqlite/import.js')).sourceHash(units[0]!.source),
      nextHash: (await import('../../src/store/sqlite/import.js')).sourceHash(units[2]!.source),
    })
    expect(m!.score).toBe(101)
    const [other] = await store.memory.matches({
      text: units[1]!.source,
      srcLang: 'en',
      tgtLang: 'sv',
      prevHash: 'x',
      nextHash: 'y',
    })
    expect(other!.score).toBe(100)
    await store.close()
  })

  it('ranks fuzzy matches by score and marks the differing words', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', [
      'The red house stands by the lake.',
      'The red house stands by the old lake shore.',
      'A green boat lies by the lake.',
    ])
    await translateAll(store, 'sv-general-01', [
      'Det röda huset står vid sjön.',
      'Det röda huset står vid den gamla sjöstranden.',
      'En grön båt ligger vid sjön.',
    ])
    const ms = await store.memory.matches({ text: 'The red house stands by the river.', srcLang: 'en', tgtLang: 'sv' })
    // 1 of 7 words replaced: 85; 3 edits against 9 words: 66, under the default threshold of 70.
    expect(ms.map((m) => m.score)).toEqual([85])
    expect(ms[0]!.target).toBe('Det röda huset står vid sjön.')
    expect(ms[0]!.diff).toContainEqual({ op: 'removed', text: 'lake' })
    expect(ms[0]!.diff).toContainEqual({ op: 'added', text: 'river' })
    const low = await store.memory.matches({ text: 'The red house stands by the river.', srcLang: 'en', tgtLang: 'sv', threshold: 20, limit: 5 })
    expect(low.map((m) => m.score)).toEqual([85, 66, 28])
    await store.close()
  })

  it('substitutes numbers that differ only in value: an auto-fixed 99', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const [m] = await store.memory.matches({ text: 'Tickets cost 15 euros for adults.', srcLang: 'en', tgtLang: 'sv' })
    expect(m).toMatchObject({ score: 99, autoFixed: true, target: 'Biljetter kostar 15 euro för vuxna.' })
    // A case difference costs a point on top; a number the target does not hold cannot be fixed.
    const [c] = await store.memory.matches({ text: 'tickets cost 15 euros for adults.', srcLang: 'en', tgtLang: 'sv' })
    expect(c).toMatchObject({ score: 98, autoFixed: true })
    await store.close()
  })

  it('substitutes placeholders and dates as values too', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', ['Hello {{name}}, your order of 2024-05-01 has shipped.'])
    await translateAll(store, 'sv-general-01', ['Hej {{name}}, din beställning från 2024-05-01 har skickats.'])
    const [m] = await store.memory.matches({ text: 'Hello {{user}}, your order of 2025-12-24 has shipped.', srcLang: 'en', tgtLang: 'sv' })
    expect(m).toMatchObject({ score: 99, autoFixed: true, target: 'Hej {{user}}, din beställning från 2025-12-24 har skickats.' })
    await store.close()
  })

  it('keeps the memory current: a rewrite replaces the entry, back to initial removes it', async () => {
    const store = freshStore()
    const units = await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const base = { articleId: 'sv-general-01', unitId: units[0]!.id, lang: 'sv', author: 'bo' } as const
    await store.writeTranslation({ ...base, text: 'Museet öppnar kl. 9.', state: 'reviewed' })
    const q = { text: EN[0]!, srcLang: 'en', tgtLang: 'sv' }
    expect((await store.memory.matches(q))[0]).toMatchObject({ target: 'Museet öppnar kl. 9.', entry: { author: 'bo' } })
    await store.writeTranslation({ ...base, text: '', state: 'initial' })
    expect(await store.memory.matches(q)).toEqual([])
    await store.close()
  })

  it('refuses an empty or huge text and a language pair it has never seen', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const q = { srcLang: 'en', tgtLang: 'sv' }
    await expect(store.memory.matches({ ...q, text: '  ' })).rejects.toThrow(InvalidInput)
    await expect(store.memory.matches({ ...q, text: 'x'.repeat(100_000) })).rejects.toThrow(InvalidInput)
    await expect(store.memory.matches({ ...q, tgtLang: 'fi', text: 'Hello.' })).rejects.toThrow(NotFound)
    await store.close()
  })
})

describe('concordance', () => {
  it('finds a phrase in sources and in targets, newest first', async () => {
    const store = freshStore()
    await addArticle(store, 'sv-general-01', EN)
    await translateAll(store, 'sv-general-01', SV)
    const hits = await store.memory.search({ query: 'top floor', tgtLang: 'sv' })
    expect(hits.map((h) => h.target)).toEqual([SV[3]])
    const sv = await store.memory.search({ query: 'klockan', tgtLang: 'sv' })
    expect(sv.map((h) => h.target)).toEqual([SV[3], SV[0]])
    expect(await store.memory.search({ query: 'submarine', tgtLang: 'sv' })).toEqual([])
    await expect(store.memory.search({ query: ' ', tgtLang: 'sv' })).rejects.toThrow(InvalidInput)
    await expect(store.memory.search({ query: 'a'.repeat(100_000), tgtLang: 'sv' })).rejects.toThrow(InvalidInput)
    await expect(store.memory.search({ query: 'museum', tgtLang: 'ja' })).rejects.toThrow(NotFound)
    await store.close()
  })
})
