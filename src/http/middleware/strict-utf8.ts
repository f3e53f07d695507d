import type { MiddlewareHandler } from 'hono'
import { InvalidInput } from '../../model/errors.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Refuse a request body that is not valid UTF-8 (400) before any parser sees it: `c.req.json()`
 * and `c.req.text()` would quietly turn bad bytes into U+FFFD and store the damage. The bytes
 * stay cached on the request, so later readers parse them without reading the stream again.
 */
export function strictUtf8(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.raw.body) return next()
    const bytes = await c.req.arrayBuffer()
    try {
      UTF8.decode(bytes)
    } catch {
      throw new InvalidInput('the request body is not valid UTF-8: send UTF-8 text', 'invalid-utf8')
    }
    return next()
  }
}
