import { describe, expect, it } from 'vitest'
import { jsonBody, makeTestApp } from './_setup.js'

const ADD = '/locales/add'

describe('POST /locales/add/:lng/:ns (i18next saveMissing)', () => {
  it('creates the namespace with the configured targets; the keys are untranslated in the report', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv', 'de'] })
    const res = await call(`${ADD}/en/app`, jsonBody('POST', { 'missing.key': 'Fallback text' }))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ namespace: 'app', lang: 'en', created: true, added: ['missing.key'] })
    const report = await (await call('/api/report?article=app')).json()
    const app = report.articles[0]
    expect(app).toMatchObject({ id: 'app', lang: 'en', units: 1 })
    expect(Object.keys(app.languages)).toEqual(['sv', 'de'])
    expect(app.languages.sv.untranslated).toEqual([{ id: 'missing.key', position: 1, source: 'Fallback text' }])
    const units = await (await call('/api/articles/app/units?lang=sv')).json()
    expect(units.units.map((u: { id: string }) => u.id)).toEqual(['missing.key'])
  })

  it('takes form-encoded posts and plural forms as separate keys, empty defaults included', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'] })
    const body = new URLSearchParams([['items_one', ''], ['items_other', '']]).toString()
    const res = await call(`${ADD}/en/app`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(res.status).toBe(201)
    const again = await call(`${ADD}/en/app`, jsonBody('POST', { items_one: 'one item', items_other: '{{count}} items' }))
    expect(await again.json()).toMatchObject({ created: false, added: [], existing: 2 })
    // The empty sources were filled in; a later post never overwrites a real one.
    await call(`${ADD}/en/app`, jsonBody('POST', { items_one: 'changed' }))
    const en = await (await call('/locales/en/app.json')).json()
    expect(en).toEqual({ items_one: 'one item', items_other: '{{count}} items' })
  })

  it('a post to another language adds it as a target without inventing source text', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'] })
    await call(`${ADD}/en/app`, jsonBody('POST', { hello: 'Hello' }))
    const res = await call(`${ADD}/fr/app`, jsonBody('POST', { bonjour: 'Bonjour', hello: 'Hello' }))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ added: [], targetAdded: true })
    const report = await (await call('/api/report?article=app')).json()
    expect(Object.keys(report.articles[0].languages)).toEqual(['sv', 'fr'])
    expect(report.articles[0].units).toBe(1)
  })

  it('serves a resource set as nested i18next JSON, translations in a target', async () => {
    const { call, store } = await makeTestApp({ localeTargets: ['sv'] })
    await call(`${ADD}/en/app`, jsonBody('POST', { 'nav.home': 'Home', 'nav.about': 'About', title: 'Tolk' }))
    await store.writeTranslation({ articleId: 'app', unitId: 'nav.home', lang: 'sv', text: 'Hem', state: 'translated', author: 'ann' })
    expect(await (await call('/locales/en/app.json')).json()).toEqual({ nav: { home: 'Home', about: 'About' }, title: 'Tolk' })
    expect(await (await call('/locales/sv/app.json')).json()).toEqual({ nav: { home: 'Hem' } })
    expect((await call('/locales/de/app.json')).status).toBe(404)
  })

  it('needs an admin token; anonymous is 401 even with public reads', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'], publicRead: true })
    expect((await call(`${ADD}/en/app`, { ...jsonBody('POST', { a: 'b' }), as: undefined })).status).toBe(401)
    const res = await call(`${ADD}/en/app`, { ...jsonBody('POST', { a: 'b' }), as: 'ana' })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await call('/locales/en/app.json', { as: undefined })).status).toBe(404)
  })

  it("answers a browser app's CORS preflight for the add path when the origin is configured", async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'], cors: ['https://app.example'] })
    const pre = await call(`${ADD}/en/app`, {
      method: 'OPTIONS',
      as: undefined,
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example')
    const res = await call(`${ADD}/en/app`, { ...jsonBody('POST', { a: 'b' }), headers: { 'Content-Type': 'application/json', Origin: 'https://app.example' } })
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example')
  })

  it('keeps a key named __proto__ as data, never touching Object.prototype', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'] })
    const body = '{"__proto__.polluted": "yes", "constructor.prototype.bad": "no"}'
    const res = await call(`${ADD}/en/app`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(201)
    const served = await (await call('/locales/en/app.json')).text()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).bad).toBeUndefined()
    expect(served).toBe('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"bad":"no"}}}')
  })

  it('refuses with 409 a key that i18next could not hold beside one that exists (a and a.b)', async () => {
    const { call, store } = await makeTestApp({ localeTargets: ['sv'] })
    await call(`${ADD}/en/app`, jsonBody('POST', { 'nav.home': 'Home', title: 'Tolk' }))
    for (const key of ['nav', 'title.short', 'nav.home.icon']) {
      const res = await call(`${ADD}/en/app`, jsonBody('POST', { [key]: 'x' }))
      expect(res.status, key).toBe(409)
      expect(await res.json()).toMatchObject({ type: expect.stringMatching(/key-conflict$/) })
    }
    expect((await store.listUnits('app')).map((u) => u.id)).toEqual(['nav.home', 'title'])
  })

  it('refuses an article namespace with 409', async () => {
    const { call } = await makeTestApp()
    const res = await call(`${ADD}/en/sv-general-01`, jsonBody('POST', { a: 'b' }))
    expect(res.status).toBe(409)
  })

  const nasty: [string, RequestInit | (() => RequestInit), number][] = [
    ['a JSON array', jsonBody('POST', ['a']), 400],
    ['a JSON string', jsonBody('POST', 'a'), 400],
    ['null', jsonBody('POST', null), 400],
    ['an empty object', jsonBody('POST', {}), 400],
    ['a nested value', jsonBody('POST', { nav: { home: 'Home' } }), 400],
    ['a number value', jsonBody('POST', { a: 1 }), 400],
    ['a huge key', jsonBody('POST', { ['k'.repeat(101)]: 'x' }), 400],
    ['a key with a space', jsonBody('POST', { 'bad key': 'x' }), 400],
    ['a key with a slash', jsonBody('POST', { 'a/b': 'x' }), 400],
    ['a huge value', jsonBody('POST', { a: 'x'.repeat(10_001) }), 400],
    ['10,000 keys', () => jsonBody('POST', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'x']))), 400],
    ['malformed JSON', { method: 'POST', body: '{"a": ', headers: { 'Content-Type': 'application/json' } }, 400],
    ['text/plain', { method: 'POST', body: 'a=b', headers: { 'Content-Type': 'text/plain' } }, 415],
    ['a form key twice', { method: 'POST', body: 'a=1&a=2', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 400],
    ['invalid UTF-8', { method: 'POST', body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x22, 0x22, 0x7d]), headers: { 'Content-Type': 'application/json' } }, 400],
    ['a body over the limit', jsonBody('POST', { a: 'x'.repeat(2000) }), 413],
  ]
  for (const [what, init, status] of nasty) {
    it(`refuses ${what} with ${status} problem+json, writing nothing`, async () => {
      const maxBody = what === 'a body over the limit' ? 1000 : 1024 * 1024
      const { call, store } = await makeTestApp({ localeTargets: ['sv'], maxBody })
      const res = await call(`${ADD}/en/app`, typeof init === 'function' ? init() : init)
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(await store.getArticle('app')).toBeUndefined()
    })
  }

  it('refuses an unknown language tag and a bad namespace', async () => {
    const { call, store } = await makeTestApp()
    expect((await call(`${ADD}/xx-nope/app`, jsonBody('POST', { a: 'b' }))).status).toBe(400)
    expect((await call(`${ADD}/en/${'n'.repeat(101)}`, jsonBody('POST', { a: 'b' }))).status).toBe(400)
    expect((await call(`${ADD}/en/a%20b`, jsonBody('POST', { a: 'b' }))).status).toBe(400)
    expect(await store.resourceSets.list()).toEqual([])
  })
})
