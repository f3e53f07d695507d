import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

describe('articles', () => {
  it('lists articles with coverage per target language', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.articles).toEqual([
      expect.objectContaining({ id: ARTICLE.id, tag: 'sv-general', lang: 'en', targets: ['sv', 'de'], coverage: { sv: 0, de: 0 } }),
    ])
  })

  it('answers one article with its source text, and 404 for an unknown one', async () => {
    const t = await makeTestApp()
    const res = await t.call(`/api/articles/${ARTICLE.id}`)
    expect(res.status).toBe(200)
    expect((await res.json()).source).toBe(ARTICLE.text)
    const missing = await t.call('/api/articles/sv-general-99')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
  })

  it('imports a JSON article with 201 and Location', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles', jsonBody('POST', { id: 'de-news-01', tag: 'de-news', lang: 'en', targets: ['de'], text: 'One. Two.' }))
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/api/articles/de-news-01')
    const body = await res.json()
    expect(body).toMatchObject({ article: 'de-news-01', revision: 1, written: true, units: { new: 2 } })
    expect((await t.store.getArticle('de-news-01'))?.targets).toEqual(['de'])
  })

  it('imports a text/plain article with its fields as query parameters', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles?id=fr-docs-01&tag=fr-docs&lang=en&targets=fr,de', {
      method: 'POST',
      body: 'Hello there. Goodbye now.',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
    expect(res.status).toBe(201)
    expect((await t.store.getArticle('fr-docs-01'))?.targets).toEqual(['fr', 'de'])
  })

  it('refuses to POST an article that exists (409) and points to PUT', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles', jsonBody('POST', { ...ARTICLE }))
    expect(res.status).toBe(409)
    expect((await res.json()).detail).toContain('PUT')
  })

  it('re-imports with PUT and answers the alignment summary', async () => {
    const t = await makeTestApp()
    const same = await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: ARTICLE.text }))
    expect(same.status).toBe(200)
    expect(await same.json()).toMatchObject({ written: false, revision: 1 })
    const edited = ARTICLE.text.replace('We walk to the harbour.', 'We walk slowly to the old harbour.') + '\nA new sentence here.\n'
    const res = await t.call(`/api/articles/${ARTICLE.id}`, jsonBody('PUT', { text: edited }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.revision).toBe(2)
    expect(body.units).toMatchObject({ stale: 1, new: 1, obsolete: 0 })
  })

  it('creates an article with PUT (201), taking the tag from the id', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles/sv-general-02', jsonBody('PUT', { lang: 'en', targets: ['sv'], text: 'Hi. Bye.' }))
    expect(res.status).toBe(201)
    expect((await t.store.getArticle('sv-general-02'))?.tag).toBe('sv-general')
  })

  it('plans without writing on dryRun', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles?dryRun=true', jsonBody('POST', { id: 'de-news-01', tag: 'de-news', lang: 'en', targets: ['de'], text: 'One. Two.' }))
    expect(res.status).toBe(201)
    expect(await t.store.getArticle('de-news-01')).toBeUndefined()
  })
})

describe('units', () => {
  it('lists units in order, with one language joined and filtered by state', async () => {
    const t = await makeTestApp()
    const all = await (await t.call(`/api/articles/${ARTICLE.id}/units`)).json()
    expect(all.units.map((u: { id: string }) => u.id)).toEqual(t.units)
    expect(all.next).toBeNull()
    await t.call(tPath(t.units[1] as string), jsonBody('PUT', { text: 'Vädret är fint i dag.' }, { 'If-Match': '"0"' }))
    const translated = await (await t.call(`/api/articles/${ARTICLE.id}/units?lang=sv&state=translated`)).json()
    expect(translated.units).toHaveLength(1)
    expect(translated.units[0]).toMatchObject({ id: t.units[1], translation: { text: 'Vädret är fint i dag.', version: 1 } })
    const initial = await (await t.call(`/api/articles/${ARTICLE.id}/units?lang=sv&state=initial`)).json()
    expect(initial.units).toHaveLength(t.units.length - 1)
  })

  it('paginates with a cursor', async () => {
    const t = await makeTestApp()
    const seen: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const page: { units: { id: string }[]; next: string | null } = await (
        await t.call(`/api/articles/${ARTICLE.id}/units?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()
      expect(page.units.length).toBeLessThanOrEqual(2)
      seen.push(...page.units.map((u) => u.id))
      cursor = page.next
    }
    expect(seen).toEqual(t.units)
  })

  it('refuses a state filter without a language, and a language that is not a target', async () => {
    const t = await makeTestApp()
    expect((await t.call(`/api/articles/${ARTICLE.id}/units?state=final`)).status).toBe(400)
    expect((await t.call(`/api/articles/${ARTICLE.id}/units?lang=fi`)).status).toBe(400)
  })
})

describe('history and reports', () => {
  it("answers a unit's history, oldest first", async () => {
    const t = await makeTestApp()
    const u = t.units[0] as string
    await t.call(tPath(u), jsonBody('PUT', { text: 'Välkommen' }, { 'If-Match': '"0"' }))
    await t.call(tPath(u), jsonBody('PUT', { text: 'Välkomna' }, { 'If-Match': '"1"' }))
    await t.call(tPath(u, 'de'), jsonBody('PUT', { text: 'Willkommen' }, { 'If-Match': '"0"' }))
    const sv = await (await t.call(`/api/articles/${ARTICLE.id}/units/${u}/history?lang=sv`)).json()
    expect(sv.history.map((h: { newText: string }) => h.newText)).toEqual(['Välkommen', 'Välkomna'])
    const all = await (await t.call(`/api/articles/${ARTICLE.id}/units/${u}/history`)).json()
    expect(all.history).toHaveLength(3)
  })

  it('answers the same report JSON as tolk report', async () => {
    const t = await makeTestApp()
    const { buildReport } = await import('../../src/report/build-report.js')
    const one = await (await t.call(`/api/articles/${ARTICLE.id}/report`)).json()
    expect(one).toEqual(await buildReport(t.store, { articles: [ARTICLE.id] }))
    const all = await (await t.call('/api/report?lang=sv&summary=true')).json()
    expect(all).toEqual(await buildReport(t.store, { langs: ['sv'], summary: true }))
    expect(all.articles[0].languages.sv.untranslated).toBeUndefined()
    expect((await t.call('/api/articles/sv-general-99/report')).status).toBe(404)
  })
})

describe('service routes', () => {
  it('keeps /healthz, /api/openapi.json and the docs page open', async () => {
    const t = await makeTestApp()
    expect((await t.call('/healthz', { as: undefined })).status).toBe(200)
    const doc = await t.call('/api/openapi.json', { as: undefined })
    expect(doc.status).toBe(200)
    const spec = await doc.json()
    expect(spec.openapi).toBe('3.1.0')
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/articles', '/api/articles/{id}/units/{unit}/translations/{lang}', '/api/report']),
    )
    const docs = await t.call('/api/docs', { as: undefined })
    expect(docs.status).toBe(200)
    const html = await docs.text()
    expect(html).toContain('/api/articles/{id}/units/{unit}/translations/{lang}')
    expect(html).not.toMatch(/<script|https?:\/\/(?!tolk\.dev)/)
  })

  it('sends security headers and a request id', async () => {
    const t = await makeTestApp()
    const res = await t.call('/healthz')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toBeTruthy()
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("sends hono's secureHeaders() set on every answer, the write path and errors included", async () => {
    const hono = new Hono()
    hono.use(secureHeaders())
    hono.get('/', (c) => c.text('x'))
    const expected = [...(await hono.request('/')).headers].filter(([k]) => k !== 'content-type')
    expect(expected.length).toBeGreaterThan(5)
    const t = await makeTestApp()
    const written = await t.call(`/api/articles/sv-general-01/units/${t.units[0]}/translations/sv`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"0"' },
      body: JSON.stringify({ text: 'Välkommen', state: 'translated' }),
    })
    expect(written.status).toBe(200)
    for (const res of [written, await t.call('/healthz'), await t.call('/api/nope'), await t.call('/api/articles', { as: undefined })]) {
      for (const [k, v] of expected) expect(res.headers.get(k), `${res.status} ${k}`).toBe(v)
      expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
    }
  })

  it('keeps a well-formed X-Request-Id the client sent, and makes a new one for any other', async () => {
    const t = await makeTestApp()
    const own = await t.call('/healthz', { headers: { 'X-Request-Id': 'ci-run-42_a=b' } })
    expect(own.headers.get('x-request-id')).toBe('ci-run-42_a=b')
    for (const bad of ['has space', 'x'.repeat(256), 'semi;colon']) {
      const res = await t.call('/healthz', { headers: { 'X-Request-Id': bad } })
      expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
    }
  })

  it('answers CORS only for configured origins', async () => {
    const t = await makeTestApp({ cors: ['https://app.example'] })
    const res = await t.call('/api/articles', { headers: { Origin: 'https://app.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example')
  })

  it('logs one line per request with method, path, status, duration and request id', async () => {
    const lines: string[] = []
    const t = await makeTestApp({ log: (l) => lines.push(l) })
    const res = await t.call('/api/articles')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^GET /api/articles 200 \\d+\\.\\dms ${res.headers.get('x-request-id')}$`))
  })
})
