/**
 * #23 findings 5–7: memories from the real world. A TMX as SDL Trados Studio writes it: regional
 * tags in any case (`EN-US`, `de-DE`), Trados's own `ZH-CHS`/`ZH-CHT`, a `<tuv>` tagged `*all*`
 * or with a tag no language has. Regions match across (one point lower, the match naming the
 * entry's regions); `--map` folds them at import; unusable units are skipped and counted; an
 * export refuses a character XML cannot carry.
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { InvalidInput } from '../../src/model/errors.js'
import { runCli, seededDb } from '../cli/run-cli.js'
import { freshStore, tempPath, writeTemp } from './_setup.js'

const TRADOS = `<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="EN-US" srclang="EN-US">
    <prop type="x-Recognizers">RecognizeAll</prop>
  </header>
  <body>
    <tu creationdate="20240312T101112Z" creationid="GLOBAL\\\\anna" changedate="20240312T101112Z" changeid="GLOBAL\\\\anna" lastusagedate="20240401T080000Z">
      <prop type="x-Domain:SinglePicklist">News</prop>
      <tuv xml:lang="EN-US"><seg>The river rose by two metres overnight.</seg></tuv>
      <tuv xml:lang="DE-DE"><seg>Der Fluss stieg über Nacht um zwei Meter.</seg></tuv>
    </tu>
    <tu creationdate="20240312T101300Z" creationid="GLOBAL\\\\anna">
      <tuv xml:lang="EN-US"><seg>Schools closed early.</seg></tuv>
      <tuv xml:lang="ZH-CHS"><seg>学校提前关闭。</seg></tuv>
      <tuv xml:lang="ZH-CHT"><seg>學校提前關閉。</seg></tuv>
    </tu>
    <tu creationdate="20240312T101400Z">
      <tuv xml:lang="*all*"><seg>Rain is expected until Friday.</seg></tuv>
      <tuv xml:lang="DE-DE"><seg>Regen wird bis Freitag erwartet.</seg></tuv>
    </tu>
    <tu creationdate="20240312T101500Z">
      <tuv xml:lang="EN-US"><seg>Nobody was hurt.</seg></tuv>
      <tuv xml:lang="x-klingon-9"><seg>Nobody was hurt, in Klingon.</seg></tuv>
    </tu>
  </body>
</tmx>
`

const write = writeTemp

describe('TMX language tags as Trados writes them', () => {
  it('reads ZH-CHS and ZH-CHT as zh-Hans and zh-Hant, and skips and counts units with a tag it cannot use', async () => {
    const store = freshStore()
    const s = await store.memory.importTmx(write('trados.tmx', TRADOS))
    // *all* in a <tuv> and a tag no language has: those two units are skipped, the others read.
    expect(s).toEqual({ units: 4, added: 3, duplicates: 0, skipped: 2 })
    expect(await store.memory.pairs()).toEqual([
      { srcLang: 'en-US', tgtLang: 'de-DE', entries: 1 },
      { srcLang: 'en-US', tgtLang: 'zh-Hans', entries: 1 },
      { srcLang: 'en-US', tgtLang: 'zh-Hant', entries: 1 },
    ])
    await store.close()
  })

  it('fails the whole file only when no unit is usable', async () => {
    const store = freshStore()
    const none = TRADOS.replace(/<tu creationdate="20240312T1011[\s\S]*?<\/tu>\n/, '')
      .replace(/<tu creationdate="20240312T1013[\s\S]*?<\/tu>\n/, '')
    const file = write('none.tmx', none)
    await expect(store.memory.importTmx(file)).rejects.toThrow(InvalidInput)
    await expect(store.memory.importTmx(file)).rejects.toThrow(/no unit .*usable.*\*all\*/)
    expect(await store.memory.pairs()).toEqual([])
    await store.close()
  })
})

describe('regions', () => {
  async function memoryWith(tmx: string) {
    const store = freshStore()
    await store.memory.importTmx(write('m.tmx', tmx))
    return store
  }

  it('matches an en → de segment from an en-US → de-DE memory, one point lower, naming the regions', async () => {
    const store = await memoryWith(TRADOS)
    const [m] = await store.memory.matches({ text: 'The river rose by two metres overnight.', srcLang: 'en', tgtLang: 'de' })
    expect(m).toMatchObject({ score: 99, target: 'Der Fluss stieg über Nacht um zwei Meter.', regions: { source: 'en-US', target: 'de-DE' } })
    // A fuzzy match is one point lower too.
    const [f] = await store.memory.matches({ text: 'The river rose by three metres overnight.', srcLang: 'en', tgtLang: 'de' })
    const [same] = await store.memory.matches({ text: 'The river rose by three metres overnight.', srcLang: 'en-US', tgtLang: 'de-DE' })
    expect(same!.regions).toBeUndefined()
    expect(f!.score).toBe(same!.score - 1)
    await store.close()
  })

  it('ranks the exact tag first, and never matches another script', async () => {
    const exactToo = TRADOS.replace(
      '  </body>',
      `    <tu srclang="en"><tuv xml:lang="en"><seg>The river rose by two metres overnight.</seg></tuv><tuv xml:lang="de"><seg>Der Fluss ist über Nacht zwei Meter gestiegen.</seg></tuv></tu>
  </body>`,
    )
    const store = await memoryWith(exactToo)
    const ms = await store.memory.matches({ text: 'The river rose by two metres overnight.', srcLang: 'en', tgtLang: 'de' })
    expect(ms.map((m) => [m.score, m.regions])).toEqual([
      [100, undefined],
      [99, { source: 'en-US', target: 'de-DE' }],
    ])
    const [hans] = await store.memory.matches({ text: 'Schools closed early.', srcLang: 'en', tgtLang: 'zh-Hans' })
    expect(hans).toMatchObject({ score: 99, target: '学校提前关闭。' })
    await expect(store.memory.matches({ text: 'Schools closed early.', srcLang: 'en', tgtLang: 'zh' })).resolves.toEqual([])
    await store.close()
  })
})

describe('tolk tm import --map and tm export', () => {
  it('folds regions at import with --map en-US=en', async () => {
    const db = await seededDb(tempPath('map.sqlite'))
    const file = write('map.tmx', TRADOS)
    const r = runCli(['tm', 'import', file, '--map', 'en-US=en', '--map', 'de-DE=de', '--db', db])
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/4 units read, 3 entries added, 0 already held, 2 units skipped/)
    const pairs = runCli(['tm', 'pairs', '--db', db]).stdout
    expect(pairs).toMatch(/^en → de\t1$/m)
    expect(pairs).toMatch(/^en → zh-Hans\t1$/m)
    const bad = runCli(['tm', 'import', file, '--map', 'en-US', '--db', db])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--map takes FROM=TO/)
  })

  it('refuses to export a character XML cannot carry, naming the entry and the character, writing nothing', async () => {
    const db = await seededDb(tempPath('export.sqlite'))
    expect(runCli(['tm', 'import', write('ok.tmx', TRADOS), '--db', db]).status).toBe(0)
    // An entry stored before the text rule kept such characters out.
    const raw = new Database(db)
    raw.prepare("UPDATE tm_entries SET target = target || char(65535) WHERE tgt_lang = 'de-DE'").run()
    const id = raw.prepare<[], number>("SELECT id FROM tm_entries WHERE tgt_lang = 'de-DE'").pluck().get()
    raw.close()
    const out = tempPath('out.tmx')
    for (const args of [['--output', out], []]) {
      const r = runCli(['tm', 'export', ...args, '--db', db])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`entry ${id} .*U\\+FFFF`))
      expect(r.stdout).toBe('')
    }
    expect(fs.existsSync(out)).toBe(false)
  })
})


