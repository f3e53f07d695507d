import { describe, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

describe('who may do what', () => {
  it('answers 401 with WWW-Authenticate without a token, or with a wrong one', async () => {
    const t = await makeTestApp()
    const none = await t.call('/api/articles', { as: undefined })
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(none.headers.get('content-type')).toBe('application/problem+json')
    const wrong = await t.call('/api/articles', { as: undefined, headers: { Authorization: 'Bearer tolk_nope' } })
    expect(wrong.status).toBe(401)
    const basic = await t.call('/api/articles', { as: undefined, headers: { Authorization: 'Basic Ym9zczp4' } })
    expect(basic.status).toBe(401)
  })

  it('answers an unknown route 404 and a wrong method 405 even without a token', async () => {
    const t = await makeTestApp()
    expect((await t.call('/api/nothing', { as: undefined })).status).toBe(404)
    expect((await t.call('/api/articles', { method: 'DELETE', as: undefined })).status).toBe(405)
    expect((await t.call('/api/articles', { method: 'HEAD', as: undefined })).status).toBe(401)
    // Routes with parameters: the guard goes by the router's match, method included.
    const tr = `/api/articles/sv-general-01/units/${t.units[0]}/translations/sv`
    expect((await t.call(tr, { method: 'DELETE', as: undefined })).status).toBe(405)
    expect((await t.call(tr, { method: 'HEAD', as: undefined })).status).toBe(401)
    expect((await t.call(tr, { method: 'PUT', as: undefined, body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(401)
    expect((await t.call(`${tr}/more`, { as: undefined })).status).toBe(404)
  })

  it('lets every role read', async () => {
    const t = await makeTestApp()
    for (const as of ['boss', 'ana', 'rev', 'vic']) {
      expect((await t.call(`/api/articles/${ARTICLE.id}/units`, { as })).status).toBe(200)
    }
  })

  it('opens reads, never writes, to anonymous clients with publicRead', async () => {
    const t = await makeTestApp({ publicRead: true })
    await t.store.writeTranslation({ articleId: ARTICLE.id, unitId: t.units[1] as string, lang: 'sv', text: 'Vädret är fint.', state: 'translated', author: 'ana' })
    // What serve --help says --public-read opens, history and memory search included.
    for (const url of [
      '/api/report',
      `/api/articles/${ARTICLE.id}/units`,
      tPath(t.units[0] as string),
      `/api/articles/${ARTICLE.id}/units/${t.units[0]}/history?lang=sv`,
      `/api/articles/${ARTICLE.id}/units/${t.units[0]}/matches?lang=sv`,
      '/api/tm/search?q=weather&lang=sv',
      `/api/articles/${ARTICLE.id}/export?lang=sv&format=po`,
    ]) {
      expect((await t.call(url, { as: undefined })).status, url).toBe(200)
    }
    const write = await t.call(tPath(t.units[0] as string), { ...jsonBody('PUT', { text: 'x' }, { 'If-Match': '"0"' }), as: undefined })
    expect(write.status).toBe(401)
    // A wrong token is still refused rather than silently read as anonymous.
    const wrong = await t.call('/api/report', { as: undefined, headers: { Authorization: 'Bearer tolk_wrong' } })
    expect(wrong.status).toBe(401)
  })

  it('lets only admins import', async () => {
    const t = await makeTestApp()
    const body = { id: 'de-news-01', tag: 'de-news', lang: 'en', targets: ['de'], text: 'One. Two.' }
    for (const as of ['ana', 'rev', 'vic']) {
      const res = await t.call('/api/articles', { ...jsonBody('POST', body), as })
      expect(res.status).toBe(403)
      expect((await t.call(`/api/articles/${ARTICLE.id}`, { ...jsonBody('PUT', { text: 'Changed.' }), as })).status).toBe(403)
    }
    expect((await t.call('/api/articles', { ...jsonBody('POST', body), as: 'boss' })).status).toBe(201)
  })

  const matrix: [string, string, string, number][] = [
    // account, language, state, status
    ['boss', 'de', 'final', 200],
    ['ana', 'sv', 'translated', 200],
    ['ana', 'sv', 'initial', 200],
    ['ana', 'de', 'translated', 403],
    ['ana', 'sv', 'reviewed', 403],
    ['ana', 'sv', 'final', 403],
    ['rev', 'sv', 'translated', 200],
    ['rev', 'sv', 'reviewed', 200],
    ['rev', 'sv', 'final', 200],
    ['rev', 'de', 'reviewed', 403],
    ['vic', 'sv', 'translated', 403],
  ]
  it.each(matrix)('%s writing %s as %s gets %i', async (as, lang, state, status) => {
    const t = await makeTestApp()
    const res = await t.call(tPath(t.units[0] as string, lang), { ...jsonBody('PUT', { text: 'Text', state }, { 'If-Match': '"0"' }), as })
    expect(res.status).toBe(status)
    if (status === 403) expect((await res.json()).detail).toContain(lang)
  })

  it('honours extra grants: translate de and review sv', async () => {
    const t = await makeTestApp()
    await t.accounts.grant('ana', { role: 'translator', langs: ['de'] })
    await t.accounts.grant('ana', { role: 'reviewer', langs: ['sv'] })
    const u = t.units[0] as string
    expect((await t.call(tPath(u, 'de'), { ...jsonBody('PUT', { text: 'Hallo' }, { 'If-Match': '"0"' }), as: 'ana' })).status).toBe(200)
    expect((await t.call(tPath(u, 'sv'), { ...jsonBody('PUT', { text: 'Hej', state: 'final' }, { 'If-Match': '"0"' }), as: 'ana' })).status).toBe(200)
    expect((await t.call(tPath(u, 'de'), { ...jsonBody('PUT', { text: 'Hallo', state: 'final' }, { 'If-Match': '"1"' }), as: 'ana' })).status).toBe(403)
  })

  it('records the account as the author', async () => {
    const t = await makeTestApp()
    const res = await t.call(tPath(t.units[0] as string), { ...jsonBody('PUT', { text: 'Hej' }, { 'If-Match': '"0"' }), as: 'ana' })
    expect((await res.json()).author).toBe('ana')
  })

  it('refuses revoked and expired tokens', async () => {
    const t = await makeTestApp()
    const tokens = await t.accounts.listTokens('vic')
    await t.accounts.revokeToken(tokens[0]!.id)
    expect((await t.call('/api/articles', { as: 'vic' })).status).toBe(401)
    const now = new Date()
    const { token } = await issueToken(t.accounts, 'vic', { expiresAt: new Date(now.getTime() + 50), now })
    const headers = { Authorization: `Bearer ${token}` }
    expect((await t.call('/api/articles', { as: undefined, headers })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 80))
    expect((await t.call('/api/articles', { as: undefined, headers })).status).toBe(401)
  })

  it('refuses a token of an account without grants (403)', async () => {
    const t = await makeTestApp()
    await t.accounts.add('nobody', [])
    const { token } = await issueToken(t.accounts, 'nobody')
    expect((await t.call('/api/articles', { as: undefined, headers: { Authorization: `Bearer ${token}` } })).status).toBe(403)
  })
})
