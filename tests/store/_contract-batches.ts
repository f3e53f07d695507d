import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyBatch, undoBatch } from '../../src/batch/apply.js'
import { planBatch } from '../../src/batch/plan.js'
import type { Principal } from '../../src/auth/types.js'
import { InvalidInput } from '../../src/model/errors.js'
import type { Store } from '../../src/store/types.js'
import { article } from './fixtures/articles.js'
import { tally, zeroCounts } from './_recount.js'

const ann: Principal = { account: 'ann', grants: [{ role: 'translator', langs: ['sv'] }] }
const rita: Principal = { account: 'rita', grants: [{ role: 'reviewer', langs: ['sv'] }] }

/** What every Store does for batches (issue #21): previews, versions written, undo, history's batch id. */
export function testBatchStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
    await store.importArticle(article('en-general-01', 'The cat sat. A cat ran. 42.\n', { targets: ['sv'] }))
    await store.importArticle(article('en-general-02', 'Cats sleep. The cat eats.\n', { targets: ['sv'] }))
    for (const id of ['en-general-01', 'en-general-02']) {
      const units = await store.listUnits(id)
      for (const u of units) {
        if (/\p{L}/u.test(u.source)) {
          await store.writeTranslation({ articleId: id, unitId: u.id, lang: 'sv', text: u.source.replace(/cat/gi, 'katt'), state: 'translated', author: 'ann' })
        }
      }
    }
  })
  afterEach(async () => {
    await store.close()
  })

  describe('batches', () => {
    it('stores a preview with its units in order, and moves it from status to status once', async () => {
      const b = await store.batches.create(
        { id: 'b-1', action: 'replace', lang: 'sv', scope: { articles: ['x'], lang: 'sv' }, params: { find: 'a' }, author: 'ann', undoOf: null },
        [
          { articleId: 'x', unitId: 'u2', lang: 'sv', position: 2, versionBefore: 3, textBefore: 'a ⟦1/⟧', stateBefore: 'translated', textAfter: 'b ⟦1/⟧', stateAfter: 'translated', memoryScore: null, madeFromBefore: 'A ⟦1/⟧.', madeFromAfter: null },
          { articleId: 'x', unitId: 'u1', lang: 'sv', position: 1, versionBefore: 0, textBefore: '', stateBefore: 'initial', textAfter: 'c', stateAfter: 'translated', memoryScore: 97, madeFromBefore: null, madeFromAfter: 'An older source.' },
        ],
      )
      expect(b).toMatchObject({ id: 'b-1', action: 'replace', status: 'preview', author: 'ann', scope: { articles: ['x'], lang: 'sv' }, params: { find: 'a' }, appliedAt: null, undoOf: null })
      expect(typeof b.createdAt).toBe('string')
      expect(await store.batches.get('b-1')).toEqual(b)
      expect(await store.batches.get('b-none')).toBeUndefined()
      await expect(store.batches.create({ ...b, undoOf: null }, [])).rejects.toThrow(InvalidInput)
      await expect(store.batches.create({ ...b, id: 'bad id!', undoOf: null }, [])).rejects.toThrow(InvalidInput)
      const units = await store.batches.units('b-1')
      expect(units.map((u) => [u.unitId, u.versionAfter, u.memoryScore, u.textBefore, u.madeFromBefore, u.madeFromAfter])).toEqual([
        ['u2', null, null, 'a ⟦1/⟧', 'A ⟦1/⟧.', null], ['u1', null, 97, '', null, 'An older source.'],
      ])
      expect(await store.batches.advance('b-1', 'applied', 'undone')).toBe(false)
      expect(await store.batches.advance('b-1', 'preview', 'applied')).toBe(true)
      expect(await store.batches.advance('b-1', 'preview', 'applied')).toBe(false)
      await store.batches.setVersions('b-1', [{ index: 1, versionAfter: 1 }])
      expect((await store.batches.units('b-1')).map((u) => u.versionAfter)).toEqual([null, 1])
      expect(await store.batches.advance('b-1', 'applied', 'undone', { undoneBy: 'b-2' })).toBe(true)
      expect(await store.batches.get('b-1')).toMatchObject({ status: 'undone', undoneBy: 'b-2' })
      expect((await store.batches.get('b-1'))!.appliedAt).not.toBeNull()
      expect((await store.batches.listBy('ann')).map((x) => x.id)).toEqual(['b-1'])
      expect(await store.batches.listBy('bob')).toEqual([])
    })

    it('replaces by regex across two articles: preview, apply with a conflict skipped, undo with a later edit left alone', async () => {
      const request = { action: 'replace' as const, scope: { articles: ['en-general-01', 'en-general-02'], lang: 'sv' }, find: '\\b(k)att\\b', replace: '$1isse', regex: true }
      const preview = await planBatch(store, request, ann)
      expect(preview).toMatchObject({ dryRun: true, status: 'preview', skipped: [] })
      expect(preview.changes.map((c) => [c.article, c.before, c.after])).toEqual([
        ['en-general-01', 'The katt sat.', 'The kisse sat.'],
        ['en-general-01', 'A katt ran.', 'A kisse ran.'],
        ['en-general-02', 'The katt eats.', 'The kisse eats.'],
      ])
      expect(preview.changes[0]!.diff).toEqual([
        { op: 'same', text: 'The ' }, { op: 'removed', text: 'katt' }, { op: 'added', text: 'kisse' }, { op: 'same', text: ' sat.' },
      ])
      // Nothing written by the preview.
      const first = preview.changes[0]!
      expect((await store.getTranslation(first.article, first.unit, 'sv')).text).toBe('The katt sat.')

      // Someone edits the second unit between preview and apply.
      const racer = preview.changes[1]!
      await store.writeTranslation({ articleId: racer.article, unitId: racer.unit, lang: 'sv', text: 'En katt sprang.', state: 'translated', author: 'bo' })
      const applied = await applyBatch(store, preview.id, ann)
      expect(applied.changes.map((c) => c.after)).toEqual(['The kisse sat.', 'The kisse eats.'])
      expect(applied.skipped).toEqual([expect.objectContaining({ unit: racer.unit, reason: 'changed' })])
      expect((await store.getTranslation(racer.article, racer.unit, 'sv')).text).toBe('En katt sprang.')
      const h = await store.history(first.article, first.unit, 'sv')
      expect(h.at(-1)).toMatchObject({ newText: 'The kisse sat.', author: 'ann', batch: preview.id })
      expect(h[0]!.batch).toBeUndefined()
      await expect(applyBatch(store, preview.id, ann)).rejects.toMatchObject({ status: 409 })

      // A later edit of the third unit: undo leaves it alone and lists it.
      const third = applied.changes[1]!
      await store.writeTranslation({ articleId: third.article, unitId: third.unit, lang: 'sv', text: 'Kissen äter.', state: 'translated', author: 'bo', ifVersion: third.versionAfter! })
      const undone = await undoBatch(store, preview.id, ann)
      expect(undone).toMatchObject({ action: 'undo', undoOf: preview.id })
      expect(undone.changes.map((c) => [c.unit, c.after])).toEqual([[first.unit, 'The katt sat.']])
      expect(undone.skipped).toEqual([expect.objectContaining({ unit: third.unit, reason: 'changed' })])
      expect((await store.getTranslation(first.article, first.unit, 'sv')).text).toBe('The katt sat.')
      expect((await store.getTranslation(third.article, third.unit, 'sv')).text).toBe('Kissen äter.')
      expect((await store.history(first.article, first.unit, 'sv')).at(-1)!.batch).toBe(undone.id)
      expect(await store.batches.get(preview.id)).toMatchObject({ status: 'undone', undoneBy: undone.id })
      await expect(undoBatch(store, preview.id, ann)).rejects.toMatchObject({ status: 409 })
    })

    it('puts a stale translation back stale on undo, made from its old source: after a replace, a set-state and a confirm', async () => {
      // "The cat sat." translated "The katt sat.", then its source edited: stale.
      await store.importArticle(article('en-general-01', 'The cat sat down. A cat ran. 42.\n', { targets: ['sv'] }))
      const [u1] = await store.listUnits('en-general-01')
      const before = await store.getTranslation('en-general-01', u1!.id, 'sv')
      expect(before).toMatchObject({ text: 'The katt sat.', stale: true, madeFrom: 'The cat sat.' })
      const recount = async () => {
        const units = await store.listUnits('en-general-01')
        const c = zeroCounts('en-general-01', 'sv')
        const ts = await store.listTranslations('en-general-01', 'sv')
        units.forEach((u, i) => tally(c, ts[i]!, u.words))
        return [c]
      }
      const scope = { articles: ['en-general-01'], lang: 'sv' }
      const requests = [
        { who: ann, request: { action: 'replace' as const, scope, find: 'katt', replace: 'kisse', wholeWords: true } },
        { who: rita, request: { action: 'set-state' as const, scope, state: 'reviewed' as const } },
        { who: rita, request: { action: 'confirm' as const, scope } },
      ]
      for (const { who, request } of requests) {
        const batch = await planBatch(store, request, who)
        const applied = await applyBatch(store, batch.id, who)
        expect(applied.changes.map((c) => c.unit)).toContain(u1!.id)
        expect(await store.getTranslation('en-general-01', u1!.id, 'sv')).toMatchObject({ stale: false, madeFrom: 'The cat sat down.' })
        const undone = await undoBatch(store, batch.id, who)
        expect(undone.changes.map((c) => c.unit)).toContain(u1!.id)
        expect(await store.getTranslation('en-general-01', u1!.id, 'sv')).toMatchObject({ text: 'The katt sat.', state: 'translated', stale: true, madeFrom: 'The cat sat.' })
        expect((await store.pendingUnits('en-general-01', 'sv')).find((u) => u.id === u1!.id)).toMatchObject({ stale: true })
        expect(await store.coverage({ articles: ['en-general-01'] })).toEqual(await recount())
        // Undoing the undo writes the batch's text again, not stale: the batch had made it current.
        const redone = await undoBatch(store, undone.id, who)
        expect(redone.changes.map((c) => c.unit)).toContain(u1!.id)
        expect(await store.getTranslation('en-general-01', u1!.id, 'sv')).toMatchObject({ stale: false, madeFrom: 'The cat sat down.' })
        expect(await store.coverage({ articles: ['en-general-01'] })).toEqual(await recount())
        const back = await undoBatch(store, redone.id, who)
        expect(back.changes.map((c) => c.unit)).toContain(u1!.id)
        expect(await store.getTranslation('en-general-01', u1!.id, 'sv')).toMatchObject({ text: 'The katt sat.', stale: true, madeFrom: 'The cat sat.' })
      }
    })

    it('respects grants unit by unit: a translator cannot touch reviewed units, a reviewer can', async () => {
      const [u1] = await store.listUnits('en-general-01')
      await store.writeTranslation({ articleId: 'en-general-01', unitId: u1!.id, lang: 'sv', text: 'The katt sat.', state: 'reviewed', author: 'rita' })
      const request = { action: 'replace' as const, scope: { articles: ['en-general-01'], lang: 'sv' }, find: 'katt', replace: 'mus', wholeWords: true }
      const mine = await planBatch(store, request, ann)
      expect(mine.changes.map((c) => c.after)).toEqual(['A mus ran.'])
      expect(mine.skipped).toEqual([expect.objectContaining({ unit: u1!.id, reason: 'forbidden' })])
      const theirs = await planBatch(store, request, rita)
      expect(theirs.changes.map((c) => c.after)).toEqual(['The mus sat.', 'A mus ran.'])
      await expect(planBatch(store, request, { account: 'vic', grants: [{ role: 'viewer', langs: [] }] })).rejects.toMatchObject({ status: 403 })
    })

    it('sets states, copies the source of units without letters, and filters by state and range', async () => {
      const copy = await planBatch(store, { action: 'copy-source', scope: { tag: 'en-general', lang: 'sv' } }, ann)
      expect(copy.changes.map((c) => [c.article, c.after, c.stateAfter])).toEqual([['en-general-01', '42.', 'translated']])
      const review = await planBatch(store, { action: 'set-state', state: 'reviewed', scope: { tag: 'en-general', lang: 'sv' }, filter: { state: ['translated'], range: '2-3' } }, rita)
      expect(review.changes.map((c) => [c.article, c.position, c.stateAfter])).toEqual([
        ['en-general-01', 2, 'reviewed'], ['en-general-02', 2, 'reviewed'],
      ])
      const asAnn = await planBatch(store, { action: 'set-state', state: 'final', scope: { tag: 'en-general', lang: 'sv' } }, ann)
      expect(asAnn.changes).toEqual([])
      expect(asAnn.skipped.every((s) => s.reason === 'forbidden')).toBe(true)
      expect(asAnn.skipped).toHaveLength(4)
      await applyBatch(store, review.id, rita)
      const states = (await store.listTranslations('en-general-02', 'sv')).map((t) => t.state)
      expect(states).toEqual(['translated', 'reviewed'])
    })

    it('refuses a bad regex, an empty scope, a bad range and a language that is no target before planning', async () => {
      const scope = { articles: ['en-general-01'], lang: 'sv' }
      await expect(planBatch(store, { action: 'replace', scope, find: '(', replace: '', regex: true }, ann)).rejects.toThrow(/valid regular expression.*Unterminated group/)
      await expect(planBatch(store, { action: 'copy-source', scope: { lang: 'sv' } }, ann)).rejects.toThrow(InvalidInput)
      await expect(planBatch(store, { action: 'copy-source', scope, filter: { range: '9-2' } }, ann)).rejects.toThrow(/segment range/)
      await expect(planBatch(store, { action: 'copy-source', scope: { articles: ['en-general-01'], lang: 'de' } }, ann)).rejects.toMatchObject({ code: 'not-a-target' })
      await expect(planBatch(store, { action: 'copy-source', scope: { articles: ['nope'], lang: 'sv' } }, ann)).rejects.toMatchObject({ status: 404 })
    })

    it('filters by open QA findings: a target identical to its source has one', async () => {
      const [first] = await store.listUnits('en-general-01')
      const now = await store.getTranslation('en-general-01', first!.id, 'sv')
      await store.writeTranslation({ articleId: 'en-general-01', unitId: first!.id, lang: 'sv', text: first!.source, state: 'translated', author: 'ann', ifVersion: now.version })
      const scope = { articles: ['en-general-01'], lang: 'sv' }
      const flagged = await planBatch(store, { action: 'set-state', state: 'initial', scope, filter: { qaFinding: true } }, ann)
      expect(flagged.changes.map((c) => c.unit)).toEqual([first!.id])
      const clean = await planBatch(store, { action: 'set-state', state: 'initial', scope, filter: { qaFinding: false, state: ['translated'] } }, ann)
      expect(clean.changes.map((c) => c.unit)).not.toContain(first!.id)
      expect(clean.changes.length).toBeGreaterThan(0)
    })
  })
}
