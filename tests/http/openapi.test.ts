import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { makeWebApp } from '../web/_setup.js'
import { ARTICLE, jsonBody, makeTestApp, tPath, type TestApp } from './_setup.js'

/** The prefixes whose every route must be in the document. */
const PREFIXES = ['/api', '/locales', '/badge', '/healthz', '/problems']
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any

async function documentOf(t: { call?: TestApp['call']; app: TestApp['app'] }): Promise<Doc> {
  const res = await t.app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  return res.json()
}

/** `METHOD /path/:param` for every operation of the document. */
function operations(doc: Doc): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  )
}

/** `METHOD /path/:param` for every route Hono registered under the prefixes (middleware left out). */
function registered(app: TestApp['app']): string[] {
  const under = (path: string) => PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL' && under(r.path)).map((r) => `${r.method} ${r.path}`))]
}

describe('the OpenAPI document', () => {
  it('has every route under /api, /locales, /badge, /healthz and /problems, and nothing else', async () => {
    const t = await makeTestApp()
    const doc = await documentOf(t)
    const routes = registered(t.app)
    for (const needed of ['GET /healthz', 'GET /locales/:lng/:file', 'POST /locales/add/:lng/:ns', 'GET /badge/:file', 'GET /badge/:article/:file', 'GET /problems', 'GET /problems/:type', 'DELETE /api/articles/:id', 'GET /api/openapi.json']) {
      expect(routes).toContain(needed)
    }
    expect(operations(doc).sort()).toEqual(routes.sort())
    // As `tolk serve` builds it, with the editor's routes mounted beside the API.
    const w = await makeWebApp()
    expect(registered(w.app).sort()).toEqual(routes.sort())
  })

  it('is a valid OpenAPI 3.1 document (swagger-parser), with problems as application/problem+json', async () => {
    const t = await makeTestApp()
    const doc = await documentOf(t)
    expect(doc.openapi).toBe('3.1.0')
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy()
    // The validator does look: a response without its (required) description is refused.
    const broken = structuredClone(doc)
    delete broken.paths['/api/articles/{id}'].get.responses['200'].description
    await expect(SwaggerParser.validate(broken)).rejects.toThrow(/description/)
    // Every 4xx and 5xx answer is declared as the service sends it.
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Doc>>)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, Doc>)) {
          if (Number(status) < 400) continue
          expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual(['application/problem+json'])
        }
      }
    }
    expect(Object.keys(doc.paths['/api/articles/{id}/units/{unit}/translations/{lang}'].put.responses['412'].content)).toEqual(['application/problem+json'])
  })
})

describe('answers against the document', () => {
  /** Validates each answer against the schema the document declares for its status and media type. */
  async function checker(t: TestApp) {
    const doc = await documentOf(t)
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ajv.addSchema({ ...doc, $id: 'openapi.json' })
    const templates = Object.keys(doc.paths as object).map((p) => ({
      path: p,
      // A trailing wildcard (a namespace from a subfolder) is the last resort: it matches any rest.
      params: (p.match(/\{/g) ?? []).length + (p.endsWith('/*') ? 100 : 0),
      re: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+').replace(/\/\*$/, '/.+')}$`),
    }))
    const seen = new Set<string>()
    const pointer = (...parts: string[]) => parts.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
    const call = async (url: string, init: RequestInit & { as?: string | undefined } = {}, expected?: number) => {
      const res = await t.call(url, init)
      const method = (init.method ?? 'GET').toLowerCase()
      const path = new URL(url, 'http://x').pathname
      const template = templates.filter((x) => x.re.test(path) && doc.paths[x.path][method]).sort((a, b) => a.params - b.params)[0]
      const what = `${method.toUpperCase()} ${url} → ${res.status}`
      if (expected !== undefined) expect(res.status, what).toBe(expected)
      expect(template, what).toBeDefined()
      const op = doc.paths[template!.path][method]
      expect(op, what).toBeDefined()
      seen.add(`${method} ${template!.path}`)
      const declared = op.responses[String(res.status)]
      expect(declared, `${what}: status not declared`).toBeDefined()
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim()
      expect(Object.keys(declared.content ?? {}), `${what}: media type`).toContain(type)
      const text = await res.text()
      const body = /json$/.test(type) ? JSON.parse(text) : text
      const validate = ajv.getSchema(`openapi.json#/${pointer('paths', template!.path, method, 'responses', String(res.status), 'content', type, 'schema')}`)
      expect(validate, what).toBeDefined()
      if (!validate!(body)) throw new Error(`${what}: ${ajv.errorsText(validate!.errors)}\n${text.slice(0, 500)}`)
      return { res, body }
    }
    return { doc, call, seen }
  }

  it('validates success and error answers of every operation against their declared schemas', async () => {
    const t = await makeTestApp({ localeTargets: ['sv'] })
    const { doc, call, seen } = await checker(t)
    const A = `/api/articles/${ARTICLE.id}`
    const [u0, u1] = t.units as [string, string]

    await call('/healthz', { as: undefined }, 200)
    await call('/api/openapi.json', { as: undefined }, 200)
    await call('/api/docs', { as: undefined }, 200)
    await call('/problems', { as: undefined }, 200)
    await call('/problems/unknown-article', { as: undefined }, 200)
    await call('/problems/no-such-type', { as: undefined }, 404)

    await call('/api/articles', { as: undefined }, 401)
    await call('/api/articles', {}, 200)
    await call(A, {}, 200)
    await call('/api/articles/sv-general-99', {}, 404)
    await call('/api/articles/bad%20id', {}, 400)
    await call('/api/articles', jsonBody('POST', { id: 'de-news-01', tag: 'de-news', lang: 'en', targets: ['de'], text: 'One. Two.' }), 201)
    await call('/api/articles', jsonBody('POST', { ...ARTICLE }), 409)
    await call('/api/articles', { method: 'POST', body: '<a/>', headers: { 'Content-Type': 'application/xml' } }, 415)
    await call('/api/articles', { ...jsonBody('POST', { ...ARTICLE, id: 'x-y-01' }), as: 'ana' }, 403)
    await call(A, jsonBody('PUT', { text: `${ARTICLE.text}\nOne more.\n` }), 200)
    await call('/api/articles/sv-general-02', jsonBody('PUT', { lang: 'en', targets: ['sv'], text: 'Hi. Bye.' }), 201)

    await call(`${A}/units?lang=sv`, {}, 200)
    await call(`${A}/units?state=final`, {}, 400)
    await call(tPath(u0), {}, 200)
    await call(tPath(u0, 'fi'), {}, 400)
    await call(tPath(u0), jsonBody('PUT', { text: 'Välkommen' }, { 'If-Match': '"0"' }), 200)
    await call(tPath(u0), jsonBody('PUT', { text: 'Hej' }, { 'If-Match': '"0"' }), 412)
    await call(tPath(u0), jsonBody('PUT', { text: 'Hej' }), 428)
    await call(tPath(u0), jsonBody('PUT', { text: 1 }, { 'If-Match': '"1"' }), 400)
    await call(tPath(u0), { method: 'PUT', body: 'Hej', headers: { 'Content-Type': 'text/plain', 'If-Match': '"1"' } }, 415)
    await call(tPath(u0, 'de'), { ...jsonBody('PUT', { text: 'Willkommen' }, { 'If-Match': '"0"' }), as: 'ana' }, 403)
    await call(tPath('nope'), jsonBody('PUT', { text: 'Hej' }, { 'If-Match': '"0"' }), 404)
    await call(`${A}/units/${u0}/history`, {}, 200)
    // The live stream never ends by itself, so only its refusals are read here (tests/http/events.test.ts streams).
    await call(`${A}/events?lang=sv`, { as: undefined }, 401)
    await call(`${A}/events?lang=fi`, {}, 400)
    await call('/api/articles/sv-general-99/events?lang=sv', {}, 404)
    await call(`${A}/units/${u1}/matches?lang=sv`, {}, 200)
    await call('/api/tm/search?q=V%C3%A4lkommen&lang=sv', {}, 200)
    await call('/api/tm/search?q=x&lang=fi', {}, 404)
    await call(`${A}/units/${u1}/suggestions?lang=sv`, {}, 200)
    await call(`${A}/units/nope/suggestions?lang=sv`, {}, 404)
    await call('/api/mt/engines', {}, 200)

    // A rejection and its refusals (the review writes: tests/http/review.test.ts); after the
    // memory calls above, which match its text, since a rejected text leaves the memory.
    await call(tPath(u0), jsonBody('PUT', { state: 'rejected', reason: 'Välkomna' }, { 'If-Match': '"1"' }), 200)
    await call(tPath(u0), jsonBody('PUT', { state: 'rejected', reason: 'again' }, { 'If-Match': '"2"' }), 409)
    await call(tPath(u0), jsonBody('PUT', { confirm: true }, { 'If-Match': '"2"' }), 409)
    await call(tPath(u0), {}, 200)
    await call(`${A}/units?lang=sv&state=rejected`, {}, 200)
    await call(`${A}/units/${u0}/history`, {}, 200)
    await call(`${A}/report`, {}, 200)
    await call('/api/report?summary=true', {}, 200)
    await call(`${A}/export?lang=sv&format=xliff2`, {}, 200)
    const po = await (await t.call(`${A}/export?lang=sv&format=po`)).text()
    await call(`${A}/import-translations`, { method: 'POST', body: po, headers: { 'Content-Type': 'text/x-gettext-translation' } }, 200)
    await call(`${A}/align?lang=de&dryRun=true`, { method: 'POST', body: 'Willkommen\n\nDas Wetter ist heute schön.\n', headers: { 'Content-Type': 'text/plain' } }, 200)
    await call(`${A}/align?lang=fi`, { method: 'POST', body: 'Hei.', headers: { 'Content-Type': 'text/plain' } }, 400)
    await call(`${A}/align?lang=sv`, { method: 'POST', body: 'Hej.', headers: { 'Content-Type': 'application/pdf' } }, 415)
    await call(`${A}/align?lang=de`, { method: 'POST', body: 'Hallo.', headers: { 'Content-Type': 'text/plain' }, as: 'ana' }, 403)
    await call('/api/articles/sv-general-99/align?lang=sv', { method: 'POST', body: 'Hej.', headers: { 'Content-Type': 'text/plain' } }, 404)

    await call(`/badge/${ARTICLE.id}.svg`, {}, 200)
    await call(`/badge/${ARTICLE.id}/sv.svg`, {}, 200)
    await call(`/badge/${ARTICLE.id}/fi.svg`, {}, 404)
    await call(`/locales/sv/${ARTICLE.id}.json`, {}, 200)
    await call('/locales/add/en/app', jsonBody('POST', { 'nav.home': 'Home' }), 201)
    await call('/locales/add/en/app', { method: 'POST', body: 'nav.about=About', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 200)
    await call('/locales/add/en/app', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }, 415)
    await call('/locales/add/sv/sv-only', jsonBody('POST', { a: 'A' }), 409)
    await call('/locales/en/app.json', {}, 200)
    await call('/locales/sv/nothing.json', {}, 404)
    await call('/locales/add/en/admin/users', jsonBody('POST', { title: 'Users' }), 201)
    await call('/locales/add/en/admin%5Cx/users', jsonBody('POST', { title: 'Users' }), 400)
    await call('/locales/en/admin/users.json', {}, 200)
    await call('/locales/sv/admin/nobody.json', {}, 404)

    const TB = '/api/termbases/sv-general'
    const entry = { terms: [{ lang: 'en', text: 'harbour' }, { lang: 'sv', text: 'hamn', status: 'preferred' }] }
    await call(`${TB}/entries`, jsonBody('POST', entry), 201)
    await call(`${TB}/entries`, { ...jsonBody('POST', entry), as: 'ana' }, 403)
    await call(`${TB}/entries`, jsonBody('POST', { terms: [] }), 400)
    await call(`${TB}/entries?q=harb`, {}, 200)
    await call(`${TB}/entries/1`, {}, 200)
    await call(`${TB}/entries/99`, {}, 404)
    await call(`${TB}/entries/1`, jsonBody('PUT', entry, { 'If-Match': '"1"' }), 200)
    await call(`${TB}/entries/1`, jsonBody('PUT', entry, { 'If-Match': '"1"' }), 412)
    await call(TB, jsonBody('PUT', { uses: ['sv-shared'] }), 200)
    await call(TB, jsonBody('PUT', { uses: ['sv-general'] }), 400)
    await call(TB, {}, 200)
    await call('/api/termbases', {}, 200)
    await call(`${TB}/import`, jsonBody('POST', { text: 'en,sv\nboat,båt\n', format: 'csv' }), 200)
    await call(`${TB}/import`, jsonBody('POST', { text: '<tmx/>', format: 'tbx' }), 400)
    await call(`${TB}/export?format=csv`, {}, 200)
    await call(`${A}/terms?lang=sv`, {}, 200)
    await call(`${A}/terms?lang=sv&unit=nope`, {}, 404)
    await call(`${A}/qa?lang=sv`, {}, 200)
    await call(`${A}/qa?lang=fi`, {}, 400)
    await call('/api/articles/sv-general-99/qa?lang=sv', {}, 404)
    await call(`${A}/qa/dismissals`, jsonBody('POST', { lang: 'sv', unit: u0, check: 'identical', reason: 'a name' }), 200)
    await call(`${A}/qa/dismissals`, jsonBody('POST', { lang: 'sv', unit: u0, check: 'nope' }), 400)
    await call(`${A}/qa/dismissals`, { ...jsonBody('POST', { lang: 'sv', unit: u0, check: 'identical' }), as: 'vic' }, 403)
    await call(`${A}/qa/dismissals`, jsonBody('POST', { lang: 'sv', unit: 'nope', check: 'identical' }), 404)
    await call(`${A}/qa/dismissals?lang=sv&unit=${u0}&check=identical`, { method: 'DELETE' }, 200)
    await call(`${TB}/entries/1`, { method: 'DELETE', headers: { 'If-Match': '"1"' } }, 412)
    await call(`${TB}/entries/1`, { method: 'DELETE' }, 200)

    const assigned = await call('/api/assignments', jsonBody('POST', { article: ARTICLE.id, lang: 'sv', users: ['ana', 'rev'], split: 'words', due: '2026-12-24' }), 201)
    await call('/api/assignments', { ...jsonBody('POST', { article: ARTICLE.id, lang: 'sv', user: 'ana' }), as: 'ana' }, 403)
    await call('/api/assignments', jsonBody('POST', { article: ARTICLE.id, lang: 'sv', user: 'ana', due: '2026-02-30' }), 400)
    await call('/api/assignments', jsonBody('POST', { article: ARTICLE.id, lang: 'sv', user: 'nobody' }), 404)
    await call('/api/assignments?user=ana', {}, 200)
    await call(`/api/assignments/${(assigned.body as { assignments: { id: number }[] }).assignments[0]!.id}`, {}, 200)
    await call('/api/assignments/999', {}, 404)
    const firstAssigned = (assigned.body as { assignments: { id: number }[] }).assignments[0]!.id
    await call(`/api/assignments/${firstAssigned}`, { method: 'DELETE', as: 'ana' }, 403)
    await call(`/api/assignments/${firstAssigned}`, { method: 'DELETE' }, 200)
    await call(`/api/assignments/${firstAssigned}`, { method: 'DELETE' }, 409)
    await call('/api/assignments/999', { method: 'DELETE' }, 404)
    await call('/api/me/work', { as: 'ana' }, 200)
    await call(`${A}/activity?lang=sv`, {}, 200)
    await call(`${A}/activity?kind=gossip`, {}, 400)
    await call('/api/articles/sv-general-99/activity', {}, 404)
    const C = `${A}/units/${u1}/comments`
    await call(C, jsonBody('POST', { text: 'Which harbour, @ana?', kind: 'query' }), 201)
    await call(C, { ...jsonBody('POST', { text: 'x', lang: 'de' }), as: 'ana' }, 403)
    await call(C, jsonBody('POST', { text: '' }), 400)
    await call(`${A}/units/nope/comments`, jsonBody('POST', { text: 'x' }), 404)
    await call(C, {}, 200)
    await call(`${A}/units/nope/comments`, {}, 404)
    await call(`${A}/comments?open=true&lang=sv`, {}, 200)
    await call('/api/articles/sv-general-99/comments', {}, 404)
    await call('/api/comments/1/replies', { ...jsonBody('POST', { text: 'The old one.' }), as: 'ana' }, 201)
    await call('/api/comments/99/replies', jsonBody('POST', { text: 'x' }), 404)
    await call('/api/comments/1', {}, 200)
    await call('/api/comments/99', {}, 404)
    await call('/api/comments/1', jsonBody('PATCH', { text: 'Which harbour?' }, { 'If-Match': '"1"' }), 200)
    await call('/api/comments/1', jsonBody('PATCH', { resolved: true }, { 'If-Match': '"1"' }), 412)
    await call('/api/comments/2', jsonBody('PATCH', { resolved: true }), 409)
    await call('/api/comments/2', { method: 'DELETE', as: 'rev' }, 403)
    await call('/api/comments/2', { method: 'DELETE', as: 'ana' }, 200)
    await call('/api/me/notifications', { as: 'ana' }, 200)
    await call('/api/me/notifications?limit=0', { as: 'ana' }, 400)
    await call('/api/me/notifications/read', { ...jsonBody('POST', { all: true }), as: 'ana' }, 200)
    await call('/api/me/notifications/read', { ...jsonBody('POST', { ids: [] }), as: 'ana' }, 400)
    const BS = { articles: [ARTICLE.id], lang: 'sv' }
    const preview = (await call('/api/batch', jsonBody('POST', { action: 'replace', scope: BS, find: 'Välkommen', replace: 'Hej' }), 200)).body as { id: string }
    await call('/api/batch', jsonBody('POST', { action: 'replace', scope: BS, find: '(', replace: '', regex: true }), 400)
    await call('/api/batch', { ...jsonBody('POST', { action: 'copy-source', scope: BS }), as: 'vic' }, 403)
    await call('/api/batch', jsonBody('POST', { action: 'copy-source', scope: { ...BS, articles: ['sv-general-99'] } }), 404)
    await call(`/api/batch/${preview.id}`, {}, 200)
    await call('/api/batch/nope', {}, 404)
    await call(`/api/batch/${preview.id}/undo`, { method: 'POST' }, 409)
    await call(`/api/batch/${preview.id}/apply`, { method: 'POST' }, 200)
    await call(`/api/batch/${preview.id}/apply`, { method: 'POST' }, 409)
    await call(`/api/batch/${preview.id}/undo`, { method: 'POST' }, 200)
    await call('/api/batch/nope/undo', { method: 'POST' }, 404)

    await call('/api/archive', { as: 'vic' }, 403)
    await call(A, { method: 'DELETE' }, 200)
    await call('/api/archive', {}, 200)
    await call(A, {}, 404)
    await call(A, jsonBody('PUT', { text: 'New.' }), 409)
    await call(`${A}/restore`, { method: 'POST' }, 200)
    await call(`${A}/restore`, { method: 'POST' }, 409)

    // Every operation of the document was called, and so validated, at least once.
    const all = Object.entries(doc.paths as Record<string, object>).flatMap(([p, item]) =>
      Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m} ${p}`),
    )
    expect(all.filter((op) => !seen.has(op))).toEqual([])
  })
})
