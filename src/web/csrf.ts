import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { randomSecret } from '../auth/sessions.js'
import { formFields } from '../http/strict-form.js'
import type { WebEnv } from './env.js'

/** Cookie holding the CSRF token of a browser that is not signed in (double-submit). */
export const CSRF_COOKIE = 'tolk_csrf'
/** Form field and header that carry the CSRF token. */
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Give every page a CSRF token and refuse state-changing requests without it. A signed-in
 * browser's token lives in its session row (a synchronizer token, so a cookie planted from a
 * sibling domain cannot forge it); before sign-in it is a random cookie the form must repeat.
 * Needs the session middleware to have run first.
 */
export function csrfGuard(
  onRefuse: (c: Context<WebEnv>) => Response | Promise<Response>,
): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const session = c.get('session')
    let expected = session?.csrf ?? getCookie(c, CSRF_COOKIE)
    if (!expected) {
      expected = randomSecret()
      if (SAFE.has(c.req.method)) {
        setCookie(c, CSRF_COOKIE, expected, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: c.get('secure'),
          path: '/',
        })
      }
    }
    c.set('csrf', expected)
    if (SAFE.has(c.req.method)) return next()
    const sent = c.req.header(CSRF_HEADER) ?? (await formField(c, CSRF_FIELD))
    if (!sent || !same(sent, expected)) return onRefuse(c)
    return next()
  }
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  return (await formFields(c))[name]
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
