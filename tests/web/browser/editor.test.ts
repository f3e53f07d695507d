import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const EDIT = '/edit/sv-general-01/sv'
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  server = await startTestServer({
    ana: [{ role: 'translator', langs: ['sv'] }],
    rev: [{ role: 'reviewer', langs: ['sv'] }],
  })
})
afterAll(async () => server?.close())

describe('the editor in Chromium', { timeout: 60_000 }, () => {
  it('lets a translator translate three segments with the keyboard only, and keeps them over a reload', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      expect(await axeViolations(page)).toEqual([])
      await page.goto(`${server.url}${EDIT}`)
      expect(await page.locator('#progress').getAttribute('value')).toBe('0')
      const texts = ['HTS-toppmötet: Ett års planering bakom blixtoffensiven i Syrien', 'Det var redan efter 2019 som HTS insåg behovet.', 'Det grundläggande problemet var bristen på enat ledarskap.']
      for (const text of texts) {
        await page.keyboard.type(text)
        await page.keyboard.press('Control+Enter')
        await page.locator('.status.ok').last().waitFor()
        await page.waitForFunction(
          // A function, not a string: the page's CSP forbids eval. No DOM types here, hence the cast.
          (n) => (globalThis as unknown as { document: { querySelectorAll: (s: string) => { length: number } } }).document.querySelectorAll('.status.ok').length === n,
          texts.indexOf(text) + 1,
        )
      }
      expect(await page.locator('#progress').getAttribute('value')).toBe('3')
      // A draft not yet saved survives the reload too.
      await page.keyboard.type('Ett utkast')
      expect(await axeViolations(page)).toEqual([])
      await page.reload()
      const areas = page.locator('.seg textarea')
      for (const [i, text] of texts.entries()) expect(await areas.nth(i).inputValue()).toBe(text)
      expect(await areas.nth(3).inputValue()).toBe('Ett utkast')
      expect(await page.locator('.seg').nth(3).locator('.status').textContent()).toBe('An unsaved draft was restored.')
      expect(await page.evaluate("document.getElementById('progress').value")).toBe(3)
      expect(await page.locator('#progress-text').textContent()).toMatch(/^3 of \d+ segments done$/)
      const saved = await server.store.listTranslations('sv-general-01', 'sv')
      expect(saved.slice(0, 3).map((t) => [t.text, t.author])).toEqual(texts.map((t) => [t, 'ana']))
    } finally {
      await b.close()
    }
  })

  it('shows the conflict choice to the second of two people saving the same segment', async () => {
    const [a, r] = [await launch(), await launch()]
    try {
      await signIn(a.page, server.url, 'ana')
      await signIn(r.page, server.url, 'rev')
      await a.page.goto(`${server.url}${EDIT}?filter=all`)
      await r.page.goto(`${server.url}${EDIT}?filter=all`)
      const row = (p: typeof a.page) => p.locator('.seg').nth(5)
      await row(a.page).locator('textarea').fill('Anas version.')
      await row(r.page).locator('textarea').fill('Revs version.')
      await row(a.page).locator('textarea').press('Control+Enter')
      await row(a.page).locator('.status.ok').waitFor()
      await row(r.page).locator('textarea').press('Control+Enter')
      const box = row(r.page).locator('.conflict-box')
      await box.waitFor()
      expect(await box.locator('.theirs').textContent()).toBe('Anas version.')
      expect(await box.locator('.mine').textContent()).toBe('Revs version.')
      // Focus sits on "Keep mine": Enter takes it, and the save goes over Ana's version.
      await r.page.keyboard.press('Enter')
      await row(r.page).locator('.status.ok').waitFor()
      const unit = (await server.store.listUnits('sv-general-01'))[5]?.id as string
      const t = await server.store.getTranslation('sv-general-01', unit, 'sv')
      expect(t).toMatchObject({ text: 'Revs version.', author: 'rev' })
      expect((await server.store.history('sv-general-01', unit, 'sv')).map((h) => h.newText)).toEqual(['Anas version.', 'Revs version.'])
    } finally {
      await a.close()
      await r.close()
    }
  })

  it('switches the interface to Swedish', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.selectOption('#ui-lang', 'sv')
      await Promise.all([page.waitForURL(`${server.url}/`), page.locator('form.lang button').press('Enter')])
      expect(await page.getAttribute('html', 'lang')).toBe('sv')
      expect(await page.locator('h1').textContent()).toBe('Artiklar')
      expect(await page.locator('form.signout button').textContent()).toBe('Logga ut')
      await page.goto(`${server.url}${EDIT}`)
      expect(await page.locator('#progress-text').textContent()).toMatch(/av \d+ segment klara/)
    } finally {
      await b.close()
    }
  })
})
