import { describe, expect, it } from 'vitest'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { makeTestApp } from './_setup.js'
import { readRest } from './_stream.js'

const EVENTS = '/api/articles/sv-general-01/events'

describe('the live stream for API clients', () => {
  it('streams saves with a token, as the editor gets them', async () => {
    const t = await makeTestApp()
    const res = await t.call(`${EVENTS}?lang=sv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const written = await t.call(`/api/articles/sv-general-01/units/${t.units[0]}/translations/sv`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"0"' },
      body: JSON.stringify({ text: 'Välkommen', state: 'translated' }),
    })
    expect(written.status).toBe(200)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!/event: translation\n.*\nid: \d+\n\n/.test(text)) text += decoder.decode((await reader.read()).value)
    await reader.cancel()
    const data = JSON.parse(/event: translation\ndata: (.*)\n/.exec(text)?.[1] as string)
    expect(data).toMatchObject({ unit: t.units[0], lang: 'sv', text: 'Välkommen', state: 'translated', version: 1 })
  })

  it('ends the stream once its token is revoked', async () => {
    const t = await makeTestApp({ live: { pollMs: 20, heartbeatMs: 50 } })
    const res = await t.call(`${EVENTS}?lang=sv`)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes(': heartbeat')) text += decoder.decode((await reader.read()).value)
    const [boss] = await t.accounts.listTokens('boss')
    await t.accounts.revokeToken(boss!.id)
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value)
    }
    expect(text).toMatch(/event: end\ndata: signed-out\n\n$/)
  })

  it('ends the stream within a second when another process revokes its token, long before a heartbeat', async () => {
    const t = await makeTestApp({ live: { pollMs: 20, heartbeatMs: 60_000 } })
    const res = await t.call(`${EVENTS}?lang=sv`)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = decoder.decode((await reader.read()).value) // the stream is open
    const other = openSqliteAccounts({ file: t.file })
    const [boss] = await other.listTokens('boss')
    await other.revokeToken(boss!.id)
    await other.close()
    text += await readRest(reader, 1000)
    expect(text).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(text).not.toContain(': heartbeat')
  })

  it('needs a token and a target language', async () => {
    const t = await makeTestApp()
    expect((await t.call(`${EVENTS}?lang=sv`, { as: undefined })).status).toBe(401)
    const bad = await t.call(`${EVENTS}?lang=xx`)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect((await t.call('/api/articles/nope/events?lang=sv')).status).toBe(404)
    const spec = await (await t.call('/api/openapi.json', { as: undefined })).json()
    expect(Object.keys(spec.paths)).toContain('/api/articles/{id}/events')
  })
})
