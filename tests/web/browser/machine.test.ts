/**
 * Machine suggestions in the editor's panel, in Chromium: fetched in the background below the
 * memory's matches, labelled with their engine, a failing engine shown once with its reason,
 * taken with Ctrl+Shift+1 (or a click) and saved with their machine origin.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import { createEngines } from '../../../src/mt/engines.js'
import { freePort } from '../../mt/_apy.js'
import { startStandIn, type StandIn } from '../../mt/_standins.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let stand: StandIn

describeWith(['chromium'], 'machine suggestions in the editor, in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    stand = await startStandIn('libretranslate', 'lt-key')
    const mt = createEngines([
      { name: 'libre', kind: 'libretranslate', url: stand.url, key: 'lt-key' },
      // A port nothing listens on: an engine that is down.
      { name: 'down', kind: 'apertium', url: `http://127.0.0.1:${await freePort()}` },
    ])
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] }, { mt })
    await importText(server.store, {
      id: 'en-mt-01',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: 'The ferry leaves at noon.\n\nTickets are sold on board.\n',
    })
    // The stand-in never answers a text starting with !slow: the route gives up after its 3 s.
    await importText(server.store, {
      id: 'en-mt-02',
      tag: 'en-news',
      lang: 'en',
      targets: ['sv'],
      text: '!slow The ferry is late.\n\nThe café is open.\n',
    })
  })
  afterAll(async () => {
    await server?.close()
    await stand?.close()
  })

  it('shows the engine\'s suggestion, takes it with Ctrl+Shift+1 and saves it with its machine origin', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-mt-01/sv`)
      const row = page.locator('.seg').nth(0)
      const suggestion = row.locator('.mt li.mt-suggestion').first()
      await suggestion.waitFor()
      expect(await suggestion.locator('.mt-engine').textContent()).toBe('Machine translation, libre')
      expect(await suggestion.locator('.mt-target').textContent()).toBe('THE FERRY LEAVES AT NOON.')
      // The engine that is down: said once, with its reason; the editor works on.
      expect(await row.locator('.mt-errors li').allTextContents()).toEqual([
        'Machine translation unavailable (down): unreachable (connection refused)',
      ])
      expect(await axeViolations(page)).toEqual([])

      await page.keyboard.press('Control+Shift+1')
      const area = row.locator('textarea')
      expect(await area.inputValue()).toBe('THE FERRY LEAVES AT NOON.')
      expect(await row.getAttribute('data-state')).toBe('initial')
      await page.keyboard.press('Control+Enter')
      await page.locator('.seg[data-state="translated"]').first().waitFor()
      const units = await server.store.listUnits('en-mt-01')
      const first = await server.store.getTranslation('en-mt-01', units[0]!.id, 'sv')
      expect(first.text).toBe('THE FERRY LEAVES AT NOON.')
      expect((await server.store.history('en-mt-01', units[0]!.id, 'sv')).map((h) => h.origin)).toEqual([
        { kind: 'mt', engine: 'libre' },
      ])

      // The next row is active now: its own suggestion, taken with a click, edited, then saved.
      const next = page.locator('.seg').nth(1)
      const use = next.locator('.mt li.mt-suggestion button.mt-use').first()
      await use.waitFor()
      expect(await next.locator('.mt-target').first().textContent()).toBe('TICKETS ARE SOLD ON BOARD.')
      await use.click()
      const area2 = next.locator('textarea')
      expect(await area2.inputValue()).toBe('TICKETS ARE SOLD ON BOARD.')
      // The taken suggestion lives in the draft: a reload keeps both text and origin.
      await page.reload()
      await next.locator('textarea').waitFor()
      expect(await area2.inputValue()).toBe('TICKETS ARE SOLD ON BOARD.')
      await area2.fill('Biljetter säljs ombord.')
      await page.keyboard.press('Control+Enter')
      await page.locator('.seg[data-state="translated"]').nth(1).waitFor()
      expect((await server.store.history('en-mt-01', units[1]!.id, 'sv')).map((h) => [h.newText, h.origin])).toEqual([
        ['Biljetter säljs ombord.', { kind: 'mt', engine: 'libre', edited: true }],
      ])
    } finally {
      await b.close()
    }
  })

  it('drops a late answer for a row the translator has left, and never holds up typing', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      const [slow] = await server.store.listUnits('en-mt-02')
      const slowAnswer = page.waitForResponse((r) => r.url().endsWith(`/${slow!.id}/suggestions`))
      await page.goto(`${server.url}/edit/en-mt-02/sv`)
      await page.waitForRequest((r) => r.url().endsWith(`/${slow!.id}/suggestions`))
      // Typing while the engine is asked: the field takes it at once.
      await page.keyboard.type('Färjan')
      expect(await page.locator('.seg').nth(0).locator('textarea').inputValue()).toBe('Färjan')
      await page.keyboard.press('Alt+ArrowDown')
      const next = page.locator('.seg').nth(1)
      await next.locator('.mt li.mt-suggestion').first().waitFor()
      expect(await next.locator('.mt-target').allTextContents()).toEqual(['THE CAFÉ IS OPEN.'])
      // The first row's answer (its engine late) comes now: it lands nowhere.
      expect((await slowAnswer).status()).toBe(200)
      await page.evaluate('new Promise((r) => setTimeout(r, 100))')
      expect(await page.locator('.mt').count()).toBe(1)
      expect(await next.locator('.mt-target').allTextContents()).toEqual(['THE CAFÉ IS OPEN.'])
      expect(await next.locator('.mt-errors li').allTextContents()).toEqual([
        'Machine translation unavailable (down): unreachable (connection refused)',
      ])
    } finally {
      await b.close()
    }
  })
})
