import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const ID = 'sv-general-01'
const EDIT = `/edit/${ID}/sv`
let server: Awaited<ReturnType<typeof startTestServer>>

/** A unit of the seed with a first translation by ana: the base both colleagues start from. */
async function based(n: number, text: string): Promise<string> {
  const unit = (await server.store.listUnits(ID))[n]?.id as string
  await server.store.writeTranslation({
    articleId: ID,
    unitId: unit,
    lang: 'sv',
    text,
    state: 'translated',
    ifVersion: 0,
    author: 'ana',
  })
  return unit
}

/**
 * Ana and rev, each in a browser of their own, open the unit; both edit it, rev saves first,
 * then ana's save meets the conflict.
 */
async function race(n: number, texts: { base: string; mine: string; theirs: string }) {
  const [ab, rb] = [await launch(), await launch()]
  const [a, r] = [ab.page, rb.page]
  await signIn(a, server.url, 'ana')
  await signIn(r, server.url, 'rev')
  const unit = await based(n, texts.base)
  const { mine, theirs } = texts
  for (const p of [a, r]) await p.goto(`${server.url}${EDIT}?active=${unit}`)
  await a.locator('.seg.active textarea').fill(mine)
  await r.locator('.seg.active textarea').fill(theirs)
  await r.locator('.seg.active textarea').press('Control+Enter')
  await r.locator(`.seg:not(.active)[data-unit="${unit}"][data-version="2"]`).waitFor()
  await a.locator('.seg.active textarea').press('Control+Enter')
  const box = a.locator('.conflict-box')
  await box.locator('.versions').waitFor()
  return { a: ab, r: rb, unit, box }
}

describeWith(['chromium'], 'the three-way merge in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      rev: [{ role: 'reviewer', langs: ['sv'] }],
    })
  })
  afterAll(async () => server?.close())

  it('merges two edits of different words and saves both', async () => {
    const { a, r, unit, box } = await race(3, {
      base: 'Tog fram egna vapen och drönare.',
      mine: 'Tillverkade egna vapen och drönare.',
      theirs: 'Tog fram egna vapen och obemannade drönare.',
    })
    try {
      // Base, mine and theirs, each against the base; the merge holds both changes.
      expect(await box.locator('.base').textContent()).toBe('Tog fram egna vapen och drönare.')
      expect(await box.locator('.mine del').allTextContents()).toEqual(['Tog fram'])
      expect(await box.locator('.mine ins').allTextContents()).toEqual(['Tillverkade'])
      expect(await box.locator('.theirs ins').allTextContents()).toEqual(['obemannade '])
      expect(await box.locator('.merged').textContent()).toBe(
        'Tillverkade egna vapen och obemannade drönare.',
      )
      expect(await box.locator('.choose').count()).toBe(0)
      expect(await axeViolations(a.page)).toEqual([])
      // Nothing to choose: "Save merged text" has the focus, and Enter saves it over theirs.
      await a.page.keyboard.press('Enter')
      await a.page.locator(`.seg[data-unit="${unit}"][data-version="3"]`).waitFor()
      expect(await server.store.getTranslation(ID, unit, 'sv')).toMatchObject({
        text: 'Tillverkade egna vapen och obemannade drönare.',
        author: 'ana',
        version: 3,
      })
      expect((await server.store.history(ID, unit, 'sv')).map((h) => h.newText)).toEqual([
        'Tog fram egna vapen och drönare.',
        'Tog fram egna vapen och obemannade drönare.',
        'Tillverkade egna vapen och obemannade drönare.',
      ])
    } finally {
      await a.close()
      await r.close()
    }
  })

  it('marks the words both changed, and saves nothing until a side is chosen there', async () => {
    const { a, r, unit, box } = await race(5, {
      base: 'Dessutom byggde de egna drönare.',
      mine: 'Dessutom tillverkade de egna drönare!',
      theirs: 'Dessutom konstruerade de egna drönare.',
    })
    try {
      const place = box.locator('.choose')
      expect(await place.count()).toBe(1)
      expect(await place.locator('.pick-mine').textContent()).toBe('Yours: tillverkade')
      expect(await place.locator('.pick-theirs').textContent()).toBe('Theirs: konstruerade')
      // Saving is blocked, by the buttons and by the key, and says why.
      expect(await box.locator('button.save-merged').isDisabled()).toBe(true)
      expect(await a.page.locator('#panel button.save').isDisabled()).toBe(true)
      await a.page.locator('.seg.active textarea').press('Control+Enter')
      expect(await a.page.locator('.panel .status.failed').textContent()).toBe(
        'Choose a side at the marked place first.',
      )
      expect(await axeViolations(a.page)).toEqual([])
      await box.screenshot({ path: path.join(os.tmpdir(), 'tolk-merge.png') })
      // Their word, and my other change: the merged text is in the field, then saved.
      await place.locator('.pick-theirs').click()
      expect(await a.page.locator('.seg.active textarea').inputValue()).toBe(
        'Dessutom konstruerade de egna drönare!',
      )
      await box.locator('button.save-merged').click()
      await a.page.locator(`.seg[data-unit="${unit}"][data-version="3"]`).waitFor()
      expect((await server.store.getTranslation(ID, unit, 'sv')).text).toBe(
        'Dessutom konstruerade de egna drönare!',
      )
    } finally {
      await a.close()
      await r.close()
    }
  })
})
