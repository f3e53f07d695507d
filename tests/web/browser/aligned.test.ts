import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import { itWith } from '../../tools/need.js'
import { launch, signIn, startTestServer } from './_browser.js'

/**
 * The editor after `tolk align`: the aligner's confidence shows under each aligned target, the
 * unsure ones marked, at 1280 px and at 390 px (screenshots into the temp folder).
 */
itWith(['chromium'], 'shows aligned confidences in the editor, wide and narrow', { timeout: 60_000 }, async () => {
  const server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] })
  const b = await launch()
  try {
    const { store } = server
    const id = 'sv-general-01'
    const units = await store.listUnits(id)
    await store.aligned.write({
      articleId: id, lang: 'sv', author: 'align:ana',
      texts: [
        { unitId: units[0]!.id, text: 'HTS-toppmötet: Ett års planering bakom blixtoffensiven i Syrien', state: 'translated', confidence: 0.98 },
        { unitId: units[1]!.id, text: 'Det var redan efter att rebellerna lidit svåra förluster som HTS insåg behovet av att organisera rebellgrupperna, och planeringen började.', state: 'initial', confidence: 0.46 },
        { unitId: units[2]!.id, text: '', state: 'initial', confidence: 0.46 },
      ],
    })
    const { page } = b
    await signIn(page, server.url, 'ana')
    await page.goto(`${server.url}/edit/${id}/sv`)
    const marks = page.locator('p.aligned')
    await expect.poll(() => marks.count()).toBe(3)
    expect(await marks.first().textContent()).toBe('aligned 98%')
    expect(await page.locator('p.aligned.unsure').count()).toBe(2)
    await page.screenshot({ path: path.join(os.tmpdir(), 'tolk-aligned-1280.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/edit/${id}/sv?filter=all&page=1&active=${units[1]!.id}`)
    expect(await page.locator(`#u-${units[1]!.id} p.aligned`).isVisible()).toBe(true)
    await page.screenshot({ path: path.join(os.tmpdir(), 'tolk-aligned-390.png') })
    // The translator saves the draft: the text is theirs, and its mark goes without a reload.
    await page.locator(`#u-${units[1]!.id} textarea`).fill('Det var redan efter de svåra förlusterna 2019 som HTS insåg behovet.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.locator(`#u-${units[1]!.id} p.aligned`).count()).toBe(0)
    await expect.poll(async () => (await store.getTranslation(id, units[1]!.id, 'sv')).version).toBe(2)
  } finally {
    await b.close()
    await server.close()
  }
})
