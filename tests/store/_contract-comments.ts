import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/types.js'
import { SAMPLE, article } from './fixtures/articles.js'

const A = 'en-general-01'

/** What every Store does for comments, queries and notifications (issue #20). */
export function testCommentStore(makeStore: () => Store | Promise<Store>): void {
  let store: Store
  let units: string[]
  beforeEach(async () => {
    store = await makeStore()
    await store.importArticle(article(A, SAMPLE, { targets: ['sv', 'de'] }))
    units = (await store.listUnits(A)).map((u) => u.id)
    for (const name of ['ann', 'bo', 'cy']) await store.accounts.add(name, [{ role: 'translator', langs: ['sv'] }])
  })
  afterEach(async () => {
    await store.close()
  })

  describe('comments', () => {
    it('adds a comment and a query, lists them as threads in unit order, and keeps the source threads in every language', async () => {
      const q = await store.comments.add({ article: A, unit: units[2]!, kind: 'query', text: 'Which mill?', by: 'ann' })
      const c = await store.comments.add({ article: A, unit: units[0]!, lang: 'SV', kind: 'comment', text: 'Keep it short', by: 'bo' })
      await store.comments.add({ article: A, unit: units[0]!, lang: 'de', kind: 'comment', text: 'Kurz', by: 'bo' })
      expect(q).toMatchObject({ article: A, unit: units[2], kind: 'query', author: 'ann', text: 'Which mill?', version: 1, edited: false })
      expect(q.lang).toBeUndefined()
      expect(c.lang).toBe('sv')
      const sv = await store.comments.threads(A, { lang: 'sv' })
      expect(sv.map((t) => t.id)).toEqual([c.id, q.id])
      expect((await store.comments.threads(A)).length).toBe(3)
      expect(await store.comments.counts(A, 'sv')).toEqual({ [units[0]!]: 1, [units[2]!]: 1 })
      expect(await store.comments.openQueries(A)).toEqual({ '': 1 })
      expect(await store.comments.unitsWithOpenQuery(A, 'sv')).toEqual([units[2]])
      await store.comments.add({ article: A, unit: units[1]!, lang: 'sv', kind: 'query', text: 'Tone?', by: 'bo' })
      expect(await store.comments.openQueriesOf([A, 'nope'])).toEqual([{ article: A, lang: '', open: 1 }, { article: A, lang: 'sv', open: 1 }])
      expect(await store.comments.openQueriesOf([])).toEqual([])
    })

    it('answers a query once someone else replies, notifies the asker and the translators, and resolves it with who and when', async () => {
      await store.writeTranslation({ articleId: A, unitId: units[2]!, lang: 'sv', text: 'Vem byggde kvarnen?', state: 'translated', author: 'cy' })
      const q = await store.comments.add({ article: A, unit: units[2]!, lang: 'sv', kind: 'query', text: 'Which mill?', by: 'ann' })
      await store.comments.reply(q.id, { text: 'More context', by: 'ann' })
      expect((await store.comments.get(q.id))?.answeredAt).toBeUndefined()
      const r = await store.comments.reply(q.id, { text: 'The old one', by: 'bo' })
      expect(r).toMatchObject({ parent: q.id, lang: 'sv', kind: 'comment', author: 'bo' })
      // A reply to a reply joins the thread.
      const rr = await store.comments.reply(r.id, { text: 'Thanks', by: 'ann' })
      expect(rr.parent).toBe(q.id)
      const [thread] = await store.comments.threads(A, { unit: units[2]! })
      expect(thread?.replies.map((x) => x.text)).toEqual(['More context', 'The old one', 'Thanks'])
      expect(thread?.answeredAt).toBeTruthy()
      const ann = await store.notifications.list('ann')
      expect(ann.unread).toBe(1)
      expect(ann.notifications[0]).toMatchObject({ kind: 'answered', article: A, lang: 'sv', unit: units[2], from: 'bo', comment: q.id, read: false })
      expect((await store.notifications.list('cy')).notifications.map((n) => n.kind)).toEqual(['answered'])
      expect((await store.notifications.list('bo')).unread).toBe(0)
      // A second answer notifies nobody again.
      await store.comments.reply(q.id, { text: 'Yes', by: 'cy' })
      expect((await store.notifications.list('ann')).unread).toBe(1)

      const resolved = await store.comments.resolve(q.id, { by: 'bo' })
      expect(resolved.resolved).toMatchObject({ by: 'bo' })
      expect(resolved.version).toBe(2)
      expect(await store.comments.threads(A, { open: true })).toEqual([])
      expect(await store.comments.openQueries(A)).toEqual({})
      expect(await store.comments.unitsWithOpenQuery(A, 'sv')).toEqual([])
      // Resolving twice keeps the first.
      expect((await store.comments.resolve(q.id, { by: 'cy' })).resolved?.by).toBe('bo')
      await expect(store.comments.resolve(r.id, { by: 'bo' })).rejects.toMatchObject({ code: 'not-a-query', status: 409 })
    })

    it('notifies mentioned accounts that exist, not the author, and newly mentioned ones on an edit', async () => {
      const c = await store.comments.add({ article: A, unit: units[1]!, kind: 'comment', text: '@bo and @nobody, see ann@example.org and @ann.', by: 'ann' })
      expect(c.mentions).toEqual(['bo', 'nobody', 'ann'])
      expect((await store.notifications.list('bo')).notifications).toMatchObject([{ kind: 'mention', from: 'ann', comment: c.id, lang: null, unit: units[1] }])
      expect((await store.notifications.list('ann')).unread).toBe(0)
      expect((await store.notifications.list('nobody')).unread).toBe(0)
      await store.comments.edit(c.id, '@bo and @cy', { by: 'ann' })
      expect((await store.notifications.list('bo')).unread).toBe(1)
      expect((await store.notifications.list('cy')).unread).toBe(1)
    })

    it('keeps every text in the history: an edit and a deletion, which shows who deleted it', async () => {
      const c = await store.comments.add({ article: A, unit: units[1]!, kind: 'comment', text: 'first', by: 'ann' })
      await expect(store.comments.edit(c.id, 'late', { by: 'ann', ifVersion: 7 })).rejects.toMatchObject({ code: 'comment-conflict', status: 412 })
      const e = await store.comments.edit(c.id, 'second', { by: 'ann', ifVersion: 1 })
      expect(e).toMatchObject({ text: 'second', version: 2, edited: true })
      const d = await store.comments.remove(c.id, { by: 'admin' })
      expect(d).toMatchObject({ text: '', deleted: { by: 'admin' }, version: 3 })
      const got = await store.comments.get(c.id)
      expect(got?.history.map((h) => [h.version, h.action, h.text, h.by])).toEqual([
        [1, 'added', 'first', 'ann'], [2, 'edited', 'second', 'ann'], [3, 'deleted', 'second', 'admin'],
      ])
      expect((await store.comments.threads(A))[0]?.deleted?.by).toBe('admin')
      expect(await store.comments.counts(A, 'sv')).toEqual({})
      await expect(store.comments.edit(c.id, 'again', { by: 'ann' })).rejects.toMatchObject({ code: 'comment-deleted', status: 409 })
      await expect(store.comments.reply(c.id, { text: 'x', by: 'bo' })).rejects.toMatchObject({ code: 'comment-deleted' })
    })

    it('refuses bad input: the text rule, the length, an unknown article, unit or comment', async () => {
      const base = { article: A, unit: units[0]!, kind: 'comment' as const, by: 'ann' }
      await expect(store.comments.add({ ...base, text: 'a\u0000b' })).rejects.toMatchObject({ code: 'invalid-text' })
      await expect(store.comments.add({ ...base, text: 'x'.repeat(10_001) })).rejects.toMatchObject({ code: 'invalid-text' })
      await expect(store.comments.add({ ...base, text: '\ud800' })).rejects.toMatchObject({ code: 'invalid-text' })
      await expect(store.comments.add({ ...base, text: '  \n ' })).rejects.toMatchObject({ code: 'invalid-text' })
      await expect(store.comments.add({ ...base, text: 'ok', lang: 'xx-notalang' })).rejects.toMatchObject({ code: 'unknown-language' })
      expect((await store.comments.add({ ...base, text: 'x'.repeat(10_000) })).text.length).toBe(10_000)
      await expect(store.comments.add({ ...base, article: 'en-general-99', text: 'ok' })).rejects.toMatchObject({ code: 'unknown-article', status: 404 })
      await expect(store.comments.add({ ...base, unit: 'nope\u0000', text: 'ok' })).rejects.toMatchObject({ code: 'unknown-unit', status: 404 })
      await expect(store.comments.reply(2 ** 60, { text: 'x', by: 'bo' })).rejects.toMatchObject({ code: 'unknown-comment', status: 404 })
      expect(await store.comments.get(-1)).toBeUndefined()
      await expect(store.comments.threads('nope')).rejects.toMatchObject({ code: 'unknown-article' })
    })

    it('keeps the threads of an archived article readable, and refuses writes to them', async () => {
      const q = await store.comments.add({ article: A, unit: units[0]!, kind: 'query', text: 'Why?', by: 'ann' })
      await store.archiveArticle(A, { by: 'admin' })
      expect((await store.comments.threads(A)).map((t) => t.id)).toEqual([q.id])
      await expect(store.comments.reply(q.id, { text: 'x', by: 'bo' })).rejects.toMatchObject({ code: 'archived', status: 409 })
      await expect(store.comments.resolve(q.id, { by: 'bo' })).rejects.toMatchObject({ code: 'archived', status: 409 })
      await expect(store.comments.add({ article: A, unit: units[0]!, kind: 'comment', text: 'x', by: 'ann' })).rejects.toMatchObject({ code: 'archived' })
    })

    it('records a comment event per change, readable from a cursor per article and language', async () => {
      const before = await store.comments.lastEventId()
      const c = await store.comments.add({ article: A, unit: units[0]!, lang: 'sv', kind: 'comment', text: 'x', by: 'ann' })
      await store.comments.add({ article: A, unit: units[1]!, lang: 'de', kind: 'comment', text: 'y', by: 'ann' })
      const s = await store.comments.add({ article: A, unit: units[1]!, kind: 'query', text: 'z', by: 'ann' })
      expect(await store.comments.lastEventId()).toBeGreaterThan(before)
      const sv = await store.comments.eventsAfter(A, 'sv', before, 100)
      expect(sv.map((e) => [e.unit, e.lang, e.comment])).toEqual([[units[0], 'sv', c.id], [units[1], undefined, s.id]])
      expect(await store.comments.eventsAfter(A, 'sv', sv.at(-1)!.id, 100)).toEqual([])
    })
  })

  describe('notifications', () => {
    it('tells the authors of translations that turned stale on re-import, once, in the import', async () => {
      await store.writeTranslation({ articleId: A, unitId: units[1]!, lang: 'sv', text: 'Ån rinner förbi.', state: 'translated', author: 'ann' })
      await store.writeTranslation({ articleId: A, unitId: units[1]!, lang: 'de', text: 'Der Fluss.', state: 'translated', author: 'bo' })
      await store.writeTranslation({ articleId: A, unitId: units[3]!, lang: 'sv', text: 'Ingen minns.', state: 'translated', author: 'not-an-account' })
      const edited = SAMPLE.replace('The river runs past the old mill.', 'The river runs past the new mill.')
      const summary = await store.importArticle(article(A, edited, { targets: ['sv', 'de'] }))
      expect(summary.units.stale).toBe(1)
      const ann = await store.notifications.list('ann')
      expect(ann.notifications).toMatchObject([{ kind: 'stale', article: A, lang: 'sv', unit: units[1], from: null, read: false }])
      expect((await store.notifications.list('bo')).notifications.map((n) => [n.kind, n.lang])).toEqual([['stale', 'de']])
      // Imported again unchanged: nothing turns stale, nothing new.
      await store.importArticle(article(A, edited, { targets: ['sv', 'de'] }))
      expect((await store.notifications.list('ann')).notifications.length).toBe(1)
    })

    it('adds, lists newest first, pages, and marks read by id (only one\'s own) or all at once', async () => {
      await store.notifications.add([
        { account: 'ann', kind: 'assigned', article: A, lang: 'sv', from: 'bo', reason: 'by Friday' },
        { account: 'ann', kind: 'rejected', article: A, lang: 'sv', unit: units[0]!, from: 'bo', reason: 'wrong term' },
        { account: 'bo', kind: 'mention', article: A, from: 'ann' },
        { account: 'ghost', kind: 'mention', article: A, from: 'ann' },
        { account: 'ann', kind: 'mention', article: A, from: 'ann' },
      ])
      const ann = await store.notifications.list('ann')
      expect(ann.unread).toBe(2)
      expect(ann.notifications.map((n) => [n.kind, n.reason])).toEqual([['rejected', 'wrong term'], ['assigned', 'by Friday']])
      const older = await store.notifications.list('ann', { before: ann.notifications[0]!.id, limit: 1 })
      expect(older.notifications.map((n) => n.kind)).toEqual(['assigned'])
      const bo = await store.notifications.list('bo')
      expect(await store.notifications.markRead('ann', { ids: [bo.notifications[0]!.id, ann.notifications[1]!.id, 2 ** 60] })).toBe(1)
      expect(await store.notifications.unread('bo')).toBe(1)
      expect((await store.notifications.list('ann')).notifications.map((n) => n.read)).toEqual([false, true])
      expect((await store.notifications.list('ann', { unreadOnly: true })).notifications.length).toBe(1)
      expect(await store.notifications.markRead('ann', { all: true })).toBe(1)
      expect(await store.notifications.unread('ann')).toBe(0)
      expect(await store.notifications.lastId()).toBeGreaterThan(0)
    })
  })
}
