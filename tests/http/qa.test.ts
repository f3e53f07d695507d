import { describe, expect, it } from 'vitest'
import { textHash } from '../../src/qa/text-hash.js'
import { jsonBody, makeTestApp, type TestApp } from './_setup.js'

async function translated(): Promise<TestApp> {
  const t = await makeTestApp()
  await t.store.terms.addEntry('sv-general', {
    terms: [{ lang: 'en', text: 'harbour' }, { lang: 'sv', text: 'hamn', status: 'preferred' }, { lang: 'sv', text: 'port', status: 'forbidden' }],
  }, { by: 'boss' })
  const write = (i: number, text: string) =>
    t.store.writeTranslation({ articleId: 'sv-general-01', unitId: t.units[i]!, lang: 'sv', text, state: 'translated', ifVersion: 0, author: 'ana' })
  await write(1, 'Vädret är fint idag')
  await write(2, 'Vi går till porten.')
  await write(3, 'Båtarna är redo.')
  return t
}

describe('GET /api/articles/:id/qa', () => {
  it('lists every finding with check, severity, unit and a message naming what differs', async () => {
    const t = await translated()
    const r = await t.call('/api/articles/sv-general-01/qa?lang=sv', { as: 'vic' })
    expect(r.status).toBe(200)
    const body = await r.json()
    expect(body).toMatchObject({ article: 'sv-general-01', lang: 'sv', termbase: 'sv-general' })
    expect(body.findings.map((f: { check: string; severity: string; unit: string; message: string }) => [f.check, f.severity, f.unit, f.message])).toEqual([
      ['end-punctuation', 'warning', t.units[1], 'The source ends with “.”, the translation without an end mark'],
      ['forbidden-term', 'error', t.units[2], '“porten” is “port”, a forbidden term: use “hamn”'],
      ['untranslated-term', 'warning', t.units[2], '“harbour” should be translated “hamn”'],
    ])
    const errors = await (await t.call('/api/articles/sv-general-01/qa?lang=sv&severity=error')).json()
    expect(errors.findings.map((f: { check: string }) => f.check)).toEqual(['forbidden-term'])
    // German has no translations: nothing to check.
    expect((await (await t.call('/api/articles/sv-general-01/qa?lang=de')).json()).findings).toEqual([])
  })

  it('looks across the articles of the tag with consistency=tag', async () => {
    const t = await translated()
    await t.call('/api/articles/sv-general-02', jsonBody('PUT', { lang: 'en', targets: ['sv'], text: 'The boats are ready.\n' }))
    const [other] = (await t.store.listUnits('sv-general-02')).map((u) => u.id)
    await t.store.writeTranslation({ articleId: 'sv-general-02', unitId: other!, lang: 'sv', text: 'Båtarna står redo.', state: 'translated', ifVersion: 0, author: 'ana' })
    const within = await (await t.call('/api/articles/sv-general-01/qa?lang=sv')).json()
    expect(within.findings.some((f: { check: string }) => f.check === 'inconsistent-translation')).toBe(false)
    const across = await (await t.call('/api/articles/sv-general-01/qa?lang=sv&consistency=tag')).json()
    expect(across.findings.filter((f: { check: string }) => f.check === 'inconsistent-translation')).toMatchObject([
      { unit: t.units[3], message: 'The same source is translated differently elsewhere: “Båtarna står redo.” (segment 1 of sv-general-02)' },
    ])
    expect((await t.call('/api/articles/sv-general-01/qa?lang=sv&consistency=all')).status).toBe(400)
  })

  it('marks a dismissed finding, and open=true leaves it out', async () => {
    const t = await translated()
    const unit = (await t.store.getUnit('sv-general-01', t.units[1]!))!
    await t.store.qa.dismiss({ article: 'sv-general-01', unit: t.units[1]!, lang: 'sv', check: 'end-punctuation', hash: textHash(unit.source, 'Vädret är fint idag'), by: 'rev', reason: 'a caption' })
    const all = await (await t.call('/api/articles/sv-general-01/qa?lang=sv')).json()
    expect(all.findings[0].dismissed).toMatchObject({ by: 'rev', reason: 'a caption' })
    const open = await (await t.call('/api/articles/sv-general-01/qa?lang=sv&open=true')).json()
    expect(open.findings.map((f: { check: string }) => f.check)).toEqual(['forbidden-term', 'untranslated-term'])
  })

  it('answers bad input with problems: no token, unknown article, not a target, bad language, severity or tag', async () => {
    const t = await translated()
    expect((await t.call('/api/articles/sv-general-01/qa?lang=sv', { as: undefined })).status).toBe(401)
    const cases: [string, number, string][] = [
      ['/api/articles/sv-general-99/qa?lang=sv', 404, '/problems/unknown-article'],
      ['/api/articles/sv-general-01/qa?lang=fi', 400, '/problems/not-a-target'],
      ['/api/articles/sv-general-01/qa?lang=%01', 400, '/problems/invalid-request'],
      ['/api/articles/sv-general-01/qa', 400, '/problems/invalid-request'],
      ['/api/articles/sv-general-01/qa?lang=sv&severity=fatal', 400, '/problems/invalid-request'],
      ['/api/articles/sv-general-01/qa?lang=sv&tag=Nope', 400, '/problems/invalid-request'],
    ]
    for (const [path, status, type] of cases) {
      const r = await t.call(path)
      expect(r.status, path).toBe(status)
      expect(r.headers.get('content-type'), path).toMatch(/^application\/problem\+json/)
      expect((await r.json()).type, path).toBe(type)
    }
  })
})

describe('QA dismissals through the API', () => {
  const D = '/api/articles/sv-general-01/qa/dismissals'
  it('dismisses for everyone with who and why, takes it back, and the finding returns when the text changes', async () => {
    const t = await translated()
    const unit = t.units[1]!
    const r = await t.call(D, { ...jsonBody('POST', { lang: 'sv', unit, check: 'end-punctuation', reason: 'a caption' }), as: 'ana' })
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ article: 'sv-general-01', unit, lang: 'sv', check: 'end-punctuation', by: 'ana', reason: 'a caption' })
    const seen = await (await t.call('/api/articles/sv-general-01/qa?lang=sv', { as: 'vic' })).json()
    expect(seen.findings[0].dismissed).toMatchObject({ by: 'ana', reason: 'a caption' })
    const back = await t.call(`${D}?lang=sv&unit=${unit}&check=end-punctuation`, { method: 'DELETE', as: 'rev' })
    expect(await back.json()).toEqual({ undismissed: true })
    expect((await (await t.call(`${D}?lang=sv&unit=${unit}&check=end-punctuation`, { method: 'DELETE' })).json())).toEqual({ undismissed: false })
    await t.call(D, jsonBody('POST', { lang: 'sv', unit, check: 'end-punctuation' }))
    await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: unit, lang: 'sv', text: 'Vädret är fint i dag', state: 'translated', ifVersion: 1, author: 'ana' })
    const after = await (await t.call('/api/articles/sv-general-01/qa?lang=sv')).json()
    expect(after.findings[0]).toMatchObject({ check: 'end-punctuation', unit })
    expect(after.findings[0].dismissed).toBeUndefined()
  })

  it('refuses viewers, other languages, unknown checks and units, units without translation, and bad bodies', async () => {
    const t = await translated()
    const unit = t.units[1]!
    const cases: [RequestInit & { as?: string }, number, string][] = [
      [{ ...jsonBody('POST', { lang: 'sv', unit, check: 'numbers' }), as: 'vic' }, 403, '/problems/forbidden'],
      [{ ...jsonBody('POST', { lang: 'de', unit, check: 'numbers' }), as: 'ana' }, 403, '/problems/forbidden'],
      [jsonBody('POST', { lang: 'fi', unit, check: 'numbers' }), 400, '/problems/not-a-target'],
      [jsonBody('POST', { lang: 'sv', unit, check: 'spelling' }), 400, '/problems/invalid-request'],
      [jsonBody('POST', { lang: 'sv', unit: 'nope', check: 'numbers' }), 404, '/problems/unknown-unit'],
      [jsonBody('POST', { lang: 'sv', unit: t.units[0]!, check: 'numbers' }), 400, '/problems/invalid-input'],
      [jsonBody('POST', { lang: 'sv', unit, check: 'numbers', reason: 'x'.repeat(1001) }), 400, '/problems/invalid-request'],
      [jsonBody('POST', { lang: 'sv', unit, check: 'numbers', reason: 'a\u0007b' }), 400, '/problems/invalid-text'],
      [jsonBody('POST', { lang: 'sv', unit, check: 'numbers', extra: 1 }), 400, '/problems/invalid-request'],
    ]
    for (const [init, status, type] of cases) {
      const r = await t.call(D, init)
      expect(r.status, String(init.body)).toBe(status)
      expect((await r.json()).type, String(init.body)).toBe(type)
    }
    expect((await t.call('/api/articles/sv-general-99/qa/dismissals', jsonBody('POST', { lang: 'sv', unit, check: 'numbers' }))).status).toBe(404)
    expect((await t.call(D, { ...jsonBody('POST', { lang: 'sv', unit, check: 'numbers' }), as: undefined })).status).toBe(401)
    expect(await t.store.qa.list('sv-general-01', 'sv')).toEqual([])
  })
})
