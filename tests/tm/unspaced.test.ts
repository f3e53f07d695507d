import fs from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { analyseArticle } from '../../src/tm/analyse.js'
import { tokenize } from '../../src/tm/tokens.js'
import { freshStore, tempPath } from './_setup.js'

/** A TMX of (source language, source, Swedish) units. */
function tmx(units: [string, string, string][]): string {
  const tu = ([lang, src, sv]: [string, string, string]) =>
    `<tu><tuv xml:lang="${lang}"><seg>${src}</seg></tuv><tuv xml:lang="sv"><seg>${sv}</seg></tuv></tu>\n`
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="*all*" datatype="plaintext"/><body>\n${units.map(tu).join('')}</body></tmx>\n`
}

const UNITS: [string, string, string][] = [
  ['zh', '今天天气很好，我们去公园散步。', 'Vädret är fint i dag, vi tar en promenad i parken.'],
  ['zh', '会议将在下午三点开始。', 'Mötet börjar klockan tre på eftermiddagen.'],
  ['zh', '请把窗户关上。', 'Stäng fönstret, tack.'],
  ['ja', '東京駅で友達に会いました。', 'Jag träffade en vän på Tokyo station.'],
  ['ja', '明日は雨が降るでしょう。', 'I morgon blir det nog regn.'],
  ['th', 'วันนี้อากาศดีมาก', 'Vädret är mycket fint i dag.'],
  ['th', 'ร้านอาหารปิดวันจันทร์', 'Restaurangen har stängt på måndagar.'],
]

describe('languages written without spaces', () => {
  it('compares them character by character, keeping combining marks with their letter', () => {
    expect(tokenize('我们去公园。').map((t) => t.text)).toEqual(['我', '们', '去', '公', '园', '。'])
    expect(tokenize('ดีมาก').map((t) => t.text)).toEqual(['ดี', 'ม', 'า', 'ก'])
    // Words of spaced languages stay whole, also next to an unspaced name.
    expect(tokenize('Meet 王明 today').map((t) => t.text)).toEqual(['Meet', '王', '明', 'today'])
  })

  it('gives fuzzy matches in Chinese, Japanese and Thai, with the changed characters marked', async () => {
    const store = freshStore()
    const file = tempPath('unspaced.tmx')
    fs.writeFileSync(file, tmx(UNITS))
    await store.memory.importTmx(file)
    const best = async (text: string, srcLang: string) =>
      (await store.memory.matches({ text, srcLang, tgtLang: 'sv' }))[0]
    const zh = await best('今天天气很好，我们去海边散步。', 'zh')
    expect(zh).toMatchObject({ target: UNITS[0]![2] })
    expect(zh!.score).toBeGreaterThanOrEqual(80)
    expect(zh!.score).toBeLessThan(99)
    expect(zh!.diff).toContainEqual({ op: 'removed', text: '公园' })
    expect(zh!.diff).toContainEqual({ op: 'added', text: '海边' })
    const ja = await best('東京駅で先生に会いました。', 'ja')
    expect(ja).toMatchObject({ target: UNITS[3]![2] })
    expect(ja!.score).toBeGreaterThanOrEqual(75)
    const th = await best('วันนี้อากาศดีจัง', 'th')
    expect(th).toMatchObject({ target: UNITS[5]![2] })
    expect(th!.score).toBeGreaterThanOrEqual(70)
    // Nothing alike: nothing found.
    expect(await store.memory.matches({ text: '猫在睡觉。', srcLang: 'zh', tgtLang: 'sv' })).toEqual([])
    await store.close()
  })

  it('indexes the entries a memory of schema 7 already holds when it is opened by this version', async () => {
    const db = tempPath('old.sqlite')
    const store = createSqliteStore({ file: db })
    const file = tempPath('unspaced.tmx')
    fs.writeFileSync(file, tmx(UNITS))
    await store.memory.importTmx(file)
    await store.close()
    // A database of schema 7 (before the trigram index), built by the migrations up to 7 and
    // holding the entries the import above made; opening it with this version must index them.
    const current = new Database(db, { readonly: true })
    const entries = current.prepare('SELECT * FROM tm_entries').all()
    current.close()
    expect(entries.length).toBe(UNITS.length)
    const oldDb = tempPath('schema7.sqlite')
    const raw = new Database(oldDb)
    for (const m of MIGRATIONS.filter((m) => m.version <= 7)) raw.exec(m.sql)
    raw.pragma('user_version = 7')
    const insert = raw.prepare(
      `INSERT INTO tm_entries (${Object.keys(entries[0] as object).join(', ')})
       VALUES (${Object.keys(entries[0] as object).map((k) => '@' + k).join(', ')})`,
    )
    for (const e of entries) insert.run(e)
    raw.close()
    const reopened = createSqliteStore({ file: oldDb })
    const [m] = await reopened.memory.matches({ text: '请把窗户关好。', srcLang: 'zh', tgtLang: 'sv' })
    expect(m).toMatchObject({ target: 'Stäng fönstret, tack.' })
    await reopened.close()
  })

  it('puts a Chinese sentence near a memory entry in a fuzzy band of the analysis', async () => {
    const store = freshStore()
    const file = tempPath('unspaced.tmx')
    fs.writeFileSync(file, tmx(UNITS))
    await store.memory.importTmx(file)
    await importText(store, {
      id: 'zh-general-01',
      tag: 'zh-general',
      lang: 'zh',
      targets: ['sv'],
      text: '会议将在下午四点开始。\n\n猫在睡觉。\n',
    })
    const a = await analyseArticle(store, 'zh-general-01', 'sv')
    const segments = Object.fromEntries(a.bands.map((b) => [b.band, b.segments]))
    expect(segments).toMatchObject({ '85-94': 1, new: 1 })
    await store.close()
  })
})
