import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from './_setup.js'

const PAGE = `/edit/${ARTICLE.id}/sv/batch`

/** The web app with three Swedish translations. */
async function withTranslations() {
  const w = await makeWebApp()
  await writeAs(w.store, w.units[1]!, 'Vädret är fint i dag.')
  await writeAs(w.store, w.units[3]!, 'Båtarna är redo.')
  await writeAs(w.store, w.units[4]!, 'Alla är glada.', { state: 'reviewed', author: 'rev' })
  return w
}

describe('the find-and-replace page', () => {
  it('previews, applies and undoes a replace with forms alone, in Swedish too', async () => {
    const w = await withTranslations()
    const ana = await w.signedIn('ana')
    const page = await ana.get(PAGE)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('name="find"')
    expect(html).toContain(`action="${PAGE}/preview"`)
    expect(await (await ana.get(`/edit/${ARTICLE.id}/sv`)).text()).toContain(`href="${PAGE}"`)

    const preview = await ana.post(`${PAGE}/preview`, { _csrf: ana.csrf(), action: 'replace', find: 'är', replace: 'blir', wholeWords: '1' })
    expect(preview.status).toBe(200)
    const shown = await preview.text()
    // Two of ana's units change; the reviewed one is a reviewer's to change.
    expect(shown).toContain('2 changes, 1 skipped.')
    expect(shown).toContain('<del>är</del>')
    expect(shown).toContain('<ins>blir</ins>')
    expect(shown).toContain('not allowed')
    const apply = /action="([^"]+\/apply)"/.exec(shown)?.[1]
    expect(apply).toBeDefined()
    const applied = await ana.post(apply!, { _csrf: ana.csrf() })
    expect(applied.status).toBe(200)
    const done = await applied.text()
    expect(done).toContain('written (version 2)')
    expect((await w.store.getTranslation(ARTICLE.id, w.units[3]!, 'sv')).text).toBe('Båtarna blir redo.')
    const undo = /action="([^"]+\/undo)"/.exec(done)?.[1]
    expect(undo).toBeDefined()
    expect((await ana.post(undo!, { _csrf: ana.csrf() })).status).toBe(200)
    expect((await w.store.getTranslation(ARTICLE.id, w.units[3]!, 'sv')).text).toBe('Båtarna är redo.')

    const sv = await w.signedIn('ana')
    await sv.post('/lang', { _csrf: sv.csrf(), lang: 'sv', next: PAGE })
    expect(await (await sv.get(PAGE)).text()).toContain('Förhandsgranska')
  })

  it('shows a bad regex as the form with its message, and refuses a post without the CSRF token', async () => {
    const w = await withTranslations()
    const ana = await w.signedIn('ana')
    await ana.get(PAGE)
    const bad = await ana.post(`${PAGE}/preview`, { _csrf: ana.csrf(), action: 'replace', find: '(', replace: 'x', regex: '1' })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('not a valid regular expression')
    expect(html).toContain('value="("')
    expect((await ana.post(`${PAGE}/preview`, { _csrf: 'wrong', action: 'copy-source' })).status).toBe(403)
    const vic = await w.signedIn('vic')
    await vic.get(PAGE)
    expect((await vic.post(`${PAGE}/preview`, { _csrf: vic.csrf(), action: 'copy-source' })).status).toBe(403)
    expect((await ana.get(`${PAGE}?batch=nope`)).status).toBe(404)
  })
})
