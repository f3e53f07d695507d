import { describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'
import { openStream } from './_stream.js'

const FEED = `/dashboard/events?articles=${ARTICLE.id}`

/** The `event: coverage` messages of a stream's text. */
function coverage(text: string) {
  return [...text.matchAll(/event: coverage\ndata: (.*)\n\n/g)].map(
    (m) => JSON.parse(m[1] as string) as { article: string; lang: string; parts: Record<string, number>; label: string; left: string; done: number },
  )
}

describe("the dashboard's live bars", () => {
  it('sends the bars of the articles asked for at once, then each one a save in any process moves', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const ana = await w.signedIn('ana')
    const res = await ana.get(FEED)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = openStream(res)
    // First the bars as they are now, so nothing saved since the page was made is missed.
    expect(await stream.until(/(event: coverage[\s\S]*){2}/, 5000)).toBe(true)
    const now = coverage(stream.text())
    expect(now.map((c) => [c.article, c.lang, c.parts.translated, c.done])).toEqual([
      [ARTICLE.id, 'sv', 0, 0],
      [ARTICLE.id, 'de', 0, 0],
    ])
    expect(now[0]?.left).toBe(`${now[0]?.parts.untranslated} words left`)
    // A save by another process on the same database moves the sv bar, and only that one.
    const other = createSqliteStore({ file: w.file })
    await writeAs(other, w.units[1] as string, 'Vädret är fint i dag.')
    await other.close()
    expect(await stream.until(/(event: coverage[\s\S]*){3}/, 5000)).toBe(true)
    const moved = coverage(stream.text())[2]
    expect(moved).toMatchObject({ article: ARTICLE.id, lang: 'sv' })
    expect(moved?.parts.translated).toBeGreaterThan(0)
    expect(moved?.done).toBeGreaterThan(0)
    expect(moved?.label).toBe(
      `Swedish: ${moved?.parts.translated} translated, 0 reviewed, 0 stale, 0 rejected, ${moved?.parts.untranslated} untranslated`,
    )
    // The de bar did not move: nothing is sent for it.
    await writeAs(w.store, w.units[2] as string, 'Vi går till hamnen.')
    expect(await stream.until(/(event: coverage[\s\S]*){4}/, 5000)).toBe(true)
    expect(coverage(stream.text()).map((c) => c.lang)).toEqual(['sv', 'de', 'sv', 'sv'])
    await stream.cancel()
  })

  it('ends the stream on sign-out, needs a session, and takes at most 500 articles', async () => {
    const w = await makeWebApp({ pollMs: 20, heartbeatMs: 60_000 })
    const ana = await w.signedIn('ana')
    const stream = openStream(await ana.get(FEED))
    expect(await stream.until(/event: coverage/, 5000)).toBe(true)
    await ana.post('/sign-out', {})
    expect(await stream.endsWithin(1000)).toBe(true)
    expect(stream.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect((await w.client().get(FEED)).status).toBe(303)
    const rev = await w.signedIn('rev')
    const many = Array.from({ length: 501 }, (_, i) => `a-${i}`).join(',')
    const refused = await rev.get(`/dashboard/events?articles=${many}`)
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toContain('application/problem+json')
    // Ids that are no article's are simply never sent.
    const none = openStream(await rev.get('/dashboard/events?articles=nope'))
    expect(await none.until(/event: coverage/, 300)).toBe(false)
    await none.cancel()
  })

  it('marks each bar of the dashboard for the script, and loads the script there', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const html = await (await ana.get('/')).text()
    expect(html).toContain(`data-coverage="${ARTICLE.id} sv"`)
    expect(html).toContain(`data-coverage="${ARTICLE.id} de"`)
    expect(html).toMatch(/<script type="module" src="\/assets\/dashboard-live\.[0-9a-f]+\.js"/)
    const src = /src="(\/assets\/dashboard-live\.[0-9a-f]+\.js)"/.exec(html)?.[1] as string
    expect((await ana.get(src)).headers.get('content-type')).toContain('text/javascript')
  })
})
