import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server.js'
import { openStore } from '../../src/store/open-store.js'

// The real i18next client with i18next-http-backend's default loadPath shape, against the
// service on a real port: the workbench as an i18next backend (read path).
const ARTICLE = 'sv-general-01'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-i18next-'))
const db = path.join(dir, 'tolk.sqlite')
let server: RunningServer
let units: { id: string; source: string }[]

beforeAll(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db,
    quiet: true,
    publicRead: true,
    print: () => {},
  })
  // A second connection writes, as the editor would; WAL lets the server see it at once.
  const store = await openStore(db)
  units = (await store.listUnits(ARTICLE)).map((u) => ({ id: u.id, source: u.source }))
  await store.writeTranslation({
    articleId: ARTICLE,
    unitId: units[0]!.id,
    lang: 'sv',
    text: 'HTS-toppmötet',
    state: 'translated',
    author: 'ann',
  })
  await store.close()
})
afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('i18next with i18next-http-backend', () => {
  it('loads an article as a namespace: translations in sv, the source language as fallback', async () => {
    const i18n = i18next.createInstance()
    await i18n.use(HttpBackend).init({
      lng: 'sv',
      fallbackLng: 'en',
      ns: [ARTICLE],
      defaultNS: ARTICLE,
      // Unit ids hold no separators, but an app's keys might: keep i18next from splitting them.
      keySeparator: false,
      nsSeparator: false,
      backend: { loadPath: `${server.url}/locales/{{lng}}/{{ns}}.json` },
    })
    // The project types t() for its UI keys; article namespaces are data, not typed keys.
    const t = i18n.t as unknown as (key: string) => string
    expect(t(units[0]!.id)).toBe('HTS-toppmötet')
    expect(t(units[1]!.id)).toBe(units[1]!.source)
    expect(t('no-such-unit')).toBe('no-such-unit')
  })
})
