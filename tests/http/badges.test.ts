import { describe, expect, it } from 'vitest'
import { makeTestApp } from './_setup.js'

describe('coverage badges', () => {
  it('shows one language’s coverage as an SVG that moves when a translation is saved', async () => {
    const t = await makeTestApp()
    const before = await t.call('/badge/sv-general-01/sv.svg', { as: 'vic' })
    expect(before.status).toBe(200)
    expect(before.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(await before.text()).toContain('>0%<')

    await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: t.units[0] as string, lang: 'sv', text: 'Välkommen', state: 'translated', author: 'ana' })
    const after = await (await t.call('/badge/sv-general-01/sv.svg', { as: 'vic' })).text()
    expect(after).not.toContain('>0%<')
  })

  it('shows the lowest coverage over all targets without a language', async () => {
    const t = await makeTestApp()
    for (const id of t.units) {
      await t.store.writeTranslation({ articleId: 'sv-general-01', unitId: id, lang: 'sv', text: 'x', state: 'translated', author: 'ana' })
    }
    expect(await (await t.call('/badge/sv-general-01/sv.svg', { as: 'vic' })).text()).toContain('>100%<')
    expect(await (await t.call('/badge/sv-general-01.svg', { as: 'vic' })).text()).toContain('>0%<')
  })

  it('answers with a Content-Security-Policy that lets an SVG opened on its own run nothing', async () => {
    const t = await makeTestApp({ publicRead: true })
    for (const path of ['/badge/sv-general-01/sv.svg', '/badge/sv-general-01.svg']) {
      const res = await t.call(path, { as: undefined })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; style-src 'unsafe-inline'")
    }
  })

  it('needs a token unless reads are public', async () => {
    expect((await (await makeTestApp()).call('/badge/sv-general-01/sv.svg', { as: undefined })).status).toBe(401)
    expect((await (await makeTestApp({ publicRead: true })).call('/badge/sv-general-01/sv.svg', { as: undefined })).status).toBe(200)
  })

  it.each([
    ['/badge/nope-01/sv.svg', 404],
    ['/badge/sv-general-01/fi.svg', 404],
    ['/badge/sv-general-01/xx.svg', 400],
    ['/badge/sv-general-01/sv.png', 404],
    ['/badge/..%2Fetc.svg', 400],
  ])('answers %s with %i as problem+json', async (url, status) => {
    const r = await (await makeTestApp()).call(url, { as: 'vic' })
    expect(r.status).toBe(status)
    expect(r.headers.get('content-type')).toBe('application/problem+json')
  })
})
