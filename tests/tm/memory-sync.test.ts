import fs from 'node:fs'
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

/** A TMX of en→sv units from (source, target) pairs. */
function tmx(pairs: [string, string][]): string {
  const tu = ([en, sv]: [string, string]) =>
    `<tu><tuv xml:lang="en"><seg>${en}</seg></tuv><tuv xml:lang="sv"><seg>${sv}</seg></tuv></tu>\n`
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>\n${pairs.map(tu).join('')}</body></tmx>\n`
}

it('finds entries added after a query read the common words, by this connection or another', async () => {
  const file = tempPath('tolk.sqlite')
  const store = createSqliteStore({ file })
  // 3,000 entries made of common words and a name of their own: the lists of "the", "harbour",
  // "report", "is" are 3,000 long, those of "ready" and "today" 1,500, long enough to be kept.
  const name = (i: number) => `q${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26) % 26, 97 + Math.floor(i / 676))}`
  const reports: [string, string][] = []
  for (let i = 0; i < 1500; i++) {
    reports.push([`The harbour report ${name(i)} is ready.`, `Rapport ${name(i)} klar.`])
    reports.push([`The harbour report ${name(i)} is today.`, `Rapport ${name(i)} i dag.`])
  }
  const write = (pairs: [string, string][]) => {
    const f = tempPath('memory.tmx')
    fs.writeFileSync(f, tmx(pairs))
    return f
  }
  await store.memory.importTmx(write(reports))
  const ask = async (text: string) =>
    (await store.memory.matches({ text, srcLang: 'en', tgtLang: 'sv' })).map((m) => m.target)
  // Every entry is three words away from these: below 70, nothing found.
  expect(await ask('The harbour report is ready today soon.')).toEqual([])
  expect(await ask('Today the harbour report is ready soon.')).toEqual([])
  // Another connection adds an entry made of the common words only…
  const other = createSqliteStore({ file })
  await other.memory.importTmx(write([['The harbour report is ready today.', 'Rapporten är klar i dag.']]))
  await other.close()
  expect(await ask('The harbour report is ready today soon.')).toEqual(['Rapporten är klar i dag.'])
  // …and this store takes in a translation written through it.
  const [unit] = await addArticle(store, 'sv-general-09', ['Today the harbour report is ready.'])
  await store.writeTranslation({ articleId: 'sv-general-09', unitId: unit!.id, lang: 'sv', text: 'I dag är rapporten klar.', state: 'translated', author: 'anna' })
  expect((await ask('Today the harbour report is ready soon.'))[0]).toBe('I dag är rapporten klar.')
  await store.close()
})
