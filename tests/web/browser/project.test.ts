import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const MD = '# Harbour news\n\nThe *boats* are back in the harbour. The fish is fresh today.\n\n- Cod\n- Herring\n'
let server: Awaited<ReturnType<typeof startTestServer>>

/** A screenshot of the whole page into the temp folder (docs/ with `UPDATE_SCREENSHOT=1`). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOT === '1' ? 'docs' : path.join(os.tmpdir(), 'tolk-project-shots')
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
}

describeWith(['chromium'], 'the project from the browser, in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      boss: [{ role: 'admin', langs: [] }],
      ana: [{ role: 'translator', langs: ['sv'] }],
    })
  })
  afterAll(async () => server?.close())

  it('uploads a Markdown file, translates one segment and downloads the XLIFF with it', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'boss')
      await page.getByRole('link', { name: 'Manage articles' }).click()
      await page.locator('#f-file').setInputFiles({ name: 'en-news-01.md', mimeType: 'text/markdown', buffer: Buffer.from(MD) })
      await page.locator('#f-targets').fill('sv')
      await page.locator('#f-lang').fill('en')
      await Promise.all([page.waitForURL(/\/articles\/en-news-01\?done=imported$/), page.getByRole('button', { name: 'Import' }).click()])
      expect(await page.locator('[role=status]').textContent()).toBe('en-news-01 is imported.')
      expect((await server.store.getArticle('en-news-01'))?.format).toBe('md')

      await page.getByRole('link', { name: 'Translate into Swedish' }).click()
      await page.locator('.seg.active textarea').waitFor()
      await page.keyboard.type('Hamnnyheter')
      await page.keyboard.press('Control+Enter')
      await page.locator('.seg[data-state="translated"]').first().waitFor()

      await page.goto(`${server.url}/articles/en-news-01`)
      const link = page.getByRole('link', { name: 'XLIFF 1.2 (Swedish)' })
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      expect(download.suggestedFilename()).toBe('en-news-01.sv.xlf')
      const file = fs.readFileSync(await download.path(), 'utf8')
      expect(file).toContain('<xliff')
      expect(file).toMatch(/<target[^>]*>Hamnnyheter<\/target>/)
    } finally {
      await b.close()
    }
  })

  it('has no serious accessibility fault on the new pages, in English and Swedish, at 1280 and 390 px', async () => {
    await server.store.accounts.addToken('ana', 'f'.repeat(64), null)
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'boss')
      const pages: [string, string][] = [
        ['dashboard', '/?sort=progress&mine=1'],
        ['dashboard-filtered', '/?tag=nonsense'],
        ['articles', '/articles'],
        ['article', '/articles/sv-general-01'],
        ['people', '/people'],
        ['person', '/people/ana'],
      ]
      for (const ui of ['en', 'sv']) {
        if (ui === 'sv') {
          await page.locator('#ui-lang').selectOption('sv')
          await Promise.all([page.waitForLoadState('load'), page.locator('form.lang button').click()])
        }
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
          for (const [name, url] of pages) {
            await page.goto(`${server.url}${url}`)
            expect(await axeViolations(page), `${name} ${ui} ${width}`).toEqual([])
            if (ui === 'en') await shot(page, `${name}-${width}`)
          }
        }
      }
      // The preview of a new version.
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto(`${server.url}/articles/sv-general-01`)
      const source = (await server.store.getArticle('sv-general-01'))?.source as string
      await page.locator('#f-text').fill(`${source}\n\nOne more sentence at the end.\n`)
      await Promise.all([page.waitForURL(/reimport$/), page.locator('#reimport ~ form button[type=submit], section[aria-labelledby=reimport] button[type=submit]').first().click()])
      expect(await axeViolations(page)).toEqual([])
      await shot(page, 'reimport-preview-1280')
      // The no-script conflict page: a plain form post of a text made from an older version.
      const unit = (await server.store.listUnits('sv-general-01'))[4]?.id as string
      const write = (text: string, ifVersion: number) =>
        server.store.writeTranslation({ articleId: 'sv-general-01', unitId: unit, lang: 'sv', text, state: 'translated', ifVersion, author: 'ana' })
      const v1 = await write('Katten satt på mattan i går.', 0)
      await write('Fågeln satt på mattan i dag.', v1.version)
      await page.evaluate(`(() => {
        const f = document.createElement('form')
        f.method = 'post'
        f.action = '/edit/sv-general-01/sv/${unit}?filter=all'
        for (const [k, v] of Object.entries({ _csrf: document.body.dataset.csrf, text: 'Hunden satt på mattan i går.', version: '${v1.version}', state: 'translated' })) {
          const i = document.createElement('input')
          i.type = 'hidden'; i.name = k; i.value = v
          f.append(i)
        }
        document.body.append(f)
        f.submit()
      })()`)
      await page.locator('fieldset.choose-place').waitFor()
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
        expect(await axeViolations(page), `conflict ${width}`).toEqual([])
      }
      await shot(page, 'conflict-390')
    } finally {
      await b.close()
    }
  })

  it('settles a conflict without the script, with the merge ready and the overlapping place to choose', async () => {
    const b = await launch({ javaScriptEnabled: false })
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      const unit = (await server.store.listUnits('sv-general-01'))[2]?.id as string
      const write = (text: string, ifVersion: number) =>
        server.store.writeTranslation({ articleId: 'sv-general-01', unitId: unit, lang: 'sv', text, state: 'translated', ifVersion, author: 'boss' })
      const v1 = await write('Katten satt på mattan i går.', (await server.store.getTranslation('sv-general-01', unit, 'sv')).version)
      await page.goto(`${server.url}/edit/sv-general-01/sv?filter=all&active=${unit}`)
      await page.locator('.seg.active textarea').fill('Hunden satt på mattan i går.')
      await write('Fågeln satt på mattan i dag.', v1.version)
      await page.locator('.seg.active button.save').click()
      await page.locator('fieldset.choose-place').waitFor()
      // (axe needs the script: the a11y test above checks this page.)
      await shot(page, 'conflict-no-script-1280')
      await page.getByText('Yours: Hunden').click()
      expect(await page.locator('input[name=choice-1][value=mine]').isChecked()).toBe(true)
      await Promise.all([page.waitForURL(/#u-/), page.getByRole('button', { name: 'Save merged text' }).click()])
      expect((await server.store.getTranslation('sv-general-01', unit, 'sv')).text).toBe('Hunden satt på mattan i dag.')
    } finally {
      await b.close()
    }
  })
})
