import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { addArticle, tempPath } from './_setup.js'

/** Memory rows of one unit and language, read straight from the file by a second connection. */
function memoryRows(file: string, unitId: string): { target: string }[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT target FROM tm_entries WHERE unit_id = ? AND tgt_lang = ?').all(unitId, 'sv') as { target: string }[]
  } finally {
    db.close()
  }
}

it('leaves the memory out of the write and takes the write in before the next read', async () => {
  const file = tempPath('sync.sqlite')
  const store = createSqliteStore({ file })
  const [unit] = await addArticle(store, 'en-news-01', ['The harbour opened at dawn.', 'Boats came in.'])
  const write = { articleId: 'en-news-01', unitId: unit!.id, lang: 'sv', author: 'anna' } as const

  await store.writeTranslation({ ...write, text: 'Hamnen öppnade i gryningen.', state: 'translated' })
  expect(memoryRows(file, unit!.id)).toEqual([])

  const [match] = await store.memory.matches({ text: 'The harbour opened at dawn.', srcLang: 'en', tgtLang: 'sv' })
  expect(match?.target).toBe('Hamnen öppnade i gryningen.')
  expect(memoryRows(file, unit!.id)).toEqual([{ target: 'Hamnen öppnade i gryningen.' }])

  await store.writeTranslation({ ...write, text: 'Hamnen öppnade vid gryning.', state: 'reviewed' })
  await store.writeTranslation({ ...write, text: '', state: 'initial' })
  expect(await store.memory.sync()).toBe(2)
  expect(memoryRows(file, unit!.id)).toEqual([])
  expect(await store.memory.sync()).toBe(0)
  await store.close()
})

it('catches up after a restart with writes the memory never saw', async () => {
  const file = tempPath('restart.sqlite')
  const first = createSqliteStore({ file })
  const [unit] = await addArticle(first, 'en-news-02', ['Snow fell on the town.'])
  await first.writeTranslation({ articleId: 'en-news-02', unitId: unit!.id, lang: 'sv', text: 'Snö föll över staden.', state: 'final', author: 'anna' })
  await first.close()

  const second = createSqliteStore({ file })
  const hits = await second.memory.search({ query: 'staden', tgtLang: 'sv' })
  expect(hits.map((h) => h.target)).toEqual(['Snö föll över staden.'])
  await second.close()
})

it('takes in a slice of the history at a time when asked to', async () => {
  const store = createSqliteStore({ file: tempPath('slices.sqlite') })
  const units = await addArticle(store, 'en-news-03', ['One ship sailed.', 'Two ships sailed.', 'Three ships sailed.'])
  for (const [i, u] of units.entries()) {
    await store.writeTranslation({ articleId: 'en-news-03', unitId: u.id, lang: 'sv', text: `Skepp ${i}.`, state: 'translated', author: 'anna' })
  }
  expect(await store.memory.sync(2)).toBe(2)
  expect(await store.memory.sync(2)).toBe(1)
  expect(await store.memory.sync(2)).toBe(0)
  expect((await store.memory.search({ query: 'Skepp', tgtLang: 'sv' })).length).toBe(3)
  await store.close()
})
