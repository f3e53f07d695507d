import { afterAll, beforeAll, expect, it } from 'vitest'
import { issueToken } from '../../../src/auth/tokens.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const ID = 'sv-general-01'
const BAR = `li[data-coverage="${ID} sv"]`
let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], "the dashboard's bars in Chromium", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] })
  })
  afterAll(async () => server?.close())

  it('moves a bar, its label and the words left when a translation is saved through the API, without a reload', async () => {
    const b = await launch()
    try {
      await signIn(b.page, server.url, 'ana')
      const translated = b.page.locator(`${BAR} rect.part-translated`)
      expect(await translated.getAttribute('width')).toBe('0.00')
      const left = (await b.page.locator(`${BAR} [data-left]`).textContent()) as string
      // A mark on the page: a reload would lose it.
      await b.page.evaluate('window.tolkMark = 1')
      const { token } = await issueToken(server.store.accounts, 'ana')
      const unit = (await server.store.listUnits(ID))[0]?.id as string
      const res = await fetch(`${server.url}/api/articles/${ID}/units/${unit}/translations/sv`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"0"' },
        body: JSON.stringify({ text: 'Välkommen', state: 'translated' }),
      })
      expect(res.status).toBe(200)
      await b.page.locator(`${BAR} rect.part-translated:not([width="0.00"])`).waitFor({ state: 'attached' })
      expect(Number(await translated.getAttribute('width'))).toBeGreaterThan(0)
      expect(await b.page.locator(`${BAR} [data-left]`).textContent()).not.toBe(left)
      expect(await b.page.locator(`${BAR} svg.bar`).getAttribute('aria-label')).toMatch(/^Swedish: [1-9]\d* translated, 0 reviewed/)
      // The untranslated part starts where the translated one ends.
      const x = Number(await b.page.locator(`${BAR} rect.part-untranslated`).getAttribute('x'))
      expect(x).toBeCloseTo(Number(await translated.getAttribute('width')), 1)
      expect(await b.page.evaluate('window.tolkMark')).toBe(1)
      expect(await axeViolations(b.page)).toEqual([])
    } finally {
      await b.close()
    }
  })
})
