import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`

describe('aligned text in the editor', () => {
  it('shows the aligner’s confidence on rows whose text was aligned, marks unsure ones, and drops it once a person saves', async () => {
    const w = await makeWebApp()
    const [u0, u1, u2] = w.units as [string, string, string]
    await w.store.aligned.write({
      articleId: ARTICLE.id, lang: 'sv', author: 'align:boss',
      texts: [
        { unitId: u0, text: 'Välkommen', state: 'translated', confidence: 0.97 },
        { unitId: u1, text: 'Två meningar i en.', state: 'initial', confidence: 0.42 },
        { unitId: u2, text: 'Tredje.', state: 'translated', confidence: 0.9 },
      ],
    })
    await writeAs(w.store, u2, 'Tredje!', { ifVersion: 1 })
    const ana = await w.signedIn('ana')
    const html = await (await ana.get(EDIT)).text()
    const row = (u: string) => new RegExp(`id="u-${u}"[\\s\\S]*?(?=<div class="seg|$)`).exec(html)![0]
    expect(row(u0)).toContain('<p class="aligned" title="Brought in from an existing translation by alignment, 97% sure: check that it belongs to this source.">aligned 97%</p>')
    expect(row(u1)).toContain('<p class="aligned unsure"')
    expect(row(u1)).toContain('aligned 42%')
    expect(row(u2)).not.toContain('class="aligned')
    // In Swedish too.
    const sv = await (await ana.get(EDIT, { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('alignerad 97 %')
    // The history names where the text came from.
    const history = await (await ana.get(`${EDIT}/${u0}/history`)).text()
    expect(history).toContain('from alignment, 97% sure')
    expect(await (await ana.get(`${EDIT}/${u0}/history`, { 'Accept-Language': 'sv' })).text()).toContain('från alignering, 97 % säkerhet')
  })
})
