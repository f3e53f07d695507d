import { describe, expect, it } from 'vitest'
import { openSqliteAccounts } from '../../../src/store/sqlite/accounts.js'
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js'
import { openSqliteWebAuth } from '../../../src/store/sqlite/sessions.js'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'
import { readRest } from '../../http/_stream.js'

const EVENTS = `/edit/${ARTICLE.id}/sv/events`

/** Reads an event stream until `until` matches what has come, then stops reading it. */
async function readUntil(res: Response, until: RegExp): Promise<string> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!until.test(text)) {
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel()
  return text
}

/** The `event: translation` messages of a stream's text, as id and data. */
function translations(text: string) {
  return [...text.matchAll(/event: translation\ndata: (.*)\nid: (\d+)\n\n/g)].map((m) => ({
    id: Number(m[2]),
    ...(JSON.parse(m[1] as string) as { text: string } & Record<string, unknown>),
  }))
}

describe('live updates on the session', () => {
  it('streams every save of the article and language, from this process and from another', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const ana = await w.signedIn('ana')
    const res = await ana.get(EVENTS)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    await writeAs(w.store, w.units[1] as string, 'Vädret är fint.', { author: 'rev' })
    // Another process on the same database: its own connection, its own write.
    const other = createSqliteStore({ file: w.file })
    try {
      await writeAs(other, w.units[2] as string, 'Vi går till hamnen.')
      // A save in another language is not this stream's.
      await writeAs(other, w.units[2] as string, 'Wir gehen.', { lang: 'de' })
    } finally {
      await other.close()
    }
    const got = translations(await readUntil(res, /(event: translation[\s\S]*){2}/))
    expect(got.map(({ id: _id, ...e }) => e)).toEqual([
      { unit: w.units[1], lang: 'sv', text: 'Vädret är fint.', state: 'translated', stale: false, version: 1, author: 'rev', origin: null },
      { unit: w.units[2], lang: 'sv', text: 'Vi går till hamnen.', state: 'translated', stale: false, version: 1, author: 'ana', origin: null },
    ])
    expect(got[1]!.id).toBeGreaterThan(got[0]!.id)

    // Coming back with Last-Event-ID: what was missed arrives first.
    const again = await ana.get(EVENTS, { 'Last-Event-ID': String(got[0]!.id) })
    const resumed = translations(await readUntil(again, /event: translation/))
    expect(resumed.map((e) => [e.id, e.text])).toEqual([[got[1]!.id, 'Vi går till hamnen.']])
  })

  it('starts the page\'s stream at the event the page was read at: a save made while the page loads is not missed', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const ana = await w.signedIn('ana')
    await writeAs(w.store, w.units[1] as string, 'Vädret är fint.', { author: 'rev' })
    const page = await (await ana.get(`/edit/${ARTICLE.id}/sv`)).text()
    const after = /data-events-after="(\d+)"/.exec(page)?.[1]
    expect(Number(after)).toBe(await w.store.lastEventId())
    // A colleague saves after the page was read and before its script connects.
    await writeAs(w.store, w.units[2] as string, 'Vi går till hamnen.', { author: 'rev' })
    const res = await ana.get(`${EVENTS}?after=${after}`)
    const got = translations(await readUntil(res, /event: translation/))
    expect(got.map((e) => e.text)).toEqual(['Vi går till hamnen.'])
  })

  it('tells where colleagues are: who is there on connecting, then each move and typing', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const [ana, rev] = [await w.signedIn('ana'), await w.signedIn('rev')]
    const at = `/edit/${ARTICLE.id}/sv/events/presence`
    expect((await rev.post(at, { unit: w.units[1] as string, typing: '0' })).status).toBe(204)
    const res = await ana.get(EVENTS)
    await rev.post(at, { unit: w.units[2] as string, typing: '1' })
    const text = await readUntil(res, /(event: presence[\s\S]*){2}/)
    const got = [...text.matchAll(/event: presence\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1] as string))
    expect(got).toEqual([
      { user: 'rev', unit: w.units[1], typing: false },
      { user: 'rev', unit: w.units[2], typing: true },
    ])
    // Presence carries no id: a reconnect resumes the saves, not who was where.
    expect(text).not.toMatch(/event: presence\ndata: .*\nid:/)
  })

  it('sends heartbeats, and ends the stream when the session ends', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 50 })
    const ana = await w.signedIn('ana')
    const res = await ana.get(EVENTS)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes(': heartbeat')) text += decoder.decode((await reader.read()).value)
    await ana.post('/sign-out', {})
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value)
    }
    expect(text).toMatch(/event: end\ndata: signed-out\n\n$/)
  })

  it('ends the stream within a second when another process ends the session, long before a heartbeat', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const ana = await w.signedIn('ana')
    const res = await ana.get(EVENTS)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = decoder.decode((await reader.read()).value) // the stream is open
    // Another process: its own connections, which know nothing of this one's streams.
    const accounts = openSqliteAccounts({ file: w.file })
    const web = openSqliteWebAuth({ file: w.file }, accounts)
    expect(await web.sessions.endAll('ana')).toBe(1)
    await web.close()
    await accounts.close()
    text += await readRest(reader, 1000)
    expect(text).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(text).not.toContain(': heartbeat')
  })

  it('needs a session and a target language of the article', async () => {
    const w = await makeWebApp()
    expect((await w.client().get(EVENTS)).status).toBe(303)
    const ana = await w.signedIn('ana')
    expect((await ana.get(`/edit/${ARTICLE.id}/xx/events`)).status).toBe(404)
  })
})
