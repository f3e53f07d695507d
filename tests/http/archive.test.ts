import { describe, expect, it } from 'vitest'
import { makeWebApp } from '../web/_setup.js'
import { ARTICLE, jsonBody, makeTestApp, tPath, type TestApp } from './_setup.js'

const ID = ARTICLE.id
const A = `/api/articles/${ID}`

/** The article with two translations and an edit, so there is something to lose. */
async function translated(): Promise<TestApp> {
  const t = await makeTestApp()
  const put = (unit: string, lang: string, text: string, version: number) =>
    t.call(tPath(unit, lang), jsonBody('PUT', { text }, { 'If-Match': `"${version}"` }))
  expect((await put(t.units[0]!, 'sv', 'Välkommen', 0)).status).toBe(200)
  expect((await put(t.units[1]!, 'sv', 'Vädret är fint i dag.', 0)).status).toBe(200)
  expect((await put(t.units[1]!, 'sv', 'Vädret är vackert i dag.', 1)).status).toBe(200)
  expect((await put(t.units[2]!, 'de', 'Wir gehen zum Hafen.', 0)).status).toBe(200)
  return t
}

/** Everything the API answers about the article, to compare before archiving and after restoring. */
async function everything(t: TestApp) {
  const get = async (url: string) => {
    const res = await t.call(url)
    expect(res.status, url).toBe(200)
    return res.headers.get('content-type')?.includes('json') ? res.json() : res.text()
  }
  return {
    article: await get(A),
    listed: (await get('/api/articles')).articles.find((a: { id: string }) => a.id === ID),
    units: await get(`${A}/units?lang=sv`),
    report: await get(`${A}/report`),
    history: await Promise.all(t.units.map((u) => get(`${A}/units/${u}/history`))),
    translations: await Promise.all(t.units.map((u) => get(tPath(u, 'de')))),
    export: await get(`${A}/export?lang=sv&format=xliff2`),
    locales: await get(`/locales/sv/${ID}.json`),
  }
}

describe('DELETE /api/articles/:id (archive) and POST …/restore', () => {
  it('is for admins only: others get 403, and nothing is archived', async () => {
    const t = await translated()
    for (const as of ['ana', 'rev', 'vic']) {
      const res = await t.call(A, { method: 'DELETE', as })
      expect(res.status, as).toBe(403)
      expect((await res.json()).type).toBe('/problems/forbidden')
    }
    expect((await t.call(A)).status).toBe(200)
    await t.call(A, { method: 'DELETE' })
    for (const as of ['ana', 'rev', 'vic']) {
      expect((await t.call(`${A}/restore`, { method: 'POST', as })).status, as).toBe(403)
      expect((await t.call('/api/archive', { as })).status, as).toBe(403)
    }
  })

  it('takes the article out of the listing (same shape), reports, badges and /locales; its reads answer 404 archived', async () => {
    const t = await translated()
    await t.call('/api/articles', jsonBody('POST', { id: 'de-news-01', tag: 'de-news', lang: 'en', targets: ['de'], text: 'One. Two.' }))
    const res = await t.call(A, { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: ID, kind: 'article', archivedBy: 'boss', targets: ['sv', 'de'] })
    const list = await (await t.call('/api/articles')).json()
    expect(Object.keys(list)).toEqual(['articles'])
    expect(list.articles.map((a: { id: string }) => a.id)).toEqual(['de-news-01'])
    expect(Object.keys(list.articles[0]).sort()).toEqual(['coverage', 'id', 'lang', 'revision', 'tag', 'targets', 'title'])
    expect((await (await t.call('/api/report')).json()).articles.map((a: { id: string }) => a.id)).toEqual(['de-news-01'])
    for (const url of [
      A,
      `${A}/units`,
      tPath(t.units[0]!),
      `${A}/units/${t.units[0]}/history`,
      `${A}/units/${t.units[0]}/matches?lang=sv`,
      `${A}/report`,
      `/api/report?article=${ID}`,
      `${A}/export?lang=sv&format=po`,
      `/locales/sv/${ID}.json`,
      `/locales/en/${ID}.json`,
      `/badge/${ID}.svg`,
      `/badge/${ID}/sv.svg`,
    ]) {
      const r = await t.call(url)
      expect(r.status, url).toBe(404)
      expect(r.headers.get('content-type'), url).toBe('application/problem+json')
      const body = await r.json()
      expect(body.type, url).toBe('/problems/archived')
      expect(body.detail, url).toContain(`tolk restore ${ID}`)
    }
  })

  it('answers writes, re-imports and a second archive with 409 archived naming tolk restore, and writes nothing', async () => {
    const t = await translated()
    const before = await everything(t)
    await t.call(A, { method: 'DELETE' })
    const writes: [string, RequestInit][] = [
      [tPath(t.units[0]!), jsonBody('PUT', { text: 'Hej' }, { 'If-Match': '"1"' })],
      [A, jsonBody('PUT', { text: 'A new text.', targets: ['sv'] })],
      [A, jsonBody('PUT', { text: ARTICLE.text })],
      ['/api/articles', jsonBody('POST', { ...ARTICLE })],
      ['/api/articles?dryRun=true', jsonBody('POST', { ...ARTICLE })],
      [`${A}/import-translations`, { method: 'POST', body: 'msgid ""\nmsgstr ""\n', headers: { 'Content-Type': 'text/x-gettext-translation' } }],
      [A, { method: 'DELETE' }],
    ]
    for (const [url, init] of writes) {
      const r = await t.call(url, init)
      const what = `${init.method} ${url}`
      expect(r.status, what).toBe(409)
      const body = await r.json()
      expect(body.type, what).toBe('/problems/archived')
      expect(body.detail, what).toContain(`tolk restore ${ID}`)
    }
    expect((await t.call(`${A}/restore`, { method: 'POST' })).status).toBe(200)
    expect(await everything(t)).toEqual(before)
  })

  it('restores the article unchanged: same units, translations, versions, history, coverage and export', async () => {
    const t = await translated()
    const before = await everything(t)
    await t.call(A, { method: 'DELETE' })
    const archive = await (await t.call('/api/archive')).json()
    expect(archive.articles.map((a: { id: string }) => a.id)).toEqual([ID])
    const res = await t.call(`${A}/restore`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(before.listed)
    expect(await everything(t)).toEqual(before)
    expect((await (await t.call('/api/archive')).json()).articles).toEqual([])
    // Writes go on from the versions the article had.
    const put = await t.call(tPath(t.units[1]!), jsonBody('PUT', { text: 'Vädret är fint.' }, { 'If-Match': '"2"' }))
    expect(put.status).toBe(200)
    expect(put.headers.get('etag')).toBe('"3"')
  })

  it('answers 404 unknown-article for an unknown id, and 409 not-archived for a restore of a live article', async () => {
    const t = await makeTestApp()
    for (const [url, method] of [['/api/articles/sv-general-99', 'DELETE'], ['/api/articles/sv-general-99/restore', 'POST']] as const) {
      const r = await t.call(url, { method })
      expect(r.status).toBe(404)
      expect((await r.json()).type).toBe('/problems/unknown-article')
    }
    const r = await t.call(`${A}/restore`, { method: 'POST' })
    expect(r.status).toBe(409)
    expect((await r.json()).type).toBe('/problems/not-archived')
  })

  it('archives an i18next namespace: gone from /locales, saveMissing answers 409 naming tolk restore', async () => {
    const t = await makeTestApp({ localeTargets: ['sv'] })
    const post = (keys: Record<string, string>) => t.call('/locales/add/en/app', jsonBody('POST', keys))
    expect((await post({ 'nav.home': 'Home' })).status).toBe(201)
    expect((await t.call('/locales/en/app.json')).status).toBe(200)
    expect(await (await t.call('/api/articles/app', { method: 'DELETE' })).json()).toMatchObject({ kind: 'resource-set' })
    expect((await t.call('/locales/en/app.json')).status).toBe(404)
    const again = await post({ 'nav.about': 'About' })
    expect(again.status).toBe(409)
    expect((await again.json()).detail).toContain('tolk restore app')
    // A re-import as an article names the archive too, before reading the body.
    const put = await t.call('/api/articles/app', jsonBody('PUT', { text: 'Home.' }))
    expect(put.status).toBe(409)
    expect((await put.json()).type).toBe('/problems/archived')
    expect((await t.call('/api/articles/app/restore', { method: 'POST' })).status).toBe(200)
    expect(await (await t.call('/locales/en/app.json')).json()).toEqual({ nav: { home: 'Home' } })
  })

  it('takes the article off the dashboard, and brings it back on restore', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    expect(await (await boss.get('/')).text()).toContain(ID)
    await w.store.archiveArticle(ID, { by: 'boss' })
    const html = await (await boss.get('/')).text()
    expect(html).not.toContain(ID)
    expect((await boss.get(`/edit/${ID}/sv`)).status).toBe(404)
    await w.store.restoreArticle(ID, { by: 'boss' })
    expect(await (await boss.get('/')).text()).toContain(ID)
  })
})
