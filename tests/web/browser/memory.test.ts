import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { importText } from '../../../src/import/import-text.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], 'translation memory in the editor, in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] })
    await importText(server.store, {
      id: 'en-tm-01',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The harbour opens at five in the morning on weekdays.\n\nBoats leave <b>early</b>.\n',
    })
    await importText(server.store, {
      id: 'en-tm-02',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The harbour opens at six in the morning on weekdays.\n\nNothing else is alike here.\n',
    })
    await importText(server.store, {
      id: 'en-tm-03',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The harbour opens at seven in the morning on weekdays.\n',
    })
  })
  afterAll(async () => server?.close())

  it('shows the match of a similar segment with its score and diff, inserts it with Ctrl+1, and saves it with Ctrl+Enter', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      // Translate a unit in one article.
      await page.goto(`${server.url}/edit/en-tm-01/sv`)
      await page.keyboard.type('Hamnen öppnar klockan fem på morgonen på vardagar.')
      await page.keyboard.press('Control+Enter')
      await page.locator('.seg[data-state="translated"]').first().waitFor()

      // A similar unit elsewhere: its match shows under it, with the score and what changed.
      await page.goto(`${server.url}/edit/en-tm-02/sv`)
      const row = page.locator('.seg').nth(0)
      const match = row.locator('.tm li').first()
      await match.waitFor()
      expect(await match.locator('.tm-score').textContent()).toMatch(/^(8\d|9\d)%$/)
      expect(await match.locator('.tm-diff del').allTextContents()).toEqual(['five'])
      expect(await match.locator('.tm-diff ins').allTextContents()).toEqual(['six'])
      expect(await match.locator('.tm-target').textContent()).toBe(
        'Hamnen öppnar klockan fem på morgonen på vardagar.',
      )
      expect(await row.locator('.tm [role="status"]').textContent()).toMatch(/^Matches in the memory: 1, best \d+%$/)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: path.join(os.tmpdir(), 'tolk-editor-memory.png') })

      const score = Number((await match.locator('.tm-score').textContent())?.replace('%', ''))

      // Ctrl+1 puts it in the target field (not saved yet); Ctrl+Enter saves it.
      await page.keyboard.press('Control+1')
      const area = row.locator('textarea')
      expect(await area.inputValue()).toBe('Hamnen öppnar klockan fem på morgonen på vardagar.')
      expect(await row.getAttribute('data-state')).toBe('initial')
      await page.keyboard.press('Control+Enter')
      // Saved, and the grid went on to the next segment that needs work.
      await page.locator('.seg[data-state="translated"]').first().waitFor()
      await page.reload()
      expect(await page.locator('.seg').nth(0).locator('.target').textContent()).toBe(
        'Hamnen öppnar klockan fem på morgonen på vardagar.',
      )
      const units = await server.store.listUnits('en-tm-02')
      expect(
        (await server.store.getTranslation('en-tm-02', units[0]!.id, 'sv')).text,
      ).toBe('Hamnen öppnar klockan fem på morgonen på vardagar.')
      // Saved as the match it is: the history says it came from the memory, and at which score.
      expect((await server.store.history('en-tm-02', units[0]!.id, 'sv')).map((h) => h.origin)).toEqual([
        { kind: 'memory', score },
      ])
      await page.keyboard.press('Alt+ArrowUp')
      await page.locator('.seg').nth(0).getByRole('link', { name: 'History' }).click()
      expect(await page.locator('.history li .meta').first().textContent()).toContain(`from memory, ${score}%`)
    } finally {
      await b.close()
    }
  })

  it('saves a match edited after inserting it as the translator\'s own text, with no memory mark', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-tm-03/sv`)
      const row = page.locator('.seg').nth(0)
      await row.locator('.tm li').first().waitFor()
      await page.keyboard.press('Control+1')
      const area = row.locator('textarea')
      expect(await area.inputValue()).toBe('Hamnen öppnar klockan fem på morgonen på vardagar.')
      // The translator fixes the number the memory got wrong: the text is now theirs.
      await area.fill('Hamnen öppnar klockan sju på morgonen på vardagar.')
      await page.keyboard.press('Control+Enter')
      await page.locator('.seg[data-state="translated"]').first().waitFor()
      const [unit] = await server.store.listUnits('en-tm-03')
      const history = await server.store.history('en-tm-03', unit!.id, 'sv')
      expect(history.map((h) => [h.newText, h.origin])).toEqual([
        ['Hamnen öppnar klockan sju på morgonen på vardagar.', null],
      ])
      await page.goto(`${server.url}/edit/en-tm-03/sv/${encodeURIComponent(unit!.id)}/history`)
      expect(await page.locator('.history li .meta').first().textContent()).not.toContain('memory')
    } finally {
      await b.close()
    }
  })

  it('searches the memory from the editor with the keyboard, showing markup as text', async () => {
    const b = await launch()
    try {
      const { page } = b
      const [, second] = await server.store.listUnits('en-tm-02')
      await server.store.writeTranslation({
        articleId: 'en-tm-02',
        unitId: second!.id,
        lang: 'sv',
        text: '<script>alert(1)</script> Inget annat',
        state: 'translated',
        ifVersion: 0,
        author: 'ana',
      })
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-tm-02/sv`)
      // The search sits in the header's "Filter and search" menu.
      await page.locator('details.find summary').click()
      await page.locator('#concordance-q').focus()
      await page.keyboard.type('alike')
      await page.keyboard.press('Enter')
      const hit = page.locator('#concordance-results li').first()
      await hit.waitFor()
      expect(await hit.locator('.hit-target').textContent()).toBe('<script>alert(1)</script> Inget annat')
      expect(await page.locator('#concordance-results script').count()).toBe(0)
      expect(page.url()).toBe(`${server.url}/edit/en-tm-02/sv`)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await b.close()
    }
  })
})
