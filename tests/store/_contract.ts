import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportArticle } from '../../src/formats/export-article.js'
import { InvalidInput, NotFound, VersionConflict } from '../../src/model/errors.js'
import type { PendingUnit, Store } from '../../src/store/types.js'
import { testCoverageCounters } from './_contract-coverage.js'
import { testTextRule } from './_contract-text-rule.js'
import { testPages } from './_contract-pages.js'
import { testArticleListing } from './_contract-dashboard.js'
import { SAMPLE, article } from './fixtures/articles.js'

/** Makes a fresh, empty store for one test. */
export type MakeStore = () => Store | Promise<Store>

/**
 * The behaviour every Store must show, run against each implementation: SQLite
 * (tests/store/sqlite.test.ts) and PostgreSQL (tests/store/pg.test.ts). Each test gets a fresh
 * store from `makeStore`.
 */
export function testStore(makeStore: MakeStore): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await store.close()
  })

  const importSample = (targets = ['sv', 'de']) =>
    store.importArticle(article('en-general-01', SAMPLE, { targets }))
  const unitIds = async (id = 'en-general-01') => (await store.listUnits(id)).map((u) => u.id)
  const translate = (unitId: string, text: string, lang = 'sv', extra = {}) =>
    store.writeTranslation({
      articleId: 'en-general-01',
      unitId,
      lang,
      text,
      state: 'translated',
      author: 'ann',
      ...extra,
    })

  describe('import', () => {
    it('stores a first import as revision 1 with its units in order', async () => {
      const summary = await importSample()
      expect(summary).toMatchObject({ article: 'en-general-01', revision: 1, written: true })
      expect(summary.units).toMatchObject({ new: 6, kept: 0, stale: 0, obsolete: 0 })
      const a = await store.getArticle('en-general-01')
      expect(a).toMatchObject({ revision: 1, source: SAMPLE, lang: 'en', targets: ['sv', 'de'] })
      const units = await store.listUnits('en-general-01')
      expect(units.map((u) => u.position)).toEqual([1, 2, 3, 4, 5, 6])
      expect(units[0]).toMatchObject({ kind: 'heading', source: '# The river', obsolete: false })
      expect(units[1]?.words).toBe(7)
    })

    it('writes nothing and keeps the revision when an unchanged article is imported again', async () => {
      await importSample()
      const before = await store.getArticle('en-general-01')
      const again = await store.importArticle(article('en-general-01', SAMPLE))
      expect(again).toMatchObject({ revision: 1, written: false })
      expect(again.units).toMatchObject({ kept: 6, new: 0, stale: 0, obsolete: 0 })
      expect(await store.getArticle('en-general-01')).toEqual(before)
    })

    it('keeps ids and translations of unchanged sentences when one sentence is edited', async () => {
      await importSample()
      const ids = await unitIds()
      await translate(ids[1]!, 'Floden rinner förbi den gamla kvarnen.')
      await translate(ids[2]!, 'Barn badar där på sommaren!')
      const edited = SAMPLE.replace('Children swim there in summer!', 'Children swim there every summer!')
      const summary = await store.importArticle(article('en-general-01', edited))
      expect(summary).toMatchObject({ revision: 2, written: true })
      expect(summary.units).toMatchObject({ kept: 5, stale: 1, new: 0, obsolete: 0 })
      expect(await unitIds()).toEqual(ids)
      const kept = await store.getTranslation('en-general-01', ids[1]!, 'sv')
      expect(kept).toMatchObject({ stale: false, version: 1, text: 'Floden rinner förbi den gamla kvarnen.' })
      const stale = await store.getTranslation('en-general-01', ids[2]!, 'sv')
      expect(stale).toMatchObject({
        stale: true,
        version: 1,
        text: 'Barn badar där på sommaren!',
        madeFrom: 'Children swim there in summer!',
      })
      expect((await store.getArticle('en-general-01'))?.source).toBe(edited)
    })

    it('marks removed sentences obsolete, keeps them and their history, and leaves them out of reports', async () => {
      await importSample()
      const ids = await unitIds()
      await translate(ids[4]!, 'Ingen minns.')
      const summary = await store.importArticle(
        article('en-general-01', SAMPLE.replace('Nobody remembers. ', '')),
      )
      expect(summary.units).toMatchObject({ obsolete: 1, kept: 5 })
      expect(await unitIds()).not.toContain(ids[4])
      const all = await store.listUnits('en-general-01', { includeObsolete: true })
      expect(all.find((u) => u.id === ids[4])).toMatchObject({ obsolete: true, source: 'Nobody remembers.' })
      expect(await store.history('en-general-01', ids[4]!)).toHaveLength(1)
      expect(await store.getTranslation('en-general-01', ids[4]!, 'sv')).toMatchObject({ version: 1 })
      const [sv] = await store.coverage({ articles: ['en-general-01'], langs: ['sv'] })
      expect(sv?.units).toEqual({ initial: 5, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 })
      expect((await store.pendingUnits('en-general-01', 'sv')).map((p) => p.id)).not.toContain(ids[4])
      await expect(translate(ids[4]!, 'Igen.')).rejects.toBeInstanceOf(NotFound)
    })

    it('brings a removed sentence back with its translation when it returns', async () => {
      await importSample()
      const ids = await unitIds()
      await translate(ids[4]!, 'Ingen minns.')
      await store.importArticle(article('en-general-01', SAMPLE.replace('Nobody remembers. ', '')))
      const back = await store.importArticle(article('en-general-01', SAMPLE))
      expect(back.revision).toBe(3)
      expect(await unitIds()).toEqual(ids)
      expect(await store.getTranslation('en-general-01', ids[4]!, 'sv')).toMatchObject({
        text: 'Ingen minns.',
        stale: false,
      })
      const [sv] = await store.coverage({ articles: ['en-general-01'], langs: ['sv'] })
      expect(sv?.units.translated).toBe(1)
    })

    it('keeps the stored targets when a re-import names none, and replaces them when it does', async () => {
      await importSample(['sv', 'de'])
      await store.importArticle(article('en-general-01', `${SAMPLE}More.\n`))
      expect((await store.getArticle('en-general-01'))?.targets).toEqual(['sv', 'de'])
      const ids = await unitIds()
      await translate(ids[0]!, 'Ån', 'de')
      const summary = await store.importArticle(article('en-general-01', SAMPLE, { targets: ['fi'] }))
      expect((await store.getArticle('en-general-01'))?.targets).toEqual(['fi'])
      expect(summary.warnings.map((w) => w.code)).toEqual(['target-dropped'])
      expect(summary.warnings[0]?.message).toMatch(/its 1 translation is kept$/)
    })

    it('refuses a target equal to the text language and writes nothing', async () => {
      await expect(
        store.importArticle(article('en-general-01', SAMPLE, { targets: ['sv', 'en'] })),
      ).rejects.toBeInstanceOf(InvalidInput)
      expect(await store.getArticle('en-general-01')).toBeUndefined()
      await importSample(['sv'])
      const asSwedish = article('en-general-01', SAMPLE, { lang: 'sv' })
      await expect(store.importArticle(asSwedish)).rejects.toBeInstanceOf(InvalidInput)
      expect((await store.getArticle('en-general-01'))?.lang).toBe('en')
    })

    it('refuses units that do not give back the source, and bad ids, writing nothing', async () => {
      const bad = article('en-general-01', SAMPLE)
      bad.source = `${SAMPLE}extra`
      await expect(store.importArticle(bad)).rejects.toBeInstanceOf(InvalidInput)
      await expect(store.importArticle(article('../x', SAMPLE))).rejects.toBeInstanceOf(InvalidInput)
      expect(await store.listArticles()).toEqual([])
    })

    it('plans a dry run exactly like the import and writes nothing', async () => {
      const first = await store.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }), {
        dryRun: true,
      })
      expect(first).toMatchObject({ revision: 1, written: false, units: { new: 6 } })
      expect(await store.getArticle('en-general-01')).toBeUndefined()
      await importSample(['sv'])
      const before = await store.listUnits('en-general-01', { includeObsolete: true })
      const edited = article('en-general-01', SAMPLE.replace('Nobody remembers. ', 'Everyone forgot. '))
      const dry = await store.importArticle(edited, { dryRun: true })
      expect(dry).toMatchObject({ revision: 2, written: false })
      expect(await store.listUnits('en-general-01', { includeObsolete: true })).toEqual(before)
      expect((await store.getArticle('en-general-01'))?.revision).toBe(1)
      const real = await store.importArticle(edited)
      expect(real.units).toEqual(dry.units)
    })

    it('stores whether the text language was confirmed, keeps it on a re-import, and counts a confirmation as a change', async () => {
      await store.importArticle(article('en-general-01', SAMPLE, { targets: ['sv'] }))
      expect((await store.getArticle('en-general-01'))?.langConfirmed).toBe(false)
      const confirmed = await store.importArticle({ ...article('en-general-01', SAMPLE), langConfirmed: true })
      expect(confirmed).toMatchObject({ revision: 2, written: true })
      expect((await store.getArticle('en-general-01'))?.langConfirmed).toBe(true)
      const again = await store.importArticle(article('en-general-01', SAMPLE))
      expect(again).toMatchObject({ revision: 2, written: false })
      expect((await store.getArticle('en-general-01'))?.langConfirmed).toBe(true)
    })

    it('lists articles by id', async () => {
      await store.importArticle(article('en-general-02', 'Two.', { targets: ['sv'] }))
      await store.importArticle(article('en-general-01', 'One.', { targets: ['sv'] }))
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['en-general-01', 'en-general-02'])
    })
  })

  describe('translations', () => {
    it('reads a never-written translation as version 0, initial and empty', async () => {
      await importSample()
      const [id] = await unitIds()
      expect(await store.getTranslation('en-general-01', id!, 'sv')).toEqual({
        articleId: 'en-general-01',
        unitId: id,
        lang: 'sv',
        text: '',
        state: 'initial',
        stale: false,
        version: 0,
        author: null,
        updatedAt: null,
        madeFrom: null,
      })
    })

    it('writes version 1 from version 0 and records who, when and from what source', async () => {
      await importSample()
      const ids = await unitIds()
      const t = await translate(ids[1]!, 'Floden rinner.', 'sv', { ifVersion: 0 })
      expect(t).toMatchObject({ version: 1, author: 'ann', state: 'translated', madeFrom: 'The river runs past the old mill.' })
      expect(await store.getTranslation('en-general-01', ids[1]!, 'sv')).toEqual(t)
    })

    it('takes a translation back to initial with empty text through the versioned write (the editor\'s Clear)', async () => {
      await importSample()
      const [id] = await unitIds()
      await translate(id!, 'Ån', 'sv', { ifVersion: 0 })
      const cleared = await translate(id!, '', 'sv', { ifVersion: 1, state: 'initial' })
      expect(cleared).toMatchObject({ version: 2, text: '', state: 'initial', author: 'ann' })
      expect((await store.history('en-general-01', id!, 'sv')).map((h) => [h.version, h.newText, h.newState])).toEqual([
        [1, 'Ån', 'translated'],
        [2, '', 'initial'],
      ])
      const [cov] = await store.coverage({ articles: ['en-general-01'], langs: ['sv'] })
      expect(cov?.units.translated).toBe(0)
    })

    it('reads the writes of one article and language as events after an id, in order', async () => {
      await importSample()
      const ids = await unitIds()
      const start = await store.lastEventId()
      await translate(ids[0]!, 'Ån', 'sv', { ifVersion: 0 })
      await translate(ids[1]!, 'Floden', 'de', { ifVersion: 0 })
      await translate(ids[0]!, 'Ån rinner', 'sv', { ifVersion: 1, origin: { kind: 'memory', score: 92 } })
      const all = await store.translationEvents('en-general-01', 'sv', start, 10)
      expect(all.map((e) => [e.unit, e.lang, e.text, e.state, e.version, e.author, e.origin, e.stale])).toEqual([
        [ids[0], 'sv', 'Ån', 'translated', 1, 'ann', null, false],
        [ids[0], 'sv', 'Ån rinner', 'translated', 2, 'ann', { kind: 'memory', score: 92 }, false],
      ])
      expect(all[0]!.id).toBeGreaterThan(start)
      expect(all[1]!.id).toBeGreaterThan(all[0]!.id)
      // Resuming after the first gives the second; the limit holds; the latest id is the last write.
      expect((await store.translationEvents('en-general-01', 'sv', all[0]!.id, 10)).map((e) => e.id)).toEqual([all[1]!.id])
      expect(await store.translationEvents('en-general-01', 'sv', start, 1)).toHaveLength(1)
      expect(await store.lastEventId()).toBe(all[1]!.id)
      expect(await store.translationEvents('en-general-01', 'sv', all[1]!.id, 10)).toEqual([])
    })

    it('keeps one presence per person and document, each report with a growing seq', async () => {
      await importSample()
      const ids = await unitIds()
      expect(await store.lastPresenceSeq()).toBe(0)
      const at = new Date('2026-12-03T10:00:00Z')
      await store.reportPresence({ articleId: 'en-general-01', lang: 'sv', user: 'ann', unit: ids[0]!, typing: false }, at)
      await store.reportPresence({ articleId: 'en-general-01', lang: 'de', user: 'ann', unit: ids[0]!, typing: false }, at)
      await store.reportPresence({ articleId: 'en-general-01', lang: 'sv', user: 'bo', unit: ids[1]!, typing: true }, at)
      const first = await store.presenceAfter('en-general-01', 'sv', 0)
      expect(first.map((p) => [p.user, p.unit, p.typing, p.at])).toEqual([
        ['ann', ids[0], false, '2026-12-03T10:00:00.000Z'],
        ['bo', ids[1], true, '2026-12-03T10:00:00.000Z'],
      ])
      // A new report replaces the person's row and moves past every seq before it.
      const seen = await store.lastPresenceSeq()
      await store.reportPresence({ articleId: 'en-general-01', lang: 'sv', user: 'ann', unit: '', typing: false }, at)
      const next = await store.presenceAfter('en-general-01', 'sv', seen)
      expect(next.map((p) => [p.user, p.unit])).toEqual([['ann', '']])
      expect(next[0]!.seq).toBe(await store.lastPresenceSeq())
      expect((await store.presenceAfter('en-general-01', 'sv', 0)).map((p) => p.user)).toEqual(['bo', 'ann'])
    })

    it('refuses a write based on a stale version and keeps the winner', async () => {
      await importSample()
      const [id] = await unitIds()
      await translate(id!, 'Ån', 'sv', { ifVersion: 0 })
      const late = translate(id!, 'Floden', 'sv', { ifVersion: 0, author: 'bo' })
      await expect(late).rejects.toBeInstanceOf(VersionConflict)
      const err = (await late.catch((e: unknown) => e)) as VersionConflict
      expect(err.current).toEqual({ text: 'Ån', state: 'translated', version: 1 })
      expect(await store.getTranslation('en-general-01', id!, 'sv')).toMatchObject({ text: 'Ån', version: 1 })
      expect(await store.history('en-general-01', id!, 'sv')).toHaveLength(1)
    })

    it('lets exactly one of two writes from the same version win', async () => {
      await importSample()
      const [id] = await unitIds()
      const results = await Promise.allSettled([
        translate(id!, 'A', 'sv', { ifVersion: 0 }),
        translate(id!, 'B', 'sv', { ifVersion: 0 }),
      ])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
    })

    it('decides writes asked for at once one by one, in order, each all or nothing', async () => {
      await importSample()
      const [a, b] = await unitIds()
      const results = await Promise.allSettled([
        translate(a!, 'first', 'sv', { ifVersion: 0 }),
        translate(a!, 'late', 'sv', { ifVersion: 0 }),
        translate(b!, 'other unit', 'sv', { ifVersion: 0 }),
        translate('no-such-unit', 'lost', 'sv'),
        translate(a!, 'second', 'sv', { ifVersion: 1, state: 'bogus' }),
        translate(a!, 'second', 'sv', { ifVersion: 1 }),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled'])
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict)
      expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(NotFound)
      expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidInput)
      expect((results[5] as PromiseFulfilledResult<{ version: number }>).value.version).toBe(2)
      const history = await store.history('en-general-01', a!, 'sv')
      expect(history.map((h) => [h.version, h.newText])).toEqual([[1, 'first'], [2, 'second']])
      expect(await store.history('en-general-01', b!)).toHaveLength(1)
      const [sv] = await store.coverage({ articles: ['en-general-01'], langs: ['sv'] })
      expect(sv?.units.translated).toBe(2)
    })

    it('appends history on every write, oldest first, even when nothing changed', async () => {
      await importSample()
      const [id] = await unitIds()
      await translate(id!, 'Ån')
      await translate(id!, 'Ån')
      await translate(id!, 'Älven', 'sv', { state: 'reviewed', author: 'bo' })
      await translate(id!, 'Der Fluss', 'de')
      const sv = await store.history('en-general-01', id!, 'sv')
      expect(sv.map((h) => [h.version, h.oldText, h.newText, h.oldState, h.newState, h.author])).toEqual([
        [1, null, 'Ån', 'initial', 'translated', 'ann'],
        [2, 'Ån', 'Ån', 'translated', 'translated', 'ann'],
        [3, 'Ån', 'Älven', 'translated', 'reviewed', 'bo'],
      ])
      expect(await store.history('en-general-01', id!)).toHaveLength(4)
    })

    it('records in the history where a write came from: a memory match and its score, or nothing', async () => {
      await importSample()
      const [id] = await unitIds()
      await translate(id!, 'Ån', 'sv', { origin: { kind: 'memory', score: 87 } })
      await translate(id!, 'Älven')
      await translate(id!, 'Ån', 'sv', { origin: { kind: 'memory', score: 101 }, state: 'reviewed', author: 'bo' })
      const sv = await store.history('en-general-01', id!, 'sv')
      expect(sv.map((h) => [h.version, h.newText, h.origin])).toEqual([
        [1, 'Ån', { kind: 'memory', score: 87 }],
        [2, 'Älven', null],
        [3, 'Ån', { kind: 'memory', score: 101 }],
      ])
    })

    it('refuses an origin that is not a memory match scored 0-101, writing nothing', async () => {
      await importSample()
      const [id] = await unitIds()
      for (const origin of [
        { kind: 'memory', score: 102 },
        { kind: 'memory', score: -1 },
        { kind: 'memory', score: 50.5 },
        { kind: 'memory', score: Number.NaN },
        { kind: 'machine', score: 90 },
        { kind: 'memory' },
      ]) {
        await expect(translate(id!, 'Ån', 'sv', { origin }), JSON.stringify(origin)).rejects.toThrow(InvalidInput)
      }
      expect(await store.history('en-general-01', id!)).toEqual([])
    })

    it('clears stale when the text changes or a reviewer confirms it, not when a translator re-saves it', async () => {
      await importSample()
      const ids = await unitIds()
      for (const lang of ['sv', 'de']) await translate(ids[1]!, `old ${lang}`, lang)
      await store.importArticle(article('en-general-01', SAMPLE.replace('old mill', 'old red mill')))
      const resaved = await translate(ids[1]!, 'old sv')
      expect(resaved).toMatchObject({ stale: true, madeFrom: 'The river runs past the old mill.' })
      const fixed = await translate(ids[1]!, 'new sv')
      expect(fixed).toMatchObject({ stale: false, madeFrom: 'The river runs past the old red mill.' })
      const confirmed = await translate(ids[1]!, 'old de', 'de', { state: 'reviewed' })
      expect(confirmed).toMatchObject({ stale: false, madeFrom: 'The river runs past the old red mill.' })
    })

    it('refuses a language that is not a target of the article', async () => {
      await importSample(['sv'])
      const [id] = await unitIds()
      await expect(translate(id!, 'Der Fluss', 'de')).rejects.toBeInstanceOf(InvalidInput)
      await expect(translate(id!, 'x', 'sv', { state: 'done' })).rejects.toBeInstanceOf(InvalidInput)
    })

    it('answers NotFound for unknown articles and units everywhere', async () => {
      await importSample()
      const nf = { name: 'NotFound' }
      await expect(store.getTranslation('nope', 'x', 'sv')).rejects.toMatchObject(nf)
      await expect(store.getTranslation('en-general-01', 'nope', 'sv')).rejects.toMatchObject(nf)
      await expect(translate('nope', 'x')).rejects.toMatchObject(nf)
      await expect(store.history('en-general-01', 'nope')).rejects.toMatchObject(nf)
      await expect(store.listUnits('nope')).rejects.toMatchObject(nf)
      await expect(store.listTranslations('nope', 'sv')).rejects.toMatchObject(nf)
      await expect(store.pendingUnits('nope', 'sv')).rejects.toMatchObject(nf)
      await expect(store.coverage({ articles: ['nope'] })).rejects.toMatchObject(nf)
      await expect(store.articleCoverage({ articles: ['en-general-01', 'nope'] })).rejects.toMatchObject(nf)
      await expect(store.pendingUnitsByLang('nope', ['sv'])).rejects.toMatchObject(nf)
      expect(await store.getArticle('nope')).toBeUndefined()
    })

    it('answers ids holding a NUL character (a URL\'s %00) as unknown, never as a failure of the database', async () => {
      await importSample()
      const [id] = await unitIds()
      const nf = { name: 'NotFound' }
      expect(await store.getArticle('en-general-01\u0000')).toBeUndefined()
      expect(await store.getArchived('en\u0000')).toBeUndefined()
      await expect(store.listUnits('en\u0000')).rejects.toMatchObject(nf)
      await expect(store.getTranslation('en-general-01', 'x\u0000', 'sv')).rejects.toMatchObject(nf)
      await expect(translate('x\u0000', 'text')).rejects.toMatchObject(nf)
      await expect(store.history('en-general-01', 'x\u0000')).rejects.toMatchObject(nf)
      await expect(store.unitPage('en\u0000', { limit: 5 })).rejects.toMatchObject(nf)
      await expect(store.pendingUnits('en\u0000', 'sv')).rejects.toMatchObject(nf)
      expect(await store.getUnit('en-general-01', 'x\u0000')).toBeUndefined()
      expect((await store.getTranslation('en-general-01', id!, 'sv\u0000')).version).toBe(0)
      expect(await store.translationEvents('en-general-01', 'sv\u0000', 0, 10)).toEqual([])
    })

    it('lists one translation per live unit in position order, unwritten ones as version 0', async () => {
      await importSample()
      const ids = await unitIds()
      await translate(ids[2]!, 'Barn badar!')
      const list = await store.listTranslations('en-general-01', 'sv')
      expect(list.map((t) => t.unitId)).toEqual(ids)
      expect(list.map((t) => t.version)).toEqual([0, 0, 1, 0, 0, 0])
    })
  })

  describe('memory and TMX', () => {
    it('counts a pair the workbench already holds as held when its own TMX comes back, and a search shows it once', async () => {
      await importSample(['sv'])
      const units = await store.listUnits('en-general-01')
      await translate(units[1]!.id, 'Floden var bred.')
      await translate(units[2]!.id, 'Den rann långsamt.')
      // One translation made from the source before an edit: its entry has no source hash.
      await store.importArticle(article('en-general-01', SAMPLE.replace(units[2]!.source, `${units[2]!.source.slice(0, -1)} today.`)))
      const tmx = await exportArticle(store, 'en-general-01', 'sv', 'tmx')
      const file = join(mkdtempSync(join(tmpdir(), 'tolk-contract-')), 'own.tmx')
      writeFileSync(file, tmx.body)
      const summary = await store.memory.importTmx(file)
      expect(summary).toMatchObject({ units: 2, added: 0, duplicates: 2, skipped: 0 })
      const hits = await store.memory.search({ query: 'Floden', tgtLang: 'sv' })
      expect(hits.map((h) => h.target)).toEqual(['Floden var bred.'])
      expect(await store.memory.search({ query: 'långsamt', tgtLang: 'sv' })).toHaveLength(1)
      // A pair it does not hold is still added.
      writeFileSync(file, tmx.body.replace('Floden var bred.', 'Älven var bred.'))
      expect(await store.memory.importTmx(file)).toMatchObject({ added: 1, duplicates: 1 })
    })

    it('shows a pair once in a search when a TMX brought it before the workbench translated it alike', async () => {
      await importSample(['sv'])
      const units = await store.listUnits('en-general-01')
      await translate(units[1]!.id, 'Floden var bred.')
      const tmx = (await exportArticle(store, 'en-general-01', 'sv', 'tmx')).body
      const other = join(mkdtempSync(join(tmpdir(), 'tolk-contract-')), 'other.tmx')
      writeFileSync(other, tmx.replace('Floden var bred.', 'Ån var bred.'))
      expect(await store.memory.importTmx(other)).toMatchObject({ added: 1 })
      await translate(units[1]!.id, 'Ån var bred.', 'sv', { ifVersion: 1 })
      const hits = await store.memory.search({ query: 'bred', tgtLang: 'sv' })
      expect(hits).toHaveLength(1)
      expect(hits[0]).toMatchObject({ origin: 'article', articleId: 'en-general-01', target: 'Ån var bred.' })
    })
  })

  describe('reports', () => {
    it('counts units and words per state, stale again in stale, and the rest as initial', async () => {
      await importSample()
      const ids = await unitIds()
      await translate(ids[1]!, 'a')
      await translate(ids[2]!, 'b', 'sv', { state: 'reviewed' })
      await translate(ids[3]!, 'c', 'sv', { state: 'final' })
      await translate(ids[4]!, 'draft', 'sv', { state: 'initial' })
      await store.importArticle(article('en-general-01', SAMPLE.replace('in summer', 'in the summer')))
      const cov = await store.coverage()
      expect(cov.map((c) => c.lang)).toEqual(['sv', 'de'])
      const [sv, de] = cov
      expect(sv?.units).toEqual({ initial: 3, translated: 1, reviewed: 1, final: 1, rejected: 0, stale: 1 })
      expect(sv?.words).toEqual({ initial: 2 + 2 + 7, translated: 7, reviewed: 6, final: 4, rejected: 0, stale: 6 })
      expect(de?.units).toEqual({ initial: 6, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 })
    })

    it('lists pending units (initial or stale) in position order', async () => {
      await importSample()
      const ids = await unitIds()
      for (const id of ids.slice(0, 4)) await translate(id, 'x')
      await store.importArticle(article('en-general-01', SAMPLE.replace('Who built', 'Who once built')))
      const pending = await store.pendingUnits('en-general-01', 'sv')
      expect(pending.map((p) => [p.id, p.position, p.stale, p.state])).toEqual([
        [ids[3], 4, true, 'translated'],
        [ids[4], 5, false, 'initial'],
        [ids[5], 6, false, 'initial'],
      ])
      expect(pending[0]?.source).toBe('Who once built the mill?')
      expect(await store.pendingUnitsByLang('en-general-01', ['de', 'sv', 'xx'])).toEqual([
        await store.pendingUnits('en-general-01', 'de'),
        pending,
        await store.pendingUnits('en-general-01', 'xx'),
      ])
      const asJson = (list: PendingUnit[], stale: boolean) =>
        list.filter((u) => u.stale === stale).map((u) => JSON.stringify({ id: u.id, position: u.position, source: u.source })).join(',')
      const byLang = await store.pendingUnitsByLang('en-general-01', ['sv', 'de'])
      expect(await store.pendingUnitsJson('en-general-01', ['sv', 'de'])).toEqual(
        byLang.map((list) => ({ untranslated: asJson(list, false), stale: asJson(list, true), rejected: '' })),
      )
      await expect(store.pendingUnitsJson('nope', ['sv'])).rejects.toMatchObject({ name: 'NotFound' })
    })

    it('gives every article with ten counters per target in one read, by id or as named', async () => {
      await importSample()
      await store.importArticle(article('en-general-00', 'One. Two.', { targets: ['fi'], title: 'Zero' }))
      const ids = await unitIds()
      await translate(ids[1]!, 'a')
      await translate(ids[2]!, 'b', 'sv', { state: 'reviewed' })
      await translate(ids[3]!, 'c', 'de', { state: 'final' })
      await store.importArticle(article('en-general-01', SAMPLE.replace('in summer', 'in the summer')))
      const all = await store.articleCoverage()
      expect(all.map((a) => a.id)).toEqual(['en-general-00', 'en-general-01'])
      const [zero, one] = all
      expect(zero).toMatchObject({ tag: 'en-general', lang: 'en', title: 'Zero', revision: 1, targets: ['fi'], units: 2, words: 2 })
      expect(zero?.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
      const [sv, de] = await store.coverage({ articles: ['en-general-01'] })
      expect(one).toMatchObject({ revision: 2, targets: ['sv', 'de'], units: 6 })
      expect(one?.counts).toEqual([
        sv?.units.translated, sv?.words.translated, sv?.units.reviewed, sv?.words.reviewed, sv?.units.final, sv?.words.final, sv?.units.stale, sv?.words.stale, sv?.units.rejected, sv?.words.rejected,
        de?.units.translated, de?.words.translated, de?.units.reviewed, de?.words.reviewed, de?.units.final, de?.words.final, de?.units.stale, de?.words.stale, de?.units.rejected, de?.words.rejected,
      ])
      expect(sv?.units.stale).toBe(1)
      const named = await store.articleCoverage({ articles: ['en-general-01', 'en-general-00', 'en-general-01'] })
      expect(named.map((a) => a.id)).toEqual(['en-general-01', 'en-general-00', 'en-general-01'])
      expect(named[0]).toEqual(one)
    })
  })

  testCoverageCounters(() => store)
  testTextRule(() => store)
  testPages(() => store)
  testArticleListing(() => store)
}
