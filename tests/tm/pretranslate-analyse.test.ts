import { describe, expect, it } from 'vitest'
import { NotFound } from '../../src/model/errors.js'
import { analyseArticle } from '../../src/tm/analyse.js'
import { pretranslate } from '../../src/tm/pretranslate.js'
import { addArticle, freshStore, translateAll } from './_setup.js'

const OLD = [
  'The museum opens at nine.',
  'Tickets cost 12 euros for adults.',
  'Children under seven enter for free.',
  'The café on the top floor serves lunch until three.',
  'Dogs are not allowed inside.',
]
const SV = [
  'Museet öppnar klockan nio.',
  'Biljetter kostar 12 euro för vuxna.',
  'Barn under sju år går in gratis.',
  'Kaféet på översta våningen serverar lunch till klockan tre.',
  'Hundar är inte tillåtna inne.',
]
// Units: 101 (same text and neighbours), 100 (same text, other neighbours), auto-fixed 99,
// a fuzzy one, a new one, and a repetition of the first.
const NEW = [
  'The museum opens at nine.',
  'Tickets cost 12 euros for adults.',
  'Children under seven enter for free.',
  'Dogs are not allowed inside.',
  'Tickets cost 15 euros for adults.',
  'The café on the top floor serves coffee until three.',
  'Parking is available behind the station building.',
  'The museum opens at nine.',
]

async function setUp() {
  const store = freshStore()
  await addArticle(store, 'sv-general-01', OLD)
  await translateAll(store, 'sv-general-01', SV)
  const units = await addArticle(store, 'sv-general-02', NEW)
  return { store, units }
}

describe('word analysis', () => {
  it('puts each unit in its band and adds up the words', async () => {
    const { store } = await setUp()
    const a = await analyseArticle(store, 'sv-general-02', 'sv')
    const band = Object.fromEntries(a.bands.map((b) => [b.band, [b.segments, b.words]]))
    expect(band).toEqual({
      repetitions: [1, 5],
      '101': [2, 11], // units 1 and 2: the same sentences with the same neighbours
      '100': [2, 11], // "Children …" and "Dogs …": same text, other neighbours
      '95-99': [1, 6], // auto-fixed 15 for 12
      '85-94': [1, 10], // one word of ten replaced: 90
      '75-84': [0, 0],
      '50-74': [0, 0],
      new: [1, 7],
    })
    expect(a.total).toMatchObject({ segments: 8, words: 50 })
    await store.close()
  })

  it('reads all as new (with repetitions) for a pair the memory has never seen', async () => {
    const { store } = await setUp()
    const a = await analyseArticle(store, 'sv-general-02', 'de')
    expect(a.memoryHasPair).toBe(false)
    expect(a.bands.find((b) => b.band === 'new')).toMatchObject({ segments: 7 })
    await store.close()
  })
})

describe('pre-translation', () => {
  it('fills untranslated units at or above --min through the write path, as translated by tm', async () => {
    const { store, units } = await setUp()
    const s = await pretranslate(store, 'sv-general-02', 'sv', { min: 99, as: 'eva' })
    expect(s).toMatchObject({ untranslated: 8, filled: 6, byScore: { 101: 2, 100: 3, 99: 1 }, author: 'tm:eva' })
    const ts = await store.listTranslations('sv-general-02', 'sv')
    expect(ts.map((t) => t.state)).toEqual(['translated', 'translated', 'translated', 'translated', 'translated', 'initial', 'initial', 'translated'])
    expect(ts[4]).toMatchObject({ text: 'Biljetter kostar 15 euro för vuxna.', version: 1, author: 'tm:eva' })
    const h = await store.history('sv-general-02', units[4]!.id, 'sv')
    expect(h).toEqual([expect.objectContaining({ version: 1, oldText: null, newState: 'translated', author: 'tm:eva' })])
    // Each filled unit's history says it came from the memory, and at which score.
    const origins = await Promise.all(
      units.map(async (u) => (await store.history('sv-general-02', u.id, 'sv'))[0]?.origin),
    )
    expect(origins).toEqual([
      { kind: 'memory', score: 101 },
      { kind: 'memory', score: 101 },
      { kind: 'memory', score: 100 },
      { kind: 'memory', score: 100 },
      { kind: 'memory', score: 99 },
      undefined,
      undefined,
      { kind: 'memory', score: 100 },
    ])
    // Run again: nothing left at that level, and nothing written twice.
    expect(await pretranslate(store, 'sv-general-02', 'sv', { min: 99 })).toMatchObject({ untranslated: 2, filled: 0 })
    expect(await store.history('sv-general-02', units[4]!.id, 'sv')).toHaveLength(1)
    await store.close()
  })

  it('defaults to 100 and leaves translated units alone; a dry run writes nothing', async () => {
    const { store, units } = await setUp()
    await store.writeTranslation({ articleId: 'sv-general-02', unitId: units[0]!.id, lang: 'sv', text: 'Egen.', state: 'reviewed', author: 'bo' })
    expect(await pretranslate(store, 'sv-general-02', 'sv', { dryRun: true })).toMatchObject({ untranslated: 7, filled: 4 })
    expect((await store.listTranslations('sv-general-02', 'sv')).filter((t) => t.version > 0)).toHaveLength(1)
    expect(await pretranslate(store, 'sv-general-02', 'sv')).toMatchObject({ filled: 4, author: 'tm' })
    expect((await store.getTranslation('sv-general-02', units[0]!.id, 'sv')).text).toBe('Egen.')
    await store.close()
  })

  it('refuses a language pair the memory has never seen, writing nothing', async () => {
    const { store } = await setUp()
    await expect(pretranslate(store, 'sv-general-02', 'de')).rejects.toThrow(NotFound)
    expect((await store.listTranslations('sv-general-02', 'de')).every((t) => t.version === 0)).toBe(true)
    await store.close()
  })
})
