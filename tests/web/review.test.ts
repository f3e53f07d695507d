import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { ARTICLE, makeWebApp } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1&active=${unit}`

describe('the editor\'s Confirm and Reject forms, without the script', () => {
  it('a reviewer rejects with a reason; the page shows it on the row; a translator may not reject', async () => {
    const w = await makeWebApp()
    const unit = w.units[1] as string
    await w.store.writeTranslation({ articleId: ARTICLE.id, unitId: unit, lang: 'sv', text: 'Vädret är fint.', state: 'translated', author: 'ana' })
    const ana = await w.signedIn('ana')
    const page = await (await ana.get(`${EDIT}?active=${unit}`)).text()
    // A translator's panel has Confirm (hidden: nothing is stale) and no Reject form.
    expect(page).toContain('<form id="confirm"')
    expect(page).not.toContain('<form id="reject"')
    const refused = await ana.post(save(unit), { version: '1', state: 'rejected', reason: 'nej' })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('reviewer role for sv')

    const rev = await w.signedIn('rev')
    const own = await (await rev.get(`${EDIT}?active=${unit}`)).text()
    expect(own).toMatch(/<form id="reject" class="reject-form" method="post" action="[^"]+"><input type="hidden" name="_csrf"/)
    const noCsrf = await rev.post(save(unit), { _csrf: '', version: '1', state: 'rejected', reason: 'nej' })
    expect(noCsrf.status).toBe(403)
    // The typed text never goes with a rejection: the stored text is sent back.
    const res = await rev.post(save(unit), { version: '1', state: 'rejected', reason: 'Say "i dag" <b>here</b>.', text: 'ignored' })
    expect(res.status).toBe(303)
    expect(await w.store.getTranslation(ARTICLE.id, unit, 'sv')).toMatchObject({ state: 'rejected', text: 'Vädret är fint.', rejection: { reason: 'Say "i dag" <b>here</b>.', translator: 'ana' } })
    const html = await (await ana.get(`${EDIT}?filter=rejected`)).text()
    expect(html).toContain('Rejected by rev: Say &quot;i dag&quot; &lt;b&gt;here&lt;/b&gt;.')
    expect(html).toContain('st-rejected')
    const history = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(history).toContain('Reason: Say &quot;i dag&quot; &lt;b&gt;here&lt;/b&gt;.')
  })

  it('confirms a stale segment from its form, and refuses an empty reason', async () => {
    const w = await makeWebApp()
    const unit = w.units[1] as string
    await w.store.writeTranslation({ articleId: ARTICLE.id, unitId: unit, lang: 'sv', text: 'Vädret är fint.', state: 'translated', author: 'ana' })
    await importText(w.store, { ...ARTICLE, text: ARTICLE.text.replace('fine today', 'very fine today') })
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).stale).toBe(true)
    const ana = await w.signedIn('ana')
    const page = await (await ana.get(`${EDIT}?active=${unit}`)).text()
    expect(page).toMatch(/<form id="confirm" class="confirm-form" method="post"[^>]*><input/)
    expect(page).not.toMatch(/<form id="confirm"[^>]* hidden>/)
    const res = await ana.post(save(unit), { version: '1', confirm: '1' })
    expect(res.status).toBe(303)
    expect(await w.store.getTranslation(ARTICLE.id, unit, 'sv')).toMatchObject({ stale: false, version: 2, text: 'Vädret är fint.' })
    const again = await ana.post(save(unit), { version: '2', confirm: '1' })
    expect(again.status).toBe(409)
    const rev = await w.signedIn('rev')
    const empty = await rev.post(save(unit), { version: '2', state: 'rejected', reason: '  ' })
    expect(empty.status).toBe(400)
  })
})
