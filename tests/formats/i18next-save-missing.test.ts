import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server.js'
import { runCli } from '../cli/run-cli.js'

// Real i18next 26 with i18next-http-backend against `tolk serve` on a real port: it loads a
// namespace, reports missing keys (and plural forms) with saveMissing, and the workbench lists
// them as untranslated like any other unit.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-save-missing-'))
const db = path.join(dir, 'tolk.sqlite')
let server: RunningServer
let token = ''

beforeAll(async () => {
  const lines: string[] = []
  server = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, localeTargets: ['sv'], print: (l) => lines.push(l) })
  token = lines.find((l) => l.startsWith('tolk_'))!
  // The namespace exists with one key, so that loading it answers 200.
  const res = await fetch(`${server.url}/locales/add/en/app`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ 'nav.home': 'Home' }),
  })
  expect(res.status).toBe(201)
})
afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function report(): Promise<{ articles: { id: string; units: number; languages: Record<string, { untranslated: { id: string; source: string }[] }> }[] }> {
  const res = await fetch(`${server.url}/api/report?article=app`, { headers: { authorization: `Bearer ${token}` } })
  return res.json() as never
}

/** Poll the report until `ids` are all units of the namespace (the posts are fire-and-forget). */
async function waitForUnits(ids: string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const units = (await report()).articles[0]?.languages.sv?.untranslated.map((u) => u.id) ?? []
    if (ids.every((id) => units.includes(id))) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the keys ${ids.join(', ')} never reached the workbench`)
}

describe('i18next saveMissing against the workbench', () => {
  it('posts missing keys and plural forms; they show up untranslated in the report and in tolk check --db', async () => {
    const i18n = i18next.createInstance()
    const missing: string[] = []
    i18n.on('missingKey', (_lngs, _ns, key) => missing.push(key))
    await i18n.use(HttpBackend).init({
      lng: 'en',
      fallbackLng: 'en',
      ns: ['app'],
      defaultNS: 'app',
      saveMissing: true,
      saveMissingPlurals: true,
      backend: {
        loadPath: `${server.url}/locales/{{lng}}/{{ns}}.json`,
        addPath: `${server.url}/locales/add/{{lng}}/{{ns}}`,
        customHeaders: { authorization: `Bearer ${token}` },
      },
    })
    const t = i18n.t as unknown as (key: string, opts?: Record<string, unknown>) => string
    expect(t('nav.home')).toBe('Home')
    expect(t('checkout.pay', { defaultValue: 'Pay now' })).toBe('Pay now')
    expect(t('cart.items', { count: 3, defaultValue_one: 'one item', defaultValue_other: '{{count}} items' })).toBe('3 items')
    expect(t('inbox.unread', { count: 2 })).toBe('inbox.unread')

    await waitForUnits(['checkout.pay', 'cart.items_one', 'cart.items_other', 'inbox.unread_one', 'inbox.unread_other'])
    const app = (await report()).articles[0]!
    const untranslated = Object.fromEntries(app.languages.sv!.untranslated.map((u) => [u.id, u.source]))
    expect(untranslated).toEqual({
      'nav.home': 'Home',
      'checkout.pay': 'Pay now',
      'cart.items_one': 'one item',
      'cart.items_other': '{{count}} items',
      // Without a default, i18next posts the key itself as the fallback.
      'inbox.unread_one': 'inbox.unread',
      'inbox.unread_other': 'inbox.unread',
    })
    expect(missing).toContain('checkout.pay')

    // The same keys fail the CI gate on the database (the server keeps running beside it).
    const check = runCli(['check', '--db', db, '--format', 'json', 'app'])
    expect(check.status).toBe(1)
    const result = JSON.parse(check.stdout) as { problems: { key: string; kind: string; lang: string }[] }
    expect(result.problems.filter((p) => p.lang === 'sv').map((p) => p.key)).toEqual(expect.arrayContaining(['checkout.pay', 'cart.items_one', 'cart.items_other']))
  })

  it("with saveMissingTo 'all' adds the app's language as a target and the key in the source language only", async () => {
    const i18n = i18next.createInstance()
    await i18n.use(HttpBackend).init({
      lng: 'fr',
      fallbackLng: 'en',
      ns: ['app'],
      defaultNS: 'app',
      saveMissing: true,
      saveMissingTo: 'all',
      backend: {
        loadPath: `${server.url}/locales/{{lng}}/{{ns}}.json`,
        addPath: `${server.url}/locales/add/{{lng}}/{{ns}}`,
        customHeaders: { authorization: `Bearer ${token}` },
      },
    })
    const t = i18n.t as unknown as (key: string, opts?: Record<string, unknown>) => string
    expect(t('footer.legal', { defaultValue: 'Legal notice' })).toBe('Legal notice')
    await waitForUnits(['footer.legal'])
    for (let i = 0; i < 100 && !('fr' in (await report()).articles[0]!.languages); i++) await new Promise((r) => setTimeout(r, 50))
    const app = (await report()).articles[0]!
    expect(Object.keys(app.languages)).toEqual(['sv', 'fr'])
    expect(app.languages.fr!.untranslated.find((u) => u.id === 'footer.legal')).toEqual({ id: 'footer.legal', position: expect.any(Number), source: 'Legal notice' })
  })
})
