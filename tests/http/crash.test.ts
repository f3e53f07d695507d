import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import type { TestResponse } from './_setup.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-crash-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Run the built `tolk serve` (npm test builds dist/ first) and wait for its address. */
function serve(db: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['bin/tolk.js', 'serve', '--port', '0', '--db', db, '--quiet'], { cwd: ROOT })
  children.push(child)
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\S+)/.exec(out)
      if (m) resolve({ child, url: m[1] as string, output: () => out })
    })
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)))
  })
}

it('keeps every acknowledged write when the server is killed with SIGKILL under write load', async () => {
  const db = path.join(dir, 'tolk.sqlite')
  const first = await serve(db)
  const token = /^(tolk_\S+)$/m.exec(first.output())?.[1] as string
  expect(token).toBeTruthy()
  const headers = { Authorization: `Bearer ${token}` }
  const api = (url: string, p: string, init: RequestInit = {}) =>
    fetch(`${url}${p}`, { ...init, headers: { ...headers, ...init.headers } }) as Promise<TestResponse>
  const article = (await (await api(first.url, '/api/articles')).json()).articles[0].id as string
  const units = (await (await api(first.url, `/api/articles/${article}/units`)).json()).units as { id: string }[]

  const acks: { unit: string; version: number; text: string }[] = []
  let killed = false
  // 16 writers, each on its own segment, writing as fast as the server answers.
  const writer = async (n: number) => {
    const unit = (units[n % units.length] as { id: string }).id
    const p = `/api/articles/${article}/units/${unit}/translations/sv`
    let version = 0
    for (let i = 0; !killed; i++) {
      const text = `writer ${n} write ${i}`
      try {
        const res = await api(first.url, p, {
          method: 'PUT',
          body: JSON.stringify({ text }),
          headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
        })
        if (res.status === 200) {
          version = (await res.json()).version
          acks.push({ unit, version, text })
        } else if (res.status === 412) version = (await res.json()).current.version
        else throw new Error(`unexpected ${res.status}`)
      } catch (err) {
        if (!killed) throw err
      }
    }
  }
  const writers = Array.from({ length: Math.min(16, units.length) }, (_, n) => writer(n))
  // Kill once a fair number of writes were acknowledged (not after a fixed time: a busy machine
  // answers fewer writes per second, and the test must still have enough to check).
  for (const deadline = Date.now() + 20_000; acks.length < 100 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 50))
  }
  killed = true
  first.child.kill('SIGKILL')
  await Promise.allSettled(writers)
  expect(acks.length).toBeGreaterThan(50)

  const second = await serve(db)
  try {
    expect(second.output()).not.toMatch(/^tolk_/m) // no second admin token on restart
    const byUnit = new Map<string, Set<string>>()
    for (const unit of new Set(acks.map((a) => a.unit))) {
      const res = await api(second.url, `/api/articles/${article}/units/${unit}/history?lang=sv`)
      const { history } = await res.json()
      byUnit.set(unit, new Set(history.map((h: { version: number; newText: string }) => `${h.version} ${h.newText}`)))
    }
    const missing = acks.filter((a) => !byUnit.get(a.unit)?.has(`${a.version} ${a.text}`))
    expect(missing).toEqual([])
  } finally {
    second.child.kill('SIGTERM')
  }
})
