import { describe, expect, it } from 'vitest'
import { makeWebApp } from '../_setup.js'

/** The termbase pages (#21): everyone reads; admins and terminologists of the language edit. */
describe('termbase pages', () => {
  const setUp = async () => {
    const w = await makeWebApp()
    await w.accounts.add('tess', [{ role: 'terminologist', langs: ['sv'] }])
    await w.web.passwords.set('tess', (await w.web.passwords.get('ana')) as string)
    return w
  }
  const entryForm = (terms: Record<string, string>[], note = '') => {
    const form: Record<string, string> = { note }
    terms.forEach((t, n) => {
      for (const [k, v] of Object.entries(t)) form[`t${n}.${k}`] = v
    })
    return form
  }

  it('lets a terminologist add an entry with statuses and parts of speech, and everyone read it', async () => {
    const w = await setUp()
    const tess = await w.signedIn('tess')
    expect((await tess.get('/terms/sv-general')).status).toBe(200)
    const res = await tess.post(
      '/terms/sv-general/entries',
      entryForm([
        { lang: 'en', text: 'ferry', status: 'admitted', pos: 'noun' },
        { lang: 'sv', text: 'färja', status: 'preferred', pos: 'noun', note: 'inte båt' },
        { lang: 'sv', text: 'ferja', status: 'forbidden', case: 'yes' },
        { lang: '', text: '' },
      ], 'a boat that carries people across'),
    )
    expect(res.status).toBe(303)
    const at = res.headers.get('location') as string
    expect(at).toMatch(/^\/terms\/sv-general\/\d+\?done=added$/)
    const [entry] = await w.store.terms.listEntries('sv-general')
    expect(entry?.terms).toEqual([
      { lang: 'en', text: 'ferry', status: 'admitted', pos: 'noun', caseSensitive: false },
      { lang: 'sv', text: 'färja', status: 'preferred', pos: 'noun', note: 'inte båt', caseSensitive: false },
      { lang: 'sv', text: 'ferja', status: 'forbidden', caseSensitive: true },
    ])
    expect(entry?.note).toBe('a boat that carries people across')
    expect(entry?.updatedBy).toBe('tess')

    // A viewer reads the list, the termbase and the entry, with no form to change them.
    const vic = await w.signedIn('vic')
    expect(await (await vic.get('/terms')).text()).toContain('href="/terms/sv-general"')
    const page = await (await vic.get('/terms/sv-general')).text()
    expect(page).toContain('färja')
    expect(page).toContain('forbidden: do not use')
    expect(page).not.toContain('action="/terms/sv-general/entries"')
    const one = await (await vic.get(`/terms/sv-general/${entry!.id}`)).text()
    expect(one).toContain('a boat that carries people across')
    expect(one).not.toContain('name="t0.text"')
    await vic.get('/terms/sv-general')
    const refused = await vic.post('/terms/sv-general/entries', entryForm([{ lang: 'sv', text: 'båt' }]))
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('no terminologist grant for sv')
    expect(await w.store.terms.listEntries('sv-general')).toHaveLength(1)
  })

  it('keeps what was typed when a form is refused, and shows a colleague\'s change instead of overwriting it', async () => {
    const w = await setUp()
    const tess = await w.signedIn('tess')
    await tess.get('/terms/sv-general')
    // Not a language: refused, nothing stored, the typed term is still in the form.
    const bad = await tess.post('/terms/sv-general/entries', entryForm([{ lang: 'not a language!', text: 'älv' }]))
    expect(bad.status).toBe(400)
    const badPage = await bad.text()
    expect(badPage).toContain('Not saved:')
    expect(badPage).toContain('value="älv"')
    expect(await w.store.terms.listEntries('sv-general')).toEqual([])
    // Another termbase's language: a Swedish terminologist may not edit de-general.
    await tess.get('/terms/de-general')
    expect((await tess.post('/terms/de-general/entries', entryForm([{ lang: 'de', text: 'Fähre' }]))).status).toBe(403)

    const added = await w.store.terms.addEntry('sv-general', { terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'flod' }] }, { by: 'boss' })
    await tess.get(`/terms/sv-general/${added.id}`)
    await w.store.terms.updateEntry('sv-general', added.id, { terms: [{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'å' }] }, { by: 'boss' })
    const late = await tess.post(`/terms/sv-general/${added.id}`, { version: '1', ...entryForm([{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'älv' }]) })
    expect(late.status).toBe(409)
    const latePage = await late.text()
    expect(latePage).toContain('Someone changed this entry')
    expect(latePage).toContain('value="älv"') // the typed text, kept
    expect(latePage).toContain('name="version" value="2"') // now based on theirs
    expect((await w.store.terms.getEntry('sv-general', added.id))?.terms[1]?.text).toBe('å')
    const again = await tess.post(`/terms/sv-general/${added.id}`, { version: '2', ...entryForm([{ lang: 'en', text: 'river' }, { lang: 'sv', text: 'älv' }]) })
    expect(again.status).toBe(303)
    expect((await w.store.terms.getEntry('sv-general', added.id))?.terms[1]?.text).toBe('älv')

    // Removing takes the version too.
    await tess.get(`/terms/sv-general/${added.id}`)
    expect((await tess.post(`/terms/sv-general/${added.id}/delete`, { version: '2' })).status).toBe(409)
    const gone = await tess.post(`/terms/sv-general/${added.id}/delete`, { version: '3' })
    expect(gone.status).toBe(303)
    expect(await w.store.terms.getEntry('sv-general', added.id)).toBeUndefined()
  })

  it('searches and pages the entries, sets the tags a termbase uses, and answers bad addresses with 4xx pages', async () => {
    const w = await setUp()
    const entries = Array.from({ length: 55 }, (_, i) => ({ terms: [{ lang: 'en', text: `word${i}` }, { lang: 'sv', text: `ord${i}` }] }))
    await w.store.terms.addEntries('sv-general', entries, { by: 'boss' })
    const boss = await w.signedIn('boss')
    const first = await (await boss.get('/terms/sv-general')).text()
    expect(first).toContain('>word49<')
    expect(first).not.toContain('>word50<')
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll('&amp;', '&') as string
    const second = await (await boss.get(next)).text()
    expect(second).toContain('>word54<')
    expect(second).not.toContain('rel="next"')
    const found = await (await boss.get('/terms/sv-general?q=ord12&lang=sv')).text()
    expect(found).toContain('>ord12<')
    expect(found).not.toContain('>ord13<')

    await boss.get('/terms/sv-news')
    expect((await boss.post('/terms/sv-news/uses', { uses: 'sv-news' })).status).toBe(400)
    expect((await boss.post('/terms/sv-news/uses', { uses: 'sv-general' })).status).toBe(303)
    expect((await w.store.terms.get('sv-news'))?.uses).toEqual(['sv-general'])

    expect((await boss.get('/terms?tag=SV-general')).headers.get('location')).toBe('/terms/sv-general')
    expect((await boss.get('/terms?tag=nonsense')).status).toBe(400)
    expect((await boss.get('/terms/not-a-tag!')).status).toBe(400)
    expect((await boss.get('/terms/sv-general/99999')).status).toBe(404)
    expect((await boss.get('/terms/sv-general/abc')).status).toBe(400)
    expect((await w.client().get('/terms')).status).toBe(303) // signed out: to the sign-in page
  })
})
