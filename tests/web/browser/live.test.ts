import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { launch, signIn, startTestServer } from './_browser.js'

const ID = 'sv-general-01'
const EDIT = `/edit/${ID}/sv`
let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], 'live updates in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      rev: [{ role: 'reviewer', langs: ['sv'] }],
    })
  })
  afterAll(async () => server?.close())

  it("shows a colleague's save without a reload, keeps a draft, offering to compare, and shows who is where", async () => {
    const [a, r] = [await launch(), await launch()]
    try {
      await signIn(a.page, server.url, 'ana')
      await signIn(r.page, server.url, 'rev')
      const units = await server.store.listUnits(ID)
      const [one, two] = [units[7]?.id as string, units[8]?.id as string]
      // Ana works on segment 9 and has typed a draft; segment 8 she only looks at.
      await a.page.goto(`${server.url}${EDIT}?active=${two}`)
      await a.page.keyboard.type('Anas utkast.')
      // Rev saves both.
      for (const [unit, text] of [
        [one, 'Revs text.'],
        [two, 'Revs andra text.'],
      ] as const) {
        await r.page.goto(`${server.url}${EDIT}?active=${unit}`)
        await r.page.keyboard.type(text)
        await r.page.keyboard.press('Control+Enter')
        await r.page.locator(`.seg[data-unit="${unit}"][data-version="1"]`).waitFor()
      }
      // Ana sees segment 8's new text and state, with no reload…
      const row = a.page.locator(`.seg[data-unit="${one}"]`)
      await row.locator('.target', { hasText: 'Revs text.' }).waitFor()
      expect(await row.getAttribute('data-state')).toBe('translated')
      expect(await row.locator('.st').getAttribute('title')).toBe('Translated')
      // …and her draft of segment 9 stays, with the offer to compare.
      const active = a.page.locator(`.seg.active[data-unit="${two}"]`)
      await active.locator('.panel .status', { hasText: 'Changed by rev while you were writing.' }).waitFor()
      expect(await active.locator('textarea').inputValue()).toBe('Anas utkast.')
      await active.locator('button.compare').click()
      const box = active.locator('.conflict-box')
      await box.locator('.versions').waitFor()
      expect(await box.locator('.theirs').textContent()).toBe('Revs andra text.')
      expect(await box.locator('.mine').textContent()).toBe('Anas utkast.')
      // Rev sees where Ana is: her initials on her row, and her name under the header.
      await r.page.locator(`.seg[data-unit="${two}"] .here`, { hasText: 'AN' }).waitFor()
      expect(await r.page.locator('#presence').textContent()).toMatch(/^Also here: ana \(segment 9(, typing)?\)$/)
      // Nothing of Ana's was written over, and nothing of Rev's.
      expect((await server.store.getTranslation(ID, two, 'sv')).text).toBe('Revs andra text.')
    } finally {
      await a.close()
      await r.close()
    }
  })
})
