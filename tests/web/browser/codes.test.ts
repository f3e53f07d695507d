import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { issueToken } from '../../../src/auth/tokens.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const ID = 'sv-general-05'
const EDIT = `/edit/${ID}/sv`
const GUIDE =
  '# Getting started\n\nRead [the guide](https://example.org/guide) before you *start*.\n\n- Install it with `npm i tolk` today.\n\n| Name | Notes |\n| --- | --- |\n| Tolk | Fast |\n'
let server: Awaited<ReturnType<typeof startTestServer>>
let token: string

/** The active field's text and selection. */
const FIELD = `(() => {
  const t = document.querySelector('.seg.active textarea')
  return { value: t.value, start: t.selectionStart, end: t.selectionEnd }
})()`
type Field = { value: string; start: number; end: number }
const field = async (page: Page) => (await page.evaluate(FIELD)) as Field

/** Select the last `n` characters before the caret, as a translator does with Shift+←. */
async function selectBack(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowLeft')
}

/** A screenshot to look at (in the temp folder), or, with `UPDATE_SCREENSHOT=1`, for the docs. */
async function shot(page: Page, name: string): Promise<string> {
  const file = process.env.UPDATE_SCREENSHOT === '1' ? path.join('docs', name) : path.join(os.tmpdir(), `tolk-${name}`)
  await page.screenshot({ path: file })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
  return file
}

describeWith(['chromium'], 'codes in the editor, in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      boss: [{ role: 'admin', langs: [] }],
    })
    token = (await issueToken(server.store.accounts, 'boss')).token
    const res = await fetch(`${server.url}/api/articles?id=${ID}&tag=sv-general&lang=en&targets=sv`, {
      method: 'POST',
      body: GUIDE,
      headers: { 'Content-Type': 'text/markdown', Authorization: `Bearer ${token}` },
    })
    expect(res.status, await res.text()).toBeLessThan(300)
  })
  afterAll(async () => server?.close())

  it('moves a link with Alt+1, takes a chip whole on Backspace, refuses unbalanced codes, and exports valid Markdown', async () => {
    const units = await server.store.listUnits(ID)
    const link = units.find((u) => u.source.startsWith('Read')) as (typeof units)[number]
    expect(link.source).toBe('Read ⟦1⟧the guide⟦/1⟧ before you ⟦2⟧start⟦/2⟧.')
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${link.id}`)
      const active = page.locator('.seg.active')
      await active.locator('textarea:focus').waitFor()
      // The source shows its four tags as chips; the role of other rows beside them.
      expect(await active.locator('.source .code').allTextContents()).toEqual(['⟦1⟧', '⟦/1⟧', '⟦2⟧', '⟦/2⟧'])
      expect(await page.locator('.seg .role').allTextContents()).toEqual(['Heading', 'List item', 'Table cell', 'Table cell', 'Table cell', 'Table cell'])

      // "Read before you start the guide": the emphasis wraps "börjar", the link moves to the end.
      await page.keyboard.type('Läs innan du börjar')
      await selectBack(page, 6)
      await page.keyboard.press('Alt+2')
      expect(await field(page)).toMatchObject({ value: 'Läs innan du ⟦2⟧börjar⟦/2⟧' })
      await page.keyboard.press('End')
      await page.keyboard.type(' guiden')
      await selectBack(page, 6)
      await page.keyboard.press('Alt+1')
      await page.keyboard.press('End')
      await page.keyboard.type('.')
      const moved = 'Läs innan du ⟦2⟧börjar⟦/2⟧ ⟦1⟧guiden⟦/1⟧.'
      expect((await field(page)).value).toBe(moved)
      // The field's codes are chips too, drawn under its text.
      expect(await active.locator('.field.chips-on .chips .code').allTextContents()).toEqual(['⟦2⟧', '⟦/2⟧', '⟦1⟧', '⟦/1⟧'])
      await shot(page, 'editor-codes.png')
      expect(await axeViolations(page)).toEqual([])

      // Backspace right after ⟦/1⟧ takes the whole chip, and its opening ⟦1⟧ with it.
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('Backspace')
      expect(await field(page)).toEqual({ value: 'Läs innan du ⟦2⟧börjar⟦/2⟧ guiden.', start: 33, end: 33 })
      // Ctrl+Z takes the whole deletion back in one step, and Ctrl+Y redoes it.
      await page.keyboard.press('Control+Z')
      expect((await field(page)).value).toBe(moved)
      await page.keyboard.press('Control+Y')
      expect((await field(page)).value).toBe('Läs innan du ⟦2⟧börjar⟦/2⟧ guiden.')
      await page.evaluate(`document.querySelector('.seg.active textarea').setSelectionRange(33, 33)`)
      // Delete just before ⟦2⟧ does the same from the other side; typing inside a chip lands beside it.
      await page.evaluate(`document.querySelector('.seg.active textarea').setSelectionRange(14, 14)`)
      await page.keyboard.type('X')
      expect((await field(page)).value).toBe('Läs innan du X⟦2⟧börjar⟦/2⟧ guiden.')
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Delete')
      expect((await field(page)).value).toBe('Läs innan du börjar guiden.')
      await page.keyboard.press('Alt+2')
      await page.keyboard.type('*')
      expect((await field(page)).value).toBe('Läs innan du ⟦2⟧*⟦/2⟧börjar guiden.')
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Backspace')
      expect((await field(page)).value).toBe('Läs innan du börjar guiden.')

      // Saving without the link is refused with the API's own words, and nothing is written.
      await page.keyboard.press('Control+Enter')
      await active.locator('.status.failed').waitFor()
      expect(await active.locator('.status').textContent()).toContain('⟦1⟧…⟦/1⟧ of the source is missing')
      expect((await server.store.getTranslation(ID, link.id, 'sv')).version).toBe(0)

      // Alt+0 puts back what is missing, each code in turn: around the selection, then at the caret.
      await page.keyboard.press('End')
      await page.keyboard.press('ArrowLeft')
      await selectBack(page, 6)
      await page.keyboard.press('Alt+0')
      expect((await field(page)).value).toBe('Läs innan du börjar ⟦1⟧guiden⟦/1⟧.')
      await page.evaluate(`document.querySelector('.seg.active textarea').setSelectionRange(13, 19)`)
      await page.keyboard.press('Alt+0')
      expect((await field(page)).value).toBe(moved)
      await page.keyboard.press('Alt+0')
      expect(await active.locator('.status').textContent()).toBe('No code of the source is missing.')
      await page.keyboard.press('Control+Enter')
      await page.locator(`.seg[data-unit="${link.id}"][data-state="translated"]`).waitFor()
      expect((await server.store.getTranslation(ID, link.id, 'sv')).text).toBe(moved)
      // The row left shows its saved text with chips.
      expect(await page.locator(`.seg[data-unit="${link.id}"] .target .code`).count()).toBe(4)

      // The translated document: valid Markdown, the link in its new place around "guiden".
      const res = await fetch(`${server.url}/api/articles/${ID}/export?lang=sv&format=original`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(200)
      const md = await res.text()
      expect(md).toContain('Läs innan du *börjar* [guiden](https://example.org/guide).\n')
      const para = fromMarkdown(md).children[1] as { type: string; children: { type: string; url?: string; children?: { value: string }[] }[] }
      expect(para.type).toBe('paragraph')
      expect(para.children.map((c) => [c.type, c.url, c.children?.[0]?.value])).toEqual([
        ['text', undefined, undefined],
        ['emphasis', undefined, 'börjar'],
        ['text', undefined, undefined],
        ['link', 'https://example.org/guide', 'guiden'],
        ['text', undefined, undefined],
      ])

      // The phone: the same row, its chips and role labels in one column.
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${server.url}${EDIT}?active=${link.id}`)
      await active.locator('.field.chips-on').waitFor()
      // The memory's match (this very translation, saved above) shows its codes as chips too.
      await active.locator('.tm-target .code').first().waitFor()
      expect(await active.locator('.tm-target .code').count()).toBe(4)
      await page.evaluate('window.scrollTo(0, 0)')
      await shot(page, 'editor-codes-phone.png')
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await b.close()
    }
  })

  it('works without the script: the field holds the notation, and a save of it goes through', async () => {
    const units = await server.store.listUnits(ID)
    const install = units.find((u) => u.source.startsWith('Install')) as (typeof units)[number]
    const b = await launch({ javaScriptEnabled: false })
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${install.id}`)
      const area = page.locator('.seg.active textarea')
      await area.fill('Installera den med ⟦1/⟧ i dag.')
      await Promise.all([page.waitForURL(/\/edit\//), page.locator('.seg.active button.save').click()])
      expect((await server.store.getTranslation(ID, install.id, 'sv')).text).toBe('Installera den med ⟦1/⟧ i dag.')
    } finally {
      await b.close()
    }
  })

  it('pastes over a selection that cuts into a chip by taking the chip whole', async () => {
    const units = await server.store.listUnits(ID)
    const install = units.find((u) => u.source.startsWith('Install')) as (typeof units)[number]
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?active=${install.id}`)
      await page.locator('.seg.active textarea:focus').waitFor()
      expect((await field(page)).value).toBe('Installera den med ⟦1/⟧ i dag.')
      const select = (a: number, z: number) => page.evaluate(`document.querySelector('.seg.active textarea').setSelectionRange(${a}, ${z})`)
      await select(11, 14)
      await page.keyboard.press('Control+C')
      // "ed ⟦1" selected: half of the chip is in it, so all of it goes.
      await select(16, 21)
      await page.keyboard.press('Control+V')
      expect((await field(page)).value).toBe('Installera den mden i dag.')
    } finally {
      await b.close()
    }
  })
})
