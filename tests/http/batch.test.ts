import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { jsonBody, makeTestApp, type TestApp, type TestResponse } from './_setup.js'

const SECOND = {
  id: 'sv-general-02', tag: 'sv-general', lang: 'en', targets: ['sv'],
  text: 'The boats are ready. The harbour is quiet. 2024.\n',
}

/** The test app with a second article, and Swedish translations of both written through the API. */
async function twoArticles(): Promise<TestApp & { second: string[] }> {
  const t = await makeTestApp()
  await importText(t.store, SECOND)
  const second = (await t.store.listUnits(SECOND.id)).map((u) => u.id)
  const sv: [string, string, string][] = [
    ['sv-general-01', t.units[1]!, 'Vädret är fint i dag.'],
    ['sv-general-01', t.units[2]!, 'Vi går till hamnen.'],
    ['sv-general-01', t.units[3]!, 'Båtarna är redo.'],
    [SECOND.id, second[0]!, 'Båtarna är redo.'],
    [SECOND.id, second[1]!, 'Hamnen är tyst.'],
  ]
  for (const [a, u, text] of sv) {
    const r = await t.call(`/api/articles/${a}/units/${u}/translations/sv`, { ...jsonBody('PUT', { text }, { 'If-Match': '"0"' }), as: 'ana' })
    expect(r.status).toBe(200)
  }
  return { ...t, second }
}

const batch = (t: TestApp, body: unknown, as = 'ana') => t.call('/api/batch', { ...jsonBody('POST', body), as })

describe('batch API', () => {
  it('previews a regex replace across two articles, applies it with one unit skipped for a concurrent edit, and undoes it', async () => {
    const t = await twoArticles()
    const scope = { articles: ['sv-general-01', SECOND.id], lang: 'sv' }
    const r = await batch(t, { action: 'replace', scope, find: '(B|b)åt(arna)', replace: '$1år$2', regex: true, caseSensitive: true })
    expect(r.status).toBe(200)
    const preview = await r.json()
    expect(preview).toMatchObject({ dryRun: true, status: 'preview', skipped: [] })
    expect(preview.changes.map((c: { article: string; after: string; version: number }) => [c.article, c.after, c.version])).toEqual([
      ['sv-general-01', 'Bårarna är redo.', 1],
      [SECOND.id, 'Bårarna är redo.', 1],
    ])
    expect(preview.changes[0].diff).toEqual([{ op: 'removed', text: 'Båtarna' }, { op: 'added', text: 'Bårarna' }, { op: 'same', text: ' är redo.' }])

    // A colleague saves the second article's unit after the preview.
    const path = `/api/articles/${SECOND.id}/units/${t.second[0]}/translations/sv`
    expect((await t.call(path, { ...jsonBody('PUT', { text: 'Båtarna väntar.' }, { 'If-Match': '"1"' }), as: 'rev' })).status).toBe(200)

    const applied = await t.call(`/api/batch/${preview.id}/apply`, { method: 'POST', as: 'ana' })
    expect(applied.status).toBe(200)
    const a = await applied.json()
    expect(a.changes).toHaveLength(1)
    expect(a.changes[0]).toMatchObject({ article: 'sv-general-01', after: 'Bårarna är redo.', versionAfter: 2 })
    expect(a.skipped).toEqual([{ article: SECOND.id, unit: t.second[0], lang: 'sv', reason: 'changed', detail: expect.stringMatching(/version 1, now 2/) }])
    expect((await (await t.call(path)).json()).text).toBe('Båtarna väntar.')
    const history = await (await t.call(`/api/articles/sv-general-01/units/${t.units[3]}/history?lang=sv`)).json()
    expect(history.history.at(-1)).toMatchObject({ newText: 'Bårarna är redo.', batch: preview.id, author: 'ana' })
    expect((await t.call(`/api/batch/${preview.id}/apply`, { method: 'POST', as: 'ana' })).status).toBe(409)

    const undo = await t.call(`/api/batch/${preview.id}/undo`, { method: 'POST', as: 'ana' })
    expect(undo.status).toBe(200)
    const u = await undo.json()
    expect(u).toMatchObject({ action: 'undo', undoOf: preview.id, skipped: [] })
    expect(u.changes.map((c: { after: string }) => c.after)).toEqual(['Båtarna är redo.'])
    const back = await (await t.call(`/api/articles/sv-general-01/units/${t.units[3]}/translations/sv`)).json()
    expect(back).toMatchObject({ text: 'Båtarna är redo.', version: 3 })
    const got = await (await t.call(`/api/batch/${preview.id}`, { as: 'ana' })).json()
    expect(got).toMatchObject({ status: 'undone', undoneBy: u.id, action: 'replace', author: 'ana' })
    expect((await t.call(`/api/batch/${preview.id}/undo`, { method: 'POST', as: 'ana' })).status).toBe(409)
  })

  it('stops a catastrophic regex with a 422 while /healthz answers', async () => {
    const t = await twoArticles()
    const unit = `/api/articles/sv-general-01/units/${t.units[4]}/translations/sv`
    expect((await t.call(unit, { ...jsonBody('PUT', { text: `${'a'.repeat(40)}b` }, { 'If-Match': '"0"' }), as: 'ana' })).status).toBe(200)
    let settled = false
    const slow = batch(t, { action: 'replace', scope: { articles: ['sv-general-01'], lang: 'sv' }, find: '(a+)+$', replace: 'x', regex: true }).finally(() => {
      settled = true
    })
    const health = await t.call('/healthz', { as: undefined })
    expect(health.status).toBe(200)
    expect(settled).toBe(false)
    const r = await slow
    expect(r.status).toBe(422)
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const p = await r.json()
    expect(p.type).toBe('/problems/regex-timeout')
    expect(p.detail).toMatch(/backtracks/)
    // Nothing planned: the translation is as it was.
    expect((await (await t.call(unit)).json()).text).toBe(`${'a'.repeat(40)}b`)
  })

  it('refuses bad input as problems: invalid regex, wrong types, unknown ids, no rights, control characters', async () => {
    const t = await twoArticles()
    const scope = { articles: ['sv-general-01'], lang: 'sv' }
    const type = async (r: Promise<TestResponse>, status: number, name: string) => {
      const res = await r
      expect(res.status, name).toBe(status)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect((await res.json()).type).toBe(`/problems/${name}`)
    }
    await type(batch(t, { action: 'replace', scope, find: 'a[', replace: '', regex: true }), 400, 'invalid-regex')
    await type(batch(t, { action: 'replace', scope, find: '', replace: 'x' }), 400, 'invalid-regex')
    await type(batch(t, { action: 'replace', scope, find: 'x'.repeat(1001), replace: 'x' }), 400, 'invalid-request')
    await type(batch(t, { action: 'replace', scope, find: 1, replace: 'x' }), 400, 'invalid-request')
    await type(batch(t, { action: 'explode', scope }), 400, 'invalid-request')
    await type(batch(t, { action: 'copy-source', scope: { lang: 'sv' } }), 400, 'invalid-batch')
    await type(batch(t, { action: 'copy-source', scope: { articles: ['sv-general-01\u0007'], lang: 'sv' } }), 400, 'invalid-request')
    await type(batch(t, { action: 'copy-source', scope, filter: { range: '40-1' } }), 400, 'invalid-batch')
    await type(batch(t, { action: 'copy-source', scope, filter: { minMatch: 102 } }), 400, 'invalid-request')
    await type(batch(t, { action: 'copy-source', scope: { articles: ['sv-general-99'], lang: 'sv' } }), 404, 'unknown-article')
    await type(batch(t, { action: 'copy-source', scope: { articles: ['sv-general-01'], lang: 'fr' } }), 400, 'not-a-target')
    await type(batch(t, { action: 'copy-source', scope }, 'vic'), 403, 'forbidden')
    expect((await t.call('/api/batch', { ...jsonBody('POST', { action: 'copy-source', scope }), as: undefined })).status).toBe(401)
    await type(t.call('/api/batch/nope/apply', { method: 'POST', as: 'ana' }), 404, 'unknown-batch')
    // Someone else's preview is unknown to them.
    const mine = await (await batch(t, { action: 'copy-source', scope: { tag: 'sv-general', lang: 'sv' } })).json()
    await type(t.call(`/api/batch/${mine.id}/apply`, { method: 'POST', as: 'rev' }), 404, 'unknown-batch')
    await type(t.call(`/api/batch/${mine.id}/undo`, { method: 'POST', as: 'ana' }), 409, 'batch-not-applied')
  })

  it('sets reviewed only for reviewers, unit by unit, and copies the source of units without letters, previewed and applied at once', async () => {
    const t = await twoArticles()
    const scope = { tag: 'sv-general', lang: 'sv' }
    const asAna = await (await batch(t, { action: 'set-state', state: 'reviewed', scope, filter: { state: 'translated' } })).json()
    expect(asAna.changes).toEqual([])
    expect(asAna.skipped).toHaveLength(5)
    expect(asAna.skipped[0]).toMatchObject({ reason: 'forbidden', detail: expect.stringMatching(/reviewer role/) })
    const asRev = await (await batch(t, { action: 'set-state', state: 'reviewed', scope, filter: { state: 'translated', range: '2-3' }, dryRun: false }, 'rev')).json()
    expect(asRev).toMatchObject({ dryRun: false, status: 'applied', skipped: [] })
    expect(asRev.changes.map((c: { article: string; position: number }) => [c.article, c.position])).toEqual([
      ['sv-general-01', 2], ['sv-general-01', 3], [SECOND.id, 2],
    ])
    const copy = await (await batch(t, { action: 'copy-source', scope, dryRun: false })).json()
    expect(copy.changes.map((c: { unit: string; after: string }) => [c.unit, c.after])).toEqual([[t.second[2], '2024.']])
  })

  it('accepts every translated segment with no open query (the bulk review of #20), leaving the queried ones', async () => {
    const t = await twoArticles()
    const scope = { tag: 'sv-general', lang: 'sv' }
    // A query in Swedish on one unit, one about the source on another, and a resolved one on a third.
    const ask = (article: string, unit: string, body: object) =>
      t.call(`/api/articles/${article}/units/${unit}/comments`, { ...jsonBody('POST', { kind: 'query', ...body }), as: 'rev' })
    expect((await ask('sv-general-01', t.units[1]!, { text: 'Vilket väder?', lang: 'sv' })).status).toBe(201)
    expect((await ask(SECOND.id, t.second[0]!, { text: 'Which boats?' })).status).toBe(201)
    const done = await (await ask('sv-general-01', t.units[3]!, { text: 'Redo för vad?', lang: 'sv' })).json()
    expect((await t.call(`/api/comments/${done.id}`, { ...jsonBody('PATCH', { resolved: true }), as: 'rev' })).status).toBe(200)
    const review = await (await batch(t, { action: 'set-state', state: 'reviewed', scope, filter: { state: 'translated', openQuery: false } }, 'rev')).json()
    expect(review.changes.map((c: { article: string; unit: string }) => [c.article, c.unit])).toEqual([
      ['sv-general-01', t.units[2]], ['sv-general-01', t.units[3]], [SECOND.id, t.second[1]],
    ])
    const queried = await (await batch(t, { action: 'set-state', state: 'reviewed', scope, filter: { openQuery: true } }, 'rev')).json()
    expect(queried.changes.map((c: { unit: string }) => c.unit)).toEqual([t.units[1], t.second[0]])
  })

  it('confirms stale translations through the confirm write: same text, stale cleared, history marked; never a rejected one', async () => {
    const t = await twoArticles()
    // The source of both Swedish units of the second article changes: both turn stale.
    await importText(t.store, { ...SECOND, text: 'The boats are ready now. The harbour is very quiet. 2024.\n' })
    const [one, two] = await Promise.all([0, 1].map((i) => t.store.getTranslation(SECOND.id, t.second[i]!, 'sv')))
    expect([one!.stale, two!.stale]).toEqual([true, true])
    // A reviewer sends the second back: a stale rejected unit is not the batch's to confirm.
    const sent = await t.call(`/api/articles/${SECOND.id}/units/${t.second[1]}/translations/sv`, {
      ...jsonBody('PUT', { text: two!.text, state: 'rejected', reason: 'Hamnen är inte tyst längre.' }, { 'If-Match': `"${two!.version}"` }), as: 'rev',
    })
    expect(sent.status).toBe(200)
    const res = await (await batch(t, { action: 'confirm', scope: { articles: [SECOND.id], lang: 'sv' }, dryRun: false }, 'rev')).json()
    expect(res.changes.map((c: { unit: string; before: string; after: string }) => [c.unit, c.before === c.after])).toEqual([[t.second[0], true]])
    const confirmed = await t.store.getTranslation(SECOND.id, t.second[0]!, 'sv')
    expect(confirmed).toMatchObject({ text: one!.text, stale: false, version: one!.version + 1 })
    expect((await t.store.history(SECOND.id, t.second[0]!, 'sv')).at(-1)).toMatchObject({ confirmation: true, batch: res.id })
    expect(await t.store.getTranslation(SECOND.id, t.second[1]!, 'sv')).toMatchObject({ state: 'rejected', stale: true })
  })

  it('accepts the best memory match of at least N % for untranslated units', async () => {
    const t = await twoArticles()
    // "The boats are ready." is translated in the first article: the second's is filled from it.
    const scope = { articles: [SECOND.id], lang: 'sv' }
    const r = await (await batch(t, { action: 'accept-match', min: 100, scope, filter: { state: 'initial' } })).json()
    expect(r.changes).toEqual([])
    const unit = `/api/articles/${SECOND.id}/units/${t.second[0]}/translations/sv`
    // Back to untranslated, then the batch fills it.
    expect((await t.call(unit, { ...jsonBody('PUT', { text: '', state: 'initial' }, { 'If-Match': '"1"' }), as: 'ana' })).status).toBe(200)
    const filled = await (await batch(t, { action: 'accept-match', min: 100, scope, filter: { minMatch: 100 } })).json()
    expect(filled.changes.map((c: { unit: string; after: string; stateAfter: string }) => [c.unit, c.after, c.stateAfter])).toEqual([[t.second[0], 'Båtarna är redo.', 'translated']])
    const done = await (await t.call(`/api/batch/${filled.id}/apply`, { method: 'POST', as: 'ana' })).json()
    expect(done.changes).toHaveLength(1)
    const h = await (await t.call(`/api/articles/${SECOND.id}/units/${t.second[0]}/history?lang=sv`)).json()
    expect(h.history.at(-1)).toMatchObject({ origin: { kind: 'memory', score: 100 }, batch: filled.id })
  })
})

describe('batch limits', () => {
  it('refuses a scope of more than 50,000 units with a 400 naming the count, before reading a unit', async () => {
    const t = await makeTestApp()
    const text = `${Array.from({ length: 25_001 }, (_, i) => `Line ${i}.`).join('\n')}\n`
    await importText(t.store, { id: 'sv-big-01', tag: 'sv-big', lang: 'en', targets: ['sv'], text })
    await importText(t.store, { id: 'sv-big-02', tag: 'sv-big', lang: 'en', targets: ['sv'], text })
    const r = await batch(t, { action: 'copy-source', scope: { tag: 'sv-big', lang: 'sv' } })
    expect(r.status).toBe(400)
    const p = await r.json()
    expect(p.type).toBe('/problems/batch-too-large')
    expect(p.detail).toMatch(/holds 50002 units; a batch takes at most 50000/)
    // One of the two is within the limit.
    expect((await batch(t, { action: 'copy-source', scope: { articles: ['sv-big-01'], lang: 'sv' } })).status).toBe(200)
  }, 120_000)
})
