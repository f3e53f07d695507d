import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/http/app.js'
import type { Store } from '../../src/store/types.js'
import { fingerprint } from './_fingerprint.js'
import { ARTICLE, makeTestApp, tPath, type TestApp } from './_setup.js'

interface Nasty {
  name: string
  method: string
  url: (t: TestApp) => string
  body?: string | Uint8Array | ((t: TestApp) => string)
  headers?: Record<string, string>
}

const json = { 'Content-Type': 'application/json' }
const put = (name: string, body: string | Uint8Array, headers: Record<string, string> = {}): Nasty => ({
  name,
  method: 'PUT',
  url: (t) => tPath(t.units[0] as string),
  body,
  headers: { ...json, 'If-Match': '"0"', ...headers },
})
const post = (name: string, body: string | Uint8Array, headers: Record<string, string> = json): Nasty => ({
  name,
  method: 'POST',
  url: () => '/api/articles',
  body,
  headers,
})
const get = (name: string, url: string): Nasty => ({ name, method: 'GET', url: () => url })
const titled = (name: string, title: string): Nasty => ({
  ...post(name, 'Hello there.', { 'Content-Type': 'text/plain' }),
  url: () => `/api/articles?id=sv-news-01&tag=sv-news&lang=en&targets=sv&title=${title}`,
})
const missing = (name: string, body: string, type = 'application/json'): Nasty => ({
  name,
  method: 'POST',
  url: () => '/locales/add/en/app',
  body,
  headers: { 'Content-Type': type },
})
/** A PO file for the article in sv whose first unit's msgstr is `msgstr` (as written in the file). */
const po = (t: TestApp, msgstr: string) =>
  [
    'msgid ""',
    'msgstr ""',
    '"Language: sv\\n"',
    `"X-Tolk-Article: ${ARTICLE.id}\\n"`,
    '',
    '#. tolk-version: 0',
    `msgctxt "${t.units[1]}"`,
    'msgid "The weather is fine today."',
    `msgstr ${msgstr}`,
    '',
  ].join('\n')
const back = (name: string, body: (t: TestApp) => string, type = 'text/x-gettext-translation'): Nasty => ({
  name,
  method: 'POST',
  url: () => `/api/articles/${ARTICLE.id}/import-translations`,
  body,
  headers: { 'Content-Type': type },
})

const huge = 'x'.repeat(200_000)
const NASTY: Nasty[] = [
  put('malformed JSON', '{"text": "a",'),
  put('JSON null', 'null'),
  put('JSON array', '[1,2]'),
  put('JSON string', '"text"'),
  put('empty body', ''),
  put('text is a number', '{"text": 5}'),
  put('text is an object', '{"text": {"a": 1}}'),
  put('unknown state', '{"text": "a", "state": "done"}'),
  put('state is null', '{"text": "a", "state": null}'),
  put('huge text', JSON.stringify({ text: huge })),
  put('NUL in text', JSON.stringify({ text: 'a\u0000b' })),
  put('escape character in text', JSON.stringify({ text: 'a\u001b[31mred' })),
  put('lone surrogate in text', '{"text": "a\\ud800b"}'),
  put('invalid UTF-8 bytes', new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  put('overlong UTF-8', new Uint8Array([...Buffer.from('{"text":"'), 0xc0, 0xaf, ...Buffer.from('"}')])),
  put('wrong media type', '{"text": "a"}', { 'Content-Type': 'text/html' }),
  put('form media type', 'text=a', { 'Content-Type': 'application/x-www-form-urlencoded' }),
  put('huge If-Match', '{"text": "a"}', { 'If-Match': `"${'9'.repeat(5000)}"` }),
  put('negative If-Match', '{"text": "a"}', { 'If-Match': '"-1"' }),
  put('deeply nested JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`),
  post('import with unknown language', JSON.stringify({ id: 'x-news-01', tag: 'x-news', targets: ['xx'], text: 'Hi.' })),
  post('import with unknown tag language', JSON.stringify({ id: 'qq-news-01', tag: 'qq-news', targets: ['sv'], text: 'Hi.' })),
  post('import with path traversal id', JSON.stringify({ id: '../etc/passwd', tag: 'sv-news', targets: ['de'], text: 'Hi.' })),
  post('import with empty text', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', lang: 'en', targets: ['sv'], text: '   ' })),
  post('import with target = text language', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', lang: 'en', targets: ['en'], text: 'Hi.' })),
  post('import with targets a string', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', targets: 'sv', text: 'Hi.' })),
  post('import with 10,000 targets', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', targets: Array(10_000).fill('sv'), text: 'Hi.' })),
  post('import binary text', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', targets: ['de'], text: '\u0000\u0001\u0002' })),
  post('text/plain import without id', 'Hello.', { 'Content-Type': 'text/plain' }),
  post('text/plain import invalid UTF-8', new Uint8Array([0x48, 0xff, 0x2e]), { 'Content-Type': 'text/plain' }),
  post('no content type', '{}', {}),
  get('path traversal in article id', '/api/articles/..%2F..%2Fetc%2Fpasswd'),
  get('path traversal in unit id', `/api/articles/${ARTICLE.id}/units/..%2F..%2Fx/translations/sv`),
  get('encoded NUL in id', '/api/articles/a%00b'),
  get('broken percent-encoding', '/api/articles/%E0%A4%A'),
  get('overlong id', `/api/articles/${'a'.repeat(5000)}`),
  get('unknown language in path', `/api/articles/${ARTICLE.id}/units/x/translations/xx`),
  get('garbage language in path', `/api/articles/${ARTICLE.id}/units/x/translations/%F0%9F%92%A9`),
  get('unknown language in query', `/api/articles/${ARTICLE.id}/units?lang=klingon-forever`),
  get('negative limit', `/api/articles/${ARTICLE.id}/units?limit=-1`),
  get('huge cursor', `/api/articles/${ARTICLE.id}/units?cursor=${'9'.repeat(400)}`),
  get('repeated query parameter', `/api/articles/${ARTICLE.id}/units?lang=sv&lang=de`),
  get('bad summary flag', '/api/report?summary=maybe'),
  get('report of a traversal id', '/api/report?article=../x'),
  get('unknown route', '/api/nothing/here'),
  get('control characters in path', '/api/articles/%1b%5b31m'),
  put('text one over the limit', JSON.stringify({ text: 'x'.repeat(100_001) })),
  put('DEL in text', JSON.stringify({ text: 'a\u007fb' })),
  put('lone low surrogate in text', '{"text": "\\udc00 alone"}'),
  titled('import title with an escape character (text/plain)', 'T%1B'),
  titled('import title with a broken percent-escape (text/plain)', 'T%C3'),
  post('import text with a bell', JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', lang: 'en', targets: ['sv'], text: 'Ding\u0007 dong.' })),
  missing('saveMissing fallback with NUL', JSON.stringify({ 'menu.open': 'Open\u0000' })),
  missing('saveMissing fallback with a lone surrogate', '{"menu.open": "Open \\ud800"}'),
  missing('saveMissing fallback of 10,001 characters', JSON.stringify({ 'menu.open': 'x'.repeat(10_001) })),
  missing('saveMissing form with a broken percent-escape', 'menu.open=Open%FF', 'application/x-www-form-urlencoded'),
  missing('saveMissing form with a truncated percent-escape', 'menu.open=Open%E2%82', 'application/x-www-form-urlencoded'),
  missing('saveMissing form with a bare percent sign', 'menu.open=100%', 'application/x-www-form-urlencoded'),
  back('PO target with a bell escape', (t) => po(t, '"Vädret\\a är fint."')),
  back('PO target with an octal NUL', (t) => po(t, '"Vädret\\000 är fint."')),
  back('PO target with an escape sequence', (t) => po(t, '"\\033[31mVädret är fint."')),
  back('PO target over the limit', (t) => po(t, `"${'x'.repeat(100_001)}"`)),
  { name: 'wrong method', method: 'DELETE', url: (t) => tPath(t.units[0] as string) },
  { name: 'PATCH on article', method: 'PATCH', url: () => `/api/articles/${ARTICLE.id}`, body: '{}', headers: json },
]

describe('nasty inputs', () => {
  it.each(NASTY)('answers $name with a 4xx problem, never a 500', async (n) => {
    const t = await makeTestApp()
    const sent = typeof n.body === 'function' ? n.body(t) : n.body
    const before = fingerprint(t.file)
    const res = await t.call(n.url(t), { method: n.method, ...(sent !== undefined ? { body: sent } : {}), headers: n.headers ?? {} })
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    // Refused means nothing written, on every path.
    expect(fingerprint(t.file)).toBe(before)
    const body = await res.json()
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) })
    expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+|SqliteError|node_modules/)
  })

  it('ignores __proto__ and constructor keys in a body without polluting anything', async () => {
    const t = await makeTestApp()
    const res = await t.call(tPath(t.units[0] as string), {
      method: 'PUT',
      body: '{"text": "a", "__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}',
      headers: { ...json, 'If-Match': '"0"' },
    })
    expect(res.status).toBe(200)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('names each failing field of an invalid body', async () => {
    const t = await makeTestApp()
    const res = await t.call('/api/articles', { method: 'POST', body: JSON.stringify({ id: '../x', tag: 'sv', targets: ['xx'], text: 5 }), headers: json })
    expect(res.status).toBe(400)
    const body = await res.json()
    const paths = body.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['id', 'tag', 'targets.0', 'text']))
  })

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const t = await makeTestApp()
    const res = await t.call(tPath(t.units[0] as string), { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, PUT')
  })

  it('answers 413 for a body over the limit', async () => {
    const t = await makeTestApp({ maxBody: 1000 })
    const res = await t.call(tPath(t.units[0] as string), {
      method: 'PUT',
      body: JSON.stringify({ text: 'x'.repeat(2000) }),
      headers: { ...json, 'If-Match': '"0"' },
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('answers 413 for a streamed body without Content-Length', async () => {
    const t = await makeTestApp({ maxBody: 1000 })
    const chunk = new TextEncoder().encode('x'.repeat(600))
    const body = new ReadableStream({
      start(c) {
        c.enqueue(chunk)
        c.enqueue(chunk)
        c.close()
      },
    })
    const res = await t.call(tPath(t.units[0] as string), {
      method: 'PUT',
      body,
      headers: { ...json, 'If-Match': '"0"' },
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it('answers an unexpected error 500 without internals, logged with the request id', async () => {
    const t = await makeTestApp()
    const broken = { ...t.store, listArticles: () => Promise.reject(new Error('disk on fire at /secret/path')) } as Store
    const app = createApp({ store: broken, accounts: t.accounts, log: false })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app.request('/api/articles', { headers: { Authorization: `Bearer ${t.tokens.boss}` } })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('secret')
    const id = res.headers.get('x-request-id') as string
    expect(text).toContain(id)
    expect(spy.mock.calls.flat().join(' ')).toContain(id)
    spy.mockRestore()
  })
})
