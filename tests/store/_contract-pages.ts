import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvalidInput, NotFound } from '../../src/model/errors.js'
import type { HistoryEntry, State, Translation } from '../../src/model/translation.js'
import { type Store, type UnitPageQuery, type UnitPageRow, UNIT_PAGE_SCAN } from '../../src/store/types.js'
import { SAMPLE, article } from './fixtures/articles.js'

/** `n` one-sentence paragraphs: an article of `n` units. */
export function manySentences(n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(`Sentence number ${i} of the long article.`)
  return `${out.join('\n\n')}\n`
}

/** Every page of a query, following `next`; with `before`, from the end backwards. */
export async function allPages(store: Store, id: string, q: Omit<UnitPageQuery, 'after' | 'before'>, back = false) {
  const pages: UnitPageRow[][] = []
  let at: number | null = back ? 2 ** 31 : 0
  for (let guard = 0; at !== null && guard < 10_000; guard++) {
    const page = await store.unitPage(id, back ? { ...q, before: at } : { ...q, after: at })
    expect(page.rows.length).toBeLessThanOrEqual(q.limit)
    pages.push(page.rows)
    at = page.next
  }
  return back ? pages.reverse().flat() : pages.flat()
}

const matches = (state: State | 'stale', t: Translation | undefined) =>
  t !== undefined && (state === 'stale' ? t.stale : t.state === state)

/**
 * The paged reads every Store must give: unit pages by position (keyset, filters, both
 * directions) and history pages. `store()` is the test's fresh store.
 */
export function testPages(store: () => Store): void {
  const ID = 'en-general-01'
  const importSample = () => store().importArticle(article(ID, SAMPLE, { targets: ['sv', 'de'] }))
  const write = (unitId: string, text: string, state: State = 'translated', lang = 'sv', id = ID) =>
    store().writeTranslation({ articleId: id, unitId, lang, text, state, author: 'ann' })

  describe('unit pages', () => {
    it('pages through the live units in position order, with the article and no source text', async () => {
      await importSample()
      const units = await store().listUnits(ID)
      const first = await store().unitPage(ID, { limit: 4 })
      expect(first.article).toMatchObject({ id: ID, targets: ['sv', 'de'], units: 6 })
      expect(first.article).not.toHaveProperty('source')
      expect(first.rows.map((r) => r.unit)).toEqual(units.slice(0, 4))
      expect(first.rows.every((r) => r.translation === undefined)).toBe(true)
      expect(first.next).toBe(4)
      const second = await store().unitPage(ID, { limit: 4, after: 4 })
      expect(second.rows.map((r) => r.unit)).toEqual(units.slice(4))
      expect(second.next).toBeNull()
      // A page that ends exactly at the last unit says so.
      expect((await store().unitPage(ID, { limit: 6 })).next).toBeNull()
      expect((await store().unitPage(ID, { limit: 2, after: 6 })).rows).toEqual([])
    })

    it('joins one language: written translations as they are, the others as version 0', async () => {
      await importSample()
      const ids = (await store().listUnits(ID)).map((u) => u.id)
      await write(ids[1]!, 'Floden rinner.')
      const page = await store().unitPage(ID, { lang: 'sv', limit: 10 })
      expect(page.rows.map((r) => r.translation)).toEqual(await store().listTranslations(ID, 'sv'))
      expect(page.rows[1]?.translation).toMatchObject({ text: 'Floden rinner.', version: 1, author: 'ann', state: 'translated' })
      expect(page.rows[0]?.translation).toMatchObject({ version: 0, state: 'initial', text: '' })
    })

    it('filters by state and by stale, leaving out obsolete units', async () => {
      await importSample()
      const ids = (await store().listUnits(ID)).map((u) => u.id)
      await write(ids[1]!, 'Floden.', 'reviewed')
      await write(ids[2]!, 'Barn badar!')
      await write(ids[3]!, 'Vem?')
      await store().importArticle(article(ID, SAMPLE.replace('Children swim there in summer!', 'Children swim here!').replace(' Who built the mill?', '')))
      const sv = { lang: 'sv', limit: 10 }
      const of = async (state: State | 'stale') => (await store().unitPage(ID, { ...sv, state })).rows.map((r) => r.unit.id)
      expect(await of('reviewed')).toEqual([ids[1]])
      expect(await of('translated')).toEqual([ids[2]])
      expect(await of('stale')).toEqual([ids[2]])
      expect(await of('final')).toEqual([])
      const live = (await store().listUnits(ID)).map((u) => u.id)
      expect(await of('initial')).toEqual(live.filter((id) => id !== ids[1] && id !== ids[2]))
      expect(live).not.toContain(ids[3])
      expect((await store().unitPage(ID, sv)).rows.map((r) => r.unit.id)).toEqual(live)
    })

    it('reads backwards with `before`, each page still in position order', async () => {
      await importSample()
      const units = await store().listUnits(ID)
      const last = await store().unitPage(ID, { limit: 4, before: 7 })
      expect(last.rows.map((r) => r.unit.position)).toEqual([3, 4, 5, 6])
      expect(last.next).toBe(3)
      const first = await store().unitPage(ID, { limit: 4, before: 3 })
      expect(first.rows.map((r) => r.unit.position)).toEqual([1, 2])
      expect(first.next).toBeNull()
      expect((await allPages(store(), ID, { limit: 4 }, true)).map((r) => r.unit)).toEqual(units)
    })

    it('refuses bad queries and unknown articles', async () => {
      await importSample()
      for (const limit of [0, -1, 1001, 1.5, Number.NaN]) {
        await expect(store().unitPage(ID, { limit })).rejects.toBeInstanceOf(InvalidInput)
      }
      await expect(store().unitPage(ID, { limit: 5, state: 'final' })).rejects.toBeInstanceOf(InvalidInput)
      await expect(store().unitPage(ID, { limit: 5, lang: 'sv', state: 'nope' as State })).rejects.toBeInstanceOf(InvalidInput)
      await expect(store().unitPage(ID, { limit: 5, after: 1, before: 4 })).rejects.toBeInstanceOf(InvalidInput)
      await expect(store().unitPage(ID, { limit: 5, after: -1 })).rejects.toBeInstanceOf(InvalidInput)
      await expect(store().unitPage('nope-01', { limit: 5 })).rejects.toBeInstanceOf(NotFound)
    })

    it('examines at most UNIT_PAGE_SCAN units for a filtered page, and says where to go on', async () => {
      const n = UNIT_PAGE_SCAN + 300
      await store().importArticle(article('en-long-01', manySentences(n), { targets: ['sv'] }))
      const units = await store().listUnits('en-long-01')
      const last = units.at(-1)!
      await write(last.id, 'Sist.', 'final', 'sv', 'en-long-01')
      const first = await store().unitPage('en-long-01', { lang: 'sv', state: 'final', limit: 50 })
      expect(first.rows).toEqual([])
      expect(first.next).toBe(UNIT_PAGE_SCAN)
      const second = await store().unitPage('en-long-01', { lang: 'sv', state: 'final', limit: 50, after: first.next! })
      expect(second.rows.map((r) => r.unit.id)).toEqual([last.id])
      expect(second.next).toBeNull()
      // Unfiltered pages are not cut short.
      expect((await store().unitPage('en-long-01', { limit: 1000, after: 4900 })).rows).toHaveLength(400)
    })

    it('gives the same units as the whole listing, for any page size, filter and direction', async () => {
      await importSample()
      const ids = (await store().listUnits(ID)).map((u) => u.id)
      const states: State[] = ['initial', 'translated', 'reviewed', 'final']
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(ids.length - 1), fc.constantFrom(...states)), { maxLength: 8 }),
          fc.integer({ min: 1, max: 7 }),
          fc.constantFrom<State | 'stale' | undefined>(undefined, 'stale', ...states),
          fc.boolean(),
          async (writes, limit, state, back) => {
            for (const [i, s] of writes) await write(ids[i]!, s === 'initial' ? '' : `t${i}`, s, 'de')
            const units = await store().listUnits(ID)
            const byUnit = new Map((await store().listTranslations(ID, 'de')).map((t) => [t.unitId, t]))
            const want = units.filter((u) => state === undefined || matches(state, byUnit.get(u.id)))
            const got = await allPages(store(), ID, { lang: 'de', limit, ...(state ? { state } : {}) }, back)
            expect(got.map((r) => r.unit)).toEqual(want)
            expect(got.map((r) => r.translation)).toEqual(want.map((u) => byUnit.get(u.id)))
          },
        ),
        { numRuns: 40 },
      )
    })

    it('leaves plural forms a language lacks without a translation, and out of filters and own units', async () => {
      await store().resourceSets.addMissing({
        namespace: 'app',
        lang: 'en',
        keys: [['title', 'Tolk'], ['items_one', 'one item'], ['items_other', '{{count}} items']],
        targets: ['ja', 'ru'],
      })
      const units = await store().listUnits('app')
      const one = units.find((u) => u.plural === 'one')!
      const ja = await store().unitPage('app', { lang: 'ja', limit: 50 })
      expect(ja.rows.find((r) => r.unit.id === one.id)?.translation).toBeUndefined()
      expect(ja.rows.filter((r) => r.translation).map((r) => r.translation)).toEqual(await store().listTranslations('app', 'ja'))
      const own = await store().unitPage('app', { lang: 'ja', ownOnly: true, limit: 50 })
      expect(own.rows.map((r) => r.unit.id)).not.toContain(one.id)
      expect(own.rows).toHaveLength(units.length - units.filter((u) => u.plural && u.plural !== 'other').length)
      const initial = await store().unitPage('app', { lang: 'ja', state: 'initial', limit: 50 })
      expect(initial.rows.map((r) => r.unit.id)).not.toContain(one.id)
      expect((await store().unitPage('app', { lang: 'ru', ownOnly: true, limit: 50 })).rows.map((r) => r.unit.id)).toContain(one.id)
    })

    it('reads one unit by id, obsolete ones too', async () => {
      await importSample()
      const units = await store().listUnits(ID)
      expect(await store().getUnit(ID, units[2]!.id)).toEqual(units[2])
      expect(await store().getUnit(ID, 'en-general-01-nope')).toBeUndefined()
      await expect(store().getUnit('nope-01', units[2]!.id)).rejects.toBeInstanceOf(NotFound)
      await store().importArticle(article(ID, SAMPLE.replace(' Who built the mill?', '')))
      const gone = (await store().listUnits(ID, { includeObsolete: true })).find((u) => u.obsolete)!
      expect(await store().getUnit(ID, gone.id)).toEqual(gone)
    })
  })

  describe('pending lists a stretch at a time', () => {
    it('gives, stretch after stretch, exactly the lists of the whole article', async () => {
      await importSample()
      const ids = (await store().listUnits(ID)).map((u) => u.id)
      await write(ids[1]!, 'Floden.', 'reviewed')
      await write(ids[2]!, 'Barn badar!')
      await write(ids[4]!, 'Ingen minns.', 'initial')
      await store().importArticle(article(ID, SAMPLE.replace('Children swim there in summer!', 'Children swim here!')))
      const [whole] = await store().pendingUnitsJson(ID, ['sv'])
      expect(whole!.stale).not.toBe('')
      for (const stretch of [1, 2, 4, 100]) {
        for (const list of ['untranslated', 'stale'] as const) {
          const parts: string[] = []
          let after: number | null = 0
          let pages = 0
          while (after !== null) {
            const page: { json: string; next: number | null } = await store().pendingUnitsJsonPage(ID, 'sv', list, after, stretch)
            if (page.json !== '') parts.push(page.json)
            after = page.next
            pages++
          }
          expect(parts.join(','), `${list} by ${stretch}`).toBe(whole![list])
          expect(pages).toBeLessThanOrEqual(Math.floor(6 / stretch) + 1)
        }
      }
      await expect(store().pendingUnitsJsonPage('nope-01', 'sv', 'stale', 0, 5)).rejects.toBeInstanceOf(NotFound)
    })
  })

  describe('history pages', () => {
    it('steps back from the newest entries, each page oldest first, until next is null', async () => {
      await importSample()
      const [u] = (await store().listUnits(ID)).map((x) => x.id)
      for (let i = 1; i <= 7; i++) await write(u!, `sv ${i}`)
      for (let i = 1; i <= 3; i++) await write(u!, `de ${i}`, 'translated', 'de')
      await write(u!, 'sv 8')
      const whole = await store().history(ID, u!)
      const read = async (lang?: string, limit = 3) => {
        const pages: HistoryEntry[][] = []
        let cursor: string | null | undefined
        do {
          const page = await store().historyPage(ID, u!, { limit, ...(lang ? { lang } : {}), ...(cursor ? { cursor } : {}) })
          expect(page.entries.length).toBeLessThanOrEqual(limit)
          pages.push(page.entries)
          cursor = page.next
        } while (cursor !== null)
        return pages
      }
      const pages = await read()
      expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 2])
      expect(pages.reverse().flat()).toEqual(whole)
      expect((await read('sv', 100)).flat()).toEqual(whole.filter((e) => e.lang === 'sv'))
      expect((await read('de', 2)).reverse().flat()).toEqual(whole.filter((e) => e.lang === 'de'))
      // The newest page first: the last write leads off the answer's end.
      const first = await store().historyPage(ID, u!, { limit: 2 })
      expect(first.entries.map((e) => e.newText)).toEqual(['de 3', 'sv 8'])
      // A history that fits one page is the whole history, oldest first, with no next.
      expect(await store().historyPage(ID, u!, { limit: 100 })).toEqual({ entries: whole, next: null })
    })

    it('reads nothing of another unit through a made-up cursor, and refuses a malformed one', async () => {
      await importSample()
      const [a, b] = (await store().listUnits(ID)).map((x) => x.id)
      for (let i = 1; i <= 3; i++) await write(a!, `a ${i}`)
      await write(b!, 'b 1')
      const page = await store().historyPage(ID, a!, { limit: 1 })
      expect(page.next).toMatch(/^sv:\d+$/)
      expect((await store().historyPage(ID, b!, { limit: 10, cursor: page.next! })).entries).toEqual([])
      for (const cursor of ['', 'sv', 'sv:x', 'sv:1;de:2', `sv:${'9'.repeat(20)}`]) {
        await expect(store().historyPage(ID, a!, { limit: 10, cursor })).rejects.toBeInstanceOf(InvalidInput)
      }
      await expect(store().historyPage(ID, a!, { limit: 0 })).rejects.toBeInstanceOf(InvalidInput)
      await expect(store().historyPage(ID, 'nope', { limit: 10 })).rejects.toBeInstanceOf(NotFound)
      await expect(store().historyPage('nope-01', a!, { limit: 10 })).rejects.toBeInstanceOf(NotFound)
    })
  })
}
