import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { startServer } from '../../src/server.js'
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js'
import type { TestResponse } from './_setup.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-conc-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const CLIENTS = 50
const ROUNDS = 6

interface Ack {
  path: string
  version: number
  text: string
}

it('keeps every acknowledged write of 50 clients saving conflicting edits, and refuses the rest with 412', async () => {
  const db = path.join(dir, 'tolk.sqlite')
  const lines: string[] = []
  const server = await startServer({ port: 0, host: '127.0.0.1', db, quiet: true, print: (l) => lines.push(l) })
  try {
    const token = lines.find((l) => l.startsWith('tolk_')) as string
    const auth = { Authorization: `Bearer ${token}` }
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${server.url}${p}`, { ...init, headers: { ...auth, ...init.headers } }) as Promise<TestResponse>
    const article = (await (await api('/api/articles')).json()).articles[0].id as string
    const units = (await (await api(`/api/articles/${article}/units`)).json()).units.slice(0, 3) as { id: string }[]
    // Six segments (three units, two languages), 50 clients: every round most writers collide.
    const paths = units.flatMap((u) => ['sv', 'de'].map((l) => `/api/articles/${article}/units/${u.id}/translations/${l}`))

    const acks: Ack[] = []
    const refused: number[] = []
    const client = async (n: number) => {
      for (let round = 0; round < ROUNDS; round++) {
        const p = paths[(n + round) % paths.length] as string
        const etag = (await api(p)).headers.get('etag') as string
        const text = `client ${n} round ${round}`
        const res = await api(p, {
          method: 'PUT',
          body: JSON.stringify({ text }),
          headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        })
        if (res.ok) acks.push({ path: p, version: (await res.json()).version, text })
        else {
          refused.push(res.status)
          const problem = await res.json()
          expect(problem.current.version).toBeGreaterThan(Number(etag.slice(1, -1)))
          expect(problem.yours.text).toBe(text)
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)))

    expect(acks.length + refused.length).toBe(CLIENTS * ROUNDS)
    expect(new Set(refused)).toEqual(refused.length ? new Set([412]) : new Set())
    expect(refused.length).toBeGreaterThan(0) // the test did make writers collide
    // Every acknowledged write is in the history, with its version and text, and nothing else is.
    const store = createSqliteStore({ file: db })
    try {
      const history = []
      for (const u of units) history.push(...(await store.history(article, u.id)))
      const key = (lang: string, unit: string, v: number, text: string) => `${unit}/translations/${lang} v${v} ${text}`
      const inHistory = new Set(history.map((h) => key(h.lang, h.unitId, h.version, h.newText)))
      for (const a of acks) {
        const [, unit, lang] = /units\/([^/]+)\/translations\/(\w+)$/.exec(a.path) as RegExpExecArray
        expect(inHistory.has(key(lang as string, unit as string, a.version, a.text))).toBe(true)
      }
      expect(history).toHaveLength(acks.length)
      // Versions per segment run 1..n without gaps or repeats: no write overwrote another.
      for (const p of paths) {
        const versions = acks.filter((a) => a.path === p).map((a) => a.version).sort((x, y) => x - y)
        expect(versions).toEqual(versions.map((_, i) => i + 1))
      }
    } finally {
      await store.close()
    }
  } finally {
    await server.close()
  }
})
