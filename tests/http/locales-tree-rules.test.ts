import { describe, expect, it } from 'vitest'
import { jsonBody, makeTestApp } from './_setup.js'

// Issue 22, point 8: an app whose languages are named as its locale folders are (pt_BR) loads and
// saves its missing keys under the language tolk check and tolk import-locales read (pt-BR).
describe('i18next backend paths with a language named as a folder (pt_BR)', () => {
  it('takes saveMissing posts for pt_BR as pt-BR and serves pt_BR as pt-BR', async () => {
    const { call, store } = await makeTestApp({ localeTargets: ['sv'] })
    expect((await call('/locales/add/en/app', jsonBody('POST', { hello: 'Hello' }))).status).toBe(201)
    const res = await call('/locales/add/pt_BR/app', jsonBody('POST', { hello: 'Hello' }))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ lang: 'pt-BR', targetAdded: true })
    await store.writeTranslation({ articleId: 'app', unitId: 'hello', lang: 'pt-BR', text: 'Olá', state: 'translated', author: 'ann' })
    const served = await call('/locales/pt_BR/app.json')
    expect(served.status).toBe(200)
    expect(await served.json()).toEqual({ hello: 'Olá' })
    expect(await (await call('/locales/pt-BR/app.json')).json()).toEqual({ hello: 'Olá' })
  })

  it('still answers 400 for a name that is no language either way', async () => {
    const { call } = await makeTestApp({ localeTargets: ['sv'] })
    const res = await call('/locales/add/not_a_lang_at_all/app', jsonBody('POST', { hello: 'Hello' }))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('saveMissing keys of an imported array', () => {
  it('adds an element posted as steps.2 to the array, which is served as an array', async () => {
    const { call, store } = await makeTestApp({ localeTargets: ['sv'] })
    const layout = { indent: '  ', finalNewline: true }
    await store.resourceSets.importTree(
      [{ id: 'app', lang: 'en', source: { ...layout, entries: [{ path: ['steps', 0], value: 'Open' }, { path: ['steps', 1], value: 'Press' }] }, targets: [] , alsoTargets: ['sv'] }],
      { author: 'ann' },
    )
    const res = await call('/locales/add/en/app', jsonBody('POST', { 'steps.2': 'Done', 'list.0': 'Not an array' }))
    expect(await res.json()).toMatchObject({ added: ['steps.2', 'list.0'] })
    expect(await (await call('/locales/en/app.json')).json()).toEqual({ steps: ['Open', 'Press', 'Done'], list: { 0: 'Not an array' } })
  })
})
