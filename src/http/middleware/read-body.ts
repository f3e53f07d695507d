import type { Context, MiddlewareHandler, Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { InvalidInput } from '../../model/errors.js'
import { problem, ProblemError } from '../problem.js'

/** Set on the context (to the limit, in bytes) when a page's body was too large and left unread. */
export const BODY_TOO_LARGE = 'bodyTooLarge'

const UTF8 = new TextDecoder('utf-8', { fatal: true })
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/**
 * Read a request body once, up front (except on the `raw` paths, whose size alone is checked): refuse it with 413 when larger than `maxBody`, with 400
 * when it is not valid UTF-8 (`c.req.json()` and `text()` would quietly turn bad bytes into
 * U+FFFD and store the damage) or, for a JSON media type, not valid JSON. The decoded text and
 * parsed JSON go into Hono's body cache, so validators and handlers read them without parsing
 * again.
 *
 * With a Content-Length it never touches `c.req.raw.body`: that would make @hono/node-server
 * build a web ReadableStream, which costs more than the whole write on the hot PUT path. Only
 * a chunked body (no length) goes through hono's stream-counting bodyLimit.
 */
export function readBody(maxBody: number, opts: { raw?: RegExp; pages?: RegExp } = {}): MiddlewareHandler {
  const tooLarge = () =>
    new ProblemError(
      problem(413, 'body-too-large', `the request body is larger than ${maxBody} bytes: send less (or start the server with a larger --max-body)`),
    )
  // Over the limit on a page's path (a browser's form): the editor's pages answer with a page in
  // the reader's language (src/web/create-web-routes.tsx), which this layer cannot draw. The body
  // stands in as empty, and the pages refuse the request before any handler runs.
  const leaveToPage = (c: Context, next: Next) => {
    if (!opts.pages?.test(c.req.path)) throw tooLarge()
    c.set(BODY_TOO_LARGE as never, maxBody as never)
    ;(c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve('')
    return next()
  }
  // A chunked body (or one built in-process without a length) is counted as it is read.
  const counted = async (c: Context, next: Next, then: () => Promise<void>) => {
    let over = false
    const res = await bodyLimit({ maxSize: maxBody, onError: (cc) => ((over = true), cc.body(null, 413)) })(c, then)
    return over ? leaveToPage(c, next) : res
  }
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next()
    const length = c.req.header('content-length')
    const chunked = c.req.header('transfer-encoding') !== undefined
    // Neither header: no body over HTTP/1.1; a Request built in-process (app.request) may still
    // carry one, which only its stream can tell.
    if (length === undefined && !chunked && !c.req.raw.body) return next()
    if (!chunked && Number(length) > maxBody) return leaveToPage(c, next)
    // Files that say their own encoding (a UTF-16 XLIFF, an ISO-8859-1 PO) are decoded by their
    // route, by the file's rules: only their size is checked here.
    if (opts.raw?.test(c.req.path)) return chunked || length === undefined ? counted(c, next, next) : next()
    const decode = async () => {
      const text = decodeUtf8(await c.req.arrayBuffer())
      const cache = c.req.bodyCache as Record<string, Promise<unknown>>
      cache.text = Promise.resolve(text)
      if (JSON_TYPE.test(c.req.header('content-type') ?? '')) cache.json = Promise.resolve(parseJson(text))
      await next()
    }
    return chunked || length === undefined ? counted(c, next, decode) : decode()
  }
}

function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    throw new InvalidInput('the request body is not valid UTF-8: send UTF-8 text', 'invalid-utf8')
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new InvalidInput('the body is not valid JSON: check quotes, commas and brackets', 'malformed-json')
  }
}
