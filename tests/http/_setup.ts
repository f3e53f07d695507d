import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onCleanup } from '../_cleanup.js'
import { issueToken } from '../../src/auth/tokens.js'
import type { Accounts, Grant } from '../../src/auth/types.js'
import { createApp, type AppOptions } from '../../src/http/app.js'
import { importText } from '../../src/import/import-text.js'
import { createSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/create-sqlite-store.js'
import type { Store } from '../../src/store/types.js'

/** A small English article with Swedish and German targets. */
export const ARTICLE = {
  id: 'sv-general-01',
  tag: 'sv-general',
  lang: 'en',
  targets: ['sv', 'de'],
  text: '# Welcome\n\nThe weather is fine today. We walk to the harbour.\n\nThe boats are ready. Everyone is happy.\n',
}

/** The accounts every test app has, and their grants. */
export const PEOPLE: Record<string, Grant[]> = {
  boss: [{ role: 'admin', langs: [] }],
  ana: [{ role: 'translator', langs: ['sv'] }],
  rev: [{ role: 'reviewer', langs: ['sv'] }],
  vic: [{ role: 'viewer', langs: [] }],
}

/** A Response whose JSON tests may read without casts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json: () => Promise<any> }

export interface TestApp {
  app: ReturnType<typeof createApp>
  store: Store
  accounts: Accounts
  file: string
  /** API token per account in {@link PEOPLE}. */
  tokens: Record<string, string>
  /** Ids of the article's units, in order. */
  units: string[]
  /** `app.request` with `Authorization: Bearer` for the named account (or none). */
  call: (url: string, init?: RequestInit & { as?: string | undefined }) => Promise<TestResponse>
}


/** A fresh SQLite store in a temp dir, the article imported, the accounts made, and the app. */
export async function makeTestApp(opts: Partial<AppOptions> = {}, storeOpts: Omit<SqliteStoreOptions, 'file'> = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-http-'))
  const file = path.join(dir, 'tolk.sqlite')
  const store = createSqliteStore({ ...storeOpts, file })
  const accounts = store.accounts
  onCleanup(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  await importText(store, ARTICLE)
  const tokens: Record<string, string> = {}
  for (const [name, grants] of Object.entries(PEOPLE)) {
    await accounts.add(name, grants)
    tokens[name] = (await issueToken(accounts, name)).token
  }
  const units = (await store.listUnits(ARTICLE.id)).map((u) => u.id)
  const app = createApp({ store, log: false, ...opts })
  const call: TestApp['call'] = (url, init = {}) => {
    const { as: _as, ...rest } = init
    // `as: undefined` means no token; leaving `as` out means the admin.
    const as = 'as' in init ? init.as : 'boss'
    const headers = new Headers(rest.headers)
    if (as !== undefined && tokens[as] && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${tokens[as]}`)
    return Promise.resolve(app.request(url, { ...rest, headers })) as Promise<TestResponse>
  }
  return { app, store, accounts, file, tokens, units, call }
}

/** JSON request init. */
export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } }
}

/** Path of one translation. */
export function tPath(unit: string, lang = 'sv', article = ARTICLE.id): string {
  return `/api/articles/${article}/units/${unit}/translations/${lang}`
}
