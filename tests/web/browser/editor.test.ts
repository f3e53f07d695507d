import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const EDIT = '/edit/sv-general-01/sv'
let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], 'the editor in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      rev: [{ role: 'reviewer', langs: ['sv'] }],
    })
  })
  afterAll(async () => server?.close())

  it('lets a translator translate three segments with the keyboard only, and keeps them over a reload', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      expect(await axeViolations(page)).toEqual([])
      await page.goto(`${server.url}${EDIT}`)
      expect(await page.locator('#progress').getAttribute('value')).toBe('0')
      const texts = [
        'HTS-toppmötet: Ett års planering bakom blixtoffensiven i Syrien',
        'Det var redan efter 2019 som HTS insåg behovet.',
        'Det grundläggande problemet var bristen på enat ledarskap.',
      ]
      for (const [i, text] of texts.entries()) {
        await page.keyboard.type(text)
        await page.keyboard.press('Control+Enter')
        // Saved, and the next segment is the active one, with the focus in its text field.
        await page.locator('.seg[data-state="translated"]').nth(i).waitFor()
        await page.locator('.seg').nth(i + 1).and(page.locator('.active')).waitFor()
      }
      expect(await page.locator('#progress').getAttribute('value')).toBe('3')
      // A draft not yet saved survives the reload too.
      await page.keyboard.type('Ett utkast')
      expect(await axeViolations(page)).toEqual([])
      await page.reload()
      // The address names the active row, so the reload opens it again, draft and all.
      const rows = page.locator('.seg')
      for (const [i, text] of texts.entries())
        expect(await rows.nth(i).locator('.target').textContent()).toBe(text)
      expect(await rows.nth(3).locator('textarea').inputValue()).toBe('Ett utkast')
      expect(await rows.nth(3).locator('.panel .status').textContent()).toBe(
        'An unsaved draft was restored.',
      )
      // Moving away keeps the draft, shown in its row and marked as not saved.
      await page.keyboard.press('Alt+ArrowDown')
      expect(await rows.nth(3).locator('.target.draft').textContent()).toBe('Ett utkast')
      expect(await rows.nth(3).locator('.draft-mark').textContent()).toBe('unsaved draft')
      expect(await page.evaluate("document.getElementById('progress').value")).toBe(3)
      expect(await page.locator('#progress-text').textContent()).toMatch(/^3 of \d+ segments done$/)
      const saved = await server.store.listTranslations('sv-general-01', 'sv')
      expect(saved.slice(0, 3).map((t) => [t.text, t.author])).toEqual(texts.map((t) => [t, 'ana']))
    } finally {
      await b.close()
    }
  })

  it('shows the conflict choice to the second of two people saving the same segment', async () => {
    const [a, r] = [await launch(), await launch()]
    try {
      await signIn(a.page, server.url, 'ana')
      await signIn(r.page, server.url, 'rev')
      const unit = (await server.store.listUnits('sv-general-01'))[5]?.id as string
      await a.page.goto(`${server.url}${EDIT}?filter=all&active=${unit}`)
      await r.page.goto(`${server.url}${EDIT}?filter=all&active=${unit}`)
      const row = (p: typeof a.page) => p.locator('.seg').nth(5)
      await row(a.page).locator('textarea').fill('Anas version.')
      await row(r.page).locator('textarea').fill('Revs version.')
      await row(a.page).locator('textarea').press('Control+Enter')
      await row(a.page).and(a.page.locator('[data-state="translated"]')).waitFor()
      await row(r.page).locator('textarea').press('Control+Enter')
      const box = row(r.page).locator('.conflict-box')
      await box.waitFor()
      expect(await box.locator('.theirs').textContent()).toBe('Anas version.')
      expect(await box.locator('.mine').textContent()).toBe('Revs version.')
      // Both wrote a first version: one place to choose. "Keep mine" saves over Ana's version.
      expect(await box.locator('.choose').count()).toBe(1)
      await box.locator('button.keep-mine').click()
      await row(r.page).locator('.status.ok').waitFor()
      const t = await server.store.getTranslation('sv-general-01', unit, 'sv')
      expect(t).toMatchObject({ text: 'Revs version.', author: 'rev' })
      expect(
        (await server.store.history('sv-general-01', unit, 'sv')).map((h) => h.newText),
      ).toEqual(['Anas version.', 'Revs version.'])
      // A reviewer confirms with Ctrl+Shift+Enter: saved as reviewed.
      await row(r.page).locator('textarea').press('Control+Shift+Enter')
      await r.page.waitForFunction(
        (u) =>
          (
            globalThis as unknown as {
              document: {
                getElementById: (id: string) => { dataset: Record<string, string> } | null
              }
            }
          ).document.getElementById(`u-${u}`)?.dataset.state === 'reviewed',
        unit,
      )
      expect(await server.store.getTranslation('sv-general-01', unit, 'sv')).toMatchObject({
        state: 'reviewed',
        author: 'rev',
      })
    } finally {
      await a.close()
      await r.close()
    }
  })

  it('moves with Alt+arrows, copies the source, inserts tokens and warns about a lost one', async () => {
    const { importText } = await import('../../../src/import/import-text.js')
    await importText(server.store, {
      id: 'en-docs-01',
      tag: 'en-docs',
      lang: 'en',
      targets: ['sv'],
      text: 'Hello {{name}}, open [the guide](/guide).\n\nRun `npm ci` first.\n',
    })
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}/edit/en-docs-01/sv`)
      const rows = page.locator('.seg')
      // Focus starts in the first open segment; Alt+Down and Alt+Up move between rows.
      await page.keyboard.press('Alt+ArrowDown')
      await page.keyboard.press('Alt+c')
      expect(await rows.nth(1).locator('textarea').inputValue()).toBe('Run `npm ci` first.')
      await page.keyboard.press('Alt+ArrowUp')
      await page.keyboard.type('Hej ')
      await page.keyboard.press('Alt+1')
      // While typing, the link target not yet in the translation is named.
      expect(await rows.nth(0).locator('.lost').textContent()).toBe(
        'Missing or changed token: ](/guide)',
      )
      await page.keyboard.type(', öppna guiden.')
      expect(await rows.nth(0).locator('textarea').inputValue()).toBe('Hej {{name}}, öppna guiden.')
      await page.keyboard.press('Control+Enter')
      await rows.nth(0).and(page.locator('[data-state="translated"]')).waitFor()
      // The hints are in the panel of the active row: back to the one just saved.
      await page.keyboard.press('Alt+ArrowUp')
      const hints = await rows.nth(0).locator('.hints li span').allTextContents()
      expect(hints).toEqual(['Missing or changed token: ](/guide)'])
      // Dismissed hints stay dismissed for that segment over a reload: the server keeps them.
      const dismissed = page.waitForResponse((r) => r.url().endsWith('/qa/dismiss') && r.status() === 200)
      await rows.nth(0).locator('.hints button.dismiss').press('Enter')
      await dismissed
      await page.reload()
      expect(await rows.nth(0).locator('.hints li').getAttribute('class')).toBe('dismissed')
      expect(await rows.nth(0).locator('.hints li').isVisible()).toBe(false)
    } finally {
      await b.close()
    }
  })

  it('keeps a failed save on screen with the reason', async () => {
    const b = await launch()
    try {
      const { page, context } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?filter=untranslated`)
      await context.clearCookies()
      await page.keyboard.type('Inte sparad')
      await page.keyboard.press('Control+Enter')
      const status = page.locator('.seg').first().locator('.status.failed')
      await status.waitFor()
      expect(await status.textContent()).toMatch(/^Not saved: /)
      expect(await page.locator('.seg').first().locator('textarea').inputValue()).toBe(
        'Inte sparad',
      )
    } finally {
      await b.close()
    }
  })

  it('works without JavaScript: a segment form posts and comes back to its row', async () => {
    const b = await launch({ javaScriptEnabled: false })
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.goto(`${server.url}${EDIT}?filter=untranslated`)
      const row = page.locator('.seg').first()
      const unit = (await row.getAttribute('data-unit')) as string
      await row.locator('textarea').fill('Utan skript.')
      const next = (await page.locator('.seg').nth(1).getAttribute('data-unit')) as string
      await Promise.all([page.waitForURL(/#u-/), row.locator('button.save').click()])
      // Back with the next segment that needs work active.
      expect(page.url()).toBe(`${server.url}${EDIT}?filter=untranslated&page=1&active=${next}#u-${unit}`)
      expect((await server.store.getTranslation('sv-general-01', unit, 'sv')).text).toBe(
        'Utan skript.',
      )
      expect(await page.locator('.seg.active').getAttribute('data-unit')).toBe(next)
      // The copy button needs the script, so it stays hidden without it.
      expect(await page.locator('button.copy').first().isVisible()).toBe(false)
      // A click on another row is a link that renders the page with that row active.
      const other = page.locator('.seg').nth(3)
      const id = (await other.getAttribute('data-unit')) as string
      await Promise.all([page.waitForURL(new RegExp(`active=${id}`)), other.click()])
      expect(await page.locator('.seg.active').getAttribute('data-unit')).toBe(id)
      expect(await page.locator('textarea').count()).toBe(1)
    } finally {
      await b.close()
    }
  })

  it('switches the interface to Swedish', async () => {
    const b = await launch()
    try {
      const { page } = b
      await signIn(page, server.url, 'ana')
      await page.selectOption('#ui-lang', 'sv')
      await Promise.all([
        page.waitForURL(`${server.url}/`),
        page.locator('form.lang button').press('Enter'),
      ])
      expect(await page.getAttribute('html', 'lang')).toBe('sv')
      expect(await page.locator('h1').textContent()).toBe('Artiklar')
      expect(await page.locator('form.signout button').textContent()).toBe('Logga ut')
      await page.goto(`${server.url}${EDIT}`)
      expect(await page.locator('#progress-text').textContent()).toMatch(/av \d+ segment klara/)
    } finally {
      await b.close()
    }
  })
})
