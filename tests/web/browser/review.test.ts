import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const ARTICLE = 'sv-general-01'
const EDIT = `/edit/${ARTICLE}/sv`
let server: Awaited<ReturnType<typeof startTestServer>>
let units: string[]

/** Screenshots to look at (SHOTS=dir), at the widths the editor is made for. */
async function shot(page: import('playwright-core').Page, name: string): Promise<void> {
  const dir = process.env.SHOTS ?? path.join(os.tmpdir(), 'tolk-shots')
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, name), fullPage: false })
}

describeWith(['chromium'], 'review in the editor: reject with a reason, fix, confirm', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      rita: [{ role: 'reviewer', langs: ['sv'] }],
    })
    units = (await server.store.listUnits(ARTICLE)).map((u) => u.id)
    await server.store.writeTranslation({ articleId: ARTICLE, unitId: units[1]!, lang: 'sv', text: 'Det var redan efter rebellerna', state: 'translated', author: 'ana' })
  })
  afterAll(async () => server?.close())

  it('a reviewer rejects with a reason (Alt+R, Enter); the translator sees it and fixes it back to translated', async () => {
    const unit = units[1]!
    const reviewer = await launch()
    try {
      const { page } = reviewer
      await signIn(page, server.url, 'rita')
      await page.goto(`${server.url}${EDIT}?active=${unit}`)
      const row = page.locator(`.seg[data-unit="${unit}"]`)
      await row.locator('.tgt textarea').focus()
      await page.keyboard.press('Alt+r')
      expect(await page.evaluate('document.activeElement.id')).toBe('reason')
      await page.keyboard.type('"Rebellerna" needs its verb: the sentence stops halfway.')
      await shot(page, 'review-reject-form-1280.png')
      await Promise.all([page.waitForURL(/active=/), page.keyboard.press('Enter')])
      await row.locator('.tgt .rejection').waitFor()
      expect(await row.locator('.tgt .rejection').textContent()).toBe('Rejected by rita: "Rebellerna" needs its verb: the sentence stops halfway.')
      expect(await row.locator('.st').getAttribute('title')).toBe('Rejected')
      expect(await row.locator('.st b').textContent()).toBe('✗')
      const stored = await server.store.getTranslation(ARTICLE, unit, 'sv')
      expect(stored).toMatchObject({ state: 'rejected', text: 'Det var redan efter rebellerna', rejection: { translator: 'ana' } })
      // A rejected unit cannot be rejected again: the form is gone from its panel.
      expect(await row.locator('form#reject').isHidden()).toBe(true)
      await page.setViewportSize({ width: 1280, height: 800 })
      await shot(page, 'review-rejected-1280.png')
    } finally {
      await reviewer.close()
    }

    const translator = await launch()
    try {
      const { page } = translator
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?filter=rejected`)
      expect(await page.locator('.seg').count()).toBe(1)
      const row = page.locator(`.seg[data-unit="${unit}"]`)
      expect(await row.locator('.tgt .rejection').textContent()).toContain('the sentence stops halfway')
      // A translator has no Reject form, and Alt+R says why.
      expect(await page.locator('form#reject').count()).toBe(0)
      // Made active by a click (the script moves the field and the panel): the reason stays on
      // the row and shows on top of the panel.
      await page.goto(`${server.url}${EDIT}?active=${units[0]}`)
      await row.locator('.target').click()
      await page.locator(`.seg.active[data-unit="${unit}"]`).waitFor()
      expect(await row.locator('.tgt .rejection').textContent()).toContain('the sentence stops halfway')
      expect(await page.locator('#panel .rejection-note').textContent()).toContain('the sentence stops halfway')
      expect(await page.locator('#panel .rejection-note').isVisible()).toBe(true)
      await page.setViewportSize({ width: 390, height: 844 })
      await shot(page, 'review-translator-390.png')
      await page.setViewportSize({ width: 1280, height: 900 })
      const area = row.locator('.tgt textarea')
      await area.fill('Det var redan efter att rebellerna hade tagit staden')
      // Ctrl+Enter saves and goes on to the next segment that needs work.
      await area.press('Control+Enter')
      await page.locator(`.seg.active:not([data-unit="${unit}"])`).waitFor()
      await page.locator('.panel .status.ok').waitFor()
      expect(await server.store.getTranslation(ARTICLE, unit, 'sv')).toMatchObject({ state: 'translated', version: 3 })
      expect(await row.locator('.tgt .rejection').count()).toBe(0)
      expect(await row.getAttribute('data-state')).toBe('translated')
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await translator.close()
    }
  })

  it('shows a rejection made elsewhere on an open page, live, and takes it away when the text is edited', async () => {
    const unit = units[7]!
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}`)
      const w = (text: string, state: 'translated' | 'rejected', ifVersion: number, extra = {}) =>
        server.store.writeTranslation({ articleId: ARTICLE, unitId: unit, lang: 'sv', text, state, author: state === 'rejected' ? 'rita' : 'ana', ifVersion, ...extra })
      await w('Vi samlade vår kunskap', 'translated', 0)
      await w('Vi samlade vår kunskap', 'rejected', 1, { reason: 'Half the sentence is missing.' })
      const row = page.locator(`.seg[data-unit="${unit}"]`)
      await row.locator('.tgt .rejection').waitFor()
      expect(await row.locator('.tgt .rejection').textContent()).toBe('Rejected by rita: Half the sentence is missing.')
      expect(await row.getAttribute('data-state')).toBe('rejected')
      await w('Vi samlade vår kunskap och satte upp tydliga direktiv', 'translated', 2)
      await page.locator(`.seg[data-unit="${unit}"][data-state="translated"]`).waitFor()
      expect(await row.locator('.tgt .rejection').count()).toBe(0)
    } finally {
      await b.close()
    }
  })

  it('confirms a stale segment with Alt+Enter, and without the script through the form', async () => {
    // Two translations, then the source edited under both: stale.
    const article = (await server.store.getArticle(ARTICLE))!
    const list = await server.store.listUnits(ARTICLE)
    const [a, b] = [list[3]!, list[4]!]
    for (const u of [a, b]) await server.store.writeTranslation({ articleId: ARTICLE, unitId: u.id, lang: 'sv', text: `sv ${u.position}`, state: 'translated', author: 'ana' })
    const edited = article.source.replace(a.source, `${a.source.replace(/\.$/, '')} today.`).replace(b.source, `${b.source.replace(/\.$/, '')} today.`)
    const { importText } = await import('../../../src/import/import-text.js')
    await importText(server.store, { id: ARTICLE, tag: article.tag, lang: article.lang, text: edited })
    expect((await server.store.getTranslation(ARTICLE, a.id, 'sv')).stale).toBe(true)

    const withScript = await launch()
    try {
      const { page } = withScript
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${a.id}`)
      const row = page.locator(`.seg[data-unit="${a.id}"]`)
      expect(await row.locator('form#confirm').isVisible()).toBe(true)
      await page.setViewportSize({ width: 390, height: 844 })
      await shot(page, 'review-confirm-390.png')
      await row.locator('.tgt textarea').focus()
      await Promise.all([page.waitForURL(/active=/), page.keyboard.press('Alt+Enter')])
      await page.locator(`.seg[data-unit="${a.id}"]:not(.is-stale)`).waitFor()
      const t = await server.store.getTranslation(ARTICLE, a.id, 'sv')
      expect(t).toMatchObject({ text: `sv ${a.position}`, stale: false, version: 2 })
      expect((await server.store.history(ARTICLE, a.id, 'sv')).at(-1)?.confirmation).toBe(true)
    } finally {
      await withScript.close()
    }

    const noScript = await launch({ javaScriptEnabled: false })
    try {
      const { page } = noScript
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${b.id}`)
      await Promise.all([page.waitForURL(/active=/), page.locator(`.seg[data-unit="${b.id}"] button.confirm`).click()])
      expect(await server.store.getTranslation(ARTICLE, b.id, 'sv')).toMatchObject({ stale: false, version: 2, text: `sv ${b.position}` })
    } finally {
      await noScript.close()
    }
  })
})
