import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'
import { afterAll, describe, expect, it } from 'vitest'
import { resourceSetId } from '../../src/model/namespaces.js'
import { startServer } from '../../src/server.js'
import { openStore } from '../../src/store/open-store.js'
import { jsonBody, makeTestApp } from './_setup.js'

const layout = { indent: '  ', finalNewline: true }
const e = (key: string, value: string) => ({ path: key.split('.'), value })
const USERS = {
  id: 'admin/users',
  lang: 'en',
  source: { ...layout, entries: [e('title', 'Users'), e('nav.back', 'Back')] },
  targets: [{ lang: 'sv', ...layout, entries: [e('title', 'Användare')] }],
}

describe('/locales with namespaces from subfolders (admin/users)', () => {
  it('serves /locales/sv/admin/users.json, and only the namespace of that name', async () => {
    const { call, store } = await makeTestApp()
    await store.resourceSets.importTree([USERS, { ...USERS, id: 'users' }], { author: 'i' })
    const sv = await call('/locales/sv/admin/users.json')
    expect(sv.status).toBe(200)
    expect(await sv.json()).toEqual({ title: 'Användare' })
    expect(await (await call('/locales/en/admin/users.json')).json()).toEqual({ title: 'Users', nav: { back: 'Back' } })
    // Its derived id is no way in through the one-segment route.
    expect((await call(`/locales/sv/${resourceSetId('admin/users')}.json`)).status).toBe(404)
    // A client resolves `..` (and `%2E%2E`) before it sends, as URL does: this asks for `users`.
    expect(await (await call('/locales/sv/admin/../users.json')).json()).toEqual({ title: 'Användare' })
    expect(await (await call('/locales/sv/admin/%2E%2E/users.json')).json()).toEqual({ title: 'Användare' })
    for (const bad of ['/locales/sv/admin%2Fusers.json', '/locales/sv/admin//users.json', '/locales/sv/admin/users', '/locales/sv/admin/nobody.json', '/locales/sv/admin%5Cusers/x.json', '/locales/sv/a%00b/users.json']) {
      const res = await call(bad)
      expect([404], bad).toContain(res.status)
      expect(res.headers.get('content-type'), bad).toMatch(/problem\+json/)
    }
    expect((await call('/locales/fi/admin/users.json')).status).toBe(404)
    expect((await call('/locales/sv/admin/users.json', { as: undefined })).status).toBe(401)
  })

  it('takes saveMissing posts to /locales/add/en/admin/users and refuses hostile names with 400', async () => {
    const { call, store } = await makeTestApp({ localeTargets: ['sv'] })
    const res = await call('/locales/add/en/admin/users', jsonBody('POST', { title: 'Users' }))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ namespace: 'admin/users', created: true, added: ['title'] })
    expect((await store.resourceSets.get(resourceSetId('admin/users')))!.namespace).toBe('admin/users')
    expect(await (await call('/locales/en/admin/users.json')).json()).toEqual({ title: 'Users' })
    for (const bad of ['/locales/add/en/admin/%2E%2E', '/locales/add/en/a/b/c/d/e/f/g/h/i', '/locales/add/en/a%5Cb/c', '/locales/add/en/a%01/b', '/locales/add/en/admin%2Fusers/x']) {
      const r = await call(bad, jsonBody('POST', { a: 'b' }))
      expect(r.status, bad).toBe(400)
      expect(await r.json(), bad).toMatchObject({ type: expect.stringContaining('invalid-id') })
    }
    expect((await store.resourceSets.list()).map((s) => s.namespace)).toEqual(['admin/users'])
  })
})

describe('a namespace from a subfolder through the /api routes (by its document id)', () => {
  it('exports PO and XLIFF under the derived id, with safe file names, and takes a translated PO back', async () => {
    const t = await makeTestApp()
    await t.store.resourceSets.importTree([USERS], { author: 'i' })
    const id = resourceSetId('admin/users')
    expect((await (await t.call(`/api/articles/${id}`)).json()).title).toBe('admin/users')
    const xliff = await t.call(`/api/articles/${id}/export?lang=sv&format=xliff2`)
    expect(xliff.status).toBe(200)
    expect(xliff.headers.get('content-disposition')).toContain(id)
    expect(await xliff.text()).toContain(`original="${id}"`)
    const po = await (await t.call(`/api/articles/${id}/export?lang=sv&format=po`)).text()
    // nav.back, the one untranslated key, translated in the file.
    const at = po.indexOf('msgid "Back"')
    expect(at).toBeGreaterThan(0)
    const edited = po.slice(0, at) + po.slice(at).replace('msgstr ""', 'msgstr "Tillbaka"')
    const back = await t.call(`/api/articles/${id}/import-translations`, { method: 'POST', body: edited, headers: { 'Content-Type': 'text/x-gettext-translation' } })
    expect(back.status).toBe(200)
    expect(await (await t.call('/locales/sv/admin/users.json')).json()).toEqual({ title: 'Användare', nav: { back: 'Tillbaka' } })
  })
})

describe('i18next 26 with i18next-http-backend, a namespace from a subfolder, on a real port', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-ns-folders-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('loads admin/users through the default loadPath', async () => {
    const db = path.join(dir, 'tolk.sqlite')
    const store = await openStore(db)
    await store.resourceSets.importTree([USERS], { author: 'i' })
    await store.close()
    const server = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, publicRead: true, print: () => {} })
    try {
      // i18next-http-backend puts the namespace into the load path as it is: /locales/sv/admin/users.json.
      const i18n = i18next.createInstance()
      const backend = { loadPath: `${server.url}/locales/{{lng}}/{{ns}}.json` }
      await i18n.use(HttpBackend).init({ lng: 'sv', fallbackLng: 'en', ns: ['admin/users'], defaultNS: 'admin/users', backend })
      const t = i18n.t as unknown as (key: string) => string
      expect(t('title')).toBe('Användare')
      expect(t('nav.back')).toBe('Back')
      expect(t('admin/users:title')).toBe('Användare')
    } finally {
      await server.close()
    }
  })
})
