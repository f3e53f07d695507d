import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/passwords.js'
import { ARTICLE, makeWebApp, PASSWORD, writeAs } from './_setup.js'

/** A web app with a coordinator of Swedish (cole) besides the usual people. */
async function teamApp() {
  const w = await makeWebApp()
  await w.accounts.add('cole', [{ role: 'coordinator', langs: ['sv'] }])
  await w.web.passwords.set('cole', await hashPassword(PASSWORD))
  return w
}

describe('team workflow in the browser', () => {
  it('puts my work first on the dashboard: my assignments, words left, due dates and an overdue mark', async () => {
    const w = await teamApp()
    const boss = { account: 'boss', grants: [{ role: 'admin' as const, langs: [] }] }
    const { assignWork } = await import('../../src/team/assign.js')
    await assignWork(w.store, boss, { article: ARTICLE.id, lang: 'sv', users: ['ana'], due: '2020-01-31', note: 'Brådskande' })
    await assignWork(w.store, boss, { article: ARTICLE.id, lang: 'sv', users: ['rev'], segments: '1' })
    await writeAs(w.store, w.units[0]!, 'Välkommen')
    const ana = await w.signedIn('ana')
    const html = await (await ana.get('/')).text()
    const work = html.indexOf('id="my-work"')
    expect(work).toBeGreaterThan(0)
    expect(work).toBeLessThan(html.indexOf('class="filters"'))
    expect(html).toContain('Brådskande')
    expect(html).toMatch(/<tr data-assignment="\d+" class="overdue">/)
    expect(html).toContain('⚠ overdue')
    expect(html).toContain('2020-01-31')
    // Not a coordinator: no team load, no assign form.
    expect(html).not.toContain('id="team-load"')
    expect(html).not.toContain('action="/dashboard/assign"')
    const json = await (await ana.get('/dashboard/work')).json()
    const units = await w.store.listUnits(ARTICLE.id)
    const total = units.reduce((n, u) => n + u.words, 0)
    expect(json).toMatchObject({ user: 'ana', overdue: 1, wordsLeft: total - units[0]!.words, load: [] })
    // In Swedish too.
    const sv = await (await ana.get('/', { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('Mitt arbete')
    expect(sv).toContain('⚠ försenat')
  })

  it('lets a coordinator see the load and assign through the form (CSRF checked), splitting by words', async () => {
    const w = await teamApp()
    const cole = await w.signedIn('cole')
    const page = await (await cole.get('/')).text()
    expect(page).toContain('id="team-load"')
    expect(page).toContain('No open assignments.')
    expect(page).toContain('action="/dashboard/assign"')
    const form = { article: ARTICLE.id, lang: 'sv', to: 'ana, rev', split: 'words', segments: '', due: '2026-12-24', note: '' }
    const noToken = await cole.post('/dashboard/assign', { ...form, _csrf: 'forged' })
    expect(noToken.status).toBe(403)
    expect(await w.store.assignments.list()).toEqual([])
    const res = await cole.post('/dashboard/assign', form)
    expect(res.status).toBe(303)
    const back = await (await cole.get(res.headers.get('location')!)).text()
    expect(back).toMatch(/Assigned: ana: segments 1-\d+; rev: segments \d+-\d+\./)
    expect(back).toMatch(/<tr data-load="sv ana">/)
    expect(back).toMatch(/<tr data-load="sv rev">/)
    const made = await w.store.assignments.list()
    expect(made.map((a) => [a.user, a.by, a.due])).toEqual([['rev', 'cole', '2026-12-24'], ['ana', 'cole', '2026-12-24']])
    // A refusal shows the form again with what was typed and why, in the page's language.
    const refused = await cole.post('/dashboard/assign', { ...form, to: 'vic', split: '' })
    expect(refused.status).toBe(403)
    const text = await refused.text()
    expect(text).toContain('Nothing was assigned: vic cannot be assigned sv')
    expect(text).toContain('value="vic"')
    const german = await cole.post('/dashboard/assign', { ...form, lang: 'de', to: 'ana', split: '' })
    expect(german.status).toBe(403)
    expect(await german.text()).toContain('coordinator role for de')
    const bad = await cole.post('/dashboard/assign', { ...form, to: 'ana', split: '', due: '2026-02-30' })
    expect(bad.status).toBe(400)
    // A translator may not assign, and a link cannot make the page claim an assignment it did not make.
    const ana = await w.signedIn('ana')
    expect((await ana.post('/dashboard/assign', { ...form, to: 'ana', split: '' })).status).toBe(403)
    expect(await (await ana.get(`/?assigned=${made[0]!.id}`)).text()).not.toContain('Assigned:')
  })

  it('lists a person’s assignments from the team load, and lets a coordinator withdraw one with a form (CSRF checked)', async () => {
    const w = await teamApp()
    const [first] = await w.store.assignments.create({ article: ARTICLE.id, lang: 'sv', parts: [{ user: 'ana', units: [(await w.store.listUnits(ARTICLE.id))[0]!.id], segments: '1' }], by: 'cole' })
    const [second] = await w.store.assignments.create({ article: ARTICLE.id, lang: 'sv', parts: [{ user: 'ana' }], due: '2026-12-24', by: 'cole' })
    const cole = await w.signedIn('cole')
    const dashboard = await (await cole.get('/')).text()
    expect(dashboard).toContain('href="/team/assignments?lang=sv&amp;user=ana"')
    const list = await cole.get('/team/assignments?lang=sv&user=ana')
    expect(list.status).toBe(200)
    const page = await list.text()
    expect(page).toContain('Assignments of ana in Swedish')
    expect(page).toContain(`action="/team/assignments/${second!.id}/withdraw"`)
    expect(page).toContain(`action="/team/assignments/${first!.id}/withdraw"`)
    // A forged token changes nothing.
    expect((await cole.post(`/team/assignments/${first!.id}/withdraw`, { _csrf: 'forged' })).status).toBe(403)
    expect((await w.store.assignments.get(first!.id))!.withdrawn).toBeNull()
    const res = await cole.post(`/team/assignments/${first!.id}/withdraw`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/team/assignments?lang=sv&user=ana&withdrawn=${first!.id}`)
    const after = await (await cole.get(res.headers.get('location')!)).text()
    expect(after).toContain(`Withdrawn: ${ARTICLE.id}, segments 1.`)
    expect(after).toMatch(new RegExp(`<tr data-assignment="${first!.id}" class="withdrawn">[\\s\\S]*?withdrawn by cole on \\d{4}-\\d\\d-\\d\\d`))
    expect(after).not.toContain(`action="/team/assignments/${first!.id}/withdraw"`)
    expect((await w.store.assignments.get(first!.id))!.withdrawn?.by).toBe('cole')
    // A link cannot make another list claim that withdrawal.
    expect(await (await cole.get(`/team/assignments?lang=sv&user=rev&withdrawn=${first!.id}`)).text()).not.toContain('Withdrawn:')
    // Again: refused on the same page, naming who withdrew it.
    const again = await cole.post(`/team/assignments/${first!.id}/withdraw`, {})
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Nothing was withdrawn: assignment')
    expect((await cole.post('/team/assignments/424242/withdraw', {})).status).toBe(404)
    // The person assigned sees the list (no buttons) and may not withdraw; their work has only the other one.
    const ana = await w.signedIn('ana')
    const theirs = await (await ana.get('/team/assignments?lang=sv&user=ana')).text()
    expect(theirs).not.toContain('/withdraw"')
    expect((await ana.post(`/team/assignments/${second!.id}/withdraw`, {})).status).toBe(403)
    expect((await w.store.assignments.get(second!.id))!.withdrawn).toBeNull()
    expect(((await (await ana.get('/dashboard/work')).json()) as { assignments: { id: number }[] }).assignments.map((a: { id: number }) => a.id)).toEqual([second!.id])
    // In Swedish, and bad queries as a 400 page.
    const sv = await (await ana.get('/team/assignments?lang=sv&user=ana', { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('Uppdrag för ana på svenska')
    expect(sv).toContain('tillbakadraget av cole')
    for (const q of ['lang=%3Cx%3E&user=ana', 'lang=sv&user=%3Cscript%3E']) expect((await cole.get(`/team/assignments?${q}`)).status, q).toBe(400)
    // The article's activity has the withdrawal beside the assignment it took back.
    const activity = await (await ana.get(`/articles/${ARTICLE.id}/activity?kind=assignment`)).text()
    expect(activity).toContain('cole withdrew Swedish from ana: segments 1')
    expect(activity).toContain('cole assigned Swedish to ana: segments 1')
    expect(await (await ana.get(`/articles/${ARTICLE.id}/activity?kind=assignment`, { 'Accept-Language': 'sv' })).text()).toContain('cole drog tillbaka svenska från ana: segment 1')
  })

  it('shows an article’s activity as a page, filtered, and as JSON on the session', async () => {
    const w = await teamApp()
    await writeAs(w.store, w.units[0]!, 'Välkommen', { author: 'ana' })
    await writeAs(w.store, w.units[1]!, 'Vädret', { author: 'ana' })
    await writeAs(w.store, w.units[0]!, 'Välkommen', { author: 'rev', state: 'reviewed', ifVersion: 1 })
    const rev = await w.signedIn('rev')
    const article = await (await rev.get(`/articles/${ARTICLE.id}`)).text()
    expect(article).toContain(`href="/articles/${ARTICLE.id}/activity"`)
    const res = await rev.get(`/articles/${ARTICLE.id}/activity`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('rev reviewed 1 segment in Swedish')
    expect(html).toContain('ana saved 2 segments in Swedish')
    expect(html).toMatch(/Revision 1 imported: 0 kept, 0 stale, \d+ new, 0 removed/)
    const imports = await (await rev.get(`/articles/${ARTICLE.id}/activity?kind=import`)).text()
    expect(imports).not.toContain('saved')
    const sv = await (await rev.get(`/articles/${ARTICLE.id}/activity`, { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('ana sparade 2 segment på svenska')
    const json = (await (await rev.get(`/dashboard/activity/${ARTICLE.id}?lang=sv`)).json()) as { items: { kind: string }[] }
    // Items of one millisecond order by kind: compare the kinds, not their order.
    expect(json.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['import', 'review', 'save'])
    expect((await rev.get(`/articles/${ARTICLE.id}/activity?kind=gossip`)).status).toBe(400)
    expect((await rev.get('/articles/nope/activity')).status).toBe(404)
    // Signed out: no data.
    const anon = w.client()
    expect((await anon.get('/dashboard/work')).status).not.toBe(200)
    expect((await anon.get(`/dashboard/activity/${ARTICLE.id}`)).status).not.toBe(200)
  })
})
