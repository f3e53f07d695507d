/**
 * Terms in the editor's panel, in Chromium: the active segment lists the terms found in its
 * source with their translations, underlines them in the source, and Ctrl+Alt+N inserts the Nth
 * term's translation at the cursor (never a forbidden one).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], 'terms in the editor, in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }], vic: [{ role: 'viewer', langs: [] }] })
    await importText(server.store, {
      id: 'en-news-01',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The ferries cross the river at noon.\n',
    })
    const by = { by: 'boss' }
    await server.store.terms.addEntry('sv-news', { terms: [{ lang: 'en', text: 'ferry' }, { lang: 'sv', text: 'färja', status: 'preferred' }] }, by)
    await server.store.terms.addEntry('sv-general', {
      terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'flod', status: 'forbidden' }, { lang: 'sv', text: 'älv', status: 'admitted' }],
    }, by)
    await server.store.terms.setUses('sv-news', ['sv-general'])
  })
  afterAll(async () => {
    await server?.close()
  })

  it('lists the terms of the active segment, underlines them, and inserts one with Ctrl+Alt+N', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-news-01/sv`)
      const row = page.locator('.seg').nth(0)
      const terms = row.locator('.terms li.term')
      await terms.first().waitFor()
      expect(await terms.allTextContents()).toEqual([
        'ferries → färja (preferred) Insert term 1 (Ctrl+Alt+1)',
        'river → älv, flod (forbidden: do not use) Insert term 2 (Ctrl+Alt+2)',
      ])
      expect(await row.locator('.source mark.term-hit').allTextContents()).toEqual(['ferries', 'river'])
      expect(await axeViolations(page)).toEqual([])

      const area = row.locator('textarea')
      await area.focus()
      await page.keyboard.type('Vi tar ')
      await page.keyboard.press('Control+Alt+2')
      expect(await area.inputValue()).toBe('Vi tar älv')
      await page.keyboard.type(' och ')
      await page.keyboard.press('Control+Alt+1')
      expect(await area.inputValue()).toBe('Vi tar älv och färja')
      await page.keyboard.press('Control+Alt+3') // no third term: nothing happens
      expect(await area.inputValue()).toBe('Vi tar älv och färja')

      // The ? help lists the key as working, not as coming.
      await page.keyboard.press("Escape")
      await page.keyboard.press('?')
      const line = page.locator('#keys tr', { hasText: 'Ctrl+Alt+1 … 9' })
      expect(await line.textContent()).toContain('insert the translation of the panel\'s term 1 to 9')
      expect(await line.textContent()).not.toContain('coming')
    } finally {
      await b.close()
    }
  })

  it('shows a viewer the terms too, with nothing to insert them into', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'vic')
      await page.goto(`${server.url}/edit/en-news-01/sv`)
      const terms = page.locator('.terms li.term')
      await terms.first().waitFor()
      expect(await terms.allTextContents()).toEqual(['ferries → färja (preferred)', 'river → älv, flod (forbidden: do not use)'])
      expect(await page.locator('.source mark.term-hit').allTextContents()).toEqual(['ferries', 'river'])
      expect(await page.locator('.term-use').count()).toBe(0)
      expect(await page.locator('textarea').count()).toBe(0)
      // The termbase pages read as they should, to a viewer too.
      await page.goto(`${server.url}/terms/sv-general`)
      expect(await page.locator('table.entries').textContent()).toContain('flod')
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await b.close()
    }
  })
})
