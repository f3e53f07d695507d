import { describe, expect, it } from 'vitest'
import { makeWebApp } from './_setup.js'

/** A form over the server's body limit (#18): a page in the reader's language, never raw JSON. */
describe('a form larger than the body limit', () => {
  it('answers a browser with a 413 page in its language, and imports nothing', async () => {
    const w = await makeWebApp()
    const boss = await w.signedIn('boss')
    await boss.get('/articles')
    const big = { id: 'sv-general-02', tag: 'sv-general', title: 'Big', text: 'Ord. '.repeat(1_000_000) }
    const res = await boss.post('/articles', big, { Accept: 'text/html' })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('larger than 4 MB')
    expect(await w.store.getArticle('sv-general-02')).toBeUndefined()

    await boss.post('/lang', { lang: 'sv', next: '/articles' })
    const sv = await boss.post('/articles', big, { Accept: 'text/html' })
    expect(sv.status).toBe(413)
    expect(await sv.text()).toContain('större än 4 MB')
  })

  it('answers the editor\'s script with problem+json, and the API as before', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    await ana.get(`/edit/sv-general-01/sv`)
    const res = await ana.post(`/edit/sv-general-01/sv/${w.units[0]}`, { text: 'x'.repeat(5_000_000), version: '0' }, { Accept: 'application/json' })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(((await res.json()) as { type: string }).type).toBe('/problems/body-too-large')
    expect((await w.store.getTranslation('sv-general-01', w.units[0]!, 'sv')).version).toBe(0)
  })
})
