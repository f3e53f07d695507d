import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, runCli } from '../cli/run-cli.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-serve-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Start `tolk serve` on a free port; resolves once it listens, with its URL and output so far. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/tolk.js', 'serve', '0', ...args], { cwd: ROOT, env: { ...process.env, ...env } })
  children.push(child)
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = /listening on (http:\S+)/.exec(out)
      if (m) resolve(m[1] as string)
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  return { child, url, output: () => out }
}

/** Wait until `ready()` holds, for at most `ms` (then the assertion after it fails and says why). */
async function until(ready: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !ready() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20))
}

describe('tolk serve', () => {
  it('refuses bad options with exit 2 and one line', () => {
    for (const args of [
      ['--max-body', 'lots'],
      ['80', '--port', '81'],
      ['--port', '99999'],
      ['--nope'],
      ['--targets', 'sv,xx-nope'],
    ]) {
      const r = runCli(['serve', ...args, '--db', path.join(dir, 'x.sqlite')])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('takes --session-max-age or TOLK_SESSION_MAX_AGE, refuses a bad one with exit 2 and one line, and says what --public-read opens', () => {
    const flag = runCli(['serve', '--session-max-age', 'forever', '--db', path.join(dir, 'x.sqlite')])
    expect(flag.status).toBe(2)
    expect(flag.stderr).toBe('tolk serve: invalid --session-max-age value "forever": write a number and a unit, such as 90m, 12h, 30d or 2w\n')
    const help = runCli(['serve', '--help']).stdout.replace(/\s+/g, ' ')
    expect(help).toContain("every unit's history")
    expect(help).toContain('the translation memory (matches and concordance search')
    expect(help).toContain('--session-max-age AGE')
    const env = runCli(['serve', '--db', path.join(dir, 'x.sqlite')], { env: { TOLK_SESSION_MAX_AGE: 'a week' } })
    expect(env.status).toBe(2)
    expect(env.stderr).toBe('tolk serve: invalid TOLK_SESSION_MAX_AGE value "a week": write a number and a unit, such as 90m, 12h, 30d or 2w\n')
  })

  it('ends a session and refuses a removed account on the very next request, and caps sessions at --session-max-age', async () => {
    const db = path.join(dir, 'sessions.sqlite')
    const { child, url, output } = await serve(['--db', db, '--quiet', '--session-max-age', '90m'])
    const token = /^(tolk_\S+)$/m.exec(output())?.[1] as string
    const api = () => fetch(`${url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } })
    expect(runCli(['user', 'passwd', 'admin', '--db', db], { input: 'correct horse battery\n' }).status).toBe(0)
    const signIn = async () => {
      const page = await fetch(`${url}/sign-in`)
      const csrfCookie = /tolk_csrf=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0] as string
      const csrf = /data-csrf="([^"]+)"/.exec(await page.text())?.[1] as string
      const res = await fetch(`${url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: csrfCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, account: 'admin', password: 'correct horse battery' }).toString(),
      })
      expect(res.status).toBe(303)
      const set = res.headers.getSetCookie().find((l) => l.startsWith('tolk_session=')) as string
      const expires = Date.parse(/expires=([^;]+)/i.exec(set)?.[1] as string)
      return { cookie: set.split(';')[0] as string, expires }
    }
    const before = Date.now()
    const session = await signIn()
    const after = Date.now()
    // The cookie lasts 90 minutes from the sign-in (the cap), not the 12 idle hours; its date is
    // in whole seconds.
    expect(session.expires).toBeLessThanOrEqual(after + 90 * 60_000)
    expect(session.expires).toBeGreaterThan(before + 90 * 60_000 - 1000)
    const home = () => fetch(`${url}/`, { redirect: 'manual', headers: { Cookie: session.cookie } })
    expect((await home()).status).toBe(200)
    expect((await api()).status).toBe(200)
    expect(runCli(['user', 'sign-out', 'admin', '--db', db]).stdout).toBe('admin: 1 editor session ended\n')
    expect((await home()).status).toBe(303)
    expect((await api()).status).toBe(200)

    const again = await signIn()
    const homeAgain = () => fetch(`${url}/`, { redirect: 'manual', headers: { Cookie: again.cookie } })
    expect((await homeAgain()).status).toBe(200)
    expect(runCli(['user', 'remove', 'admin', '--db', db]).status).toBe(0)
    expect((await homeAgain()).status).toBe(303)
    expect((await api()).status).toBe(401)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('serves --public-read reads to anonymous clients, limits bodies with --max-body, and stops on SIGTERM', async () => {
    const { child, url, output } = await serve(['--db', path.join(dir, 'tolk.sqlite'), '--public-read', '--max-body', '1kb'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    expect((await fetch(`${url}/api/report?summary=true`)).status).toBe(200)
    const token = /^(tolk_\S+)$/m.exec(output())?.[1] as string
    // As `serve --help` says: the token alone on a line of its own (grep '^tolk_' finds it),
    // followed by where the editor is and the address it listens on.
    const lines = output().split('\n')
    expect(lines.filter((l) => l.startsWith('tolk_'))).toEqual([token])
    const after = lines.slice(lines.indexOf(token) + 1).filter((l) => l.startsWith('tolk: '))
    expect(after).toEqual([expect.stringMatching(/the editor is at/), expect.stringMatching(/listening on/)])
    const big = await fetch(`${url}/api/articles`, {
      method: 'POST',
      body: JSON.stringify({ id: 'sv-news-01', tag: 'sv-news', lang: 'en', targets: ['sv'], text: 'x. '.repeat(1000) }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    })
    expect(big.status).toBe(413)
    // One log line per request: method, path, status, duration, request id. The line is written
    // after the answer (batched to the end of the event-loop turn), so it may arrive a little later.
    await until(() => /^GET \/api\/report 200 /m.test(output()))
    expect(output()).toMatch(/^GET \/api\/report 200 \d+\.\dms [\w-]+$/m)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('gives namespaces that saveMissing creates the targets of TOLK_TARGETS', async () => {
    const db = path.join(dir, 'targets.sqlite')
    const { child, url, output } = await serve(['--db', db, '--quiet'], { TOLK_TARGETS: 'sv,de' })
    const token = /^(tolk_\S+)$/m.exec(output())?.[1] as string
    const res = await fetch(`${url}/locales/add/en/app`, { method: 'POST', body: '{"hello":"Hello"}', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(201)
    const report = (await (await fetch(`${url}/api/report?article=app`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { articles: { languages: object }[] }
    expect(Object.keys(report.articles[0]!.languages)).toEqual(['sv', 'de'])
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
