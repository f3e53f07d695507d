import { describe, expect, it } from 'vitest'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

// ARTICLE: '# Welcome' / 'The weather is fine today. We walk to the harbour.' / 'The boats are ready. Everyone is happy.'
const SV = '# Välkommen\n\nVädret är fint i dag. Vi går till hamnen.\n\nBåtarna är klara och alla är glada.\n'
const alignPath = (query: string) => `/api/articles/${ARTICLE.id}/align?${query}`
const post = (body: string, type = 'text/markdown') => ({ method: 'POST', body, headers: { 'Content-Type': type } })

describe('POST /api/articles/:id/align', () => {
  it('pairs the translation with the units, stores them with aligned origins, and lists what it did', async () => {
    const t = await makeTestApp()
    const res = await t.call(alignPath('lang=sv'), post(SV))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.pairs.map((p: { kind: string }) => p.kind)).toEqual(['1-1', '1-1', '1-1', '2-1'])
    expect(body.written).toEqual(t.units)
    expect(body.skipped).toEqual([])
    const sv = await t.store.listTranslations(ARTICLE.id, 'sv')
    expect(sv[3]!.text).toBe('Båtarna är klara och alla är glada.')
    expect(sv.slice(3).map((x) => x.state)).toEqual(['initial', 'initial'])
    const { history } = await (await t.call(`/api/articles/${ARTICLE.id}/units/${t.units[1]}/history?lang=sv`)).json()
    expect(history[0].origin.kind).toBe('aligned')
    expect(history[0].origin.confidence).toBeGreaterThan(0)
    // Again: everything with text is skipped, and the merge's empty second draft is not written again.
    const again = await (await t.call(alignPath('lang=sv'), post(SV))).json()
    expect(again.skipped.map((s: { unitId: string }) => s.unitId)).toEqual(t.units.slice(0, 4))
    expect(again.written).toEqual([])
    expect(again.translated).toBe(0)
  })

  it('writes nothing on a dry run', async () => {
    const t = await makeTestApp()
    const body = await (await t.call(alignPath('lang=sv&dryRun=true'), post(SV))).json()
    expect(body.dryRun).toBe(true)
    expect(body.pairs).toHaveLength(4)
    expect(await t.store.history(ARTICLE.id, t.units[0]!, 'sv')).toEqual([])
  })

  it('answers problem+json for no rights, an unknown article, a language that is no target, a wrong media type, no sentences', async () => {
    const t = await makeTestApp()
    const cases: Array<[string, RequestInit & { as?: string | undefined }, number]> = [
      [alignPath('lang=sv'), { ...post(SV), as: 'vic' }, 403],
      [alignPath('lang=de'), { ...post(SV), as: 'ana' }, 403],
      [alignPath('lang=sv'), { ...post(SV), as: undefined }, 401],
      [`/api/articles/sv-general-99/align?lang=sv`, post(SV), 404],
      [alignPath('lang=fr'), post(SV), 400],
      [alignPath('lang=x!'), post(SV), 400],
      [alignPath(''), post(SV), 400],
      [alignPath('lang=sv&dryRun=yes'), post(SV), 400],
      [alignPath('lang=sv'), post(SV, 'application/pdf'), 415],
      [alignPath('lang=sv'), post('   \n\n  ', 'text/plain'), 400],
      [alignPath('lang=sv'), { method: 'POST', body: new Uint8Array([0xff, 0xfe, 0x41]), headers: { 'Content-Type': 'text/plain' } }, 400],
    ]
    for (const [url, init, status] of cases) {
      const res = await t.call(url, init)
      expect(res.status, `${url} ${init.as ?? ''}`).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    expect(await t.store.history(ARTICLE.id, t.units[1]!, 'sv')).toEqual([])
  })

  it('takes an aligned origin on a PUT and refuses one without a confidence 0–1', async () => {
    const t = await makeTestApp()
    const unit = t.units[1]!
    for (const origin of [{ kind: 'aligned' }, { kind: 'aligned', confidence: 2 }, { kind: 'aligned', confidence: '0.9' }, { kind: 'aligned', score: 90 }]) {
      const res = await t.call(tPath(unit), jsonBody('PUT', { text: 'Hej', origin }, { 'If-Match': '"0"' }))
      expect(res.status, JSON.stringify(origin)).toBe(400)
    }
    const ok = await t.call(tPath(unit), jsonBody('PUT', { text: 'Vädret är fint i dag.', origin: { kind: 'aligned', confidence: 0.93 } }, { 'If-Match': '"0"' }))
    expect(ok.status).toBe(200)
    expect((await t.store.history(ARTICLE.id, unit, 'sv'))[0]!.origin).toEqual({ kind: 'aligned', confidence: 0.93 })
  })
})
