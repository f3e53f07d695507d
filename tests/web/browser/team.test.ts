import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { itWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

/** A screenshot into docs/ with `UPDATE_SCREENSHOT=1`, else into the temp folder. */
async function save(page: Page, name: string): Promise<void> {
  const file = process.env.UPDATE_SCREENSHOT === '1' ? path.join('docs', name) : path.join(os.tmpdir(), `tolk-${name}`)
  await page.screenshot({ path: file, fullPage: true })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
}

/**
 * A coordinator assigns the seed article to two translators through the dashboard's form, split
 * by words; one translator finds it under "My work", translates a segment, and sees the words left
 * fall; the activity page lists it all; the coordinator withdraws the other's part from the team
 * load. Screenshots at 1280 and 390 px; no serious axe finding.
 */
itWith(['chromium'], 'a coordinator splits work between two translators, who find it under My work', { timeout: 120_000 }, async () => {
  const server = await startTestServer({
    ana: [{ role: 'translator', langs: ['sv'] }],
    bo: [{ role: 'translator', langs: ['sv'] }],
    cole: [{ role: 'coordinator', langs: ['sv'] }],
  })
  const coordinator = await launch()
  const translator = await launch()
  try {
    const id = 'sv-general-01'
    const { page } = coordinator
    await signIn(page, server.url, 'cole')
    await page.locator('section.team-load').waitFor()
    await page.click('section.assign summary')
    await page.fill('#as-article', id)
    await page.fill('#as-lang', 'sv')
    await page.fill('#as-to', 'ana, bo')
    await page.check('#as-split')
    await page.fill('#as-due', '2020-12-24')
    await page.fill('#as-note', 'Första utkastet före jul.')
    await Promise.all([page.waitForURL(/\/\?assigned=/), page.click('form[action="/dashboard/assign"] button[type=submit]')])
    const done = await page.locator('.assign .done').textContent()
    expect(done).toMatch(/^Assigned: ana: segments 1-\d+; bo: segments \d+-19\.$/)
    expect(await page.locator('tr[data-load="sv ana"]').textContent()).toContain('⚠')
    expect(await axeViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 900 })
    await save(page, 'team-coordinator.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await save(page, 'team-coordinator-phone.png')

    const t = translator.page
    await signIn(t, server.url, 'ana')
    const row = t.locator('section.my-work tr[data-assignment]')
    expect(await row.count()).toBe(1)
    const before = await row.locator('td').nth(3).textContent()
    expect(await row.getAttribute('class')).toBe('overdue')
    await row.locator('a').click()
    await t.waitForURL(new RegExp(`/edit/${id}/sv`))
    await t.keyboard.type('HTS-toppmötet: Ett års planering bakom blixtoffensiven i Syrien')
    await t.keyboard.press('Control+Enter')
    await t.locator('.seg.active').nth(0).waitFor()
    await t.waitForFunction(() => true)
    // The save has landed once the store has it.
    const units = await server.store.listUnits(id)
    for (let i = 0; i < 100 && (await server.store.getTranslation(id, units[0]!.id, 'sv')).version === 0; i++) await new Promise((r) => setTimeout(r, 100))
    await t.goto(`${server.url}/`)
    const after = await t.locator('section.my-work tr[data-assignment] td').nth(3).textContent()
    const left = (s: string | null) => Number(/^(\d+)/.exec(s ?? '')?.[1])
    expect(left(after)).toBe(left(before) - units[0]!.words)
    expect(await axeViolations(t)).toEqual([])
    await t.setViewportSize({ width: 1280, height: 700 })
    await save(t, 'team-my-work.png')
    await t.setViewportSize({ width: 390, height: 844 })
    await save(t, 'team-my-work-phone.png')

    await t.goto(`${server.url}/articles/${id}/activity`)
    const items = await t.locator('ol.activity li').allTextContents()
    expect(items.some((i) => i.includes('ana saved 1 segment in Swedish'))).toBe(true)
    expect(items.some((i) => /cole assigned Swedish to bo: segments \d+-19, due 2020-12-24/.test(i))).toBe(true)
    expect(items.at(-1)).toMatch(/Revision 1 imported/)
    expect(await axeViolations(t)).toEqual([])
    await t.setViewportSize({ width: 1280, height: 700 })
    await save(t, 'team-activity.png')
    await t.setViewportSize({ width: 390, height: 844 })
    await save(t, 'team-activity-phone.png')

    // The coordinator takes bo's part back: from the team load to bo's list, one button.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.url}/`)
    await Promise.all([page.waitForURL(/\/team\/assignments\?lang=sv&user=bo$/), page.click('tr[data-load="sv bo"] a')])
    await Promise.all([page.waitForURL(/withdrawn=\d+$/), page.click('table.assignments tr[data-assignment] button')])
    expect(await page.locator('.done').textContent()).toMatch(/^Withdrawn: sv-general-01, segments \d+-19\.$/)
    expect(await page.locator('tr.withdrawn').textContent()).toMatch(/withdrawn by cole on \d{4}-\d\d-\d\d/)
    expect(await page.locator('table.assignments button').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await save(page, 'team-withdrawn.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await save(page, 'team-withdrawn-phone.png')
    await page.goto(`${server.url}/`)
    expect(await page.locator('tr[data-load="sv bo"]').count()).toBe(0)
  } finally {
    await translator.close()
    await coordinator.close()
    await server.close()
  }
})
