/**
 * Suggestions for a unit, on the API (token) and on the editor's session route: memory matches
 * and machine translations together; an engine that fails or is late is an entry in `errors`,
 * never a 5xx. And an edited suggestion written back: human, in the memory, "edited from".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { createEngines } from '../../src/mt/engines.js'
import type { MtEngine } from '../../src/mt/types.js'
import { makeTestApp } from '../http/_setup.js'
import { makeWebApp } from '../web/_setup.js'
import { freePort } from './_apy.js'
import { startStandIn, type StandIn } from './_standins.js'

let stand: StandIn
let engines: Map<string, MtEngine>
beforeAll(async () => {
  stand = await startStandIn('libretranslate', 'lt-key')
  engines = createEngines([
    { name: 'libre', kind: 'libretranslate', url: stand.url, key: 'lt-key' },
    // A port nothing listens on: an engine that is down.
    { name: 'down', kind: 'apertium', url: `http://127.0.0.1:${await freePort()}` },
  ])
})
afterAll(() => stand.close())

const weather = 'The weather is fine today.'

describe('GET /api/articles/:id/units/:unit/suggestions', () => {
  it('gives memory matches and machine suggestions together, and the engine that failed with its reason', async () => {
    const t = await makeTestApp({ mt: engines })
    const unit = (await t.store.listUnits('sv-general-01')).find((u) => u.source === weather)!.id
    await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: unit, lang: 'sv', text: 'Vädret är fint i dag.', state: 'translated', author: 'ana' })
    const res = await t.call(`/api/articles/sv-general-01/units/${unit}/suggestions?lang=sv`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.suggestions).toEqual([
      { text: 'Vädret är fint i dag.', origin: { kind: 'memory', score: 101 }, score: 101, source: weather },
      { text: 'THE WEATHER IS FINE TODAY.', origin: { kind: 'mt', engine: 'libre' } },
    ])
    expect(body.errors).toEqual([{ engine: 'down', reason: 'unreachable (connection refused)' }])
    expect(JSON.stringify(body)).not.toContain('lt-key')
  })

  it('a machine suggestion whose codes the engine lost is marked repaired', async () => {
    const t = await makeTestApp({ mt: engines })
    await importText(t.store, { id: 'sv-general-03', tag: 'sv-general', lang: 'en', targets: ['sv'], format: 'md', text: '!drop the *black* cat.\n' })
    const [u] = await t.store.listUnits('sv-general-03')
    const body = await (await t.call(`/api/articles/sv-general-03/units/${u!.id}/suggestions?lang=sv`)).json()
    expect(body.suggestions).toEqual([{ text: '⟦1⟧!DROP THE BLACK CAT.⟦/1⟧', origin: { kind: 'mt', engine: 'libre' }, repaired: true }])
  })

  it('without engines, or for a pair the memory never saw, is just what there is', async () => {
    const t = await makeTestApp()
    const unit = t.units[1]!
    const body = await (await t.call(`/api/articles/sv-general-01/units/${unit}/suggestions?lang=de`)).json()
    expect(body).toMatchObject({ suggestions: [], errors: [] })
  })

  it('answers an unknown unit or a language that is not a target with a problem', async () => {
    const t = await makeTestApp({ mt: engines })
    const nope = await t.call('/api/articles/sv-general-01/units/nope/suggestions?lang=sv')
    expect(nope.status).toBe(404)
    expect(nope.headers.get('content-type')).toContain('application/problem+json')
    expect((await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/suggestions?lang=fi`)).status).toBe(400)
    expect((await t.call(`/api/articles/sv-general-01/units/${t.units[1]}/suggestions`)).status).toBe(400)
  })

  it('is in the OpenAPI document', async () => {
    const t = await makeTestApp()
    const doc = await (await t.call('/api/openapi.json')).json()
    expect(doc.paths['/api/articles/{id}/units/{unit}/suggestions'].get).toBeTruthy()
    expect(doc.components.schemas.Suggestion).toBeTruthy()
  })

  it('an engine slower than the wait is listed as timed out, the rest answered', async () => {
    const t = await makeTestApp({ mt: engines })
    await importText(t.store, { id: 'sv-general-02', tag: 'sv-general', lang: 'en', targets: ['sv'], text: '!slow words here.\n' })
    const [u] = await t.store.listUnits('sv-general-02')
    const res = await t.call(`/api/articles/sv-general-02/units/${u!.id}/suggestions?lang=sv`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.errors).toContainEqual({ engine: 'libre', reason: 'timed out' })
  }, 15_000)

  it('an edited suggestion sent back counts as the author\'s: it enters the memory, history says edited from', async () => {
    const t = await makeTestApp({ mt: engines })
    const unit = t.units[1]!
    const put = (text: string, origin: object, version: number) =>
      t.call(`/api/articles/sv-general-01/units/${unit}/translations/sv`, {
        method: 'PUT',
        as: 'ana',
        headers: { 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ text, state: 'translated', origin }),
      })
    expect((await put('VÄDRET.', { kind: 'mt', engine: 'libre' }, 0)).status).toBe(200)
    expect((await put('Vädret är fint.', { kind: 'mt', engine: 'libre', edited: true }, 1)).status).toBe(200)
    expect((await put('x', { kind: 'mt', engine: 'Libre!' }, 2)).status).toBe(400)
    const h = (await (await t.call(`/api/articles/sv-general-01/units/${unit}/history?lang=sv`)).json()).history
    expect(h.map((e: { origin: unknown }) => e.origin)).toEqual([
      { kind: 'mt', engine: 'libre' },
      { kind: 'mt', engine: 'libre', edited: true },
    ])
    const hits = await t.store.memory.search({ query: 'Vädret', tgtLang: 'sv' })
    expect(hits.map((x) => x.target)).toEqual(['Vädret är fint.'])
  })
})

describe('GET /api/mt/engines', () => {
  it('lists each engine with its kind, code carriage and pairs, or why it cannot say; never a key or URL', async () => {
    const t = await makeTestApp({ mt: engines })
    const res = await t.call('/api/mt/engines')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.engines).toEqual([
      { name: 'libre', kind: 'libretranslate', codes: 'xml', pairs: expect.arrayContaining([{ from: 'en', to: 'sv' }]) },
      { name: 'down', kind: 'apertium', codes: 'xml', error: 'unreachable (connection refused)' },
    ])
    expect(JSON.stringify(body)).not.toMatch(/lt-key|127\.0\.0\.1/)
    expect((await t.call('/api/mt/engines', { as: undefined })).status).toBe(401)
  })
})

describe('the editor session route /edit/:article/:lang/:unit/suggestions', () => {
  it('gives the panel the same suggestions and errors on the session', async () => {
    const w = await makeWebApp({ mt: engines })
    const unit = (await w.store.listUnits('sv-general-01')).find((u) => u.source === weather)!.id
    const ana = await w.signedIn('ana')
    const res = await ana.get(`/edit/sv-general-01/sv/${unit}/suggestions`, { Accept: 'application/json' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { unit: string; suggestions: unknown[]; errors: unknown[] }
    expect(body).toEqual({
      unit,
      suggestions: [{ text: 'THE WEATHER IS FINE TODAY.', origin: { kind: 'mt', engine: 'libre' } }],
      errors: [{ engine: 'down', reason: 'unreachable (connection refused)' }],
    })
  })

  it('the editor page tells its script whether any engine is configured, so none is asked in vain', async () => {
    const page = async (w: Awaited<ReturnType<typeof makeWebApp>>) =>
      (await (await w.signedIn('ana')).get('/edit/sv-general-01/sv')).text()
    expect(await page(await makeWebApp({ mt: engines }))).toContain('data-mt="1"')
    expect(await page(await makeWebApp())).toContain('data-mt=""')
  })

  it('the history page says "edited from mt:ENGINE"', async () => {
    const w = await makeWebApp({ mt: engines })
    const unit = (await w.store.listUnits('sv-general-01'))[1]!.id
    await w.store.writeTranslation({ articleId: 'sv-general-01', unitId: unit, lang: 'sv', text: 'Vädret.', state: 'translated', author: 'ana', origin: { kind: 'mt', engine: 'libre', edited: true } })
    const ana = await w.signedIn('ana')
    const html = await (await ana.get(`/edit/sv-general-01/sv/${unit}/history`)).text()
    expect(html).toContain('edited from mt:libre')
  })
})
