import { describe, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { ARTICLE, jsonBody, makeTestApp, type TestApp } from './_setup.js'

/** An extra account with a token; calls made as it. */
async function person(t: TestApp, name: string, grants: Parameters<TestApp['accounts']['add']>[1]) {
  await t.accounts.add(name, grants)
  t.tokens[name] = (await issueToken(t.accounts, name)).token
}

const assign = (body: object) => jsonBody('POST', { article: ARTICLE.id, lang: 'sv', ...body })

describe('assignments API', () => {
  it('splits an article across two people by words: each gets a range, the words add up', async () => {
    const t = await makeTestApp()
    const r = await t.call('/api/assignments', assign({ users: ['ana', 'rev'], split: 'words', due: '2026-12-24', note: 'Före jul' }))
    expect(r.status).toBe(201)
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
    const { assignments } = await r.json()
    expect(assignments.map((a: { user: string }) => a.user)).toEqual(['ana', 'rev'])
    expect(r.headers.get('Location')).toBe(`/api/assignments/${assignments[0].id}`)
    const units = await t.store.listUnits(ARTICLE.id)
    const total = units.reduce((n, u) => n + u.words, 0)
    expect(assignments[0].words + assignments[1].words).toBe(total)
    expect(Math.abs(assignments[0].words - assignments[1].words)).toBeLessThanOrEqual(Math.max(...units.map((u) => u.words)))
    // Ranges follow each other, cut at a unit boundary, covering every segment once.
    const [a, b] = assignments.map((x: { segments: string }) => x.segments.split('-').map(Number))
    expect(a[0]).toBe(1)
    expect(b[0]).toBe((a[1] ?? a[0]) + 1)
    expect(b[1] ?? b[0]).toBe(units.length)
    expect(assignments.every((x: { batch: number; due: string; note: string; by: string }) => x.batch === assignments[0].batch && x.due === '2026-12-24' && x.note === 'Före jul' && x.by === 'boss')).toBe(true)
    const one = await t.call(`/api/assignments/${assignments[1].id}`, { as: 'vic' })
    expect(await one.json()).toEqual(assignments[1])
    const listed = await (await t.call(`/api/assignments?article=${ARTICLE.id}&user=rev`)).json()
    expect(listed).toEqual({ assignments: [assignments[1]], next: null })
  })

  it('answers my work: my assignments, open first by due date, words left falling as I translate, overdue marked', async () => {
    const t = await makeTestApp()
    await t.call('/api/assignments', assign({ user: 'ana', due: '2020-01-31' }))
    await t.call('/api/assignments', assign({ user: 'ana', segments: '2-3', due: '2099-01-01' }))
    await t.call('/api/assignments', assign({ user: 'rev', segments: '1' }))
    const before = await (await t.call('/api/me/work', { as: 'ana' })).json()
    expect(before.user).toBe('ana')
    expect(before.assignments.map((a: { segments: string | null; overdue: boolean }) => [a.segments, a.overdue])).toEqual([[null, true], ['2-3', false]])
    expect(before.overdue).toBe(1)
    expect(before.load).toEqual([])
    const second = await t.store.listUnits(ARTICLE.id)
    const write = await t.call(`/api/articles/${ARTICLE.id}/units/${second[1]!.id}/translations/sv`, { ...jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }), as: 'ana' })
    expect(write.status).toBe(200)
    const after = await (await t.call('/api/me/work', { as: 'ana' })).json()
    const words = second[1]!.words
    expect(after.wordsLeft).toBe(before.wordsLeft - 2 * words)
    expect(after.assignments[1].wordsLeft).toBe(before.assignments[1].wordsLeft - words)
    // An admin sees everyone's open load per language.
    const boss = await (await t.call('/api/me/work')).json()
    expect(boss.assignments).toEqual([])
    expect(boss.load.map((l: { lang: string; user: string; assignments: number; overdue: number }) => [l.lang, l.user, l.assignments, l.overdue])).toEqual([['sv', 'ana', 2, 1], ['sv', 'rev', 1, 0]])
    expect((await t.call('/api/me/work', { as: undefined })).status).toBe(401)
  })

  it('lets coordinators assign in their languages only, and admins anywhere', async () => {
    const t = await makeTestApp()
    await person(t, 'cole', [{ role: 'coordinator', langs: ['de'] }])
    await person(t, 'dirk', [{ role: 'translator', langs: ['de'] }])
    const de = await t.call('/api/assignments', { ...assign({ lang: 'de', user: 'dirk' }), as: 'cole' })
    expect(de.status).toBe(201)
    expect((await de.json()).assignments[0].by).toBe('cole')
    const sv = await t.call('/api/assignments', { ...assign({ user: 'ana' }), as: 'cole' })
    expect(sv.status).toBe(403)
    expect((await sv.json()).detail).toMatch(/coordinator role for sv/)
    for (const as of ['ana', 'rev', 'vic']) expect((await t.call('/api/assignments', { ...assign({ user: 'ana' }), as })).status, as).toBe(403)
    // Coordinators see the load of their languages.
    const work = await (await t.call('/api/me/work', { as: 'cole' })).json()
    expect(work.load.map((l: { lang: string; user: string }) => [l.lang, l.user])).toEqual([['de', 'dirk']])
  })

  it('withdraws an assignment: coordinators of its language and admins, once; out of my work and the load, still listed', async () => {
    const t = await makeTestApp()
    await person(t, 'cole', [{ role: 'coordinator', langs: ['sv'] }])
    await person(t, 'dora', [{ role: 'coordinator', langs: ['de'] }])
    const [kept] = (await (await t.call('/api/assignments', assign({ user: 'ana', segments: '1' }))).json()).assignments
    const [gone] = (await (await t.call('/api/assignments', { ...assign({ user: 'ana', segments: '2-3' }), as: 'cole' })).json()).assignments
    // Not theirs to withdraw: a coordinator of another language, the assignee, a viewer.
    for (const as of ['dora', 'ana', 'vic']) {
      const refused = await t.call(`/api/assignments/${gone.id}`, { method: 'DELETE', as })
      expect(refused.status, as).toBe(403)
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    expect((await (await t.call(`/api/assignments/${gone.id}`)).json()).withdrawn).toBeNull()
    const done = await t.call(`/api/assignments/${gone.id}`, { method: 'DELETE', as: 'cole' })
    expect(done.status).toBe(200)
    const withdrawn = await done.json()
    expect(withdrawn).toMatchObject({ id: gone.id, user: 'ana', segments: '2-3', withdrawn: { by: 'cole' } })
    const again = await t.call(`/api/assignments/${gone.id}`, { method: 'DELETE' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ type: expect.stringContaining('assignment-withdrawn'), detail: expect.stringContaining('cole') })
    for (const [path, status] of [['/api/assignments/424242', 404], ['/api/assignments/0', 400], ['/api/assignments/x', 400]] as const) {
      const r = await t.call(path, { method: 'DELETE' })
      expect(r.status, path).toBe(status)
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    expect((await t.call(`/api/assignments/${gone.id}`, { method: 'DELETE', as: undefined })).status).toBe(401)
    // Out of ana's work and everyone's load; the list still shows it, marked.
    const work = await (await t.call('/api/me/work', { as: 'ana' })).json()
    expect(work.assignments.map((a: { id: number }) => a.id)).toEqual([kept.id])
    const load = (await (await t.call('/api/me/work')).json()).load
    expect(load).toEqual([expect.objectContaining({ lang: 'sv', user: 'ana', assignments: 1 })])
    const listed = (await (await t.call('/api/assignments?user=ana')).json()).assignments
    expect(listed.map((a: { id: number; withdrawn: unknown }) => [a.id, a.withdrawn !== null])).toEqual([[gone.id, true], [kept.id, false]])
    expect(await (await t.call(`/api/assignments/${gone.id}`)).json()).toEqual(withdrawn)
  })

  it('refuses an assignee without the language grant, naming it, and bad input as problems', async () => {
    const t = await makeTestApp()
    const viewer = await t.call('/api/assignments', assign({ user: 'vic' }))
    expect(viewer.status).toBe(403)
    expect(viewer.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await viewer.json()).detail).toMatch(/vic has no translator or reviewer grant for sv/)
    expect((await t.call('/api/assignments', assign({ lang: 'de', user: 'ana' }))).status).toBe(403)
    const cases: [object, number, string][] = [
      [{ user: 'nobody' }, 404, 'unknown-account'],
      [{ users: ['ana', 'rev'] }, 400, 'invalid-assignment'],
      [{ users: ['ana', 'ana'], split: 'words' }, 400, 'invalid-assignment'],
      [{ user: 'ana', users: ['rev'] }, 400, 'invalid-request'],
      [{}, 400, 'invalid-request'],
      [{ user: 'ana', due: '2026-02-30' }, 400, 'invalid-assignment'],
      [{ user: 'ana', due: 'soon' }, 400, 'invalid-request'],
      [{ user: 'ana', segments: '3-1' }, 400, 'invalid-assignment'],
      [{ user: 'ana', segments: '1-999' }, 400, 'invalid-assignment'],
      [{ user: 'ana', note: 'bell \u0007' }, 400, 'invalid-request'],
      [{ user: 'ana', note: 'x'.repeat(2001) }, 400, 'invalid-request'],
      [{ user: 42 }, 400, 'invalid-request'],
      [{ user: 'ana', extra: true }, 400, 'invalid-request'],
      [{ user: 'ana', lang: 'fi' }, 400, 'not-a-target'],
      [{ user: 'ana', lang: 'xx-Zzzz-bogus!' }, 400, 'invalid-request'],
      [{ user: 'ana', article: 'sv-general-99' }, 404, 'unknown-article'],
      [{ users: Array.from({ length: 30 }, (_, i) => `p${i}`), split: 'words' }, 404, 'unknown-account'],
    ]
    for (const [body, status, type] of cases) {
      const r = await t.call('/api/assignments', assign(body))
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect((await r.json()).type, JSON.stringify(body).slice(0, 80)).toBe(`/problems/${type}`)
    }
    await person(t, 'p', [{ role: 'translator', langs: ['sv'] }])
    const names = ['ana', 'rev', 'p']
    const units = (await t.store.listUnits(ARTICLE.id)).length
    const few = await t.call('/api/assignments', assign({ users: names, split: 'words', segments: `1-${Math.min(2, units)}` }))
    expect((await few.json()).detail).toMatch(/3 people cannot share 2 segments/)
    expect((await t.call('/api/assignments/999')).status).toBe(404)
    expect((await t.call('/api/assignments?limit=0')).status).toBe(400)
    expect(await t.store.assignments.list()).toEqual([])
  })
})

describe('activity API', () => {
  it('lists imports with counts, saves grouped per person and hour, reviews and assignments, newest first, filtered and paged', async () => {
    const t = await makeTestApp()
    const [u1, u2] = t.units
    const put = (unit: string, text: string, as: string, state?: string, version = 0) =>
      t.call(`/api/articles/${ARTICLE.id}/units/${unit}/translations/sv`, { ...jsonBody('PUT', { text, ...(state ? { state } : {}) }, { 'If-Match': `"${version}"` }), as })
    expect((await put(u1!, 'Välkommen', 'ana')).status).toBe(200)
    expect((await put(u2!, 'Vädret', 'ana')).status).toBe(200)
    expect((await put(u1!, 'Välkommen', 'rev', 'reviewed', 1)).status).toBe(200)
    await t.call('/api/assignments', assign({ user: 'ana' }))
    const feed = await (await t.call(`/api/articles/${ARTICLE.id}/activity`, { as: 'vic' })).json()
    // Newest first; items of one millisecond order by kind, so the kinds are compared as a set.
    const kind = (k: string) => feed.items.find((i: { kind: string }) => i.kind === k)
    expect(feed.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['assignment', 'import', 'review', 'save'])
    expect(feed.items.map((i: { at: string }) => i.at)).toEqual(feed.items.map((i: { at: string }) => i.at).sort().reverse())
    expect(feed.items.at(-1)).toMatchObject({ kind: 'import', detail: { revision: 1, new: t.units.length, kept: 0 } })
    expect(kind('save')).toMatchObject({ user: 'ana', lang: 'sv', detail: { writes: 2, units: 2 } })
    expect(kind('review')).toMatchObject({ user: 'rev', lang: 'sv', detail: { writes: 1, units: 1 } })
    expect(kind('assignment')).toMatchObject({ user: 'boss', detail: { to: 'ana', segments: null } })
    expect(feed.next).toBeNull()
    const reviews = await (await t.call(`/api/articles/${ARTICLE.id}/activity?kind=review,import`)).json()
    expect(reviews.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['import', 'review'])
    const de = await (await t.call(`/api/articles/${ARTICLE.id}/activity?lang=de`)).json()
    expect(de.items.map((i: { kind: string }) => i.kind)).toEqual(['import'])
    const first = await (await t.call(`/api/articles/${ARTICLE.id}/activity?limit=3`)).json()
    expect(first.items).toHaveLength(3)
    const rest = await (await t.call(`/api/articles/${ARTICLE.id}/activity?limit=3&cursor=${first.next}`)).json()
    expect([...first.items, ...rest.items]).toEqual(feed.items)
    expect(rest.next).toBeNull()
    for (const [q, status] of [['kind=gossip', 400], ['cursor=abc', 400], ['limit=201', 400], ['lang=%00', 400]] as const) {
      expect((await t.call(`/api/articles/${ARTICLE.id}/activity?${q}`)).status, q).toBe(status)
    }
    // A re-import through the API records who made it.
    expect((await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: `${ARTICLE.text}\nOne more.\n` }))).status).toBe(200)
    const imports = await (await t.call(`/api/articles/${ARTICLE.id}/activity?kind=import`)).json()
    expect(imports.items.map((i: { user?: string; detail: { revision: number; new: number } }) => [i.user, i.detail.revision, i.detail.new])).toEqual([['boss', 2, 1], [undefined, 1, t.units.length]])
    expect((await t.call('/api/articles/nope/activity')).status).toBe(404)
    expect((await t.call(`/api/articles/${ARTICLE.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await t.call(`/api/articles/${ARTICLE.id}/activity`)).status).toBe(404)
  })
})
