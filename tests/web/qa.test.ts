import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp, writeAs } from './_setup.js'

const QA = `/edit/${ARTICLE.id}/sv/qa`
const unitPath = (unit: string, action: string) => `/edit/${ARTICLE.id}/sv/${encodeURIComponent(unit)}/qa/${action}`

async function withFindings() {
  const t = await makeWebApp()
  // units: 0 Welcome, 1 The weather is fine today., 2 We walk to the harbour at 5 o'clock., …
  await writeAs(t.store, t.units[1]!, 'Vädret är fint idag')
  await writeAs(t.store, t.units[2]!, 'Vi går till hamnen klockan 6.')
  return t
}

describe('the QA page', () => {
  it('lists every finding in the interface language, linked to its row, with a dismiss form', async () => {
    const t = await withFindings()
    const ana = await t.signedIn('ana')
    const res = await ana.get(QA)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('1 errors, 1 warnings, 0 dismissed')
    expect(html).toContain('Numbers differ from the source: 5')
    expect(html).toContain('The source ends with “.”, the translation with “”')
    expect(html).toContain(`href="/edit/${ARTICLE.id}/sv?active=${t.units[2]}#u-${t.units[2]}"`)
    expect(html).toContain(`action="${unitPath(t.units[2]!, 'dismiss')}"`)
    const sv = await ana.get(`${QA}`, { 'Accept-Language': 'sv' })
    expect(await sv.text()).toMatch(/Kvalitetskontroll|Talen skiljer sig/)
  })

  it('dismisses with a reason for everyone, and the finding comes back when the text changes', async () => {
    const t = await withFindings()
    const ana = await t.signedIn('ana')
    await ana.get(QA)
    const post = await ana.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers', reason: 'the time differs in Sweden', back: QA })
    expect(post.status).toBe(303)
    expect(post.headers.get('location')).toBe(QA)
    // Another person sees it dismissed, with who and why.
    const rev = await t.signedIn('rev')
    const html = await (await rev.get(QA)).text()
    expect(html).toContain('0 errors, 1 warnings, 1 dismissed')
    expect(html).toContain('Dismissed by ana')
    expect(html).toContain(': the time differs in Sweden')
    // The editor shows the hint dismissed on that row.
    const editor = await (await rev.get(`/edit/${ARTICLE.id}/sv?active=${t.units[2]}`)).text()
    expect(editor).toContain('<li data-hint="numbers" class="dismissed">')
    // A reviewer takes it back; then dismissed again, and the text changes.
    await rev.post(unitPath(t.units[2]!, 'undismiss'), { check: 'numbers', back: QA })
    expect(await (await rev.get(QA)).text()).toContain('1 errors, 1 warnings, 0 dismissed')
    await rev.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers' }, { Accept: 'application/json' })
    await writeAs(t.store, t.units[2]!, 'Vi går till hamnen klockan 7.', { ifVersion: 1 })
    expect(await (await rev.get(QA)).text()).toContain('1 errors, 1 warnings, 0 dismissed')
  })

  it('lets only translators and reviewers of the language (and admins) dismiss', async () => {
    const t = await withFindings()
    const vic = await t.signedIn('vic')
    const page = await (await vic.get(QA)).text()
    expect(page).toContain('Numbers differ')
    expect(page).not.toContain('/qa/dismiss')
    expect((await vic.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers' })).status).toBe(403)
    const boss = await t.signedIn('boss')
    await boss.get(QA)
    expect((await boss.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers' })).status).toBe(303)
    expect(await t.store.qa.list(ARTICLE.id, 'sv')).toMatchObject([{ by: 'boss', check: 'numbers', reason: '' }])
  })

  it('refuses a post without CSRF, an unknown check or unit, a unit without translation, a bad reason, another language', async () => {
    const t = await withFindings()
    const ana = await t.signedIn('ana')
    await ana.get(QA)
    const json = { Accept: 'application/json' }
    expect((await ana.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers', _csrf: 'nope' })).status).toBe(403)
    expect((await ana.post(unitPath(t.units[2]!, 'dismiss'), { check: 'spelling' }, json)).status).toBe(400)
    expect((await ana.post(unitPath(t.units[2]!, 'dismiss'), {}, json)).status).toBe(400)
    expect((await ana.post(unitPath('nope', 'dismiss'), { check: 'numbers' }, json)).status).toBe(404)
    expect((await ana.post(unitPath(t.units[0]!, 'dismiss'), { check: 'numbers' }, json)).status).toBe(400)
    expect((await ana.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers', reason: 'x'.repeat(1001) }, json)).status).toBe(400)
    expect((await ana.post(unitPath(t.units[2]!, 'dismiss'), { check: 'numbers', reason: 'a\u0000b' }, json)).status).toBe(400)
    expect((await ana.post(`/edit/${ARTICLE.id}/de/${t.units[2]}/qa/dismiss`, { check: 'numbers' }, json)).status).toBe(403)
    expect((await ana.get(`/edit/${ARTICLE.id}/fi/qa`)).status).toBe(404)
    expect(await t.store.qa.list(ARTICLE.id, 'sv')).toEqual([])
    // Not signed in: to the sign-in page, never the findings.
    const anon = t.client()
    expect((await anon.get(QA)).status).not.toBe(200)
  })

  it('is linked from the editor and the article page', async () => {
    const t = await withFindings()
    const boss = await t.signedIn('boss')
    expect(await (await boss.get(`/edit/${ARTICLE.id}/sv`)).text()).toContain(`href="/edit/${ARTICLE.id}/sv/qa"`)
    expect(await (await boss.get(`/articles/${ARTICLE.id}`)).text()).toContain(`href="/edit/${ARTICLE.id}/de/qa"`)
  })
})
