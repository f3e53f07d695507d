import { describe, expect, it } from 'vitest'
import { KEY_MAP } from '../../src/web/grid/key-map.js'
import { ARTICLE, makeWebApp, writeAs } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`

/** The rows of an editor page, as (unit, active, holds a textarea, link) tuples. */
function rows(html: string) {
  return [...html.matchAll(/<div class="seg([^"]*)" id="u-([^"]+)"[\s\S]*?(?=<div class="seg|<\/div><\/div>\s*<\/main>|$)/g)].map(
    (m) => ({
      unit: m[2] as string,
      active: (m[1] as string).includes(' active'),
      textarea: (m[0] as string).includes('<textarea'),
      link: /<a class="num" href="([^"]+)"/.exec(m[0] as string)?.[1]?.replace(/&amp;/g, '&'),
    }),
  )
}

describe('the compact grid', () => {
  it('makes the first segment that needs work the active one, with the page’s only text field', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    await writeAs(w.store, w.units[0] as string, 'Välkommen')
    const html = await (await ana.get(EDIT)).text()
    const list = rows(html)
    expect(list).toHaveLength(w.units.length)
    expect(list.filter((r) => r.active).map((r) => r.unit)).toEqual([w.units[1]])
    expect(html.match(/<textarea/g)).toHaveLength(1)
    expect(html).not.toContain('contenteditable')
    expect(list.find((r) => r.active)?.textarea).toBe(true)
    // Every other row shows its text and links to the page with itself active.
    expect(html).toContain('<p class="target" lang="sv" dir="ltr">Välkommen</p>')
    for (const r of list.filter((r) => !r.active))
      expect(r.link).toBe(`?filter=all&page=1&active=${r.unit}#u-${r.unit}`)
    // The one panel of tools sits in the active row, and its form goes on to the next open row.
    expect(html.match(/<aside class="panel"/g)).toHaveLength(1)
    expect(html).toContain(
      `action="${EDIT}/${w.units[1]}?filter=all&amp;page=1&amp;active=${w.units[2]}"`,
    )
  })

  it('renders the row named by ?active= as the active one, even a finished one', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[3] as string
    const html = await (await ana.get(`${EDIT}?filter=all&page=1&active=${unit}`)).text()
    expect(rows(html).filter((r) => r.active).map((r) => r.unit)).toEqual([unit])
    expect(html).toMatch(/<textarea id="t-4" /)
    // An unknown unit falls back to the first one needing work.
    const other = await (await ana.get(`${EDIT}?active=nope`)).text()
    expect(rows(other).filter((r) => r.active).map((r) => r.unit)).toEqual([w.units[0]])
  })

  it('saves without the script and comes back with the next segment active', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const [a, b] = [w.units[0] as string, w.units[1] as string]
    const res = await ana.post(`${EDIT}/${a}?filter=all&page=1&active=${b}`, {
      text: 'Välkommen',
      version: '0',
      state: 'translated',
    })
    expect(res.headers.get('location')).toBe(`${EDIT}?filter=all&page=1&active=${b}#u-${a}`)
    const html = await (await ana.get(res.headers.get('location') as string)).text()
    expect(rows(html).filter((r) => r.active).map((r) => r.unit)).toEqual([b])
  })

  it('stays on its keyset page: row links, the form and a save without the script come back to it', async () => {
    const w = await makeWebApp({ pageSize: 2 })
    const ana = await w.signedIn('ana')
    const amp = (s: string) => s.replaceAll('&', '&amp;')
    const first = await (await ana.get(`${EDIT}?filter=untranslated`)).text()
    const next = /<a href="([^"]+)">Next page</.exec(first)?.[1]?.replaceAll('&amp;', '&') as string
    const here = next.slice(EDIT.length)
    expect(here).toMatch(/^\?filter=untranslated&page=2&after=\d+$/)
    // The script's way on past the last row (and back before the first) is the pager's cursor.
    expect(first).toContain(`data-next="${amp(next)}"`)
    const [c, d, e] = [w.units[2], w.units[3], w.units[4]] as string[]
    const page = await (await ana.get(next)).text()
    const list = rows(page)
    expect(list.map((r) => r.unit)).toEqual([c, d])
    expect(list.filter((r) => r.active).map((r) => r.unit)).toEqual([c])
    expect(list[1]?.link).toBe(`${here}&active=${d}#u-${d}`)
    expect(page).toContain(`action="${EDIT}/${c}${amp(here)}&amp;active=${d}"`)
    expect(page).toMatch(/data-prev="[^"]*filter=untranslated&amp;page=1&amp;before=\d+"/)
    const res = await ana.post(`${EDIT}/${c}${here}&active=${d}`, {
      text: 'Båtarna är redo.',
      version: '0',
      state: 'translated',
    })
    expect(res.status).toBe(303)
    const back = res.headers.get('location') as string
    expect(back).toBe(`${EDIT}${here}&active=${d}#u-${c}`)
    // The same cursor, the saved row no longer untranslated: the next one is active.
    const again = rows(await (await ana.get(back)).text())
    expect(again.map((r) => r.unit)).toEqual([d, e])
    expect(again.filter((r) => r.active).map((r) => r.unit)).toEqual([d])
  })

  it('shows each state as a symbol and its name, never colour alone', async () => {
    const w = await makeWebApp()
    await writeAs(w.store, w.units[0] as string, 'Välkommen', { state: 'reviewed', author: 'rev' })
    const html = await (await (await w.signedIn('ana')).get(EDIT)).text()
    expect(html).toContain(
      '<span class="st st-reviewed" title="Reviewed"><b aria-hidden="true">✓R</b><span class="sr-only">Reviewed</span></span>',
    )
    expect(html).toContain('<b aria-hidden="true">○</b><span class="sr-only">Untranslated</span>')
  })

  it('lists every key in the help, the reserved ones as coming, in English and Swedish', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const html = await (await ana.get(EDIT)).text()
    for (const k of KEY_MAP) expect(html).toContain(`<kbd>${k.keys}</kbd>`)
    expect(html.match(/\(coming\)/g) ?? []).toHaveLength(KEY_MAP.filter((k) => k.coming).length)
    expect(html).toContain('What changed: no key changed its meaning.')
    const sv = await (await ana.get(EDIT, { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('Vad som ändrats')
    expect(sv.match(/\(kommer\)/g) ?? []).toHaveLength(KEY_MAP.filter((k) => k.coming).length)
    // The machine suggestions' keys are wired now, no longer reserved.
    expect(KEY_MAP.find((k) => k.does === 'keys.machine')?.coming).toBeUndefined()
    expect(html).toContain('machine suggestion 1 to 3')
    // A read-only view lists only the keys that move.
    const de = await (await ana.get(`/edit/${ARTICLE.id}/de`)).text()
    expect(de).not.toContain('<kbd>Ctrl+Enter</kbd>')
    expect(de).toContain('<kbd>Alt+↑ / Alt+↓</kbd>')
  })

  it('puts the header on one line, with the filter and search in a menu it opens', async () => {
    const w = await makeWebApp()
    const html = await (await (await w.signedIn('ana')).get(EDIT)).text()
    const header = /<header class="top bar">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? ''
    expect(header).toContain('<h1')
    expect(header).toContain('id="progress"')
    expect(header).toMatch(/<details class="find menu">[\s\S]*id="filter"[\s\S]*class="concordance"/)
    expect(header).toMatch(/<details class="account menu">[\s\S]*action="\/sign-out"/)
  })

  it('serves a favicon that every page names', async () => {
    const w = await makeWebApp()
    const html = await (await (await w.signedIn('ana')).get('/')).text()
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(html)?.[1]
    expect(href).toMatch(/^\/assets\/favicon\.[0-9a-f]{10}\.svg$/)
    const res = await w.app.request(href as string)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(await res.text()).toContain('<svg')
  })

  it('clears a translation back to untranslated with its own form, and needs a text to save', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[0] as string
    const fresh = await (await ana.get(EDIT)).text()
    // Nothing to clear yet; the field must hold a text for the browser to send the save.
    expect(fresh).toContain('class="clear" hidden>Clear</button>')
    expect(fresh).toMatch(/<textarea [^>]*required>/)
    await ana.post(`${EDIT}/${unit}?filter=all&page=1`, { text: 'Välkommen', version: '0', state: 'translated' })
    const html = await (await ana.get(`${EDIT}?active=${unit}`)).text()
    expect(html).toContain('<button type="submit" form="clear" class="clear">Clear</button>')
    const form = /<form id="clear" method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html)
    expect(form?.[2]).toContain('name="version" value="1"')
    expect(form?.[2]).toContain('name="text" value=""')
    expect(form?.[2]).toContain('name="state" value="initial"')
    const res = await ana.post((form?.[1] as string).replace(/&amp;/g, '&'), {
      text: '',
      version: '1',
      state: 'initial',
    })
    expect(res.status).toBe(303)
    expect(await w.store.getTranslation(ARTICLE.id, unit, 'sv')).toMatchObject({
      text: '',
      state: 'initial',
      version: 2,
      author: 'ana',
    })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.newText)).toEqual([
      'Välkommen',
      '',
    ])
  })
})
