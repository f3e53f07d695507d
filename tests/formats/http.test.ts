import { describe, expect, it } from 'vitest'
import { ARTICLE, makeTestApp } from '../http/_setup.js'

const XLIFF = { 'Content-Type': 'application/xliff+xml' }
const exportUrl = (format: string, lang = 'sv') =>
  `/api/articles/${ARTICLE.id}/export?lang=${lang}&format=${format}`
const importUrl = `/api/articles/${ARTICLE.id}/import-translations`
const fill = (x: string) =>
  x.replace(
    /<source>(.*?)<\/source>/g,
    '<source>$1</source><target state="translated">SV $1</target>',
  )

describe('GET /api/articles/:id/export', () => {
  it('answers the file with its media type and a file name', async () => {
    const t = await makeTestApp()
    const r = await t.call(exportUrl('xliff12'))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^application\/xliff\+xml/)
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${ARTICLE.id}.sv.xlf"`)
    expect(await r.text()).toContain(`<file original="${ARTICLE.id}"`)
    const text = await t.call(exportUrl('text'))
    expect(await text.text()).toBe(ARTICLE.text)
  })

  it('gives problem+json for an unknown format, language or article, and 401 without a token', async () => {
    const t = await makeTestApp()
    expect((await t.call(exportUrl('docx'))).status).toBe(400)
    expect((await t.call(exportUrl('po', 'fi'))).status).toBe(400)
    const missing = await t.call('/api/articles/en-news-99/export?lang=sv&format=po')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/)
    expect((await t.call(exportUrl('po'), { as: undefined })).status).toBe(401)
  })
})

describe('POST /api/articles/:id/import-translations', () => {
  it('imports as the token holder, then finds nothing new', async () => {
    const t = await makeTestApp()
    const file = fill(await (await t.call(exportUrl('xliff12'))).text())
    const r = await t.call(importUrl, { method: 'POST', body: file, headers: XLIFF, as: 'ana' })
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ updated: t.units.length, conflicted: 0, unknown: 0 })
    const history = await (
      await t.call(`/api/articles/${ARTICLE.id}/units/${t.units[0]}/history?lang=sv`)
    ).json()
    expect(history.history).toMatchObject([{ author: 'ana', newState: 'translated' }])
    const again = await t.call(importUrl, { method: 'POST', body: file, headers: XLIFF, as: 'ana' })
    expect(await again.json()).toMatchObject({ updated: 0, unchanged: t.units.length })
  })

  it('reads a file as it says it is encoded: UTF-16 XLIFF and an ISO-8859-1 PO (#23)', async () => {
    const t = await makeTestApp()
    const xliff = fill(await (await t.call(exportUrl('xliff12'))).text()).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xliff, 'utf16le')])
    const r = await t.call(importUrl, { method: 'POST', body: utf16, headers: XLIFF, as: 'ana' })
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ updated: t.units.length })
    const po = (await (await t.call(exportUrl('po'))).text())
      .replace('charset=UTF-8', 'charset=ISO-8859-1')
      .replace(/msgstr ""\n\n/, 'msgstr "Räksmörgås"\n\n')
    const latin1 = Buffer.from(po.replace(/(msgctxt "[^"]+"\nmsgid "[^"]*"\n)msgstr "[^"]*"/, '$1msgstr "Räksmörgås"'), 'latin1')
    const p = await t.call(importUrl, { method: 'POST', body: latin1, headers: { 'Content-Type': 'text/x-gettext-translation; charset=ISO-8859-1' }, as: 'ana' })
    expect(p.status).toBe(200)
    expect((await t.store.getTranslation(ARTICLE.id, t.units[0]!, 'sv')).text).toBe('Räksmörgås')
  })

  it('refuses with 403 and writes nothing when the token may not write a state in the file', async () => {
    const t = await makeTestApp()
    const file = fill(await (await t.call(exportUrl('xliff12'))).text()).replace(
      'state="translated"',
      'state="final"',
    )
    const r = await t.call(importUrl, { method: 'POST', body: file, headers: XLIFF, as: 'ana' })
    expect(r.status).toBe(403)
    expect((await t.store.getTranslation(ARTICLE.id, t.units[1]!, 'sv')).version).toBe(0)
    expect(
      (await t.call(importUrl, { method: 'POST', body: file, headers: XLIFF, as: 'vic' })).status,
    ).toBe(403)
  })

  it('answers 400 for an XXE file, a billion-laughs file and a file for another article', async () => {
    const t = await makeTestApp()
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>`
    const laughs = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xliff>&b;</xliff>`
    for (const body of [xxe, laughs]) {
      const r = await t.call(importUrl, { method: 'POST', body, headers: XLIFF })
      expect(r.status).toBe(400)
      expect((await r.json()).detail).toMatch(/DOCTYPE is not accepted/)
    }
    const other = (await (await t.call(exportUrl('po'))).text()).replace(
      `X-Tolk-Article: ${ARTICLE.id}`,
      'X-Tolk-Article: en-news-02',
    )
    const r = await t.call(importUrl, {
      method: 'POST',
      body: other,
      headers: { 'Content-Type': 'text/x-gettext-translation' },
    })
    expect(r.status).toBe(400)
  })
})

describe('GET /locales/:lng/:ns.json (i18next-http-backend loadPath)', () => {
  it('serves an article as a namespace: source texts in its text language, translations in a target', async () => {
    const t = await makeTestApp()
    await t.store.writeTranslation({
      articleId: ARTICLE.id,
      unitId: t.units[0]!,
      lang: 'sv',
      text: 'Välkommen',
      state: 'translated',
      author: 'ana',
    })
    const sv = await t.call(`/locales/sv/${ARTICLE.id}.json`)
    expect(sv.status).toBe(200)
    expect(await sv.json()).toEqual({ [t.units[0]!]: 'Välkommen' })
    const en = await (await t.call(`/locales/en/${ARTICLE.id}.json`)).json()
    expect(Object.keys(en)).toEqual(t.units)
    expect((await t.call(`/locales/fi/${ARTICLE.id}.json`)).status).toBe(404)
    expect((await t.call('/locales/sv/nothing.json')).status).toBe(404)
    expect((await t.call(`/locales/sv/${ARTICLE.id}.json`, { as: undefined })).status).toBe(401)
  })

  it('lets anonymous readers in when the app is started with public reads', async () => {
    const t = await makeTestApp({ publicRead: true })
    expect((await t.call(`/locales/sv/${ARTICLE.id}.json`, { as: undefined })).status).toBe(200)
  })
})
