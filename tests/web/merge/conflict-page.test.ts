import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from '../_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1`

/** A unit at version 1 (the base), then rev's edit at version 2; ana's save from version 1 conflicts. */
async function conflict(mine: string, theirs: string) {
  const w = await makeWebApp()
  const unit = w.units[1] as string
  await writeAs(w.store, unit, 'The cat sat on the mat.', { author: 'rev' })
  await writeAs(w.store, unit, theirs, { author: 'rev', ifVersion: 1 })
  const ana = await w.signedIn('ana')
  const res = await ana.post(save(unit), { text: mine, version: '1', state: 'translated' })
  expect(res.status).toBe(412)
  return { w, ana, unit, html: await res.text() }
}

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]

describe('the conflict page without the script', () => {
  it('merges two edits that do not overlap, ready to save, and saving it keeps both', async () => {
    const { w, ana, unit, html } = await conflict('The dog sat on the mat.', 'The cat sat on the rug.')
    expect(html).toContain('The cat sat on the mat.') // the base is shown
    expect(html).toMatch(/<textarea[^>]*name="text"[^>]*>The dog sat on the rug\.<\/textarea>/)
    expect(html).not.toContain('type="radio"')
    const res = await ana.post(save(unit), { text: 'The dog sat on the rug.', version: '2', state: 'translated' })
    expect(res.status).toBe(303)
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).text).toBe('The dog sat on the rug.')
  })

  it('shows an overlapping place as a choice of plain radio buttons, and saves the side chosen', async () => {
    const { w, ana, unit, html } = await conflict('The dog sat on the mat.', 'The bird sat on the mat.')
    expect(html).toMatch(/<fieldset[^>]*class="choose-place"/)
    expect(html).toMatch(/type="radio"[^>]*name="choice-1"[^>]*value="mine"/)
    expect(html).toMatch(/type="radio"[^>]*name="choice-1"[^>]*value="theirs"/)
    const action = /<form method="post" action="([^"]*\/merged[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
    expect(action).toBeDefined()
    const res = await ana.post(action as string, {
      mine: field(html, 'mine') as string,
      basedOn: '1',
      version: '2',
      state: 'translated',
      'choice-1': 'theirs',
    })
    expect(res.status).toBe(303)
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).text).toBe('The bird sat on the mat.')
  })

  it('refuses a merge with a place left unchosen, with a message, and writes nothing', async () => {
    const { w, ana, unit, html } = await conflict('The dog sat on the mat.', 'The bird sat on the mat.')
    const action = /<form method="post" action="([^"]*\/merged[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') as string
    for (const choice of [{}, { 'choice-1': 'both' }] as Record<string, string>[]) {
      const res = await ana.post(action, { mine: 'The dog sat on the mat.', basedOn: '1', version: '2', state: 'translated', ...choice })
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('Choose a side at the marked place first.')
    }
    const bad = await ana.post(action, { mine: 'The dog sat on the mat.', basedOn: 'x', version: '2' })
    expect(bad.status).toBe(400)
    const now = await w.store.getTranslation(ARTICLE.id, unit, 'sv')
    expect([now.text, now.version]).toEqual(['The bird sat on the mat.', 2])
  })

  it('shows the conflict again when theirs moved on while the choice was made', async () => {
    const { w, ana, unit, html } = await conflict('The dog sat on the mat.', 'The bird sat on the mat.')
    const action = /<form method="post" action="([^"]*\/merged[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') as string
    await writeAs(w.store, unit, 'The bird sat on the sofa.', { author: 'rev', ifVersion: 2 })
    const res = await ana.post(action, { mine: 'The dog sat on the mat.', basedOn: '1', version: '2', state: 'translated', 'choice-1': 'mine' })
    expect(res.status).toBe(412)
    // Mine (the chosen merge) against their newer save: non-overlapping again, merged for saving.
    expect(await res.text()).toContain('>The dog sat on the sofa.</textarea>')
    expect((await w.store.getTranslation(ARTICLE.id, unit, 'sv')).version).toBe(3)
  })
})
