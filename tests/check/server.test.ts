import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliAsync } from '../cli/run-cli.js'

// A stand-in for `GET /api/report` (the workbench's report JSON), so the client side is tested
// without the HTTP app: it checks the bearer token and answers one article with one gap.
const REPORT = {
  articles: [
    {
      id: 'en-news-01',
      tag: 'en-news',
      lang: 'en',
      title: 'News',
      revision: 1,
      units: 2,
      words: 10,
      languages: {
        sv: {
          coverage: 0.6,
          units: { initial: 1, translated: 1, reviewed: 0, final: 0, rejected: 0, stale: 0 },
          words: { initial: 4, translated: 6, reviewed: 0, final: 0, rejected: 0, stale: 0 },
          untranslated: [{ id: 'en-news-01-2', position: 2, source: 'It was cold.' }],
          stale: [],
        },
      },
    },
  ],
}

let server: Server
let url: string
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ?? ''}`)
    if (req.headers.authorization !== 'Bearer s3cret') {
      res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(REPORT))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))


describe('tolk check --server', () => {
  it('reads GET /api/report with the token from TOLK_TOKEN and judges it', async () => {
    const r = await runCliAsync(['check', '--server', url, '--format', 'json', '--lang', 'sv', '--min', '50'], { TOLK_TOKEN: 's3cret' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(json.source).toEqual({ kind: 'server', location: url, lang: null })
    expect(json.languages.sv).toMatchObject({ coverage: 0.6, missing: 1, passed: true })
    expect(json.problems).toMatchObject([{ kind: 'untranslated', key: 'en-news-01-2', article: 'en-news-01', position: 2, severity: 'note' }])
    expect(seen.at(-1)).toBe('/api/report?lang=sv Bearer s3cret')
  })

  it('fails below the threshold', async () => {
    const r = await runCliAsync(['check', '--server', url], { TOLK_TOKEN: 's3cret' })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/en-news-01#2 +sv +untranslated: en-news-01-2 is untranslated: "It was cold\."/)
  })

  it('exits 2 and names TOLK_TOKEN when the server refuses the token', async () => {
    const r = await runCliAsync(['check', '--server', url], { TOLK_TOKEN: 'wrong' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/answered 401: set TOLK_TOKEN/)
  })
})
