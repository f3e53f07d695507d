import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onCleanup } from '../_cleanup.js'
import { hashPassword } from '../../src/auth/passwords.js'
import type { SessionLifetime } from '../../src/auth/sessions.js'
import type { Grant } from '../../src/auth/types.js'
import { createApp } from '../../src/http/app.js'
import { importText } from '../../src/import/import-text.js'
import { openSqliteAccounts } from '../../src/store/sqlite/accounts.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import { openSqliteWebAuth } from '../../src/store/sqlite/sessions.js'
import type { Store } from '../../src/store/types.js'
import { createWebRoutes } from '../../src/web/create-web-routes.js'
import type { WebDeps } from '../../src/web/env.js'

/** A small English article with Swedish and German targets. */
export const ARTICLE = {
  id: 'sv-general-01',
  tag: 'sv-general',
  lang: 'en',
  targets: ['sv', 'de'],
  text: "# Welcome\n\nThe weather is fine today. We walk to the harbour at 5 o'clock.\n\nThe boats are ready. Everyone is happy.\n",
}

/** Every test account's password. */
export const PASSWORD = 'correct horse battery'

/** Accounts and grants of every test app. */
export const PEOPLE: Record<string, Grant[]> = {
  boss: [{ role: 'admin', langs: [] }],
  ana: [{ role: 'translator', langs: ['sv'] }],
  rev: [{ role: 'reviewer', langs: ['sv'] }],
  vic: [{ role: 'viewer', langs: [] }],
}


/** One browser-like client: keeps cookies between requests and knows the page's CSRF token. */
export interface Client {
  get: (url: string, headers?: Record<string, string>) => Promise<Response>
  post: (
    url: string,
    form: Record<string, string>,
    headers?: Record<string, string>,
  ) => Promise<Response>
  /** The CSRF token from the last page fetched. */
  csrf: () => string
  cookies: Map<string, string>
}

/**
 * A browser on an app: keeps its cookies, and the CSRF token of the last page, for the next form.
 * Two apps on one database stand for two servers behind a load balancer.
 */
export function makeClient(app: { request: (url: string, init: RequestInit) => Response | Promise<Response> }): Client {
  const cookies = new Map<string, string>()
  let token = ''
  const request = async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)
    if (cookies.size > 0)
      headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await app.request(url, { ...init, headers })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [k, v] = (pair as string).split('=') as [string, string]
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(k)
      else cookies.set(k, v)
    }
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      const html = await res.clone().text()
      token = /data-csrf="([^"]+)"/.exec(html)?.[1] ?? token
    }
    return res
  }
  return {
    cookies,
    csrf: () => token,
    get: (url, headers = {}) => request(url, { headers }),
    post: (url, form, headers = {}) =>
      request(url, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: token, ...form }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      }),
  }
}

/** A fresh store and accounts in a temp dir, the article, every account with a password, the app. */
export async function makeWebApp(opts: Partial<WebDeps> & { watch?: (store: Store) => Store; lifetime?: Partial<SessionLifetime> } = {}) {
  const { watch, lifetime, ...deps } = opts
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-web-'))
  const file = path.join(dir, 'tolk.sqlite')
  const store: Store = createSqliteStore({ file })
  const accounts = openSqliteAccounts({ file })
  const web = openSqliteWebAuth({ file, ...(lifetime ? { lifetime } : {}) }, accounts)
  onCleanup(async () => {
    await web.close()
    await accounts.close()
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  await importText(store, ARTICLE)
  const hash = await hashPassword(PASSWORD)
  for (const [name, grants] of Object.entries(PEOPLE)) {
    await accounts.add(name, grants)
    await web.passwords.set(name, hash)
  }
  const units = (await store.listUnits(ARTICLE.id)).map((u) => u.id)
  // saveMissing may create namespaces, translated into sv and de (as `tolk serve --targets sv,de`).
  const app = createApp({ store, accounts, log: false, localeTargets: ['sv', 'de'] })
  app.route(
    '/',
    createWebRoutes({ store: watch ? watch(store) : store, accounts, passwords: web.passwords, sessions: web.sessions, ...deps }),
  )

  const client = (): Client => makeClient(app)

  /** A client signed in as `name`. */
  const signedIn = async (name: string): Promise<Client> => {
    const c = client()
    await c.get('/sign-in')
    const res = await c.post('/sign-in', { account: name, password: PASSWORD })
    if (res.status !== 303) throw new Error(`sign-in of ${name} answered ${res.status}`)
    await c.get('/')
    return c
  }
  return { app, store, accounts, web, file, units, client, signedIn }
}

/** Write a translation of a unit of {@link ARTICLE} straight into the store, as someone else's save. */
export function writeAs(
  store: Store,
  unitId: string,
  text: string,
  o: { lang?: string; author?: string; state?: 'translated' | 'reviewed'; ifVersion?: number } = {},
) {
  return store.writeTranslation({
    articleId: ARTICLE.id,
    unitId,
    lang: o.lang ?? 'sv',
    text,
    state: o.state ?? 'translated',
    ifVersion: o.ifVersion ?? 0,
    author: o.author ?? 'ana',
  })
}
