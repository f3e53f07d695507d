import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activityPage } from '../../src/team/activity.js'
import type { Store } from '../../src/store/types.js'
import { article } from './fixtures/articles.js'

const TEXT = 'One two three four. Five six. Seven eight nine. Ten.\nEleven twelve thirteen fourteen fifteen sixteen.'

/** What every Store does for assignments and the activity feed's sources (issue #20). */
export function testAssignments(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
    await store.importArticle(article('en-general-01', TEXT, { targets: ['sv', 'de'] }))
  })
  afterEach(async () => {
    await store.close()
  })
  const sources = () => [
    ['import', store.activity.imports],
    ['save', store.activity.saves],
    ['review', store.activity.reviews],
    ['assignment', store.activity.assignments],
  ] as const

  describe('assignments', () => {
    it('stores the coordinator role per language beside the others', async () => {
      await store.accounts.add('cole', [{ role: 'coordinator', langs: ['sv'] }, { role: 'translator', langs: ['de'] }])
      await store.accounts.grant('cole', { role: 'coordinator', langs: ['de'] })
      expect((await store.accounts.get('cole'))?.grants).toEqual([{ role: 'coordinator', langs: ['de', 'sv'] }, { role: 'translator', langs: ['de'] }].sort((a, b) => a.role.localeCompare(b.role)))
    })

    it('writes a whole-article assignment and counts its words left as work is done', async () => {
      const [a] = await store.assignments.create({ article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann' }], due: '2026-12-24', note: 'Före jul', by: 'cole' })
      expect(a).toMatchObject({ article: 'en-general-01', lang: 'sv', user: 'ann', segments: null, units: 5, words: 16, wordsLeft: 16, due: '2026-12-24', note: 'Före jul', by: 'cole' })
      expect(a!.batch).toBe(a!.id)
      const units = await store.listUnits('en-general-01')
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[0]!.id, lang: 'sv', text: 'Ett två tre fyra.', state: 'translated', author: 'ann' })
      // A draft (initial) and another language are not done.
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[1]!.id, lang: 'sv', text: 'Fem', state: 'initial', author: 'ann' })
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[2]!.id, lang: 'de', text: 'Sieben', state: 'translated', author: 'dan' })
      expect((await store.assignments.get(a!.id))?.wordsLeft).toBe(12)
      // An edited source makes its translation stale: left again. A new sentence joins the article.
      await store.importArticle(article('en-general-01', `${TEXT.replace('One two three four.', 'One two three five.')} Seventeen.`))
      expect(await store.assignments.get(a!.id)).toMatchObject({ units: 6, words: 17, wordsLeft: 17 })
    })

    it('keeps a range as the unit ids it held: a re-import does not move it, and stale work is left again', async () => {
      const units = await store.listUnits('en-general-01')
      const [a] = await store.assignments.create({
        article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann', units: [units[1]!.id, units[2]!.id], segments: '2-3' }], by: 'cole',
      })
      expect(a).toMatchObject({ segments: '2-3', units: 2, words: 5, wordsLeft: 5 })
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[1]!.id, lang: 'sv', text: 'Fem sex.', state: 'translated', author: 'ann' })
      expect((await store.assignments.get(a!.id))?.wordsLeft).toBe(3)
      // A new first sentence shifts every position; the assignment keeps its two units.
      await store.importArticle(article('en-general-01', `New start here. ${TEXT.replace('Five six.', 'Five six seven.')}`))
      const again = await store.assignments.get(a!.id)
      expect(again).toMatchObject({ segments: '2-3', units: 2, words: 6, wordsLeft: 6 })
    })

    it('writes a batch all or none, and refuses what breaks the rules', async () => {
      const units = await store.listUnits('en-general-01')
      const base = { article: 'en-general-01', lang: 'sv', by: 'cole' }
      const bad = [
        { ...base, parts: [] },
        { ...base, parts: [{ user: 'ann' }, { user: 'ann' }] },
        { ...base, parts: [{ user: 'ann', units: [units[0]!.id], segments: '1' }, { user: 'bo', units: [units[0]!.id], segments: '1' }] },
        { ...base, parts: [{ user: 'ann', units: ['nope'], segments: '1' }] },
        { ...base, parts: [{ user: 'ann' }], due: '2026-02-30' },
        { ...base, parts: [{ user: 'ann' }], due: 'tomorrow' },
        { ...base, parts: [{ user: 'ann' }], note: 'a\u0007b' },
        { ...base, parts: [{ user: 'ann' }], note: 'x'.repeat(2001) },
        { ...base, lang: 'fi', parts: [{ user: 'ann' }] },
        { ...base, parts: [{ user: 'a b' }] },
      ]
      for (const batch of bad) await expect(store.assignments.create(batch), JSON.stringify(batch).slice(0, 120)).rejects.toMatchObject({ status: 400 })
      await expect(store.assignments.create({ ...base, article: 'en-general-99', parts: [{ user: 'ann' }] })).rejects.toMatchObject({ status: 404 })
      expect(await store.assignments.list()).toEqual([])
    })

    it('lists newest first, filtered by article, language and person, paged, leaving archived articles out', async () => {
      await store.importArticle(article('en-general-02', 'Another one.', { targets: ['sv'] }))
      const [a] = await store.assignments.create({ article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann' }], by: 'cole' })
      const [b, c] = await store.assignments.create({
        article: 'en-general-01', lang: 'de', by: 'cole',
        parts: [{ user: 'ann', units: [(await store.listUnits('en-general-01'))[0]!.id], segments: '1' }, { user: 'bo' }],
      })
      const [d] = await store.assignments.create({ article: 'en-general-02', lang: 'sv', parts: [{ user: 'bo' }], by: 'cole' })
      expect(c!.batch).toBe(b!.id)
      const ids = (list: { id: number }[]) => list.map((x) => x.id)
      expect(ids(await store.assignments.list())).toEqual([d!.id, c!.id, b!.id, a!.id])
      expect(ids(await store.assignments.list({ user: 'ann' }))).toEqual([b!.id, a!.id])
      expect(ids(await store.assignments.list({ article: 'en-general-01', lang: 'de' }))).toEqual([c!.id, b!.id])
      expect(ids(await store.assignments.list({ limit: 2 }))).toEqual([d!.id, c!.id])
      expect(ids(await store.assignments.list({ limit: 2, before: c!.id }))).toEqual([b!.id, a!.id])
      await store.archiveArticle('en-general-02', { by: 'x' })
      expect(ids(await store.assignments.list({ user: 'bo' }))).toEqual([c!.id])
      await expect(store.assignments.create({ article: 'en-general-02', lang: 'sv', parts: [{ user: 'bo' }], by: 'cole' })).rejects.toMatchObject({ code: 'archived' })
      expect(await store.assignments.get(99_999)).toBeUndefined()
    })

    it('withdraws an assignment once: kept and listed as withdrawn, left out of lists of those that stand', async () => {
      const [a, b] = await store.assignments.create({ article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann' }, { user: 'bo', units: [(await store.listUnits('en-general-01'))[0]!.id], segments: '1' }], by: 'cole' })
      expect(a!.withdrawn).toBeNull()
      const withdrawn = await store.assignments.withdraw(a!.id, 'cole')
      expect(withdrawn).toMatchObject({ id: a!.id, user: 'ann', words: 16, withdrawn: { by: 'cole', at: expect.any(String) } })
      expect(new Date(withdrawn.withdrawn!.at).toISOString()).toBe(withdrawn.withdrawn!.at)
      expect(await store.assignments.get(a!.id)).toEqual(withdrawn)
      // A second withdrawal, or a rival's, changes nothing and says who won.
      await expect(store.assignments.withdraw(a!.id, 'dan')).rejects.toMatchObject({ status: 409, code: 'assignment-withdrawn', message: expect.stringContaining('cole') })
      await expect(store.assignments.withdraw(99_999, 'cole')).rejects.toMatchObject({ status: 404, code: 'unknown-assignment' })
      expect((await store.assignments.list()).map((x) => [x.id, x.withdrawn?.by ?? null])).toEqual([[b!.id, null], [a!.id, 'cole']])
      expect((await store.assignments.list({ withdrawn: false })).map((x) => x.id)).toEqual([b!.id])
      expect((await store.assignments.list({ withdrawn: true, user: 'ann' })).map((x) => x.id)).toEqual([a!.id])
      expect(await store.assignments.list({ withdrawn: true, user: 'bo' })).toEqual([])
      // Two at once: one wins, the other is told.
      const both = await Promise.allSettled([store.assignments.withdraw(b!.id, 'cole'), store.assignments.withdraw(b!.id, 'dan')])
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['assignment-withdrawn'])
    })

    it('gives the live units with their words, for a split', async () => {
      const units = await store.assignments.unitWords('en-general-01')
      expect(units.map((u) => [u.position, u.words])).toEqual([[1, 4], [2, 2], [3, 3], [4, 1], [5, 6]])
      await expect(store.assignments.unitWords('nope')).rejects.toMatchObject({ status: 404 })
    })
  })

  describe('notifications and comments (wiring of #20 at merge)', () => {
    it('notifies each person assigned, in the same write, from the coordinator', async () => {
      await store.accounts.add('ann', [{ role: 'translator', langs: ['sv'] }])
      await store.accounts.add('bo', [{ role: 'translator', langs: ['sv'] }])
      await store.accounts.add('cole', [{ role: 'coordinator', langs: ['sv'] }])
      const units = await store.listUnits('en-general-01')
      await store.assignments.create({
        article: 'en-general-01', lang: 'sv', by: 'cole',
        parts: [{ user: 'ann', units: [units[0]!.id, units[1]!.id], segments: '1-2' }, { user: 'bo', units: [units[2]!.id], segments: '3' }],
      })
      const ann = await store.notifications.list('ann')
      expect(ann.notifications.map((n) => ({ kind: n.kind, article: n.article, lang: n.lang, unit: n.unit, from: n.from }))).toEqual([
        { kind: 'assigned', article: 'en-general-01', lang: 'sv', unit: units[0]!.id, from: 'cole' },
      ])
      expect(await store.notifications.unread('bo')).toBe(1)
      expect(await store.notifications.unread('cole')).toBe(0)
      // A refused batch notifies nobody.
      await expect(store.assignments.create({ article: 'en-general-01', lang: 'sv', by: 'cole', parts: [{ user: 'ann', units: ['no-such-unit'], segments: '9' }] })).rejects.toThrow()
      expect(await store.notifications.unread('ann')).toBe(1)
    })

    it('gives the feed each comment, query and reply, a source one in every language', async () => {
      const units = await store.listUnits('en-general-01')
      const q = await store.comments.add({ article: 'en-general-01', unit: units[0]!.id, kind: 'query', text: 'Which four?', by: 'ann' })
      await store.comments.add({ article: 'en-general-01', unit: units[1]!.id, lang: 'de', kind: 'comment', text: 'Gut.', by: 'dan' })
      await store.comments.reply(q.id, { text: 'The first four.', by: 'cole' })
      const feed = async (lang?: string) =>
        (await store.activity.comments({ article: 'en-general-01', ...(lang ? { lang } : {}), bound: null, limit: 10 })).map((i) => [i.user, i.detail.as, i.lang ?? null])
      expect(await feed()).toEqual([['cole', 'reply', null], ['dan', 'comment', 'de'], ['ann', 'query', null]])
      expect(await feed('sv')).toEqual([['cole', 'reply', null], ['ann', 'query', null]])
    })

    it('gives the feed each rejection with its reason and whose text it sent back', async () => {
      const units = await store.listUnits('en-general-01')
      const done = await store.writeTranslation({ articleId: 'en-general-01', unitId: units[0]!.id, lang: 'sv', text: 'Ett två tre fyra.', state: 'translated', author: 'ann' })
      await store.writeTranslation({ articleId: 'en-general-01', unitId: units[0]!.id, lang: 'sv', text: done.text, state: 'rejected', reason: 'Fyra, inte fem.', author: 'rev', ifVersion: done.version })
      const items = await store.activity.rejections({ article: 'en-general-01', bound: null, limit: 10 })
      expect(items.map((i) => [i.kind, i.user, i.lang, i.detail])).toEqual([['rejection', 'rev', 'sv', { unit: units[0]!.id, reason: 'Fyra, inte fem.', translator: 'ann' }]])
      expect(await store.activity.rejections({ article: 'en-general-01', lang: 'de', bound: null, limit: 10 })).toEqual([])
    })
  })

  describe('activity sources', () => {
    it('reads imports with their counts, saves and reviews grouped per person and hour, and assignments', async () => {
      const units = await store.listUnits('en-general-01')
      const write = (i: number, author: string, state: 'translated' | 'reviewed', lang = 'sv') =>
        store.writeTranslation({ articleId: 'en-general-01', unitId: units[i]!.id, lang, text: `t${i}`, state, author })
      await write(0, 'ann', 'translated')
      await write(1, 'ann', 'translated')
      await write(1, 'ann', 'translated')
      await write(2, 'bo', 'translated', 'de')
      await write(0, 'rita', 'reviewed')
      await store.assignments.create({ article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann' }], due: '2026-12-24', by: 'cole' })
      const again = await store.importArticle({ ...article('en-general-01', TEXT.replace('Ten.', 'Ten and more.')), by: 'ida' })
      const page = await activityPage(sources(), { article: 'en-general-01', limit: 50 })
      const kinds = page.items.map((i) => i.kind)
      expect(kinds.filter((k) => k === 'import')).toHaveLength(2)
      const imports = page.items.filter((i) => i.kind === 'import')
      expect(imports[0]!.detail).toEqual({ revision: 2, ...again.units })
      expect(again.units.kept).toBe(4)
      expect(imports.map((i) => i.user)).toEqual(['ida', undefined])
      expect(imports[1]!.detail).toMatchObject({ revision: 1, kept: 0, new: 5 })
      const saves = page.items.filter((i) => i.kind === 'save')
      expect(saves.map((s) => [s.user, s.lang, s.detail.writes, s.detail.units]).sort()).toEqual([['ann', 'sv', 3, 2], ['bo', 'de', 1, 1]])
      expect(page.items.filter((i) => i.kind === 'review').map((s) => [s.user, s.detail.units])).toEqual([['rita', 1]])
      expect(page.items.filter((i) => i.kind === 'assignment').map((s) => [s.user, s.detail.to, s.detail.due])).toEqual([['cole', 'ann', '2026-12-24']])
      // Newest first.
      const times = page.items.map((i) => i.at)
      expect([...times].sort().reverse()).toEqual(times)
      expect(page.next).toBeNull()
      // A language filter keeps imports (they concern every language) and that language's items.
      const de = await activityPage(sources(), { article: 'en-general-01', lang: 'de', limit: 50 })
      expect(de.items.map((i) => i.kind).sort()).toEqual(['import', 'import', 'save'])
      const only = await activityPage(sources(), { article: 'en-general-01', kinds: ['review'], limit: 50 })
      expect(only.items.map((i) => i.kind)).toEqual(['review'])
    })

    it('gives the feed a withdrawal as an assignment item of its own: who withdrew it, from whom, when', async () => {
      const [a] = await store.assignments.create({ article: 'en-general-01', lang: 'sv', parts: [{ user: 'ann' }], due: '2026-12-24', by: 'cole' })
      await store.assignments.create({ article: 'en-general-01', lang: 'de', parts: [{ user: 'dan' }], by: 'cole' })
      const withdrawn = await store.assignments.withdraw(a!.id, 'dora')
      const page = await activityPage(sources(), { article: 'en-general-01', kinds: ['assignment'], limit: 50 })
      expect(page.items.map((i) => [i.user, i.lang, i.detail.to, i.detail.action ?? 'assigned', i.detail.id])).toEqual([
        ['dora', 'sv', 'ann', 'withdrawn', a!.id], ['cole', 'de', 'dan', 'assigned', a!.id + 1], ['cole', 'sv', 'ann', 'assigned', a!.id],
      ])
      expect(page.items[0]!.at).toBe(withdrawn.withdrawn!.at)
      expect(new Set(page.items.map((i) => i.key)).size).toBe(3)
      const de = await activityPage(sources(), { article: 'en-general-01', kinds: ['assignment'], lang: 'de', limit: 50 })
      expect(de.items.map((i) => i.user)).toEqual(['cole'])
      // Paged one by one, the same three.
      const seen: string[] = []
      let cursor: string | undefined
      for (let i = 0; i < 5; i++) {
        const one = await activityPage(sources(), { article: 'en-general-01', kinds: ['assignment'], limit: 1, ...(cursor ? { cursor } : {}) })
        seen.push(...one.items.map((x) => `${x.user} ${x.detail.action ?? 'assigned'} ${x.detail.id}`))
        if (!one.next) break
        cursor = one.next
      }
      expect(seen).toEqual(page.items.map((x) => `${x.user} ${x.detail.action ?? 'assigned'} ${x.detail.id}`))
    })

    it('pages through items of one instant without repeating or skipping any', async () => {
      await store.importArticle(article('en-general-02', 'A. B. C. D. E. F.', { targets: ['sv'] }))
      const units = await store.listUnits('en-general-02')
      for (const [i, u] of units.entries()) {
        await store.assignments.create({ article: 'en-general-02', lang: 'sv', parts: [{ user: `p${i}` }], by: 'cole' })
        await store.writeTranslation({ articleId: 'en-general-02', unitId: u.id, lang: 'sv', text: 'x', state: 'translated', author: `p${i}` })
      }
      const all = await activityPage(sources(), { article: 'en-general-02', limit: 200 })
      const seen: string[] = []
      let cursor: string | undefined
      for (let n = 0; n < 20; n++) {
        const page = await activityPage(sources(), { article: 'en-general-02', limit: 2, ...(cursor ? { cursor } : {}) })
        seen.push(...page.items.map((i) => `${i.kind}:${i.key}`))
        if (!page.next) break
        cursor = page.next
      }
      expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.key}`))
      expect(all.items).toHaveLength(1 + 6 + 6)
      await expect(activityPage(sources(), { article: 'en-general-02', limit: 2, cursor: 'bogus' })).rejects.toMatchObject({ status: 400 })
    })
  })
}
