import { randomUUID } from 'node:crypto'
import type { Context, MiddlewareHandler, TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONParsed } from 'hono/utils/types'
import type { AppEnv } from '../env.js'

/** What hono's `secureHeaders()` sets by default (a test holds the two together). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
})
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS)

/** Answers built by {@link completeJson}: they carry every base header already. */
const complete = new WeakSet<Response>()

/**
 * The headers of every answer: the security headers and `X-Request-Id` (the client's when it
 * is well formed, as hono's `requestId()` does, else a new UUID, also on the context as
 * `requestId`). Does the work of `requestId()` and `secureHeaders()` in one step, after the
 * handler, and not at all for an answer from {@link completeJson}: setting headers one by one
 * on a Response builds a `Headers` object that @hono/node-server then walks again.
 */
export function baseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header('x-request-id')
    const id = sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : randomUUID()
    c.set('requestId', id)
    await next()
    const res = c.res
    if (complete.has(res)) return
    const headers = res.headers
    // A page may ask for a laxer Referrer-Policy (the editor's pages do: see create-web-routes).
    for (const [name, value] of SECURITY_ENTRIES) if (name !== 'Referrer-Policy' || !headers.has(name)) headers.set(name, value)
    headers.set('X-Request-Id', id)
    headers.delete('X-Powered-By')
  }
}

/**
 * A JSON answer with the base headers and `headers` in one plain object, which
 * @hono/node-server writes as it is (about 25 µs less a request than `c.header()` plus
 * `c.json()` under {@link baseHeaders}). For hot routes; the others need not care.
 */
export function completeJson<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  value: T,
  status: S,
  headers: Record<string, string>,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const res = new Response(JSON.stringify(value), {
    status,
    headers: { ...SECURITY_HEADERS, 'X-Request-Id': c.get('requestId'), 'Content-Type': 'application/json', ...headers },
  })
  complete.add(res)
  // Typed as c.json() types its answer, for the OpenAPI route's response check.
  return res as Response & TypedResponse<JSONParsed<T>, S, 'json'>
}
