import { describe, expect, it } from 'vitest'
import { PROBLEM_TYPE_NAMES, PROBLEM_TYPES, statusesOf } from '../../src/http/problem-types.js'
import { emittedProblems, serverModules } from './_problem-codes.js'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

describe('problem types', () => {
  it('registers every type the server can emit, with its status, and no type it cannot', () => {
    const files = serverModules()
    expect(files.some((f) => f.endsWith('src/store/sqlite/translations.ts'))).toBe(true)
    const { emitted, dynamic } = emittedProblems(files)
    expect(emitted.length).toBeGreaterThan(100)
    // Codes that are not literals only where a TolkError's own code is passed on.
    expect(dynamic.map((d) => d.replace(/:\d+$/, '')).sort()).toEqual(['src/http/errors.ts', 'src/http/problem.ts'])
    const wrong = emitted.filter((e) => {
      const t = PROBLEM_TYPES[e.code as keyof typeof PROBLEM_TYPES]
      return !t || e.statuses.some((s) => !statusesOf(t).includes(s))
    })
    expect(wrong.map((e) => `${e.code} ${e.statuses.join('/')} at ${e.at}`)).toEqual([])
    const used = new Set(emitted.map((e) => e.code))
    expect(PROBLEM_TYPE_NAMES.filter((n) => !used.has(n))).toEqual([])
    // Each status a type lists is one some place emits.
    for (const name of PROBLEM_TYPE_NAMES) {
      const statuses = new Set(emitted.filter((e) => e.code === name).flatMap((e) => e.statuses))
      expect([...statusesOf(PROBLEM_TYPES[name])].sort(), name).toEqual([...statuses].sort())
    }
  })

  it('serves a page for every type, a list of them at /problems, and a 404 problem for an unknown one, with no token', async () => {
    const t = await makeTestApp()
    const list = await t.call('/problems', { as: undefined })
    expect(list.status).toBe(200)
    expect(list.headers.get('content-type')).toMatch(/^text\/html/)
    const listed = await list.text()
    for (const name of PROBLEM_TYPE_NAMES) {
      expect(listed).toContain(`href="/problems/${name}"`)
      const res = await t.call(`/problems/${name}`, { as: undefined })
      expect(res.status, name).toBe(200)
      const html = await res.text()
      const type = PROBLEM_TYPES[name]
      for (const part of [type.title, 'What it means', 'How to fix it']) expect(html, name).toContain(part)
    }
    const unknown = await t.call('/problems/not-a-type', { as: undefined })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toBe('application/problem+json')
    expect(await unknown.json()).toMatchObject({ type: '/problems/no-route', status: 404, detail: expect.stringContaining('GET /problems') })
  })

  it('gives each problem a relative type whose page the same server serves, and the type\'s title', async () => {
    const t = await makeTestApp()
    const answers = [
      await t.call('/api/articles/sv-general-99'),
      await t.call(tPath('nope')),
      await t.call('/api/nothing-here'),
      await t.call('/api/articles', { as: undefined }),
      await t.call(tPath(t.units[0]!), jsonBody('PUT', { text: 'x' })),
    ]
    for (const res of answers) {
      const body = await res.json()
      expect(body.type).toMatch(/^\/problems\/[a-z0-9-]+$/)
      const page = await t.call(body.type, { as: undefined })
      expect(page.status, body.type).toBe(200)
      expect(body.title).toBe(PROBLEM_TYPES[body.type.slice('/problems/'.length) as keyof typeof PROBLEM_TYPES].title)
    }
  })

  it('names an unknown article unknown-article, and an unknown unit unknown-unit, on every route', async () => {
    const t = await makeTestApp()
    const other = 'sv-general-99'
    const unit = t.units[0]!
    const typeOf = async (url: string, init: RequestInit = {}) => {
      const res = await t.call(url, init)
      return `${res.status} ${(await res.json()).type}`
    }
    const put = (text: string) => jsonBody('PUT', { text }, { 'If-Match': '"0"' })
    const articleRoutes: [string, RequestInit?][] = [
      [`/api/articles/${other}`],
      [`/api/articles/${other}/units`],
      [`/api/articles/${other}/report`],
      [`/api/report?article=${other}`],
      [`/api/articles/${other}/export?lang=sv&format=po`],
      [tPath(unit, 'sv', other)],
      [tPath(unit, 'sv', other), put('Hej')],
      [`/api/articles/${other}/units/${unit}/history`],
      [`/api/articles/${other}/units/${unit}/matches?lang=sv`],
      [`/api/articles/${other}/import-translations`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }],
      [`/api/articles/${other}`, { method: 'DELETE' }],
      [`/api/articles/${other}/restore`, { method: 'POST' }],
      [`/badge/${other}.svg`],
      [`/badge/${other}/sv.svg`],
      [`/locales/sv/${other}.json`],
    ]
    for (const [url, init] of articleRoutes) expect(await typeOf(url, init), `${init?.method ?? 'GET'} ${url}`).toBe('404 /problems/unknown-article')
    for (const [url, init] of [
      [tPath('nope')],
      [tPath('nope'), put('Hej')],
      [`/api/articles/${ARTICLE.id}/units/nope/history`],
      [`/api/articles/${ARTICLE.id}/units/nope/matches?lang=sv`],
    ] as [string, RequestInit?][]) {
      expect(await typeOf(url, init), `${init?.method ?? 'GET'} ${url}`).toBe('404 /problems/unknown-unit')
    }
  })

  it('says in a 415 which media types the route takes', async () => {
    const t = await makeTestApp()
    const xml = { 'Content-Type': 'application/xml' }
    const cases: [string, RequestInit, string[]][] = [
      [`/api/articles/${ARTICLE.id}`, { method: 'PUT', body: '<a/>', headers: xml }, ['application/json', 'text/plain', 'text/markdown', 'text/html']],
      ['/api/articles', { method: 'POST', body: '<a/>', headers: xml }, ['application/json', 'text/plain', 'text/markdown', 'text/html']],
      [tPath(t.units[0]!), { method: 'PUT', body: 'Hej', headers: { 'Content-Type': 'text/plain', 'If-Match': '"0"' } }, ['application/json']],
      ['/locales/add/en/app', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }, ['application/json', 'application/x-www-form-urlencoded']],
    ]
    for (const [url, init, accepted] of cases) {
      const res = await t.call(url, init)
      expect(res.status, url).toBe(415)
      const body = await res.json()
      expect(body.type).toBe('/problems/unsupported-media-type')
      expect(body.accepted, url).toEqual(accepted)
      const send = accepted.length === 1 ? accepted[0] : `${accepted.slice(0, -1).join(', ')} or ${accepted.at(-1)}`
      expect(body.detail, url).toMatch(new RegExp(`: send ${send}$`))
    }
  })
})
