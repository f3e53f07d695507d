/**
 * The find-and-replace page in Chromium: preview, apply and undo, at 1280 px without JavaScript
 * (forms alone) and at 390 px with it and no serious axe violations; screenshots in the temp folder.
 */
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

let server: Awaited<ReturnType<typeof startTestServer>>
const ID = 'en-news-01'

describeWith(['chromium'], 'find and replace in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ ana: [{ role: 'translator', langs: ['sv'] }] })
    await importText(server.store, {
      id: ID, tag: 'en-news', lang: 'en', targets: ['sv'],
      text: 'The ferries cross the river at noon. The river is wide. The ferry is late.\n',
    })
    const units = await server.store.listUnits(ID)
    const sv = ['Färjorna korsar floden vid middagstid.', 'Floden är bred.', 'Färjan är sen.']
    for (const [i, text] of sv.entries()) {
      await server.store.writeTranslation({ articleId: ID, unitId: units[i]!.id, lang: 'sv', text, state: 'translated', author: 'ana' })
    }
  })
  afterAll(async () => {
    await server?.close()
  })

  // Without JavaScript at 1280 px (forms alone); with it at 390 px, where axe-core can run.
  for (const [width, script] of [[1280, false], [390, true]] as const) {
    it(`previews, applies and undoes a regex replace at ${width} px${script ? '' : ' with forms alone'}`, async () => {
      const b = await launch({ javaScriptEnabled: script })
      try {
        const { page } = b
        await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 })
        await signIn(page, server.url, 'ana')
        await page.goto(`${server.url}/edit/${ID}/sv/batch`)
        await page.getByLabel('Find', { exact: true }).fill('([Ff])lod(en)')
        await page.getByLabel('Replace with').fill('$1jord$2')
        await page.getByLabel('Regular expression').check()
        await page.getByRole('button', { name: 'Preview' }).click()
        await expect.poll(() => page.locator('#batch-result').textContent()).toContain('2 changes, 0 skipped.')
        expect(await page.locator('.batch-changes ins').allTextContents()).toEqual(['fjorden', 'Fjorden'])
        if (script) expect(await axeViolations(page)).toEqual([])
        await page.screenshot({ path: path.join(os.tmpdir(), `tolk-batch-preview-${width}.png`), fullPage: true })
        await page.getByRole('button', { name: 'Apply 2 changes' }).click()
        await expect.poll(() => page.locator('#batch-result h2').textContent()).toBe('Applied')
        const units = await server.store.listUnits(ID)
        expect((await server.store.getTranslation(ID, units[1]!.id, 'sv')).text).toBe('Fjorden är bred.')
        await page.screenshot({ path: path.join(os.tmpdir(), `tolk-batch-applied-${width}.png`), fullPage: true })
        await page.getByRole('button', { name: 'Undo this batch' }).click()
        await expect.poll(() => page.locator('#batch-result h2').textContent()).toBe('Undone')
        expect((await server.store.getTranslation(ID, units[1]!.id, 'sv')).text).toBe('Floden är bred.')
      } finally {
        await b.close()
      }
    })
  }
})
