import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWith } from '../../tools/need.js'
import { axeViolations, launch, signIn, startTestServer } from './_browser.js'

const ID = 'sv-general-01'
const EDIT = `/edit/${ID}/sv`
let server: Awaited<ReturnType<typeof startTestServer>>

describeWith(['chromium'], 'comments and queries in Chromium', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({
      ana: [{ role: 'translator', langs: ['sv'] }],
      rev: [{ role: 'reviewer', langs: ['sv'] }],
    })
  })
  afterAll(async () => server?.close())

  it('a query asked in one browser and answered in another: the count, the thread and the notification follow live', async () => {
    const [a, r] = [await launch(), await launch()]
    try {
      // A script error anywhere (the panel's own code meeting the comment forms) fails the test.
      const errors: string[] = []
      for (const p of [a.page, r.page]) p.on('pageerror', (e) => errors.push(e.message))
      await signIn(a.page, server.url, 'ana')
      await signIn(r.page, server.url, 'rev')
      const unit = (await server.store.listUnits(ID))[2]!.id
      const at = `${server.url}${EDIT}?active=${unit}`
      // Both have the segment open; Ana asks about its source.
      await a.page.goto(at)
      await r.page.goto(at)
      expect(await a.page.locator('#unread-count').textContent()).toBe('0')
      await a.page.locator('#comment-text').fill('Which summit is meant here?')
      await a.page.locator('#comment-kind').selectOption('query')
      await a.page.locator('#comment-scope').selectOption('source')
      await a.page.locator('.comment-form button[type=submit]').click()
      await a.page.locator('#comments .query-state.is-open').waitFor()
      // Posting a comment saves nothing of the segment.
      expect((await server.store.getTranslation(ID, unit, 'sv')).version).toBe(0)

      // Rev sees it arrive without a reload: the row's count and the thread in the panel.
      const rRow = r.page.locator(`.seg[data-unit="${unit}"]`)
      await rRow.locator('.ccount', { hasText: '1' }).waitFor()
      await r.page.locator('#comments .comment-text', { hasText: 'Which summit is meant here?' }).waitFor()
      expect(await r.page.locator('#comments .query-state').textContent()).toMatch(/open/)
      // Rev answers in the thread.
      await r.page.locator('#comments .reply-form input[type=text]').fill('The HTS summit of <2024> & after.')
      await r.page.locator('#comments .reply-form button[type=submit]').click()
      await r.page.locator('#comments .comment.reply').waitFor()

      // Ana: the count, the answer (escaped, shown as text) and the unread notification, all live.
      const aRow = a.page.locator(`.seg[data-unit="${unit}"]`)
      await aRow.locator('.ccount', { hasText: '2' }).waitFor()
      await a.page.locator('#comments .comment.reply .comment-text', { hasText: 'The HTS summit of <2024> & after.' }).waitFor()
      await a.page.locator('#unread-count', { hasText: '1' }).waitFor()
      expect(await a.page.locator('#comments .query-state').textContent()).toMatch(/answered/)

      // Rev resolves the query; Ana's panel says so.
      await r.page.locator('#comments .resolve-form button').click()
      await a.page.locator('#comments .query-state', { hasText: 'resolved by rev' }).waitFor()
      expect(await server.store.comments.openQueries(ID)).toEqual({})

      // Ana opens the notification from her list: it is read, and she is at the segment.
      await a.page.goto(`${server.url}/notifications`)
      expect(await a.page.locator('.notification.unread .what').textContent()).toBe(`rev answered a query on a segment of ${ID}`)
      expect(await axeViolations(a.page)).toEqual([])
      await Promise.all([a.page.waitForURL(/\/edit\//), a.page.locator('.notification.unread button').click()])
      expect(new URL(a.page.url()).searchParams.get('active')).toBe(unit)
      expect(await a.page.locator('#unread-count').textContent()).toBe('0')
      expect(await axeViolations(a.page)).toEqual([])
      // Moving on with the keys keeps the panel's code whole: the next row's thread is read.
      await a.page.keyboard.press('Alt+ArrowDown')
      await a.page.locator('#comments .none').waitFor()
      expect(errors).toEqual([])
      if (process.env.TOLK_SCREENSHOTS) {
        await a.page.screenshot({ path: `${process.env.TOLK_SCREENSHOTS}/comments-1280.png` })
        await a.page.setViewportSize({ width: 390, height: 844 })
        await a.page.locator('#comments').scrollIntoViewIfNeeded()
        await a.page.screenshot({ path: `${process.env.TOLK_SCREENSHOTS}/comments-390.png` })
      }
    } finally {
      await a.close()
      await r.close()
    }
  })

  it('works without the script: a form posts a comment and comes back to the segment', async () => {
    const b = await launch({ javaScriptEnabled: false })
    try {
      await signIn(b.page, server.url, 'rev')
      const unit = (await server.store.listUnits(ID))[4]!.id
      await b.page.goto(`${server.url}${EDIT}?filter=all&page=1&active=${unit}`)
      await b.page.locator('#comment-text').fill('Keep "toppmöte" here, @ana.')
      await Promise.all([b.page.waitForURL(/#comments$/), b.page.locator('.comment-form button[type=submit]').click()])
      await b.page.locator('#comments .comment-text', { hasText: 'Keep "toppmöte" here, @ana.' }).waitFor()
      expect(await b.page.locator(`.seg[data-unit="${unit}"] .ccount`).textContent()).toContain('1')
      // The open-queries filter lists only segments with an open query (none is open now).
      await b.page.goto(`${server.url}${EDIT}?filter=queries`)
      expect(await b.page.locator('.seg').count()).toBe(0)
      expect((await server.store.notifications.list('ana')).notifications.map((n) => n.kind)).toContain('mention')
    } finally {
      await b.close()
    }
  })
})
