import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.js'
import { importText } from '../../src/import/import-text.js'
import type { Store } from '../../src/store/types.js'
import { ARTICLE, jsonBody, makeTestApp, tPath } from './_setup.js'

/** An article of `n` one-sentence paragraphs, English with a Swedish target. */
const long = (id: string, n: number) => ({
  id,
  tag: 'sv-general',
  lang: 'en',
  targets: ['sv'],
  text: `${Array.from({ length: n }, (_, i) => `Sentence number ${i} of the long article.`).join('\n\n')}\n`,
})

/** A store that counts calls per method and refuses the whole-article reads the paged routes must not make. */
function watched(store: Store, refuse: string[] = []) {
  const calls: Record<string, number> = {}
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const name = String(prop)
        calls[name] = (calls[name] ?? 0) + 1
        if (refuse.includes(name)) throw new Error(`${name} reads the whole article`)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store: proxy, calls }
}

/** A test app with an article of `units` units, and GET `url` as the admin through a watched store. */
async function watchedGet(id: string, units: number, url: string, refuse: string[]) {
  const t = await makeTestApp()
  await importText(t.store, long(id, units))
  const { store, calls } = watched(t.store, refuse)
  const app = createApp({ store, accounts: t.accounts, log: false })
  const res = await app.request(url, { headers: { Authorization: `Bearer ${t.tokens.boss}` } })
  return { res, calls }
}

describe('GET /api/articles/:id/units reads one page', () => {
  it('never reads the whole article, its source text or all its translations', async () => {
    const t = await makeTestApp()
    const { store, calls } = watched(t.store, ['listUnits', 'listTranslations', 'getArticle'])
    const app = createApp({ store, accounts: t.accounts, log: false })
    const auth = { headers: { Authorization: `Bearer ${t.tokens.vic}` } }
    const res = await app.request(`/api/articles/${ARTICLE.id}/units?lang=sv&limit=2`, auth)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { units: { id: string }[]; next: string | null }
    expect(body.units.map((u) => u.id)).toEqual(t.units.slice(0, 2))
    expect(body.next).toBe('2')
    expect(calls).toEqual({ unitPage: 1 })
    // The filtered listing too.
    expect((await app.request(`/api/articles/${ARTICLE.id}/units?lang=sv&state=initial`, auth)).status).toBe(200)
  })

  it('reads one translation without the article\'s source text', async () => {
    const t = await makeTestApp()
    const { store, calls } = watched(t.store, ['getArticle', 'listUnits', 'listTranslations'])
    const app = createApp({ store, accounts: t.accounts, log: false })
    const auth = { headers: { Authorization: `Bearer ${t.tokens.vic}` } }
    expect((await app.request(tPath(t.units[0] as string), auth)).status).toBe(200)
    expect((await app.request(tPath(t.units[0] as string, 'fi'), auth)).status).toBe(400)
    expect((await app.request(tPath(t.units[0] as string, 'sv', 'sv-general-99'), auth)).status).toBe(404)
    expect(calls.getArticle).toBeUndefined()
  })

  it('refuses a limit above 500 with 400, naming the cap, and takes 500', async () => {
    const t = await makeTestApp()
    const over = await t.call(`/api/articles/${ARTICLE.id}/units?limit=501`)
    expect(over.status).toBe(400)
    expect(over.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.stringify(await over.json())).toContain('500')
    expect((await t.call(`/api/articles/${ARTICLE.id}/units?limit=1000`)).status).toBe(400)
    expect((await t.call(`/api/articles/${ARTICLE.id}/units?limit=0`)).status).toBe(400)
    expect((await t.call(`/api/articles/${ARTICLE.id}/units?limit=500`)).status).toBe(200)
  })

  it('pages a filtered listing that examines 5,000 units at most: short pages, then the match', async () => {
    const t = await makeTestApp()
    await importText(t.store, long('sv-general-09', 5200))
    const page = async (q: string) => (await t.call(`/api/articles/sv-general-09/units?lang=sv&state=final&limit=50${q}`)).json()
    const units = await t.store.listUnits('sv-general-09')
    await t.call(tPath(units.at(-1)!.id, 'sv', 'sv-general-09'), jsonBody('PUT', { text: 'Sist.', state: 'final' }, { 'If-Match': '"0"' }))
    const first = await page('')
    expect(first).toMatchObject({ units: [], next: '5000' })
    const second = await page(`&cursor=${first.next}`)
    expect(second.units.map((u: { id: string }) => u.id)).toEqual([units.at(-1)!.id])
    expect(second.next).toBeNull()
  }, 30_000)
})

describe('GET …/history pages', () => {
  it('answers the newest writes first page by page, each oldest first, with next until null', async () => {
    const t = await makeTestApp()
    const u = t.units[0] as string
    for (let v = 0; v < 5; v++) await t.call(tPath(u), jsonBody('PUT', { text: `v${v + 1}` }, { 'If-Match': `"${v}"` }))
    const url = `/api/articles/${ARTICLE.id}/units/${u}/history?lang=sv`
    const whole = await (await t.call(url)).json()
    expect(whole.history.map((h: { newText: string }) => h.newText)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5'])
    expect(whole.next).toBeNull()
    expect(whole).toMatchObject({ article: ARTICLE.id, unit: u })
    const seen: string[][] = []
    let cursor: string | null = null
    do {
      const page: { history: { newText: string }[]; next: string | null } = await (
        await t.call(`${url}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json()
      seen.push(page.history.map((h) => h.newText))
      cursor = page.next
    } while (cursor !== null)
    expect(seen).toEqual([['v4', 'v5'], ['v2', 'v3'], ['v1']])
  })

  it('refuses a limit above 100 and a malformed cursor with 400', async () => {
    const t = await makeTestApp()
    const url = `/api/articles/${ARTICLE.id}/units/${t.units[0]}/history`
    expect((await t.call(`${url}?limit=101`)).status).toBe(400)
    expect((await t.call(`${url}?limit=100`)).status).toBe(200)
    expect((await t.call(`${url}?cursor=12`)).status).toBe(400)
    expect((await t.call(`${url}?cursor=sv:12;de:1`)).status).toBe(400)
  })
})

describe('reports and exports', () => {
  const exportUrl = `/api/articles/${ARTICLE.id}/export?lang=sv&format=po`
  const reportUrl = `/api/articles/${ARTICLE.id}/report`

  it('run at most 2 at once per account: the third gets 429 with Retry-After until one is done', async () => {
    const t = await makeTestApp()
    const a = await t.call(exportUrl, { as: 'vic' })
    const b = await t.call(reportUrl, { as: 'vic' })
    expect([a.status, b.status]).toEqual([200, 200])
    const refused = await t.call('/api/report', { as: 'vic' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(await refused.json()).toMatchObject({ status: 429, type: expect.stringContaining('too-many-requests') })
    // Another account is not held up.
    expect((await t.call(exportUrl, { as: 'ana' })).status).toBe(200)
    // A body read to its end frees its place; so does one the client gives up on.
    expect(await a.text()).toContain('msgctxt')
    const c = await t.call(exportUrl, { as: 'vic' })
    expect(c.status).toBe(200)
    expect((await t.call(exportUrl, { as: 'vic' })).status).toBe(429)
    await b.body?.cancel()
    expect((await t.call(reportUrl, { as: 'vic' })).status).toBe(200)
  })

  it('count anonymous --public-read clients by address', async () => {
    const t = await makeTestApp({ publicRead: true })
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })
    const get = (address: string) => t.app.request(exportUrl, {}, from(address))
    const held = [await get('192.0.2.1'), await get('192.0.2.1')]
    expect(held.map((r) => r.status)).toEqual([200, 200])
    expect((await get('192.0.2.1')).status).toBe(429)
    expect((await get('192.0.2.2')).status).toBe(200)
    await held[0]!.text()
    expect((await get('192.0.2.1')).status).toBe(200)
  })

  it('free their place when they fail before answering', async () => {
    const t = await makeTestApp()
    for (let i = 0; i < 3; i++) expect((await t.call('/api/articles/sv-general-99/export?lang=sv&format=po')).status).toBe(404)
    expect((await t.call(exportUrl)).status).toBe(200)
  })

  it('stream: an export is sent a page at a time, read as it goes', async () => {
    // PO: the XML formats read every page once before answering, to refuse a character they cannot carry.
    const { res, calls } = await watchedGet('sv-general-08', 1600, '/api/articles/sv-general-08/export?lang=sv&format=po', ['listUnits', 'listTranslations', 'getArticle'])
    expect(res.status).toBe(200)
    // Answered after one page of 500 units; the other pages are read as the body is.
    expect(calls.unitPage).toBe(1)
    const reader = res.body!.getReader()
    const pieces: string[] = []
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      pieces.push(decoder.decode(value, { stream: true }))
    }
    expect(calls.unitPage).toBe(4)
    expect(pieces.length).toBeGreaterThanOrEqual(4)
    const body = pieces.join('')
    expect(body.match(/^msgctxt /gm)).toHaveLength(1600)
  }, 30_000)

  it('stream: a character XLIFF 1.2 cannot carry, on any page, is a 400 naming the unit, not a cut-off file', async () => {
    const t = await makeTestApp()
    await importText(t.store, long('sv-general-03', 700))
    // Text stored before the store refused control characters (a legacy database), far past the first page.
    const raw = new Database(t.file)
    const id = raw.prepare("SELECT id FROM units WHERE article_id = 'sv-general-03' AND position = 650").pluck().get() as string
    raw.prepare("UPDATE units SET source = source || char(7) WHERE article_id = 'sv-general-03' AND id = ?").run(id)
    raw.close()
    const res = await t.call('/api/articles/sv-general-03/export?lang=sv&format=xliff12')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await res.json()).detail).toContain(id)
    expect((await t.call('/api/articles/sv-general-03/export?lang=sv&format=tmx')).status).toBe(200) // untranslated: not in a memory
    const po = await t.call('/api/articles/sv-general-03/export?lang=sv&format=po')
    expect(po.status).toBe(200)
    expect(await po.text()).toContain('\\007')
  }, 30_000)

  it('stream: the lists of one very large article are read and sent a stretch at a time', async () => {
    const { res, calls } = await watchedGet('sv-general-04', 5200, '/api/articles/sv-general-04/report', ['pendingUnitsJson', 'pendingUnitsByLang', 'listUnits'])
    expect(res.status).toBe(200)
    expect(calls.pendingUnitsJsonPage).toBe(1)
    const report = JSON.parse(await res.text())
    // Untranslated, stale and rejected, each in two stretches of 5,000 units.
    expect(calls.pendingUnitsJsonPage).toBe(6)
    expect(report.articles[0].languages.sv.untranslated).toHaveLength(5200)
    expect(report.articles[0].languages.sv.stale).toEqual([])
  }, 30_000)

  it('stream: a report is sent an article at a time, read as it goes', async () => {
    const t = await makeTestApp()
    for (const id of ['sv-general-05', 'sv-general-06', 'sv-general-07']) await importText(t.store, long(id, 1500))
    const { store, calls } = watched(t.store)
    const app = createApp({ store, accounts: t.accounts, log: false })
    const res = await app.request('/api/report', { headers: { Authorization: `Bearer ${t.tokens.boss}` } })
    expect(res.status).toBe(200)
    const listed = calls.pendingUnitsJson ?? 0
    expect(listed).toBeLessThan(4)
    const report = JSON.parse(await res.text())
    expect(calls.pendingUnitsJson).toBe(4)
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual([ARTICLE.id, 'sv-general-05', 'sv-general-06', 'sv-general-07'])
    expect(report.articles[3].languages.sv.untranslated).toHaveLength(1500)
  }, 30_000)
})
