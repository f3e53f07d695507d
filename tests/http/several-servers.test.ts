/**
 * Several `tolk serve` processes on one PostgreSQL database (issue 19), as real processes behind
 * no proxy: no lost update across servers, rights taken back on every server within a second, a
 * sign-in limit that counts across servers, and a server killed with SIGKILL under load costing
 * nothing that was acknowledged.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { issueToken } from '../../src/auth/tokens.js'
import { importText } from '../../src/import/import-text.js'
import { openStore } from '../../src/store/open-store.js'
import { freshPgUrl } from '../store/_pg.js'
import { describeWith } from '../tools/need.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ARTICLE = 'en-servers-01'
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

interface Server {
  url: string
  child: ChildProcess
}

/** A `tolk serve` on `db` (npm test builds dist/ first), once it listens. */
function serve(db: string): Promise<Server> {
  return serveWatched(db, [])
}

/** A `tolk serve` on `db`, once it listens, with what it printed until then pushed to `outputs`. */
function serveWatched(db: string, outputs: string[]): Promise<Server> {
  const child = spawn(process.execPath, ['bin/tolk.js', 'serve', '--port', '0', '--db', db, '--quiet'], { cwd: ROOT })
  children.push(child)
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\S+)/.exec(out)
      if (m) {
        outputs.push(out)
        resolve({ url: m[1] as string, child })
      }
    })
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => reject(new Error(`tolk serve exited ${code}: ${out}`)))
  })
}

/** A database with one article (sv target), an admin token and a translator `ana` with a token and a password. */
async function workbench(): Promise<{ db: string; admin: string; ana: string; anaTokenId: number; units: string[] }> {
  const db = await freshPgUrl()
  const store = await openStore(db)
  try {
    const text = Array.from({ length: 6 }, (_, i) => `Sentence number ${i + 1} of the shared article.`).join('\n\n')
    await importText(store, { id: ARTICLE, tag: 'en-servers', lang: 'en', targets: ['sv'], text: `${text}\n` })
    await store.accounts.add('boss', [{ role: 'admin', langs: [] }])
    await store.accounts.add('ana', [{ role: 'translator', langs: ['sv'] }])
    const admin = (await issueToken(store.accounts, 'boss')).token
    const { token: ana, info } = await issueToken(store.accounts, 'ana')
    const units = (await store.listUnits(ARTICLE)).map((u) => u.id)
    return { db, admin, ana, anaTokenId: info.id, units }
  } finally {
    await store.close()
  }
}

const put = (server: Server, token: string, unit: string, text: string, version: number) =>
  fetch(`${server.url}/api/articles/${ARTICLE}/units/${unit}/translations/sv`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify({ text }),
  })

const cli = (args: string[], input = '') => spawnSync(process.execPath, ['bin/tolk.js', ...args], { cwd: ROOT, encoding: 'utf8', input })

describeWith(['postgres'], 'several servers on one PostgreSQL database', { timeout: 120_000 }, () => {
  for (const count of [2, 4]) {
    it(`${count} servers, 50 conflicting writers on one unit: every 2xx is in the history, every refusal a 412`, { timeout: 120_000 }, async () => {
      const w = await workbench()
      const servers = await Promise.all(Array.from({ length: count }, () => serve(w.db)))
      const unit = w.units[0] as string
      // Every writer reads version 0 and writes once: one wins, the others must be refused.
      const answers = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const res = await put(servers[i % count] as Server, w.ana, unit, `writer ${i}`, 0)
          return { status: res.status, body: (await res.json()) as { version?: number } }
        }),
      )
      expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 412)).toEqual([])
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
      // Then each writer goes on until it has one write in, reading the version from each 412.
      const rounds = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const server = servers[i % count] as Server
          let version = 1
          const statuses: number[] = []
          for (;;) {
            const res = await put(server, w.ana, unit, `writer ${i} again`, version)
            statuses.push(res.status)
            const body = (await res.json()) as { version?: number; current?: { version: number } }
            if (res.status === 200) return { statuses, version: body.version as number, text: `writer ${i} again` }
            if (res.status !== 412) return { statuses, version: -1, text: '' }
            version = body.current?.version as number
          }
        }),
      )
      expect(rounds.flatMap((r) => r.statuses).filter((s) => s !== 200 && s !== 412)).toEqual([])
      const { history: entries } = (await (await fetch(`${servers[0]!.url}/api/articles/${ARTICLE}/units/${unit}/history?lang=sv`, { headers: { Authorization: `Bearer ${w.admin}` } })).json()) as {
        history: { version: number; newText: string }[]
      }
      const history = { entries }
      expect(history.entries).toHaveLength(51)
      expect(history.entries.map((e) => e.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1))
      for (const r of rounds) expect(history.entries.find((e) => e.version === r.version)?.newText).toBe(r.text)
      expect(history.entries[0]?.newText).toBe(`writer ${answers.findIndex((a) => a.status === 200)}`)
      await Promise.all(servers.map((s) => stop(s)))
    })
  }

  it('two servers starting at once on a new database seed it once and make one first admin', async () => {
    const db = await freshPgUrl()
    const outputs: string[] = []
    const servers = await Promise.all([0, 1].map(() => serveWatched(db, outputs)))
    const tokens = outputs.join('').match(/^tolk_\S+$/gm) ?? []
    expect(tokens).toHaveLength(1)
    expect(outputs.join('').match(/loaded seeds/g)).toHaveLength(1)
    const res = await fetch(`${servers[1]!.url}/api/articles`, { headers: { Authorization: `Bearer ${tokens[0]}` } })
    expect(res.status).toBe(200)
    const ids = ((await res.json()) as { articles: { id: string }[] }).articles.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('sv-general-01')
    await Promise.all(servers.map((s) => stop(s)))
  })

  it('a token revoked through the CLI is refused by both servers within one second', async () => {
    const w = await workbench()
    const servers = await Promise.all([serve(w.db), serve(w.db)])
    const read = (s: Server) => fetch(`${s.url}/api/articles/${ARTICLE}/units`, { headers: { Authorization: `Bearer ${w.ana}` } }).then((r) => r.status)
    // Both servers have seen (and may cache) the token before it goes.
    expect(await Promise.all(servers.map(read))).toEqual([200, 200])
    const revoked = cli(['token', 'revoke', String(w.anaTokenId), '--db', w.db])
    expect(revoked.status, revoked.stderr).toBe(0)
    const since = Date.now()
    const refusedAfter = await Promise.all(servers.map((s) => firstRefusal(() => read(s), since)))
    for (const ms of refusedAfter) expect(ms).toBeLessThanOrEqual(1000)
    await Promise.all(servers.map((s) => stop(s)))
  })

  it('the sign-in limit holds across both servers', async () => {
    const w = await workbench()
    const set = cli(['user', 'passwd', 'ana', '--db', w.db], 'a long enough passphrase\n')
    expect(set.status, set.stderr).toBe(0)
    const servers = await Promise.all([serve(w.db), serve(w.db)])
    const clients = await Promise.all(servers.map((s) => formClient(s.url)))
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => clients[i % 2]!.post('/sign-in', { account: 'ana', password: `wrong ${i}` })),
    )
    // 5 per account in the window, counted in the database both servers share.
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35)
    await Promise.all(servers.map((s) => stop(s)))
  })

  it('a server killed with SIGKILL under write load loses nothing acknowledged, and the other keeps answering', async () => {
    const w = await workbench()
    const [doomed, survivor] = await Promise.all([serve(w.db), serve(w.db)])
    const acks: { unit: string; version: number; text: string }[] = []
    let killed = false
    const writer = async (n: number, server: Server) => {
      const unit = w.units[n % w.units.length] as string
      let version = 0
      for (let i = 0; !killed || server === survivor; i++) {
        if (killed && server === survivor && i > 40) return
        const text = `writer ${n} write ${i}`
        try {
          const res = await put(server, w.ana, unit, text, version)
          const body = (await res.json()) as { version: number; current?: { version: number } }
          if (res.status === 200) {
            version = body.version
            acks.push({ unit, version, text })
          } else if (res.status === 412) version = body.current?.version as number
          else throw new Error(`unexpected ${res.status}`)
        } catch (err) {
          if (server === survivor || !killed) throw err
          return
        }
      }
    }
    // Writers on separate segments for each server, so that their versions stay their own.
    const writers = [0, 1, 2].map((n) => writer(n, doomed)).concat([3, 4, 5].map((n) => writer(n, survivor)))
    for (const deadline = Date.now() + 20_000; acks.length < 60 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 25))
    killed = true
    doomed.child.kill('SIGKILL')
    await Promise.all(writers)
    expect(acks.length).toBeGreaterThan(60)
    const store = await openStore(w.db)
    try {
      for (const unit of new Set(acks.map((a) => a.unit))) {
        const history = await store.history(ARTICLE, unit, 'sv')
        for (const a of acks.filter((x) => x.unit === unit)) expect(history.find((h) => h.version === a.version)?.newText).toBe(a.text)
      }
    } finally {
      await store.close()
    }
    await stop(survivor)
  })
})

/** Milliseconds from `since` until `probe` answers 401, polled every 20 ms (gives up after 5 s). */
async function firstRefusal(probe: () => Promise<number>, since: number): Promise<number> {
  for (;;) {
    const status = await probe()
    if (status === 401) return Date.now() - since
    if (Date.now() - since > 5000) return Infinity
    await new Promise((r) => setTimeout(r, 20))
  }
}

function stop(s: Server): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
    s.child.once('exit', () => resolve())
    s.child.kill('SIGTERM')
  })
}

/** A browser-like client of one server: cookies, the CSRF token of the last page, its Origin. */
async function formClient(base: string) {
  const cookies = new Map<string, string>()
  let csrf = ''
  const request = async (p: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('Origin', base)
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(`${base}${p}`, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [k, v] = (line.split(';')[0] as string).split('=') as [string, string]
      cookies.set(k, v)
    }
    const body = await res.text()
    csrf = /data-csrf="([^"]+)"/.exec(body)?.[1] ?? csrf
    return res.status
  }
  await request('/sign-in')
  return {
    post: (p: string, form: Record<string, string>) =>
      request(p, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
  }
}
