import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import type { Store } from '../../src/store/types.js'
import { makeWebApp } from './_setup.js'

/** A Markdown guide: a heading, a link and emphasis, a code span, a table and an image's alt text. */
const GUIDE = {
  id: 'sv-general-02',
  tag: 'sv-general',
  lang: 'en',
  targets: ['sv'],
  format: 'md' as const,
  text: '# Getting started\n\nRead [the guide](https://example.org/guide) before you *start*.\n\n- Install it with `npm i tolk` today.\n\n| Name | Notes |\n| --- | --- |\n| Tolk | Fast |\n\n![A cat on a mat](cat.png)\n',
}
const EDIT = `/edit/${GUIDE.id}/sv`

async function guide() {
  const w = await makeWebApp()
  await importText(w.store, GUIDE)
  const units = await w.store.listUnits(GUIDE.id)
  const id = (source: string) => units.find((u) => u.source.startsWith(source))?.id as string
  return { ...w, units, id }
}

/** The HTML of one row of an editor page. */
function rowOf(html: string, unit: string): string {
  const at = html.indexOf(`id="u-${unit}"`)
  const end = html.indexOf('<div class="seg', at)
  return html.slice(at, end < 0 ? undefined : end)
}

describe('codes in the editor', () => {
  it('shows the source’s codes as chips whose text is the notation, and the field holds the notation', async () => {
    const w = await guide()
    const ana = await w.signedIn('ana')
    const link = w.id('Read')
    const html = await (await ana.get(`${EDIT}?active=${link}`)).text()
    const row = rowOf(html, link)
    expect(row).toContain(
      '<p class="source" lang="en" dir="ltr">Read <span class="code" title="link">⟦1⟧</span>the guide<span class="code" title="link">⟦/1⟧</span> before you <span class="code" title="emphasis">⟦2⟧</span>start<span class="code" title="emphasis">⟦/2⟧</span>.</p>',
    )
    // Alt+1 and Alt+2 insert these, in the source's order; the panel's buttons say which is which.
    expect(row).toContain('data-tokens="[&quot;⟦1⟧⟦/1⟧&quot;,&quot;⟦2⟧⟦/2⟧&quot;]"')
    expect(row).toMatch(/<button type="button" class="token" data-token="⟦1⟧⟦\/1⟧" title="Insert code 1: ⟦1⟧⟦\/1⟧ \(Alt\+1\)">/)
    // Without the script, the field is a plain textarea holding tagged text.
    await w.store.writeTranslation({ articleId: GUIDE.id, unitId: link, lang: 'sv', text: 'Läs ⟦1⟧guiden⟦/1⟧ innan du ⟦2⟧börjar⟦/2⟧.', state: 'translated', ifVersion: 0, author: 'ana' })
    const again = rowOf(await (await ana.get(`${EDIT}?active=${link}`)).text(), link)
    expect(again).toMatch(/<textarea [^>]*>Läs ⟦1⟧guiden⟦\/1⟧ innan du ⟦2⟧börjar⟦\/2⟧\.<\/textarea>/)
    // A row that is not active shows its target's codes as chips too.
    const other = rowOf(await (await ana.get(`${EDIT}?active=${w.id('Getting')}`)).text(), link)
    expect(other).toContain('<p class="target" lang="sv" dir="ltr">Läs <span class="code" title="link">⟦1⟧</span>guiden')
  })

  it('keeps a literal ⟦ of a text as the notation writes it, so copying the source stays valid', async () => {
    const w = await makeWebApp()
    await importText(w.store, { id: 'sv-general-03', tag: 'sv-general', lang: 'en', targets: ['sv'], format: 'md', text: 'A ⟦ mark and *this*.\n' })
    const ana = await w.signedIn('ana')
    const html = await (await ana.get('/edit/sv-general-03/sv')).text()
    expect(html).toContain('A ⟦⟦ mark and <span class="code" title="emphasis">⟦1⟧</span>this')
  })

  it('names each segment’s role in its document beside it, and reads the page without the article', async () => {
    let reads = 0
    const w = await makeWebApp({
      watch: (store: Store) =>
        new Proxy(store, {
          get(target, name, receiver) {
            if (name === 'getArticle' || name === 'listUnits') reads++
            const v = Reflect.get(target, name, receiver) as unknown
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
          },
        }),
    })
    await importText(w.store, GUIDE)
    const units = await w.store.listUnits(GUIDE.id)
    const ana = await w.signedIn('ana')
    reads = 0
    const html = await (await ana.get(EDIT)).text()
    const role = (source: string) => {
      const unit = units.find((u) => u.source.startsWith(source))?.id as string
      return /<span class="role[^"]*">([^<]*)<\/span>/.exec(rowOf(html, unit))?.[1]
    }
    expect(role('Getting')).toBe('Heading')
    expect(role('Install')).toBe('List item')
    expect(role('Tolk')).toBe('Table cell')
    expect(role('A cat')).toBe('Alt text')
    // A paragraph, the usual case, goes without a label.
    expect(role('Read')).toBeUndefined()
    // The roles came with the page's units: neither the whole article (its source and skeleton)
    // nor the whole unit list was read, for the page or for a save.
    expect(reads).toBe(0)
    await ana.post(`${EDIT}/${units[0]?.id}`, { text: 'Kom igång', version: '0', state: 'translated' })
    expect(reads).toBe(0)
    const sv = await (await ana.get(EDIT, { 'Accept-Language': 'sv' })).text()
    expect(sv).toContain('>Rubrik</span>')
  })

  it('shows an HTML article’s inline elements as chips named by their tag, and its alt text’s role', async () => {
    const w = await makeWebApp()
    const html = '<h1>News</h1>\n<p>Press <kbd>Ctrl</kbd> now. <img src="a.png" alt="A cat"></p>\n<ul><li>One <b>bold</b> item</li></ul>\n'
    await importText(w.store, { id: 'sv-general-04', tag: 'sv-general', lang: 'en', targets: ['sv'], format: 'html', text: html })
    const ana = await w.signedIn('ana')
    const page = await (await ana.get('/edit/sv-general-04/sv')).text()
    expect(page).toContain('Press <span class="code" title="html:kbd">⟦1⟧</span>Ctrl<span class="code" title="html:kbd">⟦/1⟧</span> now. <span class="code" title="html:img">⟦2/⟧</span>')
    expect([...page.matchAll(/<span class="role[^"]*">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['Heading', 'Alt text', 'List item'])
  })

  it('refuses a save whose paired code is missing with the API’s own message, and takes a missing standalone one with a hint', async () => {
    const w = await guide()
    const ana = await w.signedIn('ana')
    await ana.get(EDIT)
    const link = w.id('Read')
    const json = { Accept: 'application/json', 'X-CSRF-Token': ana.csrf() }
    const bad = await ana.post(`${EDIT}/${link}`, { text: 'Läs guiden innan du ⟦2⟧börjar⟦/2⟧.', version: '0', state: 'translated' }, json)
    expect(bad.status).toBe(400)
    const problem = (await bad.json()) as { detail: string }
    expect(problem.detail).toContain('⟦1⟧…⟦/1⟧ of the source is missing')
    const open = await ana.post(`${EDIT}/${link}`, { text: 'Läs ⟦1⟧guiden innan du ⟦2⟧börjar⟦/2⟧.', version: '0', state: 'translated' }, json)
    expect(((await open.json()) as { detail: string }).detail).toContain('⟦1⟧…⟦/1⟧ opens and never closes: add ⟦/1⟧')
    expect((await w.store.getTranslation(GUIDE.id, link, 'sv')).version).toBe(0)

    const install = w.id('Install')
    const ok = await ana.post(`${EDIT}/${install}`, { text: 'Installera den i dag.', version: '0', state: 'translated' }, json)
    expect(ok.status).toBe(200)
    const body = (await ok.json()) as { hints: { key: string; text: string }[] }
    expect(body.hints.map((h) => h.text)).toContain('Missing or changed token: ⟦1/⟧')
  })

  it('shows the refusal on a page when the form is posted without the script', async () => {
    const w = await guide()
    const ana = await w.signedIn('ana')
    await ana.get(EDIT)
    const link = w.id('Read')
    const res = await ana.post(`${EDIT}/${link}`, { text: 'Läs guiden.', version: '0', state: 'translated' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('⟦1⟧…⟦/1⟧ of the source is missing')
  })
})
