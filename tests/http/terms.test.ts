import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { jsonBody, makeTestApp } from './_setup.js'

const basic = fs.readFileSync(new URL('../terms/fixtures/basic.tbx', import.meta.url), 'utf8')
const harbour = { terms: [{ lang: 'en', text: 'harbour', pos: 'noun' as const }, { lang: 'sv', text: 'hamn', status: 'preferred' as const }] }

describe('termbase API', () => {
  it('adds, reads, updates with If-Match and deletes an entry; a stale If-Match is 412', async () => {
    const t = await makeTestApp()
    const add = await t.call('/api/termbases/sv-general/entries', jsonBody('POST', harbour))
    expect(add.status).toBe(201)
    const e = await add.json()
    expect(add.headers.get('ETag')).toBe('"1"')
    expect(add.headers.get('Location')).toBe(`/api/termbases/sv-general/entries/${e.id}`)
    expect(e.terms[1]).toEqual({ lang: 'sv', text: 'hamn', status: 'preferred', caseSensitive: false })
    const path = `/api/termbases/sv-general/entries/${e.id}`
    expect((await t.call(path, { as: 'vic' })).status).toBe(200)
    const put = await t.call(path, jsonBody('PUT', { ...harbour, note: 'port' }, { 'If-Match': '"1"' }))
    expect(put.status).toBe(200)
    expect(put.headers.get('ETag')).toBe('"2"')
    const stale = await t.call(path, jsonBody('PUT', harbour, { 'If-Match': '"1"' }))
    expect(stale.status).toBe(412)
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await stale.json()).type).toBe('/problems/term-entry-conflict')
    expect((await t.call(path, { method: 'DELETE', headers: { 'If-Match': '"2"' } })).status).toBe(200)
    expect((await (await t.call(path)).json()).type).toBe('/problems/unknown-term-entry')
  })

  it('lets a terminologist edit the termbases of their languages only', async () => {
    const t = await makeTestApp()
    await t.accounts.add('tess', [{ role: 'terminologist', langs: ['sv'] }])
    const { issueToken } = await import('../../src/auth/tokens.js')
    const token = (await issueToken(t.accounts, 'tess')).token
    const as = (init: RequestInit) => ({ ...init, as: undefined, headers: { ...(init.headers as object), Authorization: `Bearer ${token}` } })
    const added = await t.call('/api/termbases/sv-general/entries', as(jsonBody('POST', harbour)))
    expect(added.status).toBe(201)
    expect((await added.json()).updatedBy).toBe('tess')
    expect((await t.call('/api/termbases/sv-news', as(jsonBody('PUT', { uses: ['sv-general'] })))).status).toBe(200)
    const de = await t.call('/api/termbases/de-general/entries', as(jsonBody('POST', harbour)))
    expect(de.status).toBe(403)
    expect((await de.json()).detail).toMatch(/terminologist grant for de/)
    // A terminologist writes no translation.
    const unit = t.units[0]!
    expect((await t.call(`/api/articles/sv-general-01/units/${unit}/translations/sv`, as(jsonBody('PUT', { text: 'Hej' }, { 'If-Match': '"0"' })))).status).toBe(403)
  })

  it('lets admins edit and everyone read', async () => {
    const t = await makeTestApp()
    for (const as of ['ana', 'rev', 'vic']) {
      const r = await t.call('/api/termbases/sv-general/entries', { ...jsonBody('POST', harbour), as })
      expect(r.status, as).toBe(403)
      expect((await t.call('/api/termbases/sv-general', { ...jsonBody('PUT', { uses: ['sv-legal'] }), as })).status).toBe(403)
    }
    expect((await t.call('/api/termbases/sv-general/entries', { as: 'vic' })).status).toBe(200)
    expect((await t.call('/api/termbases/sv-general/entries', { as: undefined })).status).toBe(401)
  })

  it('sets uses, imports TBX with a map, searches, exports, and refuses bad input as problems', async () => {
    const t = await makeTestApp()
    const uses = await t.call('/api/termbases/sv-news', jsonBody('PUT', { uses: ['sv-general'] }))
    expect(await uses.json()).toEqual({ tag: 'sv-news', uses: ['sv-general'], entries: 0 })
    const imp = await t.call('/api/termbases/sv-general/import', jsonBody('POST', { text: basic, format: 'tbx' }))
    expect(await imp.json()).toEqual({ tag: 'sv-general', added: 2 })
    const found = await (await t.call('/api/termbases/sv-general/entries?q=%C3%84LV&lang=sv')).json()
    expect(found.entries.map((e: { terms: { text: string }[] }) => e.terms[0]!.text)).toEqual(['river'])
    const tbx = await t.call('/api/termbases/sv-general/export')
    expect(tbx.headers.get('content-type')).toMatch(/^application\/x-tbx\+xml/)
    expect(await tbx.text()).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>')
    const csv = await t.call('/api/termbases/sv-general/export?format=csv')
    expect((await csv.text()).split('\n')[0]).toMatch(/^en,en:status/)
    const xx = basic.replaceAll('xml:lang="sv"', 'xml:lang="xx"')
    const unmapped = await t.call('/api/termbases/sv-other/import', jsonBody('POST', { text: xx, format: 'tbx' }))
    expect(unmapped.status).toBe(400)
    expect((await unmapped.json()).detail).toMatch(/--map xx=sv/)
    expect((await (await t.call('/api/termbases/sv-other/import', jsonBody('POST', { text: xx, format: 'tbx', map: { xx: 'sv' } }))).json()).added).toBe(2)
    for (const [body, type] of [
      [{ text: '<!DOCTYPE martif [<!ENTITY e "x">]><martif/>', format: 'tbx' }, 'malformed-xml'],
      [{ text: '<tmx/>', format: 'tbx' }, 'not-tbx'],
      [{ text: 'sv:status,en\n', format: 'csv' }, 'malformed-csv'],
      [{ text: 'en,sv\nriver,å\n', format: 'csv', map: { sv: 'nonsense' } }, 'unknown-language'],
    ] as const) {
      const r = await t.call('/api/termbases/sv-general/import', jsonBody('POST', body))
      expect(r.status, type).toBe(400)
      expect((await r.json()).type, type).toBe(`/problems/${type}`)
    }
    expect((await (await t.call('/api/termbases/sv-general', jsonBody('PUT', { uses: ['sv-general'] }))).json()).type).toBe('/problems/invalid-uses')
    expect((await (await t.call('/api/termbases/sv-general/entries', jsonBody('POST', { terms: [] }))).json()).type).toBe('/problems/invalid-term-entry')
    expect((await t.call('/api/termbases/general/entries')).status).toBe(400)
  })

  it("lists the terms found in an article's units, through the tags its termbase uses", async () => {
    const t = await makeTestApp()
    await t.store.terms.addEntry('sv-shared', { terms: [{ lang: 'en', text: 'boat' }, { lang: 'sv', text: 'båt', status: 'preferred' }] }, { by: 't' })
    await t.store.terms.addEntry('sv-general', harbour, { by: 't' })
    await t.store.terms.setUses('sv-general', ['sv-shared'])
    const r = await t.call('/api/articles/sv-general-01/terms?lang=sv', { as: 'vic' })
    expect(r.status).toBe(200)
    const body = await r.json()
    expect(body.tag).toBe('sv-general')
    const hits = body.units.flatMap((u: { hits: { found: string; targets: { text: string }[] }[] }) => u.hits.map((h) => `${h.found}→${h.targets[0]!.text}`))
    expect(hits).toEqual(['harbour→hamn', 'boats→båt'])
    const one = await (await t.call(`/api/articles/sv-general-01/terms?lang=sv&unit=${body.units[1].unit}`)).json()
    expect(one.units).toHaveLength(1)
    expect((await t.call('/api/articles/sv-general-01/terms?lang=sv&unit=nope')).status).toBe(404)
    expect((await (await t.call('/api/articles/sv-general-01/terms?lang=de')).json()).units).toEqual([])
    // An edit is seen at once (the matcher is built again for the new version of the entries).
    const [harbourEntry] = await t.store.terms.listEntries('sv-general')
    await t.store.terms.updateEntry('sv-general', harbourEntry!.id, { terms: [{ lang: 'en', text: 'weather' }, { lang: 'sv', text: 'väder' }] }, { by: 't' })
    const after = await (await t.call('/api/articles/sv-general-01/terms?lang=sv')).json()
    expect(after.units.flatMap((u: { hits: { found: string }[] }) => u.hits.map((h) => h.found))).toEqual(['weather', 'boats'])
  })
})
