import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

const unitComments = (unit: string) => `/api/articles/${ARTICLE.id}/units/${unit}/comments`

describe('comments API', () => {
  it('a query asked on the source, answered by someone else and resolved, with who and when', async () => {
    const t = await makeTestApp()
    const unit = t.units[1]!
    const ask = await t.call(unitComments(unit), { ...jsonBody('POST', { text: 'Which harbour, @rev?', kind: 'query' }), as: 'ana' })
    expect(ask.status).toBe(201)
    const q = await ask.json()
    expect(ask.headers.get('Location')).toBe(`/api/comments/${q.id}`)
    expect(ask.headers.get('ETag')).toBe('"1"')
    expect(q).toMatchObject({ kind: 'query', author: 'ana', mentions: ['rev'], text: 'Which harbour, @rev?' })
    expect(q.lang).toBeUndefined()

    const open = await (await t.call(`/api/articles/${ARTICLE.id}/comments?open=true&lang=sv`, { as: 'vic' })).json()
    expect(open.threads.map((x: { id: number }) => x.id)).toEqual([q.id])
    expect(open.openQueries).toEqual({ '': 1 })

    const reply = await t.call(`/api/comments/${q.id}/replies`, { ...jsonBody('POST', { text: 'The old one.' }), as: 'rev' })
    expect(reply.status).toBe(201)
    expect((await reply.json()).parent).toBe(q.id)
    const thread = (await (await t.call(unitComments(unit))).json()).threads[0]
    expect(thread.answeredAt).toBeTruthy()
    expect(thread.replies.map((r: { author: string }) => r.author)).toEqual(['rev'])

    // The asker hears of the answer; rev heard of the mention.
    const ana = await (await t.call('/api/me/notifications', { as: 'ana' })).json()
    expect(ana.unread).toBe(1)
    expect(ana.notifications[0]).toMatchObject({ kind: 'answered', article: ARTICLE.id, unit, from: 'rev', read: false, lang: null })
    const rev = await (await t.call('/api/me/notifications', { as: 'rev' })).json()
    expect(rev.notifications.map((n: { kind: string }) => n.kind)).toEqual(['mention'])

    const stale = await t.call(`/api/comments/${q.id}`, { ...jsonBody('PATCH', { resolved: true }, { 'If-Match': '"9"' }), as: 'rev' })
    expect(stale.status).toBe(412)
    expect((await stale.json()).type).toBe('/problems/comment-conflict')
    const resolved = await t.call(`/api/comments/${q.id}`, { ...jsonBody('PATCH', { resolved: true }, { 'If-Match': '"1"' }), as: 'rev' })
    expect(resolved.status).toBe(200)
    expect(resolved.headers.get('ETag')).toBe('"2"')
    expect((await resolved.json()).resolved.by).toBe('rev')
    const after = await (await t.call(`/api/articles/${ARTICLE.id}/comments?open=true`)).json()
    expect(after).toMatchObject({ threads: [], openQueries: {} })
    // A remark is not resolved.
    const remark = await (await t.call(unitComments(unit), jsonBody('POST', { text: 'ok', lang: 'sv' }))).json()
    expect((await t.call(`/api/comments/${remark.id}`, jsonBody('PATCH', { resolved: true }))).status).toBe(409)
  })

  it('notifies the translator of a segment when a query on it is answered, and marks read by id or all', async () => {
    const t = await makeTestApp()
    const unit = t.units[2]!
    await t.call(tPath(unit), { ...jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }), as: 'ana' })
    const q = await (await t.call(unitComments(unit), { ...jsonBody('POST', { text: 'Is this right?', kind: 'query', lang: 'sv' }), as: 'rev' })).json()
    await t.call(`/api/comments/${q.id}/replies`, jsonBody('POST', { text: 'Yes' }))
    const ana = await (await t.call('/api/me/notifications', { as: 'ana' })).json()
    expect(ana.notifications.map((n: { kind: string; lang: string }) => [n.kind, n.lang])).toEqual([['answered', 'sv']])
    const bad = await t.call('/api/me/notifications/read', { ...jsonBody('POST', { ids: ['x'] }), as: 'ana' })
    expect(bad.status).toBe(400)
    expect((await t.call('/api/me/notifications/read', { ...jsonBody('POST', {}), as: 'ana' })).status).toBe(400)
    // Someone else's id marks nothing.
    expect(await (await t.call('/api/me/notifications/read', { ...jsonBody('POST', { ids: [ana.notifications[0].id] }), as: 'rev' })).json()).toEqual({ marked: 0, unread: 1 })
    expect(await (await t.call('/api/me/notifications/read', { ...jsonBody('POST', { ids: [ana.notifications[0].id] }), as: 'ana' })).json()).toEqual({ marked: 1, unread: 0 })
    expect(await (await t.call('/api/me/notifications/read', { ...jsonBody('POST', { all: true }), as: 'rev' })).json()).toMatchObject({ unread: 0 })
    expect((await t.call('/api/me/notifications', { as: undefined })).status).toBe(401)
  })

  it('notifies the translators whose translations turned stale on a re-import', async () => {
    const t = await makeTestApp()
    await t.call(tPath(t.units[1]!), { ...jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }), as: 'ana' })
    await importText(t.store, { ...ARTICLE, text: ARTICLE.text.replace('fine today', 'fine this morning') })
    const ana = await (await t.call('/api/me/notifications', { as: 'ana' })).json()
    expect(ana.notifications).toMatchObject([{ kind: 'stale', article: ARTICLE.id, lang: 'sv', unit: t.units[1], from: null }])
  })

  it('edits and deletes by the author or an admin, keeping the history; a deleted comment shows who deleted it', async () => {
    const t = await makeTestApp()
    const c = await (await t.call(unitComments(t.units[0]!), { ...jsonBody('POST', { text: 'draft', lang: 'sv' }), as: 'ana' })).json()
    const path = `/api/comments/${c.id}`
    const other = await t.call(path, { ...jsonBody('PATCH', { text: 'mine now' }), as: 'rev' })
    expect(other.status).toBe(403)
    expect((await other.json()).detail).toMatch(/only its author \(ana\) and admins/)
    expect((await t.call(path, { ...jsonBody('PATCH', { text: 'final' }), as: 'ana' })).status).toBe(200)
    expect((await t.call(path, { method: 'DELETE', as: 'rev' })).status).toBe(403)
    const del = await t.call(path, { method: 'DELETE' })
    expect(del.status).toBe(200)
    expect(await del.json()).toMatchObject({ text: '', deleted: { by: 'boss' } })
    const got = await (await t.call(path, { as: 'vic' })).json()
    expect(got.history.map((h: { action: string; text: string }) => [h.action, h.text])).toEqual([['added', 'draft'], ['edited', 'final'], ['deleted', 'final']])
    expect((await t.call(path, { ...jsonBody('PATCH', { text: 'x' }), as: 'ana' })).status).toBe(409)
  })

  it('checks rights: translators in their languages and on the source, viewers read only', async () => {
    const t = await makeTestApp()
    await t.accounts.add('fr', [{ role: 'translator', langs: ['fr'] }])
    const { issueToken } = await import('../../src/auth/tokens.js')
    const fr = (await issueToken(t.accounts, 'fr')).token
    const url = unitComments(t.units[0]!)
    expect((await t.call(url, { ...jsonBody('POST', { text: 'hej', lang: 'sv' }), as: 'ana' })).status).toBe(201)
    const de = await t.call(url, { ...jsonBody('POST', { text: 'hallo', lang: 'de' }), as: 'ana' })
    expect(de.status).toBe(403)
    expect((await de.json()).detail).toMatch(/may not comment in de/)
    expect((await t.call(url, { ...jsonBody('POST', { text: 'hm', kind: 'query' }), as: 'vic' })).status).toBe(403)
    // fr translates no target of this article (sv, de): not even the source.
    const src = await t.call(url, { ...jsonBody('POST', { text: 'hm' }, { Authorization: `Bearer ${fr}` }), as: undefined })
    expect(src.status).toBe(403)
    expect((await t.call(url, { as: 'vic' })).status).toBe(200)
  })

  it('answers nasty input with problem+json: oversize, control characters, wrong types, unknown ids', async () => {
    const t = await makeTestApp()
    const url = unitComments(t.units[0]!)
    const cases: [unknown, number][] = [
      [{ text: 'x'.repeat(10_001) }, 400],
      [{ text: 'a\u0007b' }, 400],
      [{ text: '\ud800' }, 400],
      [{ text: '   ' }, 400],
      [{ text: 42 }, 400],
      [{ text: 'ok', kind: 'note' }, 400],
      [{ text: 'ok', lang: 'xx-zz-notalang' }, 400],
      [{ text: 'ok', extra: 1 }, 400],
    ]
    for (const [body, status] of cases) {
      const r = await t.call(url, jsonBody('POST', body))
      expect(r.status, JSON.stringify(body).slice(0, 40)).toBe(status)
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    expect((await t.call(url, jsonBody('POST', { text: 'x'.repeat(10_000) }))).status).toBe(201)
    expect((await t.call(unitComments('nope'), jsonBody('POST', { text: 'ok' }))).status).toBe(404)
    expect((await t.call(unitComments('nope'))).status).toBe(404)
    expect((await t.call('/api/articles/nope-01/units/x/comments', jsonBody('POST', { text: 'ok' }))).status).toBe(404)
    expect((await t.call('/api/comments/99999')).status).toBe(404)
    expect((await t.call('/api/comments/abc')).status).toBe(400)
    expect((await t.call('/api/comments/99999999999999999999/replies', jsonBody('POST', { text: 'x' }))).status).toBe(400)
    expect((await t.call('/api/comments/1', jsonBody('PATCH', { text: 'x', resolved: true }))).status).toBe(400)
    expect((await t.call('/api/comments/1', jsonBody('PATCH', { text: 'x' }, { 'If-Match': 'W/"1"' }))).status).toBe(400)
  })

  it('counts open queries per article and language in the report JSON (source queries count in every language)', async () => {
    const t = await makeTestApp()
    await t.call(unitComments(t.units[0]!), jsonBody('POST', { text: 'Source?', kind: 'query' }))
    await t.call(unitComments(t.units[1]!), jsonBody('POST', { text: 'Swedish?', kind: 'query', lang: 'sv' }))
    await t.call(unitComments(t.units[1]!), jsonBody('POST', { text: 'just a remark', lang: 'de' }))
    const report = await (await t.call(`/api/articles/${ARTICLE.id}/report`)).json()
    expect(report.articles[0].languages.sv.openQueries).toBe(2)
    expect(report.articles[0].languages.de.openQueries).toBe(1)
    const all = await (await t.call('/api/report')).json()
    expect(all.articles[0].languages.sv.openQueries).toBe(2)
    // A summary stays on the coverage counters: no openQueries there.
    const summary = await (await t.call('/api/report?summary=true')).json()
    expect(summary.articles[0].languages.sv.openQueries).toBeUndefined()
  })

  it('keeps the threads of an archived article to read, and refuses new comments with 409', async () => {
    const t = await makeTestApp()
    const q = await (await t.call(unitComments(t.units[0]!), jsonBody('POST', { text: 'why?', kind: 'query' }))).json()
    await t.store.archiveArticle(ARTICLE.id, { by: 'boss' })
    const list = await t.call(`/api/articles/${ARTICLE.id}/comments`)
    expect(list.status).toBe(200)
    expect((await list.json()).threads.length).toBe(1)
    expect((await t.call(`/api/comments/${q.id}/replies`, jsonBody('POST', { text: 'x' }))).status).toBe(409)
    expect((await t.call(unitComments(t.units[0]!), jsonBody('POST', { text: 'x' }))).status).toBe(409)
  })
})

describe('notifications of rejections and assignments (API)', () => {
  it('tells a translator their text was rejected, with the reason, and that they were assigned work', async () => {
    const t = await makeTestApp()
    const unit = t.units[1]!
    const put = (body: object, as: string, version: string) =>
      t.call(`/api/articles/${ARTICLE.id}/units/${unit}/translations/sv`, { ...jsonBody('PUT', body, { 'If-Match': version }), as })
    expect((await put({ text: 'Vädret är fint.' }, 'ana', '"0"')).status).toBe(200)
    expect((await put({ text: 'Vädret är fint.', state: 'rejected', reason: 'I dag saknas.' }, 'rev', '"1"')).status).toBe(200)
    const assigned = await t.call('/api/assignments', { ...jsonBody('POST', { article: ARTICLE.id, lang: 'sv', user: 'ana', due: '2026-12-24' }), as: 'boss' })
    expect(assigned.status).toBe(201)
    const ana = await (await t.call('/api/me/notifications', { as: 'ana' })).json()
    expect(ana.unread).toBe(2)
    expect(ana.notifications.map((n: Record<string, unknown>) => [n.kind, n.from, n.lang, n.reason ?? null])).toEqual([
      ['assigned', 'boss', 'sv', null],
      ['rejected', 'rev', 'sv', 'I dag saknas.'],
    ])
    expect(ana.notifications[1].unit).toBe(unit)
    // Read all at once; the reviewer heard of nothing they did themselves.
    expect((await t.call('/api/me/notifications/read', { ...jsonBody('POST', { all: true }), as: 'ana' })).status).toBe(200)
    expect((await (await t.call('/api/me/notifications', { as: 'ana' })).json()).unread).toBe(0)
    expect((await (await t.call('/api/me/notifications', { as: 'rev' })).json()).unread).toBe(0)
  })
})
