/**
 * Local stand-ins for the hosted engines, answering as their documentation says (docs/mt.md
 * names the documents): DeepL v2, LibreTranslate, OpenAI chat completions. They "translate"
 * by writing the text outside tags in capitals. A text that starts with a trigger makes the
 * stand-in misbehave as the real service may: `!429` (Retry-After 0 the first time, then fine),
 * `!429long` (Retry-After 120), `!quota` (DeepL 456, else 403), `!500`, `!slow` (never answers),
 * `!garbled` (a body that is not JSON), `!shape` (JSON of the wrong shape), `!drop` (tags lost).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { EngineKind } from '../../src/mt/types.js'

/** A running stand-in. */
export interface StandIn {
  url: string
  /** Every request: path, headers and parsed body. */
  requests: { path: string; headers: IncomingMessage['headers']; body: unknown }[]
  /** The most requests it had open at once. */
  maxOpen: number
  close(): Promise<void>
}

const upper = (t: string) => t.replace(/(^|>)([^<]*)/g, (_m, a: string, b: string) => a + b.toUpperCase())

/** The texts of a request body, by kind. */
function textsOf(kind: EngineKind, body: Record<string, unknown>): string[] {
  if (kind === 'deepl') return body.text as string[]
  if (kind === 'libretranslate') return ([] as string[]).concat(body.q as string[])
  return [((body.messages as { content: string }[])[1]!).content]
}

/** Start a stand-in for `kind` (not apertium) on a free port. */
export async function startStandIn(kind: Exclude<EngineKind, 'apertium'>, key = 'sekret-key'): Promise<StandIn> {
  const s: StandIn = { url: '', requests: [], maxOpen: 0, close: async () => {} }
  let open = 0
  const seen = new Set<string>()
  const hanging = new Set<ServerResponse>()
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
  }
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => (raw += d.toString()))
    req.on('end', () => {
      open++
      s.maxOpen = Math.max(s.maxOpen, open)
      res.on('close', () => open--)
      const path = req.url ?? ''
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      s.requests.push({ path, headers: req.headers, body })
      // Keys as each API takes them.
      const given =
        kind === 'deepl' ? req.headers.authorization === `DeepL-Auth-Key ${key}`
        : kind === 'openai' ? req.headers.authorization === `Bearer ${key}`
        : path.startsWith('/languages') || body.api_key === key
      if (!given) {
        // OpenAI answers 401 and echoes part of the key it was given.
        if (kind === 'openai') return json(res, 401, { error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7)}.`, type: 'invalid_request_error', code: 'invalid_api_key' } })
        return json(res, 403, kind === 'deepl' ? { message: 'Forbidden' } : { error: 'Invalid API key' })
      }
      if (path.startsWith('/v2/languages')) {
        const type = new URL(path, 'http://x').searchParams.get('type')
        return json(res, 200, type === 'source' ? [{ language: 'EN', name: 'English' }] : [{ language: 'ES', name: 'Spanish' }, { language: 'SV', name: 'Swedish' }])
      }
      if (path === '/languages') return json(res, 200, [{ code: 'en', name: 'English', targets: ['es', 'sv'] }, { code: 'es', name: 'Spanish', targets: ['en'] }])
      const texts = textsOf(kind, body)
      const first = texts[0] ?? ''
      const trigger = /^!(\w+)/.exec(first)?.[1]
      if (trigger === '429' && !seen.has(first)) {
        seen.add(first)
        return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '0' })
      }
      if (trigger === '429long') return json(res, 429, { message: 'Too many requests' }, { 'retry-after': '120' })
      if (trigger === 'quota') return kind === 'deepl' ? json(res, 456, { message: 'Quota exceeded' }) : json(res, 403, { error: 'Quota exceeded' })
      if (trigger === '500') return json(res, 500, { error: 'Internal error' })
      if (trigger === 'slow') return void hanging.add(res)
      if (trigger === 'garbled') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"transl')
      if (trigger === 'shape') return json(res, 200, { unexpected: true })
      const out = texts.map((t) => (trigger === 'drop' ? upper(t.replace(/<[^>]*>|⟦[^⟧]*⟧/g, '')) : upper(t)))
      // A little wait so that concurrent requests overlap, as they do against a real service.
      setTimeout(() => {
        if (kind === 'deepl') json(res, 200, { translations: out.map((text) => ({ detected_source_language: 'EN', text })) })
        else if (kind === 'libretranslate') json(res, 200, { translatedText: Array.isArray(body.q) ? out : out[0] })
        else json(res, 200, { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: out[0] }, finish_reason: 'stop' }] })
      }, 20)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  s.url = `http://127.0.0.1:${(server.address() as { port: number }).port}${kind === 'openai' ? '/v1' : ''}`
  s.close = () =>
    new Promise((r) => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      server.close(() => r())
    })
  return s
}
