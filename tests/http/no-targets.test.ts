import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import-text.js'
import { jsonBody, makeTestApp } from './_setup.js'

describe('saveMissing on a server without --targets', () => {
  it('answers 409 no-targets naming tolk serve --targets and TOLK_TARGETS, and creates nothing', async () => {
    for (const localeTargets of [[], ['en']]) {
      const t = await makeTestApp({ localeTargets })
      const before = await (await t.call('/api/articles')).json()
      const res = await t.call('/locales/add/en/app', jsonBody('POST', { 'nav.home': 'Home' }))
      expect(res.status).toBe(409)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const body = await res.json()
      expect(body).toMatchObject({ type: '/problems/no-targets', status: 409 })
      expect(body.detail).toContain('tolk serve --targets')
      expect(body.detail).toContain('TOLK_TARGETS')
      expect(await (await t.call('/api/articles')).json()).toEqual(before)
      expect((await t.call('/locales/en/app.json')).status).toBe(404)
      expect((await t.call('/api/report?article=app')).status).toBe(404)
      expect(await t.store.resourceSets.list()).toEqual([])
      // The page says the same.
      expect(await (await t.call(body.type, { as: undefined })).text()).toContain('TOLK_TARGETS')
    }
  })

  it('still takes posts to a namespace that exists', async () => {
    const t = await makeTestApp({ localeTargets: [] })
    await t.store.resourceSets.addMissing({ namespace: 'app', lang: 'en', keys: [['a', 'A']], targets: ['sv'] })
    const res = await t.call('/locales/add/en/app', jsonBody('POST', { b: 'B' }))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ created: false, added: ['b'] })
  })
})

describe('PUT /api/articles/:id with targets on an i18next namespace', () => {
  it('answers 409 not-an-article saying where a namespace\'s targets come from and how to add one', async () => {
    const t = await makeTestApp({ localeTargets: ['de'] })
    await t.call('/locales/add/en/app', jsonBody('POST', { 'nav.home': 'Home' }))
    const res = await t.call('/api/articles/app', jsonBody('PUT', { lang: 'en', targets: ['sv'], text: 'Home.' }))
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.type).toBe('/problems/not-an-article')
    expect(body.detail).toContain('target languages are de')
    expect(body.detail).toContain('to add sv')
    expect(body.detail).toContain('tolk import-locales')
    expect(body.detail).toContain('POST /locales/add/sv/app')
    // Doing what it says adds the target.
    const post = await t.call('/locales/add/sv/app', jsonBody('POST', { 'nav.home': 'Home' }))
    expect(await post.json()).toMatchObject({ targetAdded: true })
    expect((await t.store.resourceSets.get('app'))?.targets).toEqual(['de', 'sv'])
  })

  it('says the same to tolk import (importText)', async () => {
    const t = await makeTestApp({ localeTargets: ['de'] })
    await t.call('/locales/add/en/app', jsonBody('POST', { 'nav.home': 'Home' }))
    await expect(importText(t.store, { id: 'app', tag: 'en-locales', lang: 'en', targets: ['sv'], text: 'Home.' })).rejects.toMatchObject({
      code: 'not-an-article',
      status: 409,
      message: expect.stringContaining('tolk import-locales'),
    })
  })
})
