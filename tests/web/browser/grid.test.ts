import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const EDIT = '/edit/sv-general-01/sv'
let server: Awaited<ReturnType<typeof startTestServer>>

/** Where the header and the active row are, in viewport pixels. */
interface Geometry {
  headerTop: number
  headerBottom: number
  headerPosition: string
  activeTop: number
  activeBottom: number
  fieldTop: number
  viewport: number
  focused: string
}

const GEOMETRY = `(() => {
  const h = document.querySelector('header.top').getBoundingClientRect()
  const a = document.querySelector('.seg.active')
  const r = a.getBoundingClientRect()
  const f = (a.querySelector('textarea') || a).getBoundingClientRect()
  return {
    headerTop: h.top,
    headerBottom: h.bottom,
    headerPosition: getComputedStyle(document.querySelector('header.top')).position,
    activeTop: r.top,
    activeBottom: r.bottom,
    fieldTop: f.top,
    viewport: innerHeight,
    focused: document.activeElement.tagName + (document.activeElement.closest('.seg.active') ? ' in active' : ''),
  }
})()`

/** The active row starts below whatever of the header is on screen, and inside the viewport. */
function expectInView(g: Geometry, where: string): void {
  const covered = Math.max(0, g.headerBottom)
  expect(g.activeTop, `${where}: active row under the header`).toBeGreaterThanOrEqual(covered - 1)
  expect(g.fieldTop, `${where}: text field off screen`).toBeLessThan(g.viewport)
}

async function activeUnit(page: Page): Promise<string> {
  return (await page.locator('.seg.active').getAttribute('data-unit')) as string
}

/** Alt+Down through every row of the page, checking the active row after each step. */
async function walk(page: Page, label: string): Promise<number> {
  const count = await page.locator('.seg').count()
  for (let i = 1; i < count; i++) {
    const before = await activeUnit(page)
    await page.keyboard.press('Alt+ArrowDown')
    await page.locator(`.seg.active:not([data-unit="${before}"])`).waitFor()
    const g = (await page.evaluate(GEOMETRY)) as Geometry
    expectInView(g, `${label}, row ${i + 1}`)
    expect(g.focused).toBe('TEXTAREA in active')
  }
  return count
}

describeWith(['chromium'], 'the compact grid in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] })
  })
  afterAll(async () => server?.close())

  it('keeps the active segment out from under the header at 1280×800, by keys and by clicks', async () => {
    const b = await launch()
    try {
      const { page } = b
      await page.setViewportSize({ width: 1280, height: 800 })
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}`)
      const g0 = (await page.evaluate(GEOMETRY)) as Geometry
      expect(g0.headerPosition).toBe('sticky')
      expect(g0.headerBottom - g0.headerTop).toBeLessThanOrEqual(56)
      expect(await page.locator('textarea').count()).toBe(1)
      const rows = await walk(page, '1280')
      expect(rows).toBeGreaterThan(10)
      // Back up with Alt+Up: the header stays sticky, the row stays below it.
      for (let i = 0; i < 5; i++) {
        const before = await activeUnit(page)
        await page.keyboard.press('Alt+ArrowUp')
        await page.locator(`.seg.active:not([data-unit="${before}"])`).waitFor()
        expectInView((await page.evaluate(GEOMETRY)) as Geometry, `1280 up ${i}`)
      }
      // A click on another row's text makes it active, with the only text field in it.
      const third = page.locator('.seg').nth(2)
      await page.evaluate('window.scrollTo(0, 0)')
      await third.click()
      await page.locator('.seg.active').nth(0).waitFor()
      expect(await third.getAttribute('class')).toContain('active')
      expect(await page.locator('textarea').count()).toBe(1)
      expect(await page.locator('.seg.active textarea').count()).toBe(1)
      expect(page.url()).toContain(`active=${await third.getAttribute('data-unit')}`)
      // Esc leaves the field and keeps the draft; the arrows then move; Enter edits.
      await page.keyboard.type('Ett utkast')
      await page.keyboard.press('Escape')
      expect(await page.evaluate('document.activeElement.classList.contains("seg")')).toBe(true)
      await page.keyboard.press('ArrowDown')
      await page.locator('.seg').nth(3).and(page.locator('.active')).waitFor()
      expect(await third.locator('.target.draft').textContent()).toBe('Ett utkast')
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('Enter')
      expect(await page.locator('.seg.active textarea').inputValue()).toBe('Ett utkast')
      // ? (outside a text field) opens the key list over the grid; Esc closes it.
      await page.keyboard.press('Escape')
      await page.keyboard.press('?')
      await page.locator('#keys .menu-panel').waitFor()
      expect(await page.locator('#keys kbd').allTextContents()).toContain('Ctrl+Shift+Enter')
      expect(await axeViolations(page)).toEqual([])
      await page.keyboard.press('Escape')
      expect(await page.locator('#keys').getAttribute('open')).toBeNull()
      // A translator's Ctrl+Shift+Enter says why it saved nothing.
      await page.locator('.seg.active textarea').press('Control+Shift+Enter')
      expect(await page.locator('.panel .status.failed').textContent()).toMatch(/only reviewers/)
      await shot(page, 'editor-wide.png')
    } finally {
      await b.close()
    }
  })

  it('refuses an empty save with a message, and clears a translation through the versioned write', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      const unit = (await server.store.listUnits('sv-general-01'))[10]?.id as string
      await page.goto(`${server.url}${EDIT}?active=${unit}`)
      const row = page.locator(`.seg[data-unit="${unit}"]`)
      await page.keyboard.press('Control+Enter')
      expect(await row.locator('.panel .status.failed').textContent()).toBe(
        'Not saved: the translation is empty. To take a translation back, use Clear.',
      )
      expect((await server.store.getTranslation('sv-general-01', unit, 'sv')).version).toBe(0)
      expect(await row.locator('button.clear').isVisible()).toBe(false)
      await page.keyboard.type('Ingenjörer och kemister.')
      await page.keyboard.press('Control+Enter')
      await page.locator(`.seg:not(.active)[data-unit="${unit}"][data-state="translated"]`).waitFor()
      await page.keyboard.press('Alt+ArrowUp')
      await row.locator('button.clear').click()
      await row.locator('.st-initial').waitFor()
      expect(await row.locator('textarea').inputValue()).toBe('')
      expect(await server.store.getTranslation('sv-general-01', unit, 'sv')).toMatchObject({
        text: '',
        state: 'initial',
        version: 2,
      })
      expect(await row.locator('button.clear').isVisible()).toBe(false)
    } finally {
      await b.close()
    }
  })

  it('shows times in the reader’s zone and language', async () => {
    const b = await launch({ timezoneId: 'Asia/Tokyo', locale: 'sv-SE' })
    try {
      const { page } = b
      const unit = (await server.store.listUnits('sv-general-01'))[12]?.id as string
      const t = await server.store.writeTranslation({
        articleId: 'sv-general-01',
        unitId: unit,
        lang: 'sv',
        text: 'Tidsstämpel.',
        state: 'translated',
        ifVersion: 0,
        author: 'ana',
      })
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${unit}`)
      const time = page.locator('.seg.active .panel .who time')
      expect(await time.getAttribute('datetime')).toBe(t.updatedAt)
      const tokyo = new Intl.DateTimeFormat('sv', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      }).format(new Date(t.updatedAt as string))
      const norm = (s: string | null) => (s ?? '').replace(/\s/g, ' ')
      expect(norm(await time.textContent())).toBe(norm(tokyo))
      expect(await page.locator('.seg.active .panel .who').textContent()).toMatch(/^Senast ändrad av ana /)
      // The history page too.
      await page.goto(`${server.url}${EDIT}/${unit}/history`)
      expect(norm(await page.locator('time').first().textContent())).toBe(norm(tokyo))
    } finally {
      await b.close()
    }
  })

  it('keeps the active segment in view on a 390×844 phone, with a header that scrolls away', async () => {
    const b = await launch()
    try {
      const { page } = b
      await page.setViewportSize({ width: 390, height: 844 })
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?filter=all&page=1`)
      const g0 = (await page.evaluate(GEOMETRY)) as Geometry
      expect(g0.headerPosition).not.toBe('sticky')
      expect(g0.headerPosition).not.toBe('fixed')
      expect(g0.headerBottom - g0.headerTop).toBeLessThanOrEqual(56)
      // The filter and the memory search sit in a panel the header opens.
      expect(await page.locator('#filter').isVisible()).toBe(false)
      await page.locator('details.find summary').click()
      expect(await page.locator('#filter').isVisible()).toBe(true)
      expect(await page.locator('#concordance-q').isVisible()).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await page.locator('details.find summary').click()
      // No horizontal scrolling.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
      await page.locator('.seg.active textarea').focus()
      await walk(page, '390')
      await page.keyboard.press('Alt+ArrowUp')
      await shot(page, 'editor-phone.png', true)
    } finally {
      await b.close()
    }
  })
})

/**
 * A screenshot to look at (in the temp folder), or, with `UPDATE_SCREENSHOT=1`, for the docs.
 * The phone's is scrolled to the top so that it shows the header too.
 */
async function shot(page: Page, name: string, top = false): Promise<void> {
  if (top) {
    await page.keyboard.press('Escape')
    await page.evaluate('window.scrollTo(0, 0)')
  }
  const file =
    process.env.UPDATE_SCREENSHOT === '1'
      ? path.join('docs', name)
      : path.join(os.tmpdir(), `tolk-${name}`)
  await page.screenshot({ path: file })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
}
