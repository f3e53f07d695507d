import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { VersionConflict } from '../../src/model/errors.js'
import { MAX_REASON, type TranslationWrite } from '../../src/model/translation.js'
import type { Store } from '../../src/store/types.js'
import { tally, zeroCounts } from './_recount.js'
import { thrown } from './_thrown.js'
import { SAMPLE, article } from './fixtures/articles.js'

const ID = 'en-general-01'


/**
 * The review writes every Store makes through its one versioned write: confirming a stale
 * translation (issue 23) and rejecting a done one with a reason (issue 20).
 */
export function testReviewWrites(makeStore: () => Store | Promise<Store>): void {
  describe('review writes: confirm and reject', () => {
    let store: Store
    let ids: string[]
    beforeEach(async () => {
      store = await makeStore()
      await store.importArticle(article(ID, SAMPLE, { targets: ['sv', 'de'] }))
      ids = (await store.listUnits(ID)).map((u) => u.id)
    })
    afterEach(async () => {
      await store.close()
    })
    const write = (unit: string, w: Partial<TranslationWrite> = {}) =>
      store.writeTranslation({ articleId: ID, unitId: unit, lang: 'sv', text: 'Floden.', state: 'translated', author: 'ann', ...w })
    /** Unit 2 translated by ann in sv, then its source edited: stale at version 1. */
    const staleOne = async (state: 'translated' | 'reviewed' = 'translated') => {
      await write(ids[1]!, { text: 'Floden rinner förbi kvarnen.', state })
      await store.importArticle(article(ID, SAMPLE.replace('old mill', 'old red mill')))
      return store.getTranslation(ID, ids[1]!, 'sv')
    }
    const recount = async () => {
      const units = await store.listUnits(ID)
      return Promise.all(
        ['sv', 'de'].map(async (lang) => {
          const c = zeroCounts(ID, lang)
          const ts = await store.listTranslations(ID, lang)
          units.forEach((u, i) => tally(c, ts[i]!, u.words))
          return c
        }),
      )
    }

    it('confirms a stale translation: same text, stale cleared, a new version, the entry marked', async () => {
      const before = await staleOne()
      expect(before).toMatchObject({ stale: true, version: 1, madeFrom: 'The river runs past the old mill.' })
      const done = await write(ids[1]!, { text: before.text, confirm: true, ifVersion: 1, author: 'bo' })
      expect(done).toMatchObject({ text: before.text, state: 'translated', stale: false, version: 2, author: 'bo', madeFrom: 'The river runs past the old red mill.' })
      expect(await store.getTranslation(ID, ids[1]!, 'sv')).toEqual(done)
      const history = await store.history(ID, ids[1]!, 'sv')
      expect(history.map((h) => h.confirmation ?? false)).toEqual([false, true])
      expect(history[1]).toMatchObject({ oldText: before.text, newText: before.text, oldState: 'translated', newState: 'translated', author: 'bo' })
      const page = await store.historyPage(ID, ids[1]!, { lang: 'sv', limit: 10 })
      expect(page.entries.at(-1)?.confirmation).toBe(true)
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
    })

    it('writes a text as made from the source it names: stale from an older one, current from the source now (an undo)', async () => {
      const before = await staleOne()
      const fresh = await write(ids[1]!, { text: 'Floden rinner förbi den röda kvarnen.', ifVersion: 1 })
      expect(fresh).toMatchObject({ stale: false, madeFrom: 'The river runs past the old red mill.' })
      const back = await write(ids[1]!, { text: before.text, ifVersion: 2, madeFrom: 'The river runs past the old mill.' })
      expect(back).toMatchObject({ text: before.text, stale: true, version: 3, madeFrom: 'The river runs past the old mill.' })
      expect(await store.getTranslation(ID, ids[1]!, 'sv')).toEqual(back)
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
      // Stale even as reviewed: the source it names is not the unit's.
      expect(await write(ids[1]!, { text: before.text, state: 'reviewed', madeFrom: 'The river runs past the old mill.' })).toMatchObject({ stale: true, state: 'reviewed' })
      const current = await write(ids[1]!, { text: fresh.text, madeFrom: 'The river runs past the old red mill.' })
      expect(current).toMatchObject({ stale: false, madeFrom: 'The river runs past the old red mill.' })
      // A unit never written, given an older source: stale from the first version.
      expect(await write(ids[2]!, { text: 'Barn badar.', madeFrom: 'Children swam.' })).toMatchObject({ version: 1, stale: true, madeFrom: 'Children swam.' })
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
      for (const bad of [{ confirm: true, ifVersion: 5 }, { state: 'rejected' as const, reason: 'No.' }, { madeFrom: 42 as unknown as string }]) {
        await expect(write(ids[1]!, { text: fresh.text, madeFrom: 'x', ...bad })).rejects.toMatchObject({ status: 400 })
      }
      expect((await store.getTranslation(ID, ids[1]!, 'sv')).version).toBe(current.version)
    })

    it('confirms a stale reviewed translation keeping it reviewed', async () => {
      const before = await staleOne('reviewed')
      const done = await write(ids[1]!, { text: before.text, state: 'reviewed', confirm: true, ifVersion: 1 })
      expect(done).toMatchObject({ state: 'reviewed', stale: false, version: 2 })
    })

    it('refuses a confirmation whose text differs, of a fresh translation, at version 0, without a version or on a stale one', async () => {
      const before = await staleOne()
      const differs = await thrown(() => write(ids[1]!, { text: 'Annat.', confirm: true, ifVersion: 1 }))
      expect([differs.status, differs.code]).toEqual([400, 'text-differs'])
      const state = await thrown(() => write(ids[1]!, { text: before.text, state: 'reviewed', confirm: true, ifVersion: 1 }))
      expect([state.status, state.code]).toEqual([400, 'invalid-state'])
      await write(ids[0]!, { text: 'Floden' })
      const fresh = await thrown(() => write(ids[0]!, { text: 'Floden', confirm: true, ifVersion: 1 }))
      expect([fresh.status, fresh.code]).toEqual([409, 'not-stale'])
      expect(fresh.message).toContain('not stale')
      const never = await thrown(() => write(ids[2]!, { text: '', state: 'initial', confirm: true, ifVersion: 0 }))
      expect([never.status, never.code]).toEqual([400, 'nothing-to-confirm'])
      const noVersion = await thrown(() => write(ids[1]!, { text: before.text, confirm: true }))
      expect([noVersion.status, noVersion.code]).toEqual([400, 'version-required'])
      const old = await thrown(() => write(ids[1]!, { text: before.text, confirm: true, ifVersion: 7 }))
      expect(old).toBeInstanceOf(VersionConflict)
      expect(old.status).toBe(412)
      // Nothing of it was written.
      expect(await store.getTranslation(ID, ids[1]!, 'sv')).toEqual(before)
      expect(await store.history(ID, ids[1]!, 'sv')).toHaveLength(1)
    })

    it('rejects a translated unit with a reason, naming whose text it sent back', async () => {
      await write(ids[0]!, { text: 'Floden', author: 'ann' })
      const rejected = await write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'The title needs an article: "Ån".', ifVersion: 1, author: 'rita' })
      expect(rejected).toMatchObject({ state: 'rejected', version: 2, author: 'rita', stale: false, rejection: { reason: 'The title needs an article: "Ån".', translator: 'ann' } })
      expect(await store.getTranslation(ID, ids[0]!, 'sv')).toEqual(rejected)
      const [, entry] = await store.history(ID, ids[0]!, 'sv')
      expect(entry).toMatchObject({ oldState: 'translated', newState: 'rejected', author: 'rita', reason: 'The title needs an article: "Ån".', translator: 'ann' })
      expect(entry?.confirmation).toBeUndefined()
      // The editor's live stream carries the reason, so an open page shows it at once.
      const events = await store.translationEvents(ID, 'sv', 0, 10)
      expect(events.map((e) => [e.state, e.reason])).toEqual([['translated', undefined], ['rejected', 'The title needs an article: "Ån".']])
      // Listed among the rejected ones, whichever way a page is read.
      const page = await store.unitPage(ID, { lang: 'sv', state: 'rejected', limit: 10 })
      expect(page.rows.map((r) => [r.unit.id, r.translation?.rejection?.reason])).toEqual([[ids[0], 'The title needs an article: "Ån".']])
      expect((await store.listTranslations(ID, 'sv'))[0]?.rejection).toEqual({ reason: 'The title needs an article: "Ån".', translator: 'ann' })
    })

    it('tells the translator of a rejected text why, in the same write, and nobody when it is refused', async () => {
      await store.accounts.add('ann', [{ role: 'translator', langs: ['sv'] }])
      await store.accounts.add('rev', [{ role: 'reviewer', langs: ['sv'] }])
      const done = await write(ids[0]!, { text: 'Floden.' })
      await expect(write(ids[0]!, { text: 'Ån.', state: 'rejected', reason: 'Fel ord', author: 'rev', ifVersion: done.version })).rejects.toThrow()
      expect(await store.notifications.unread('ann')).toBe(0)
      await write(ids[0]!, { text: 'Floden.', state: 'rejected', reason: 'Det är en å, inte en flod.', author: 'rev', ifVersion: done.version })
      const { notifications } = await store.notifications.list('ann')
      expect(notifications.map((n) => ({ kind: n.kind, article: n.article, lang: n.lang, unit: n.unit, from: n.from, reason: n.reason }))).toEqual([
        { kind: 'rejected', article: ID, lang: 'sv', unit: ids[0], from: 'rev', reason: 'Det är en å, inte en flod.' },
      ])
      expect(await store.notifications.unread('rev')).toBe(0)
    })

    it('counts rejected units and words as pending work, and lists them apart', async () => {
      const [first] = await store.listUnits(ID)
      await write(ids[0]!, { text: 'Floden' })
      await write(ids[3]!, { text: 'Ingen minns.', state: 'reviewed' })
      await write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'Ån', ifVersion: 1 })
      const [sv] = await store.coverage({ articles: [ID], langs: ['sv'] })
      expect(sv?.units).toMatchObject({ rejected: 1, reviewed: 1, translated: 0, initial: 4 })
      expect(sv?.words.rejected).toBe(first!.words)
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
      const [sheet] = await store.articleCoverage({ articles: [ID] })
      expect(sheet?.counts.slice(8, 10)).toEqual([1, first!.words])
      const [json] = await store.pendingUnitsJson(ID, ['sv'])
      expect(JSON.parse(`[${json!.rejected}]`)).toEqual([{ id: ids[0], position: 1, source: '# The river' }])
      expect(JSON.parse(`[${json!.untranslated}]`).map((u: { id: string }) => u.id)).not.toContain(ids[0])
      const page = await store.pendingUnitsJsonPage(ID, 'sv', 'rejected', 0, 100)
      expect(page.json).toBe(json!.rejected)
      const [pending] = await store.pendingUnitsByLang(ID, ['sv'])
      expect(pending?.find((u) => u.id === ids[0])).toMatchObject({ state: 'rejected', stale: false })
      expect((await store.pendingUnits(ID, 'sv')).map((u) => u.id)).toContain(ids[0])
    })

    it('moves back to translated when the text is edited, and the rejection goes', async () => {
      await write(ids[0]!, { text: 'Floden' })
      await write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'Ån', ifVersion: 1 })
      const fixed = await write(ids[0]!, { text: 'Ån', ifVersion: 2 })
      expect(fixed).toMatchObject({ state: 'translated', version: 3 })
      expect(fixed.rejection).toBeUndefined()
      expect((await store.getTranslation(ID, ids[0]!, 'sv')).rejection).toBeUndefined()
      const [sv] = await store.coverage({ articles: [ID], langs: ['sv'] })
      expect(sv?.units).toMatchObject({ rejected: 0, translated: 1 })
    })

    it('refuses a rejection without a reason, with a long or bad one, of other text, or of an untranslated or rejected unit', async () => {
      await write(ids[0]!, { text: 'Floden' })
      for (const reason of [undefined, '', '   ']) {
        const e = await thrown(() => write(ids[0]!, { text: 'Floden', state: 'rejected', ...(reason === undefined ? {} : { reason }) }))
        expect([e.status, e.code]).toEqual([400, 'reason-required'])
      }
      const long = await thrown(() => write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'x'.repeat(MAX_REASON + 1) }))
      expect([long.status, long.code]).toEqual([400, 'invalid-text'])
      const bell = await thrown(() => write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'no\u0007' }))
      expect([bell.status, bell.code]).toEqual([400, 'invalid-text'])
      const other = await thrown(() => write(ids[0]!, { text: 'Ån', state: 'rejected', reason: 'Ån' }))
      expect([other.status, other.code]).toEqual([400, 'text-differs'])
      const untranslated = await thrown(() => write(ids[2]!, { text: '', state: 'rejected', reason: 'empty' }))
      expect([untranslated.status, untranslated.code]).toEqual([409, 'not-rejectable'])
      const notRejecting = await thrown(() => write(ids[0]!, { text: 'Floden', reason: 'why' }))
      expect([notRejecting.status, notRejecting.code]).toEqual([400, 'reason-not-allowed'])
      // Exactly the longest reason is taken.
      await write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'x'.repeat(MAX_REASON) })
      const again = await thrown(() => write(ids[0]!, { text: 'Floden', state: 'rejected', reason: 'still' }))
      expect([again.status, again.code]).toEqual([409, 'not-rejectable'])
      expect(await store.history(ID, ids[0]!, 'sv')).toHaveLength(2)
    })

    it('refuses to confirm a rejected unit, even a stale one', async () => {
      const before = await staleOne()
      await write(ids[1]!, { text: before.text, state: 'rejected', reason: 'Kvarnen är röd nu', ifVersion: 1 })
      const rejected = await store.getTranslation(ID, ids[1]!, 'sv')
      expect(rejected).toMatchObject({ state: 'rejected', stale: true })
      const e = await thrown(() => write(ids[1]!, { text: before.text, state: 'rejected', confirm: true, ifVersion: 2 }))
      expect([e.status, e.code]).toEqual([409, 'confirm-rejected'])
      const e2 = await thrown(() => write(ids[1]!, { text: before.text, confirm: true, ifVersion: 2 }))
      expect([e2.status, e2.code]).toEqual([409, 'confirm-rejected'])
      // Stale and rejected: listed as stale, counted in both.
      const [json] = await store.pendingUnitsJson(ID, ['sv'])
      expect(json!.rejected).toBe('')
      expect(json!.stale).toContain(ids[1])
      const [sv] = await store.coverage({ articles: [ID], langs: ['sv'] })
      expect(sv?.units).toMatchObject({ rejected: 1, stale: 1 })
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
    })

    it('keeps the counters right when a rejected unit is removed from the article and comes back', async () => {
      await write(ids[5]!, { text: 'Stenarna.' })
      await write(ids[5]!, { text: 'Stenarna.', state: 'rejected', reason: 'Hela meningen', ifVersion: 1 })
      await store.importArticle(article(ID, SAMPLE.replace(' The stones are older than the town.', '')))
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
      await store.importArticle(article(ID, SAMPLE))
      expect(await store.coverage({ articles: [ID] })).toEqual(await recount())
      const [sv] = await store.coverage({ articles: [ID], langs: ['sv'] })
      expect(sv?.units.rejected).toBe(1)
    })
  })
}
