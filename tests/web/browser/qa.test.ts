/**
 * Issue #21's "Done when", in Chromium: a translator inserts a term with the keyboard, saves, and
 * dismisses the QA finding of the saved text in the editor's panel; after a reload the finding is
 * still dismissed (the server keeps it, shared), and the QA page shows it dismissed by them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>

/** A screenshot to look at (in the temp folder), or, with `UPDATE_SCREENSHOT=1`, for the docs (not `tmpOnly` ones). */
async function shot(page: Page, name: string, tmpOnly = false): Promise<string> {
  const file = process.env.UPDATE_SCREENSHOT === '1' && !tmpOnly ? path.join('docs', name) : path.join(os.tmpdir(), `tolk-${name}`)
  await page.screenshot({ path: file, fullPage: true })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
  return file
}

describeWith(['chromium'], 'QA findings in the editor and on the QA page, in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }], rev: [{ role: 'reviewer', langs: ['sv'] }] })
    await importText(server.store, {
      id: 'en-news-01',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The ferry leaves at 5 o’clock.\n\nIt is late.\n',
    })
    await server.store.terms.addEntry('sv-news', { terms: [{ lang: 'en', text: 'ferry' }, { lang: 'sv', text: 'färjan', status: 'preferred' }] }, { by: 'boss' })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('inserts a term with Ctrl+Alt+1, dismisses the finding of the saved text, and finds it dismissed after a reload', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-news-01/sv`)
      const rows = page.locator('.seg')
      await rows.nth(0).locator('.terms li.term').first().waitFor()
      const area = rows.nth(0).locator('textarea')
      await area.focus()
      await page.keyboard.press('Control+Alt+1')
      await page.keyboard.type(' går klockan 6.')
      expect(await area.inputValue()).toBe('färjan går klockan 6.')
      await page.keyboard.press('Control+Enter')
      await rows.nth(0).and(page.locator('[data-state="translated"]')).waitFor()
      await page.keyboard.press('Alt+ArrowUp')
      const hint = rows.nth(0).locator('.hints li')
      expect(await hint.allTextContents()).toEqual(['Numbers differ from the source: 5Dismiss'])

      const saved = page.waitForResponse((r) => r.url().endsWith('/qa/dismiss') && r.status() === 200)
      await rows.nth(0).locator('.hints button.dismiss').press('Enter')
      await saved
      expect(await hint.getAttribute('class')).toBe('dismissed')
      await page.reload()
      await page.locator('.seg.active').waitFor()
      await page.keyboard.press('Alt+ArrowUp')
      expect(await rows.nth(0).locator('.hints li').getAttribute('class')).toBe('dismissed')
      expect(await rows.nth(0).locator('.hints li').isVisible()).toBe(false)
      expect(await server.store.qa.list('en-news-01', 'sv')).toMatchObject([{ check: 'numbers', by: 'ana' }])
      // The editor's bar links to the QA page, at both widths.
      expect(await page.locator('a.qa-link').getAttribute('href')).toBe('/edit/en-news-01/sv/qa')
      await shot(page, 'qa-editor.png', true)
      await page.setViewportSize({ width: 390, height: 844 })
      await shot(page, 'qa-editor-phone.png', true)
    } finally {
      await b.close()
    }
    // Someone else, in another browser, sees it dismissed on the QA page, and can show it again.
    const other = await launch()
    try {
      const { page } = other
      await signIn(page, server.url, 'rev')
      await page.goto(`${server.url}/edit/en-news-01/sv/qa`)
      const row = page.locator('.qa-findings tbody tr', { hasText: 'Numbers' })
      expect(await row.textContent()).toContain('Dismissed by ana')
      expect(await page.locator('.qa-summary').textContent()).toBe('0 errors, 0 warnings, 1 dismissed')
      expect(await axeViolations(page)).toEqual([])
      await shot(page, 'qa-page.png')
      await page.setViewportSize({ width: 390, height: 844 })
      await shot(page, 'qa-page-phone.png')
      await page.setViewportSize({ width: 1280, height: 900 })
      await Promise.all([page.waitForURL(`${server.url}/edit/en-news-01/sv/qa`), row.locator('button').click()])
      expect(await page.locator('.qa-summary').textContent()).toBe('1 errors, 0 warnings, 0 dismissed')
      // Dismissed again with a reason, without the editor's script: a plain form.
      await page.locator('.qa-findings input[name=reason]').fill('a new timetable')
      await Promise.all([page.waitForURL(`${server.url}/edit/en-news-01/sv/qa`), page.locator('.qa-findings button').click()])
      expect(await page.locator('.qa-findings tbody tr').textContent()).toContain('Dismissed by rev')
      expect(await page.locator('.qa-findings tbody tr').textContent()).toContain('a new timetable')
    } finally {
      await other.close()
    }
  })
})
