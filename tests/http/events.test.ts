import { describe, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { openStream } from '../web/live/_stream.js'
import { makeTestApp } from './_setup.js'

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

  describe('rights ending within 1 s, with the heartbeat a minute away', () => {
    const LIVE = { live: { pollMs: 20, heartbeatMs: 60_000 } }
    /** A stream of `as` known to be followed: a save made after it opened has arrived. */
    const followed = async (t: Awaited<ReturnType<typeof makeTestApp>>, init: Parameters<typeof t.call>[1]) => {
      const res = await t.call(`${EVENTS}?lang=sv`, init)
      expect(res.status).toBe(200)
      const stream = openStream(res)
      const { version } = await t.store.getTranslation('sv-general-01', t.units[0] as string, 'sv')
      await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: t.units[0] as string, lang: 'sv', text: `Hej ${version}`, state: 'translated', ifVersion: version, author: 'boss' })
      expect(await stream.until(new RegExp(`Hej ${version}`), 5000)).toBe(true)
      return stream
    }

    it('ends the stream when another process revokes its token', async () => {
      const t = await makeTestApp(LIVE)
      const stream = await followed(t, { as: 'ana' })
      const cli = openSqliteAccounts({ file: t.file })
      const [token] = await cli.listTokens('ana')
      await cli.revokeToken(token!.id)
      await cli.close()
      expect(await stream.endsWithin(1000)).toBe(true)
      expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
      expect((await t.call(`${EVENTS}?lang=sv`, { as: 'ana' })).status).toBe(401)
    })

    it('ends the stream when another process takes back the grant of its language', async () => {
      const t = await makeTestApp(LIVE)
      const stream = await followed(t, { as: 'ana' })
      const cli = openSqliteAccounts({ file: t.file })
      await cli.revoke('ana', { role: 'translator', langs: ['sv'] })
      await cli.close()
      expect(await stream.endsWithin(1000)).toBe(true)
      expect(stream.text()).toMatch(/event: end\ndata: rights-changed\n\n$/)
    })

    it('ends the stream when its token expires', async () => {
      const t = await makeTestApp(LIVE)
      const { token } = await issueToken(t.accounts, 'ana', { expiresAt: new Date(Date.now() + 500) })
      const stream = await followed(t, { headers: { Authorization: `Bearer ${token}` } })
      expect(await stream.endsWithin(1000)).toBe(true)
      expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    })
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
