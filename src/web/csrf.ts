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

/** Why a state-changing request was refused: no valid token, or sent from another site. */
export type CsrfRefusal = 'token' | 'cross-site'

/**
 * Give every page a CSRF token and refuse state-changing requests without it, or sent from
 * another site. A signed-in browser's token lives in its session row (a synchronizer token, so a
 * cookie planted from a sibling domain cannot forge it); before sign-in it is a random cookie the
 * form must repeat. The origin check comes first and stands on its own, so a leaked token is not
 * enough either. Needs the session middleware to have run first. (Only the web routes take a
 * cookie; `/api` takes a Bearer token, which a browser never adds by itself.)
 */
export function csrfGuard(
  onRefuse: (c: Context<WebEnv>, why: CsrfRefusal) => Response | Promise<Response>,
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
    if (fromElsewhere(c)) return onRefuse(c, 'cross-site')
    const sent = c.req.header(CSRF_HEADER) ?? (await formField(c, CSRF_FIELD))
    if (!sent || !same(sent, expected)) return onRefuse(c, 'token')
    return next()
  }
}

/**
 * Whether the browser says the request comes from another origin. `Origin` when sent (browsers
 * send it on every POST): it must name this host (as the request's Host or a proxy's
 * X-Forwarded-Host gives it), over https when the request came over HTTPS. Without it,
 * `Sec-Fetch-Site`: only `same-origin` and `none` (typed or bookmarked) pass; `same-site` is a
 * sibling subdomain, which may be someone else's. A client that sends neither is not a browser
 * that could be tricked (or a very old one), and still needs the token.
 */
function fromElsewhere(c: Context<WebEnv>): boolean {
  const origin = c.req.header('origin')
  if (origin !== undefined) {
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return true
    }
    if (origin !== url.origin) return true
    const hosts = [new URL(c.req.url).host, ...(c.req.header('x-forwarded-host')?.split(',') ?? [])].map((h) => h.trim().toLowerCase())
    const schemes = c.get('secure') ? ['https:'] : ['http:', 'https:']
    return !hosts.includes(url.host) || !schemes.includes(url.protocol)
  }
  const site = c.req.header('sec-fetch-site')
  return site !== undefined && site !== 'same-origin' && site !== 'none'
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  return (await formFields(c))[name]
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
