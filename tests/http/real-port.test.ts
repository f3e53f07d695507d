import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../src/server.js'

// The body reader has a Content-Length fast path that app.request() never takes: test it on a port.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-port-'))
let server: RunningServer
let token: string
let unitPath: string
beforeAll(async () => {
  const lines: string[] = []
  server = await startServer({ port: 0, host: '127.0.0.1', db: path.join(dir, 'tolk.sqlite'), quiet: true, maxBody: 2000, print: (l) => lines.push(l) })
  token = lines.find((l) => l.startsWith('tolk_')) as string
  const units = (await (await fetch(`${server.url}/api/articles/sv-general-01/units`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { units: { id: string }[] }
  unitPath = `/api/articles/sv-general-01/units/${units.units[0]?.id}/translations/sv`
})
afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const put = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${unitPath}`, {
    method: 'PUT',
    body,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"0"', ...headers },
  })

describe('over a real port', () => {
  it('listens on 127.0.0.1 and prints the first admin token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(token).toMatch(/^tolk_/)
  })

  it('answers 413 for a body larger than --max-body', async () => {
    const res = await put(JSON.stringify({ text: 'x'.repeat(5000) }))
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('answers 400 for invalid UTF-8 and malformed JSON, 415 for another media type', async () => {
    expect((await put(new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).status).toBe(400)
    expect((await put('{"text": ')).status).toBe(400)
    expect((await put('{"text": "a"}', { 'Content-Type': 'text/csv' })).status).toBe(415)
  })

  it('writes a valid body', async () => {
    const res = await put(JSON.stringify({ text: 'Välkommen' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"1"')
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/)
    expect(await res.json()).toMatchObject({ text: 'Välkommen', version: 1 })
  })
})
