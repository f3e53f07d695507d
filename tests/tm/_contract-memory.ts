/**
 * The translation memory's contract, run on every backend (memory-sqlite.test.ts,
 * memory-pg.test.ts): what `store.memory` answers must not depend on where it is kept.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InvalidInput, NotFound } from '../../src/model/errors.js'
import { sourceHash } from '../../src/store/sqlite/source-hash.js'
import type { MakeMemory, MemoryFixture } from './_memory-fixture.js'
import { EN, SV, TMX } from './_memory-data.js'
import { tempPath } from './_setup.js'

/** A TMX of units from (source, target) pairs, `src` → `tgt`. */
export function tmxOf(pairs: [string, string][], src = 'en', tgt = 'sv'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const tu = ([a, b]: [string, string]) =>
    `<tu><tuv xml:lang="${src}"><seg>${esc(a)}</seg></tuv><tuv xml:lang="${tgt}"><seg>${esc(b)}</seg></tuv></tu>\n`
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="${src}" datatype="plaintext"/><body>\n${pairs.map(tu).join('')}</body></tmx>\n`
}

export function writeFile(name: string, text: string | Buffer): string {
  const file = tempPath(name)
  fs.writeFileSync(file, text)
  return file
}

/** Register the memory contract for one backend. */
export function testMemory(make: MakeMemory): void {
  const withMemory = (f: (m: MemoryFixture) => Promise<void>) => async () => {
    const m = await make()
    try {
      await f(m)
    } finally {
      await m.close()
    }
  }
  const translated = async (m: MemoryFixture, id = 'sv-general-01', en = EN, sv = SV) => {
    const units = await m.addArticle(id, en)
    for (const [i, u] of units.entries()) await m.write(id, u, 'sv', sv[i]!, 'translated')
    return units
  }

  describe('memory: matches', () => {
    it('holds every translated unit and finds the same sentence as a 100 match', withMemory(async (m) => {
      await translated(m)
      const [hit] = await m.memory.matches({ text: 'The museum opens at nine.', srcLang: 'en', tgtLang: 'sv' })
      expect(hit).toMatchObject({ score: 100, autoFixed: false, target: SV[0] })
      expect(hit!.entry).toMatchObject({ origin: 'article', articleId: 'sv-general-01', tag: 'sv-general', author: 'anna' })
      expect(await m.memory.pairs()).toEqual([{ srcLang: 'en', tgtLang: 'sv', entries: 4 }])
    }))

    it('gives 101 when the neighbouring sentences match too', withMemory(async (m) => {
      await translated(m)
      const q = { text: EN[1]!, srcLang: 'en', tgtLang: 'sv', prevHash: sourceHash(EN[0]!), nextHash: sourceHash(EN[2]!) }
      expect((await m.memory.matches(q))[0]!.score).toBe(101)
      expect((await m.memory.matches({ ...q, prevHash: 'x' }))[0]!.score).toBe(100)
    }))

    it('ranks fuzzy matches, substitutes numbers and marks the differing words', withMemory(async (m) => {
      await translated(m)
      const [fixed] = await m.memory.matches({ text: 'Tickets cost 15 euros for adults.', srcLang: 'en', tgtLang: 'sv' })
      expect(fixed).toMatchObject({ score: 99, autoFixed: true, target: 'Biljetter kostar 15 euro för vuxna.' })
      const hits = await m.memory.matches({ text: 'The cafe on the top floor serves dinner until three.', srcLang: 'en', tgtLang: 'sv', threshold: 50 })
      expect(hits.map((h) => h.target)).toEqual([SV[3]])
      expect(hits[0]!.score).toBeLessThan(100)
      expect(hits[0]!.diff.some((d) => d.op === 'removed' && d.text.includes('lunch'))).toBe(true)
      expect(await m.memory.matches({ text: 'Nothing like it at all here.', srcLang: 'en', tgtLang: 'sv' })).toEqual([])
    }))

    it('refuses an empty text and a pair it has never seen', withMemory(async (m) => {
      await translated(m)
      await expect(m.memory.matches({ text: ' ', srcLang: 'en', tgtLang: 'sv' })).rejects.toThrow(InvalidInput)
      await expect(m.memory.matches({ text: 'The museum.', srcLang: 'en', tgtLang: 'fi' })).rejects.toThrow(NotFound)
    }))

    it('matchMany answers each query as matches does', withMemory(async (m) => {
      await translated(m)
      const queries = [...EN, 'Tickets cost 7 euros for children.', 'Something else entirely, friends.'].map((text) => ({ text, srcLang: 'en', tgtLang: 'sv', limit: 1 }))
      const many = await m.memory.matchMany(queries)
      const one = await Promise.all(queries.map((q) => m.memory.matches(q)))
      expect(many).toEqual(one)
      expect(many.map((r) => r[0]?.score ?? 0)).toEqual([100, 100, 100, 100, expect.any(Number), 0])
    }))

    it('matches sentences written without spaces by their characters', withMemory(async (m) => {
      const pairs: [string, string][] = [
        ['東京の博物館は九時に開きます。', 'The museum in Tokyo opens at nine.'],
        ['大阪の図書館は十時に閉まります。', 'The library in Osaka closes at ten.'],
      ]
      await m.memory.importTmx(writeFile('ja.tmx', tmxOf(pairs, 'ja', 'en')))
      const [hit] = await m.memory.matches({ text: '東京の博物館は十時に開きます。', srcLang: 'ja', tgtLang: 'en' })
      expect(hit?.target).toBe(pairs[0]![1])
      expect(hit!.score).toBeGreaterThanOrEqual(70)
    }))

    it('finds words as the word index folds them: accents, case, apostrophes', withMemory(async (m) => {
      const pairs: [string, string][] = [
        ["Don't leave the café before noon today.", 'Lämna inte kaféet före tolv i dag.'],
        ['Do not leave the office before noon today.', 'Lämna inte kontoret före tolv i dag.'],
      ]
      await m.memory.importTmx(writeFile('fold.tmx', tmxOf(pairs)))
      const hits = await m.memory.matches({ text: "DON'T leave the cafe before noon, today!", srcLang: 'en', tgtLang: 'sv', threshold: 50 })
      expect(hits[0]?.target).toBe(pairs[0]![1])
    }))
  })

  describe('memory: concordance', () => {
    it('finds a phrase in sources or targets, newest first, folding case and accents', withMemory(async (m) => {
      await translated(m)
      expect((await m.memory.search({ query: 'klockan', tgtLang: 'sv' })).map((h) => h.target)).toEqual([SV[3], SV[0]])
      expect((await m.memory.search({ query: 'CAFE on the', tgtLang: 'sv' })).map((h) => h.target)).toEqual([SV[3]])
      expect(await m.memory.search({ query: 'on the floor', tgtLang: 'sv' })).toEqual([])
      expect((await m.memory.search({ query: 'the', tgtLang: 'sv', limit: 1 })).length).toBe(1)
      expect((await m.memory.search({ query: 'the', tgtLang: 'sv', srcLang: 'de' }).catch((e: unknown) => e))).toBeInstanceOf(NotFound)
    }))

    it('shows a pair held twice once, as the workbench entry', withMemory(async (m) => {
      await m.memory.importTmx(writeFile('one.tmx', tmxOf([[EN[0]!, SV[0]!]])))
      await translated(m)
      const hits = await m.memory.search({ query: 'museum', tgtLang: 'sv' })
      expect(hits.map((h) => h.origin)).toEqual(['article'])
    }))

    it('refuses an empty or oversized search', withMemory(async (m) => {
      await translated(m)
      await expect(m.memory.search({ query: '  ', tgtLang: 'sv' })).rejects.toThrow(InvalidInput)
      await expect(m.memory.search({ query: 'x'.repeat(501), tgtLang: 'sv' })).rejects.toThrow(InvalidInput)
    }))
  })

  describe('memory: pairs', () => {
    it('counts entries per pair and says which pairs it holds', withMemory(async (m) => {
      expect(await m.memory.pairs()).toEqual([])
      expect(await m.memory.hasPair('sv')).toBe(false)
      await translated(m)
      expect(await m.memory.hasPair('sv')).toBe(true)
      expect(await m.memory.hasPair('sv', 'en')).toBe(true)
      expect(await m.memory.hasPair('sv', 'de')).toBe(false)
      expect(await m.memory.hasPair('de')).toBe(false)
    }))
  })

  describe('memory: following the history', () => {
    it('takes in writes before the next read, and leaves a translation taken back', withMemory(async (m) => {
      const [u] = await m.addArticle('en-news-01', ['The harbour opened at dawn.', 'Boats came in.'])
      await m.write('en-news-01', u!, 'sv', 'Hamnen öppnade i gryningen.', 'translated')
      expect(await m.memory.sync()).toBe(1)
      expect(await m.memory.sync()).toBe(0)
      await m.write('en-news-01', u!, 'sv', 'Hamnen öppnade vid gryning.', 'reviewed')
      const [hit] = await m.memory.matches({ text: 'The harbour opened at dawn.', srcLang: 'en', tgtLang: 'sv' })
      expect(hit?.target).toBe('Hamnen öppnade vid gryning.')
      await m.write('en-news-01', u!, 'sv', 'Hamnen öppnade.', 'translated')
      await m.write('en-news-01', u!, 'sv', '', 'initial')
      expect(await m.memory.sync()).toBe(2)
      expect(await m.memory.pairs()).toEqual([])
      expect(await m.memory.search({ query: 'harbour', tgtLang: 'sv' }).catch((e: unknown) => e)).toBeInstanceOf(NotFound)
    }))

    it('never takes a machine text nobody edited, and lets go of the human one it replaced', withMemory(async (m) => {
      const [u1, u2] = await m.addArticle('en-news-04', ['The bridge opened today.', 'The road is closed.'])
      await m.write('en-news-04', u1!, 'sv', 'Bron öppnade i dag.', 'translated', 'apertium')
      await m.write('en-news-04', u2!, 'sv', 'Vägen är stängd.', 'translated')
      expect((await m.memory.pairs())[0]?.entries).toBe(1)
      await m.write('en-news-04', u2!, 'sv', 'Vägen stängd.', 'translated', 'apertium')
      expect(await m.memory.pairs()).toEqual([])
    }))

    it('takes in a slice of the history at a time when asked to', withMemory(async (m) => {
      const units = await m.addArticle('en-news-03', ['One ship sailed.', 'Two ships sailed.', 'Three ships sailed.'])
      for (const [i, u] of units.entries()) await m.write('en-news-03', u, 'sv', `Skepp ${i}.`, 'translated')
      expect(await m.memory.sync(2)).toBe(2)
      expect(await m.memory.sync(2)).toBe(1)
      expect(await m.memory.sync(2)).toBe(0)
      expect((await m.memory.search({ query: 'Skepp', tgtLang: 'sv' })).length).toBe(3)
    }))
  })

  describe('memory: TMX', () => {
    it('imports every language pair of each unit, once', withMemory(async (m) => {
      const file = writeFile('a.tmx', TMX)
      expect(await m.memory.importTmx(file)).toEqual({ units: 3, added: 3, duplicates: 0, skipped: 1 })
      expect(await m.memory.importTmx(file)).toEqual({ units: 3, added: 0, duplicates: 3, skipped: 1 })
      expect(await m.memory.pairs()).toEqual([
        { srcLang: 'en-US', tgtLang: 'de-DE', entries: 1 },
        { srcLang: 'en-US', tgtLang: 'sv-SE', entries: 2 },
      ])
      const [hit] = await m.memory.matches({ text: 'Both parties sign & date it.', srcLang: 'en-US', tgtLang: 'sv-SE' })
      expect(hit).toMatchObject({ score: 100, target: 'Båda parter skriver under & daterar det.', entry: { origin: 'tmx' } })
      const [c] = await m.memory.search({ query: 'contract', tgtLang: 'sv-SE' })
      expect(c).toMatchObject({ tag: 'sv-legal', author: 'eva', updatedAt: '2024-01-02T03:04:05.000Z' })
      expect(c!.target).toBe('Avtalet upphör den ⟦1/⟧31 maj⟦2/⟧.')
    }))

    it('counts a pair the workbench already holds as a duplicate', withMemory(async (m) => {
      await translated(m)
      expect(await m.memory.importTmx(writeFile('held.tmx', tmxOf([[EN[0]!, SV[0]!], [EN[0]!, 'Annat.']]))))
        .toMatchObject({ added: 1, duplicates: 1 })
    }))

    it.each([
      ['not well-formed', TMX.replace('</tu>', '</tuv>')],
      ['not TMX', '<?xml version="1.0"?><xliff version="2.0"></xliff>'],
      ['empty', ''],
    ])('refuses a file that is %s, writing nothing', async (_what, text) => {
      await withMemory(async (m) => {
        await expect(m.memory.importTmx(writeFile('bad.tmx', text))).rejects.toThrow(InvalidInput)
        expect(await m.memory.pairs()).toEqual([])
      })()
    })

    it('exports the memory as TMX that imports back into another memory', withMemory(async (m) => {
      await m.addArticle('sv-general-01', ['Fish & chips <cost> 5 pounds.', 'Second "sentence" here.'])
        .then((units) => Promise.all(units.map((u, i) => m.write('sv-general-01', u, 'sv', ['Fisk & pommes <kostar> 5 pund.', 'Andra "meningen" här.'][i]!, 'translated'))))
      await m.memory.importTmx(writeFile('a.tmx', TMX))
      let tmx = ''
      for await (const piece of m.memory.exportTmx({ tgtLang: 'sv' })) tmx += piece
      expect(tmx).toContain('srclang="en"')
      expect(tmx).toContain('<seg>Fisk &amp; pommes &lt;kostar&gt; 5 pund.</seg>')
      expect(tmx).toContain('<prop type="x-tolk-tag">sv-general</prop>')
      expect(tmx).not.toContain('sv-SE')
      let all = ''
      for await (const piece of m.memory.exportTmx()) all += piece
      expect(all).toContain('srclang="*all*"')
      const other = await make()
      try {
        expect(await other.memory.importTmx(writeFile('out.tmx', tmx))).toMatchObject({ units: 2, added: 2 })
        const [hit] = await other.memory.matches({ text: 'Second "sentence" here.', srcLang: 'en', tgtLang: 'sv' })
        expect(hit).toMatchObject({ score: 100, target: 'Andra "meningen" här.', entry: { tag: 'sv-general', author: 'anna' } })
      } finally {
        await other.close()
      }
    }))
  })
}
