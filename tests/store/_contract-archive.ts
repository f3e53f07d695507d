import { describe, expect, it } from 'vitest'
import { Archived, NotFound } from '../../src/model/errors.js'
import type { Store } from '../../src/store/types.js'
import { tally, zeroCounts } from './_recount.js'
import { thrown } from './_thrown.js'
import { SAMPLE, article } from './fixtures/articles.js'

const ID = 'en-general-01'
const OTHER = 'en-general-02'

/** Everything a client can read of one article through the Store, for before/after comparisons. */
async function snapshot(store: Store, id: string) {
  const a = (await store.getArticle(id))!
  const units = await store.listUnits(id, { includeObsolete: true })
  const translations = await Promise.all(a.targets.map((l) => store.listTranslations(id, l)))
  const history = await Promise.all(units.map((u) => store.history(id, u.id)))
  return {
    article: a,
    units,
    translations,
    history,
    coverage: await store.coverage({ articles: [id] }),
    sheet: await store.articleCoverage({ articles: [id] }),
    pending: await store.pendingUnitsJson(id, a.targets),
  }
}

/** Coverage recounted from units and translations, the slow obvious way. */
async function recount(store: Store, id: string) {
  const a = (await store.getArticle(id))!
  const units = await store.listUnits(id)
  return Promise.all(
    a.targets.map(async (lang) => {
      const c = zeroCounts(id, lang)
      const ts = await store.listTranslations(id, lang)
      units.forEach((u, i) => tally(c, ts[i]!, u.words))
      return c
    }),
  )
}


/**
 * What every Store does when an article or i18next namespace is archived and restored;
 * `freshStore` gives an empty store that the caller closes after each test.
 */
export function testArchive(freshStore: () => Store | Promise<Store>): void {
  /** Two articles, one with translations in several states, a stale one and an obsolete unit. */
  async function setUp(): Promise<Store> {
    const store = await freshStore()
    await store.importArticle(article(ID, SAMPLE, { targets: ['sv', 'de'] }))
    await store.importArticle(article(OTHER, 'One more text. And its second sentence.\n', { targets: ['sv'] }))
    const ids = (await store.listUnits(ID)).map((u) => u.id)
    const write = (unitId: string, lang: string, text: string, state: 'translated' | 'reviewed' | 'final') =>
      store.writeTranslation({ articleId: ID, unitId, lang, text, state, author: 'ann' })
    await write(ids[0]!, 'sv', 'Floden', 'final')
    await write(ids[1]!, 'sv', 'Floden rinner förbi den gamla kvarnen.', 'translated')
    await write(ids[1]!, 'sv', 'Floden rinner förbi kvarnen.', 'reviewed')
    await write(ids[2]!, 'sv', 'Barn badar där på sommaren!', 'translated')
    await write(ids[4]!, 'de', 'Niemand erinnert sich.', 'translated')
    await write(ids[5]!, 'sv', 'Stenarna är äldre än staden.', 'translated')
    // A changed sentence (its translation turns stale) and a removed one (obsolete, with history).
    await store.importArticle(
      article(ID, SAMPLE.replace('Children swim there in summer!', 'Children swim there every summer!').replace(' The stones are older than the town.', '')),
    )
    return store
  }

  describe('archive and restore', () => {
    it('takes an article out of every listing and report, and leaves the others as they are', async () => {
      const store = await setUp()
      const other = await snapshot(store, OTHER)
      const archived = await store.archiveArticle(ID, { by: 'boss' })
      expect(archived).toMatchObject({ id: ID, kind: 'article', archivedBy: 'boss', targets: ['sv', 'de'], revision: 2 })
      expect(await store.getArticle(ID)).toBeUndefined()
      expect((await store.listArticles()).map((a) => a.id)).toEqual([OTHER])
      expect((await store.coverage()).map((c) => c.articleId)).toEqual([OTHER])
      expect((await store.articleCoverage()).map((a) => a.id)).toEqual([OTHER])
      expect((await store.articleCoverage({ after: '', limit: 10 })).map((a) => a.id)).toEqual([OTHER])
      expect(await store.getArchived(ID)).toEqual(archived)
      expect(await store.getArchived(OTHER)).toBeUndefined()
      expect(await store.listArchived()).toEqual([archived])
      expect(await snapshot(store, OTHER)).toEqual(other)
    })

    it('refuses reads of an archived article with 404 archived, naming tolk restore', async () => {
      const store = await setUp()
      const unit = (await store.listUnits(ID))[0]!.id
      await store.archiveArticle(ID, { by: 'boss' })
      const reads: [string, () => Promise<unknown>][] = [
        ['listUnits', () => store.listUnits(ID)],
        ['getTranslation', () => store.getTranslation(ID, unit, 'sv')],
        ['listTranslations', () => store.listTranslations(ID, 'sv')],
        ['history', () => store.history(ID, unit)],
        ['coverage', () => store.coverage({ articles: [ID] })],
        ['articleCoverage', () => store.articleCoverage({ articles: [OTHER, ID] })],
        ['pendingUnits', () => store.pendingUnits(ID, 'sv')],
        ['pendingUnitsByLang', () => store.pendingUnitsByLang(ID, ['sv'])],
        ['pendingUnitsJson', () => store.pendingUnitsJson(ID, ['sv'])],
      ]
      for (const [name, read] of reads) {
        const err = await thrown(read)
        expect(err, name).toBeInstanceOf(Archived)
        expect([err.code, err.status], name).toEqual(['archived', 404])
        expect(err.message, name).toContain(`tolk restore ${ID}`)
      }
    })

    it('refuses writes, imports and a second archive with 409 archived, and changes nothing', async () => {
      const store = await setUp()
      const before = await snapshot(store, ID)
      const unit = before.units[0]!.id
      await store.archiveArticle(ID, { by: 'boss' })
      const writes: [string, () => Promise<unknown>][] = [
        ['writeTranslation', () => store.writeTranslation({ articleId: ID, unitId: unit, lang: 'sv', text: 'x', state: 'translated', author: 'ann' })],
        ['writeTranslation (unknown unit)', () => store.writeTranslation({ articleId: ID, unitId: 'nope', lang: 'sv', text: 'x', state: 'translated', author: 'ann' })],
        ['importArticle', () => store.importArticle(article(ID, 'A new text.\n', { targets: ['sv'] }))],
        ['importArticle (dry run)', () => store.importArticle(article(ID, 'A new text.\n'), { dryRun: true })],
        ['archiveArticle', () => store.archiveArticle(ID, { by: 'boss' })],
      ]
      for (const [name, write] of writes) {
        const err = await thrown(write)
        expect([err.code, err.status], name).toEqual(['archived', 409])
        expect(err.message, name).toContain(`tolk restore ${ID}`)
      }
      await store.restoreArticle(ID, { by: 'boss' })
      expect(await snapshot(store, ID)).toEqual(before)
    })

    it('restores an article exactly as it was: units, translations, versions, history, coverage', async () => {
      const store = await setUp()
      const before = await snapshot(store, ID)
      expect(before.coverage).toEqual(await recount(store, ID))
      await store.archiveArticle(ID, { by: 'boss' })
      const restored = await store.restoreArticle(ID, { by: 'root' })
      expect(restored).toEqual((({ source: _, langConfirmed: __, format: ___, skeleton: ____, ...summary }) => summary)(before.article))
      expect(await snapshot(store, ID)).toEqual(before)
      expect(await store.getArchived(ID)).toBeUndefined()
      expect(await store.listArchived()).toEqual([])
      expect((await store.listArticles()).map((a) => a.id)).toEqual([ID, OTHER])
      // The counters are exact after the round trip, and keep counting writes as before.
      expect((await store.coverage()).filter((c) => c.articleId === ID)).toEqual(await recount(store, ID))
      const unit = before.units.find((u) => !u.obsolete)!
      const t = await store.writeTranslation({ articleId: ID, unitId: unit.id, lang: 'de', text: 'Der Fluss', state: 'final', author: 'ann' })
      expect(t.version).toBe(1)
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount(store, ID))
      // A second round trip works the same way.
      await store.archiveArticle(ID, { by: 'boss' })
      await store.restoreArticle(ID, { by: 'boss' })
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount(store, ID))
    })

    it('keeps the translations of an archived article in the memory', async () => {
      const store = await setUp()
      await store.archiveArticle(ID, { by: 'boss' })
      const hits = await store.memory.search({ query: 'kvarnen', tgtLang: 'sv' })
      expect(hits.map((h) => [h.articleId, h.target])).toContainEqual([ID, 'Floden rinner förbi kvarnen.'])
    })

    it('names unknown ids unknown-article, and a restore of a live article not-archived', async () => {
      const store = await setUp()
      for (const call of [() => store.archiveArticle('en-general-99', { by: 'boss' }), () => store.restoreArticle('en-general-99', { by: 'boss' })]) {
        const err = await thrown(call)
        expect(err).toBeInstanceOf(NotFound)
        expect(err.code).toBe('unknown-article')
      }
      const live = await thrown(() => store.restoreArticle(ID, { by: 'boss' }))
      expect([live.code, live.status]).toEqual(['not-archived', 409])
      expect(await store.getArticle(ID)).toBeDefined()
    })

    it('archives an i18next namespace: out of the resource sets and /locales, saveMissing refused, restored as it was', async () => {
      const store = await freshStore()
      await store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['nav.home', 'Home'], ['nav.about', 'About']], targets: ['sv'] })
      await store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hem', state: 'translated', author: 'ann' })
      const set = await store.resourceSets.get('app')
      const before = await snapshot(store, 'app')
      expect((await store.archiveArticle('app', { by: 'boss' })).kind).toBe('resource-set')
      expect(await store.resourceSets.get('app')).toBeUndefined()
      expect(await store.resourceSets.list()).toEqual([])
      const post = await thrown(() => store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['nav.new', 'New']], targets: ['sv'] }))
      expect([post.code, post.status]).toEqual(['archived', 409])
      expect(post.message).toContain('tolk restore app')
      const tree = await thrown(() =>
        store.resourceSets.importTree(
          [{ id: 'app', lang: 'en', source: { indent: '  ', finalNewline: true, entries: [{ path: ['nav', 'home'], value: 'Home' }] }, targets: [] }],
          { author: 'ann' },
        ),
      )
      expect([tree.code, tree.status]).toEqual(['archived', 409])
      await store.restoreArticle('app', { by: 'boss' })
      expect(await store.resourceSets.get('app')).toEqual(set)
      expect(await snapshot(store, 'app')).toEqual(before)
    })
  })
}
