import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'
import { postMultipart } from './_multipart.js'

const MD = '# Harbour news\n\nThe *boats* are back. The fish is fresh.\n'

describe('articles from the browser (admins)', () => {
  it('imports an uploaded file of every kind the importer reads, through the same path as the API', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/articles')
    const cases = [
      ['sv-news-01.txt', 'The boats are back. The fish is fresh.\n', 'text'],
      ['sv-news-02.md', MD, 'md'],
      ['sv-news-03.html', '<p>The boats are <b>back</b>.</p>\n', 'html'],
      ['sv-news-04.htm', '<p>The fish is fresh.</p>\n', 'html'],
    ] as const
    for (const [name, text, format] of cases) {
      const res = await postMultipart(w.app, boss, '/articles', { file: new File([text], name), targets: 'sv, de', lang: 'en' })
      expect(res.status, name).toBe(303)
      const id = name.replace(/\..*$/, '')
      expect(res.headers.get('location')).toBe(`/articles/${id}?done=imported`)
      const stored = await w.store.getArticle(id)
      expect([stored?.format, stored?.tag, stored?.targets, stored?.source]).toEqual([format, 'sv-news', ['sv', 'de'], text])
    }
    const page = await (await boss.get('/articles/sv-news-02?done=imported')).text()
    expect(page).toContain('sv-news-02 is imported.')
    expect(page).toContain('/articles/sv-news-02/download?lang=sv&amp;format=xliff12')
  })

  it('imports pasted text with an id and a tag', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/articles')
    const res = await postMultipart(w.app, boss, '/articles', { text: 'One line.\r\nTwo lines.\r\n', id: 'notes-7', tag: 'en-notes', targets: 'sv', lang: 'en' })
    expect(res.status).toBe(303)
    expect((await w.store.getArticle('notes-7'))?.source).toBe('One line.\nTwo lines.\n')
  })

  it('refuses bad input with a message on the page and imports nothing', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/articles')
    const cases: [Record<string, string | File>, number, string][] = [
      [{ file: new File(['{"a": "b"}'], 'common.json'), targets: 'sv' }, 400, 'tolk import-locales'],
      [{ file: new File(['%PDF'], 'report.pdf'), targets: 'sv' }, 400, 'cannot be imported'],
      [{ text: '', id: 'x-general-01', targets: 'sv' }, 400, 'nothing to import'],
      [{ text: 'Hello.', id: 'bad id!', tag: 'en-general', targets: 'sv' }, 400, 'Nothing was imported: invalid article id'],
      [{ text: 'Hello.', id: 'a-1', tag: 'nonsense', targets: 'sv' }, 400, 'Nothing was imported: invalid tag'],
      [{ text: 'Hello there.', id: 'en-general-09', lang: 'en', targets: 'en' }, 400, 'Nothing was imported: target language en is the text language'],
      [{ text: 'Hello.', id: ARTICLE.id, targets: 'sv' }, 409, 'exists already'],
    ]
    for (const [fields, status, message] of cases) {
      const res = await postMultipart(w.app, boss, '/articles', fields)
      expect(res.status, message).toBe(status)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toMatch(/role="alert"/)
    }
    expect((await w.store.listArticles()).map((a) => a.id)).toEqual([ARTICLE.id])
    expect((await w.store.getArticle(ARTICLE.id))?.revision).toBe(1)
  })

  it('is for admins only', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    expect((await ana.get('/articles')).status).toBe(403)
    const res = await postMultipart(w.app, ana, '/articles', { file: new File([MD], 'sv-news-02.md'), targets: 'sv' })
    expect(res.status).toBe(403)
    expect((await ana.post(`/articles/${ARTICLE.id}/archive`, {})).status).toBe(403)
    const page = await (await ana.get(`/articles/${ARTICLE.id}`)).text()
    expect(page).toContain('Downloads')
    expect(page).not.toContain('/reimport')
    expect(await w.store.getArticle('sv-news-02')).toBeUndefined()
  })

  it('shows what a new version would change before writing it, then imports it on confirmation', async () => {
    const w = await makeWebApp()
    await writeAs(w.store, w.units[1] as string, 'Vädret är fint i dag.')
    const boss = await w.signedIn('boss')
    await boss.get(`/articles/${ARTICLE.id}`)
    const edited = ARTICLE.text.replace('The weather is fine today.', 'The weather is lovely today.').replace('Everyone is happy.', 'Everyone is happy.\n\nA new line.')
    const preview = await postMultipart(w.app, boss, `/articles/${ARTICLE.id}/reimport`, { file: new File([edited], 'new.txt') })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toMatch(/Changed \(translations turn stale\)<\/th><td>1</)
    expect(html).toMatch(/New<\/th><td>1</)
    expect((await w.store.getArticle(ARTICLE.id))?.revision).toBe(1)
    const b64 = /name="textB64" value="([^"]*)"/.exec(html)?.[1] as string
    const res = await boss.post(`/articles/${ARTICLE.id}/reimport`, { confirm: '1', textB64: b64, targets: '', lang: '', format: 'auto' })
    expect(res.status).toBe(303)
    const after = await w.store.getArticle(ARTICLE.id)
    expect([after?.revision, after?.source]).toEqual([2, edited])
    expect((await w.store.getTranslation(ARTICLE.id, w.units[1] as string, 'sv')).stale).toBe(true)
  })

  it('archives and restores an article, deleting nothing', async () => {
    const w = await makeWebApp()
    await writeAs(w.store, w.units[1] as string, 'Vädret är fint i dag.')
    const boss = await w.signedIn('boss')
    await boss.get(`/articles/${ARTICLE.id}`)
    const archived = await boss.post(`/articles/${ARTICLE.id}/archive`, {})
    expect(archived.status).toBe(303)
    expect(await (await boss.get('/')).text()).not.toContain(`a-${ARTICLE.id}`)
    const list = await (await boss.get(archived.headers.get('location') as string)).text()
    expect(list).toContain(`${ARTICLE.id} is archived`)
    expect(list).toContain(`/articles/${ARTICLE.id}/restore`)
    expect(await (await boss.get('/articles?archived=made-up-01')).text()).not.toContain('made-up-01 is archived')
    const restored = await boss.post(`/articles/${ARTICLE.id}/restore`, {})
    expect(restored.status).toBe(303)
    expect((await w.store.getTranslation(ARTICLE.id, w.units[1] as string, 'sv')).text).toBe('Vädret är fint i dag.')
    expect((await boss.post(`/articles/${ARTICLE.id}/restore`, {})).status).toBe(409)
    expect((await w.app.request(`/articles/${ARTICLE.id}`, { method: 'DELETE' })).status).not.toBe(200)
  })

  it('is in Swedish for a Swedish reader', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.post('/lang', { lang: 'sv', next: '/' })
    const page = await (await boss.get('/articles')).text()
    expect(page).toContain('Importera en artikel')
    const res = await postMultipart(w.app, boss, '/articles', { file: new File(['{}'], 'x.json') })
    expect(await res.text()).toContain('tolk import-locales')
  })
})

describe('downloads', () => {
  it('offers every export format and the memory, to any reader, with the translation in them', async () => {
    const w = await makeWebApp()
    await writeAs(w.store, w.units[1] as string, 'Vädret är fint i dag.')
    const vic = await w.signedIn('vic')
    const page = await (await vic.get(`/articles/${ARTICLE.id}`)).text()
    const links = [...page.matchAll(/href="(\/articles\/[^"]*\/download\?[^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'))
    expect(links).toHaveLength(2 * 8)
    for (const link of links.filter((l) => l.includes('lang=sv'))) {
      const res = await vic.get(link)
      expect(res.status, link).toBe(200)
      expect(res.headers.get('content-disposition'), link).toMatch(/^attachment; filename="sv-general-01\.sv\./)
      const body = await res.text()
      if (!link.endsWith('format=memory')) expect(body, link).toContain('Vädret är fint i dag.')
    }
    const memory = await (await vic.get(`/articles/${ARTICLE.id}/download?lang=sv&format=memory`)).text()
    expect(memory).toContain('<tmx')
    expect(memory).toContain('Vädret är fint i dag.')
  })

  it('runs at most two downloads at once per account, as the API does, held until the file is sent', async () => {
    const w = await makeWebApp()
    const vic = await w.signedIn('vic')
    const link = `/articles/${ARTICLE.id}/download?lang=sv&format=xliff2`
    const [first, second] = [await vic.get(link), await vic.get(link)]
    expect([first.status, second.status]).toEqual([200, 200])
    const third = await vic.get(link)
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('1')
    await first.text()
    expect((await vic.get(link)).status).toBe(200)
    await second.text()
  })

  it('answers a bad format or language with a page', async () => {
    const w = await makeWebApp()
    const vic = await w.signedIn('vic')
    const bad = await vic.get(`/articles/${ARTICLE.id}/download?lang=sv&format=docx`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Choose one of the files')
    const fi = await vic.get(`/articles/${ARTICLE.id}/download?lang=fi&format=po`)
    expect(fi.status).toBe(400)
    expect(await fi.text()).toContain('fi is not a target language')
  })
})
