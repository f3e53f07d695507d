import { describe, expect, it } from 'vitest'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

const historyPath = (unit: string) => `/api/articles/${ARTICLE.id}/units/${unit}/history?lang=sv`

describe('the origin of a written translation', () => {
  it('stores a memory match and its score, and returns them in the history', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    const put = await t.call(
      tPath(unit),
      jsonBody('PUT', { text: 'Vädret är fint i dag.', origin: { kind: 'memory', score: 92 } }, { 'If-Match': '"0"' }),
    )
    expect(put.status).toBe(200)
    const res = await t.call(historyPath(unit))
    expect(res.status).toBe(200)
    const { history } = await res.json()
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ version: 1, newText: 'Vädret är fint i dag.', author: 'boss', origin: { kind: 'memory', score: 92 } })
  })

  it('accepts the scores at both ends, 0 and 101 (a match with the same neighbours)', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    await t.call(tPath(unit), jsonBody('PUT', { text: 'Ett', origin: { kind: 'memory', score: 0 } }, { 'If-Match': '"0"' }))
    await t.call(tPath(unit), jsonBody('PUT', { text: 'Två', origin: { kind: 'memory', score: 101 } }, { 'If-Match': '"1"' }))
    const { history } = await (await t.call(historyPath(unit))).json()
    expect(history.map((h: { origin: unknown }) => h.origin)).toEqual([
      { kind: 'memory', score: 0 },
      { kind: 'memory', score: 101 },
    ])
  })

  it('records no origin (null) when none is given or origin is null', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    await t.call(tPath(unit), jsonBody('PUT', { text: 'Vädret är fint.' }, { 'If-Match': '"0"' }))
    await t.call(tPath(unit), jsonBody('PUT', { text: 'Vädret är fint i dag.', origin: null }, { 'If-Match': '"1"' }))
    const { history } = await (await t.call(historyPath(unit))).json()
    expect(history.map((h: { origin: unknown }) => h.origin)).toEqual([null, null])
    expect((await t.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([null, null])
  })

  it('answers 400 problem+json for a bad origin and writes nothing', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    const bad: unknown[] = [
      { kind: 'memory', score: 102 },
      { kind: 'memory', score: -1 },
      { kind: 'memory', score: 92.5 },
      { kind: 'memory', score: '92' },
      { kind: 'memory' },
      { kind: 'machine', score: 92 },
      { score: 92 },
      'memory',
      92,
    ]
    for (const origin of bad) {
      const res = await t.call(tPath(unit), jsonBody('PUT', { text: 'Hej', origin }, { 'If-Match': '"0"' }))
      expect(res.status, JSON.stringify(origin)).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const body = await res.json()
      expect(body.errors[0].path, JSON.stringify(origin)).toMatch(/^origin/)
    }
    expect(await t.store.history(ARTICLE.id, unit)).toEqual([])
    expect((await t.store.getTranslation(ARTICLE.id, unit, 'sv')).version).toBe(0)
  })

  it('refuses a bad origin in the store itself, for callers that skip the HTTP edge', async () => {
    const t = await makeTestApp()
    const unit = t.units[1] as string
    const write = { articleId: ARTICLE.id, unitId: unit, lang: 'sv', text: 'Hej', state: 'translated' as const, author: 'ana' }
    await expect(
      t.store.writeTranslation({ ...write, origin: { kind: 'memory', score: 150 } }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid-origin' })
    expect(await t.store.history(ARTICLE.id, unit)).toEqual([])
  })

  it('describes origin in the OpenAPI document, for the write and the history', async () => {
    const t = await makeTestApp()
    const doc = await (await t.call('/api/openapi.json', { as: undefined })).json()
    const write = doc.components.schemas.TranslationWrite
    expect(Object.keys(write.properties)).toContain('origin')
    const origin = JSON.stringify(write.properties.origin)
    expect(origin).toContain('"memory"')
    expect(origin).toContain('101')
    const entry = doc.components.schemas.HistoryEntry
    expect(Object.keys(entry.properties)).toContain('origin')
  })
})
