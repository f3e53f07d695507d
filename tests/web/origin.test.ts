import { describe, expect, it } from 'vitest'
import { ARTICLE, makeWebApp } from './_setup.js'

const EDIT = `/edit/${ARTICLE.id}/sv`
const save = (unit: string) => `${EDIT}/${unit}?filter=all&page=1`

describe('a segment saved from a memory match', () => {
  it('records the origin sent with the form and shows it in the history page', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const res = await ana.post(save(unit), {
      text: 'Vädret är fint i dag.',
      version: '0',
      state: 'translated',
      origin: 'memory',
      originScore: '92',
    })
    expect(res.status).toBe(303)
    await ana.post(save(unit), { text: 'Vädret är vackert i dag.', version: '1', state: 'translated' })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([
      { kind: 'memory', score: 92 },
      null,
    ])
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html.match(/from memory, \d+%/g)).toEqual(['from memory, 92%'])
  })

  it('shows the origin in the interface language', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    await ana.post(save(unit), { text: 'Hej.', version: '0', origin: 'memory', originScore: '101' })
    const html = await (await ana.get(`${EDIT}/${unit}/history`, { 'Accept-Language': 'sv' })).text()
    expect(html).toContain('från minnet, 101 %')
  })

  it('records no origin when the form sends none, or sends the fields empty', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    await ana.post(save(unit), { text: 'Ett.', version: '0' })
    await ana.post(save(unit), { text: 'Två.', version: '1', origin: '', originScore: '' })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([null, null])
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html).not.toContain('from memory')
  })

  it('refuses a bad origin with 400 (a page for the form, problem+json for the script) and writes nothing', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const bad: Record<string, string>[] = [
      { origin: 'memory', originScore: '102' },
      { origin: 'memory', originScore: '-1' },
      { origin: 'memory', originScore: '9.5' },
      { origin: 'memory', originScore: 'high' },
      { origin: 'memory' },
      { origin: 'machine', originScore: '92' },
      { originScore: '92' },
    ]
    for (const fields of bad) {
      const page = await ana.post(save(unit), { text: 'Hej.', version: '0', ...fields })
      expect(page.status, JSON.stringify(fields)).toBe(400)
      expect(page.headers.get('content-type')).toContain('text/html')
      const json = await ana.post(save(unit), { text: 'Hej.', version: '0', ...fields }, { Accept: 'application/json' })
      expect(json.status, JSON.stringify(fields)).toBe(400)
      expect(json.headers.get('content-type')).toBe('application/problem+json')
    }
    expect(await w.store.history(ARTICLE.id, unit, 'sv')).toEqual([])
  })

  it('keeps the origin through the conflict page when the translator keeps their text', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const rev = await w.signedIn('rev')
    const unit = w.units[1] as string
    await rev.post(save(unit), { text: 'Vädret är vackert.', version: '0' })
    const page = await ana.post(save(unit), {
      text: 'Vädret är fint.',
      version: '0',
      origin: 'memory',
      originScore: '88',
    })
    expect(page.status).toBe(412)
    const html = await page.text()
    const keep = /<form method="post" action="[^"]+">(.*?)<\/form>/s.exec(html)?.[1] ?? ''
    expect(keep).toContain('name="origin" value="memory"')
    expect(keep).toContain('name="originScore" value="88"')
    // The merge form holds text the translator is about to edit: it is theirs, not the memory's.
    const merge = /<form method="post" action="[^"]+" class="merge">(.*?)<\/form>/s.exec(html)?.[1] ?? ''
    expect(merge).not.toContain('name="origin"')
    await ana.post(save(unit), { text: 'Vädret är fint.', version: '1', origin: 'memory', originScore: '88' })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([
      null,
      { kind: 'memory', score: 88 },
    ])
  })
})

describe('a segment saved from a machine suggestion', () => {
  it('records origin mt with its engine, and edited when the form says so', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    expect((await ana.post(save(unit), { text: 'Vädret.', version: '0', origin: 'mt', originEngine: 'apertium' })).status).toBe(303)
    await ana.post(save(unit), { text: 'Vädret i dag.', version: '1', origin: 'mt', originEngine: 'apertium', originEdited: '1' })
    expect((await w.store.history(ARTICLE.id, unit, 'sv')).map((h) => h.origin)).toEqual([
      { kind: 'mt', engine: 'apertium' },
      { kind: 'mt', engine: 'apertium', edited: true },
    ])
    const html = await (await ana.get(`${EDIT}/${unit}/history`)).text()
    expect(html).toContain('from mt:apertium')
    expect(html).toContain('edited from mt:apertium')
  })

  it('refuses mismatched or bad fields with 400 and writes nothing', async () => {
    const w = await makeWebApp()
    const ana = await w.signedIn('ana')
    const unit = w.units[1] as string
    const cases: Record<string, string>[] = [
      { origin: 'mt' },
      { origin: 'mt', originEngine: 'Apertium!' },
      { origin: 'mt', originEngine: 'apertium', originScore: '90' },
      { origin: 'memory', originScore: '90', originEngine: 'apertium' },
      { originEngine: 'apertium' },
      { origin: 'mt', originEngine: 'apertium', originEdited: 'yes' },
    ]
    for (const bad of cases) {
      const res = await ana.post(save(unit), { text: 'X.', version: '0', ...bad }, { Accept: 'application/json' })
      expect(res.status, JSON.stringify(bad)).toBe(400)
    }
    expect(await w.store.history(ARTICLE.id, unit, 'sv')).toEqual([])
  })
})
