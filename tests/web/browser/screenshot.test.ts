import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { importText } from '../../../src/import/import-text.js'
import { SEEDS_DIR } from '../../../src/import/load-seeds.js'
import { itWith } from '../../tools/need.js'
import { launch, signIn, startTestServer } from './_browser.js'

/** A screenshot for the docs with `UPDATE_SCREENSHOT=1`, else into the temp folder. */
async function save(page: Page, name: string): Promise<void> {
  const file =
    process.env.UPDATE_SCREENSHOT === '1' ? path.join('docs', name) : path.join(os.tmpdir(), `tolk-${name}`)
  await page.screenshot({ path: file, fullPage: false })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
}

/**
 * Renders the editor with some work done (translated, reviewed, stale, a hint) and takes
 * screenshots at 1280×800 and 390×844; `UPDATE_SCREENSHOT=1` writes them to docs/ for docs/editor.md.
 */
itWith(['chromium'], 'renders the editor for the README screenshot', { timeout: 60_000 }, async () => {
  const server = await startTestServer({
    ana: [
      { role: 'translator', langs: ['sv'] },
      { role: 'reviewer', langs: ['sv'] },
    ],
  })
  const b = await launch()
  try {
    const { store } = server
    const id = 'sv-general-01'
    const units = await store.listUnits(id)
    const texts = [
      ['HTS-toppmötet: Ett års planering bakom blixtoffensiven i Syrien', 'reviewed'],
      [
        'Det var redan efter att rebellerna lidit svåra förluster i strider med den syriska armén 2019 som HTS insåg behovet av att organisera de olika rebellgrupperna.',
        'translated',
      ],
      [
        '– Det grundläggande problemet var bristen på ett enat ledarskap, säger Abu Hassan al-Hamwi, chef för HTS militära gren, i en längre intervju med The Guardian.',
        'translated',
      ],
      ['Tillverkade egna vapen  och drönare.', 'translated'],
    ] as const
    for (const [i, [text, state]] of texts.entries()) {
      await store.writeTranslation({
        articleId: id,
        unitId: units[i]?.id as string,
        lang: 'sv',
        text,
        state,
        ifVersion: 0,
        author: i === 0 ? 'rev' : 'ana',
      })
    }
    // An edited source turns the second segment stale, with the old text kept for the diff.
    const source = fs.readFileSync(path.join(SEEDS_DIR, 'sv-general-01.txt'), 'utf8')
    await importText(store, {
      id,
      tag: 'sv-general',
      lang: 'en',
      targets: ['sv', 'de'],
      text: source.replace('heavy losses in battles', 'severe losses in fights'),
    })
    const { page } = b
    await page.setViewportSize({ width: 1280, height: 800 })
    await signIn(page, server.url, 'ana')
    await page.goto(`${server.url}/edit/${id}/sv?active=${units[4]?.id}`)
    await page.keyboard.type('HTS lyckades så småningom stärka sin position i nordvästra Syrien.')
    await page.keyboard.press('Control+Enter')
    await page.locator(`.seg.active[data-unit="${units[5]?.id}"]`).waitFor()
    await page.evaluate('window.scrollTo(0, 0)')
    await save(page, 'editor.png')
    // The phone: the stale segment active, its diff in the row and its tools under it.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/edit/${id}/sv?active=${units[1]?.id}`)
    await page.locator('.seg.active .panel').waitFor()
    await page.evaluate('window.scrollTo(0, 0)')
    await save(page, 'editor-phone.png')
  } finally {
    await b.close()
    await server.close()
  }
})
