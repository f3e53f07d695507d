import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../src/auth/passwords.js'
import { issueToken } from '../../../src/auth/tokens.js'
import { openSqliteAccounts } from '../../../src/store/sqlite/accounts.js'
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js'
import { openSqliteWebAuth } from '../../../src/store/sqlite/sessions.js'
import { ROOT, runCli, seededDb } from '../../cli/run-cli.js'
import { openStream } from './_stream.js'

// Two real `tolk serve` processes on one SQLite file: a change to rights made by a CLI verb (a
// third process) or by one server ends the streams open on the other and is refused by both,
// within the 1 s the issue allows.
const ID = 'sv-general-01'
const PASSWORD = 'correct horse battery'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-live-processes-'))
const db = path.join(dir, 'tolk.sqlite')
const children: ChildProcess[] = []
let a = ''
let b = ''
let unit = ''

/** Start `tolk serve` on a free port over the test's database; resolves with its URL. */
async function serve(): Promise<string> {
  const child = spawn(process.execPath, ['bin/tolk.js', 'serve', '0', '--db', db, '--quiet'], { cwd: ROOT })
  let err = ''
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  children.push(child)
  let out = ''
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\S+)/.exec(out)
      if (m) resolve(m[1] as string)
    })
    child.once('exit', (code) => reject(new Error(`tolk serve exited ${code}: ${out}${err}`)))
  })
}

/** Whether `ok()` holds within 1 s (asked every 20 ms). */
async function within1s(ok: () => Promise<boolean>): Promise<boolean> {
  for (const end = Date.now() + 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (await ok()) return true
  }
  return ok()
}

let people = 0
/** A new translator of sv with a password, an API token and an editor session on server B. */
async function translator() {
  const name = `ana${++people}`
  const accounts = openSqliteAccounts({ file: db })
  const web = openSqliteWebAuth({ file: db }, accounts)
  await accounts.add(name, [{ role: 'translator', langs: ['sv'] }])
  await web.passwords.set(name, await hashPassword(PASSWORD))
  const { token, info } = await issueToken(accounts, name)
  await web.close()
  await accounts.close()
  const page = await fetch(`${b}/sign-in`)
  const csrfCookie = /tolk_csrf=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0] as string
  const csrf = /data-csrf="([^"]+)"/.exec(await page.text())?.[1] as string
  const signIn = await fetch(`${b}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: csrfCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, account: name, password: PASSWORD }).toString(),
  })
  expect(signIn.status).toBe(303)
  const cookie = (signIn.headers.getSetCookie().find((l) => l.startsWith('tolk_session=')) as string).split(';')[0] as string
  const bearer = { Authorization: `Bearer ${token}` }
  return {
    name,
    tokenId: info.id,
    /** The editor's stream and the API's stream of sv, both on B, both known to be followed. */
    async streams() {
      const web = openStream(await fetch(`${b}/edit/${ID}/sv/events`, { headers: { Cookie: cookie } }))
      const api = openStream(await fetch(`${b}/api/articles/${ID}/events?lang=sv`, { headers: bearer }))
      // A save through A reaches both: they are followed, and A and B share the database.
      const text = `Välkommen, ${name}.`
      expect(await save(a, bearer, text)).toBe(200)
      for (const s of [web, api]) expect(await s.until(new RegExp(text), 5000)).toBe(true)
      return { web, api }
    },
    /** The editor's home page on a server: 200 while signed in, 303 to the sign-in page after. */
    home: async (url: string) => (await fetch(`${url}/`, { redirect: 'manual', headers: { Cookie: cookie } })).status,
    /** Sign out through the editor of a server, as its Sign out button does. */
    async signOut(url: string) {
      const page = await fetch(`${url}/`, { headers: { Cookie: cookie } })
      const csrf = /data-csrf="([^"]+)"/.exec(await page.text())?.[1] as string
      const res = await fetch(`${url}/sign-out`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      })
      expect(res.status).toBe(303)
    },
    /** A save of sv through the API of a server, with the token. */
    save: (url: string, text: string) => save(url, bearer, text),
    /** A read through the API of a server, with the token. */
    read: async (url: string) => (await fetch(`${url}/api/articles/${ID}`, { headers: bearer })).status,
  }
}

/** Save the test's unit in sv through the API of `url`, on top of its current version; the status. */
async function save(url: string, headers: Record<string, string>, text: string): Promise<number> {
  const at = `${url}/api/articles/${ID}/units/${unit}/translations/sv`
  const etag = (await fetch(at, { headers })).headers.get('etag') ?? '"0"'
  const res = await fetch(at, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ text, state: 'translated' }),
  })
  return res.status
}

describe('rights end in every tolk serve process on one database within 1 s', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await seededDb(db)
    const store = createSqliteStore({ file: db })
    unit = (await store.listUnits(ID))[0]?.id as string
    await store.close()
    // One after the other: two first starts at once may both try to make the first admin.
    a = await serve()
    b = await serve()
  }, 120_000)
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('tolk token revoke: the token stream on B ends, and A and B refuse the token', async () => {
    const ana = await translator()
    const { web, api } = await ana.streams()
    expect(runCli(['token', 'revoke', String(ana.tokenId), '--db', db]).status).toBe(0)
    expect(await api.endsWithin(1000)).toBe(true)
    expect(api.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(await within1s(async () => (await ana.read(a)) === 401 && (await ana.read(b)) === 401)).toBe(true)
    // The session is another right: it holds.
    expect(await ana.home(a)).toBe(200)
    await web.cancel()
  })

  it('tolk user revoke: both streams on B end, and A and B refuse to save', async () => {
    const ana = await translator()
    const { web, api } = await ana.streams()
    expect(runCli(['user', 'revoke', ana.name, 'translator', '--lang', 'sv', '--db', db]).status).toBe(0)
    // The verb also ends the account's sessions (it signs in again with what it has left).
    for (const [s, why] of [[web, 'signed-out'], [api, 'rights-changed']] as const) {
      expect(await s.endsWithin(1000)).toBe(true)
      expect(s.text()).toMatch(new RegExp(`event: end\ndata: ${why}\n\n$`))
    }
    expect(await within1s(async () => (await ana.save(a, 'Nej.')) === 403 && (await ana.save(b, 'Nej.')) === 403)).toBe(true)
  })

  it('tolk user passwd: the editor stream on B ends, and A and B ask to sign in again', async () => {
    const ana = await translator()
    const { web, api } = await ana.streams()
    expect(runCli(['user', 'passwd', ana.name, '--db', db], { input: 'another long passphrase\n' }).status).toBe(0)
    expect(await web.endsWithin(1000)).toBe(true)
    expect(web.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(await within1s(async () => (await ana.home(a)) === 303 && (await ana.home(b)) === 303)).toBe(true)
    await api.cancel()
  })

  it('tolk user sign-out: the editor stream on B ends, and A and B ask to sign in again', async () => {
    const ana = await translator()
    const { web, api } = await ana.streams()
    expect(runCli(['user', 'sign-out', ana.name, '--db', db]).status).toBe(0)
    expect(await web.endsWithin(1000)).toBe(true)
    expect(web.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(await within1s(async () => (await ana.home(a)) === 303 && (await ana.home(b)) === 303)).toBe(true)
    await api.cancel()
  })

  it('signing out on A ends the editor stream open on B', async () => {
    const ana = await translator()
    const { web, api } = await ana.streams()
    await ana.signOut(a)
    expect(await web.endsWithin(1000)).toBe(true)
    expect(web.text()).toMatch(/event: end\ndata: signed-out\n\n$/)
    expect(await ana.home(b)).toBe(303)
    await api.cancel()
  })
})
