import type { Context, Hono } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { deleteCookie, setCookie } from 'hono/cookie'
import { decoyHash, verifyPassword } from '../auth/passwords.js'
import { CSRF_COOKIE } from './csrf.js'
import { DEFAULT_WEB_OPTIONS, type WebDeps, type WebEnv } from './env.js'
import { UI_LANGUAGES } from './i18n.js'
import { doc, pageContext, safeNext } from './page-context.js'
import { SignInPage } from './pages/sign-in.js'
import type { PageContext } from './pages/layout.js'

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export const SESSION_COOKIE = 'tolk_session'
/** The interface language chosen with the switcher. */
export const LANG_COOKIE = 'tolk_lang'

function address(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // app.request() in tests has no socket.
    return 'local'
  }
}

/**
 * Sign in (limited per account and per address, the counts kept in the accounts store), sign out,
 * and the language switcher.
 */
export function registerSignIn(
  web: Hono<WebEnv>,
  deps: WebDeps,
  assets: PageContext['assets'],
): void {
  const limits = deps.limits ?? DEFAULT_WEB_OPTIONS.limits
  const verify = deps.verifyPassword ?? verifyPassword
  // Made now, so that the first unknown account costs one check, like any other attempt.
  void decoyHash()

  web.get('/sign-in', (c) => {
    const next = safeNext(c.req.query('next'))
    if (c.get('session')) return c.redirect(next, 303)
    const notice = c.req.query('out') === '1' ? c.get('t')('signIn.signedOut') : undefined
    return c.html(
      doc(<SignInPage ctx={pageContext(c, assets)} next={next} notice={notice} />),
    )
  })

  web.post('/sign-in', async (c) => {
    const body = await c.req.parseBody()
    const account = typeof body.account === 'string' ? body.account.trim().slice(0, 100) : ''
    const password = typeof body.password === 'string' ? body.password : ''
    const next = safeNext(body.next)
    const t = c.get('t')
    const again = (status: 401 | 429, error: string) =>
      c.html(
        doc(
          <SignInPage ctx={pageContext(c, assets)} account={account} next={next} error={error} />,
        ),
        status,
      )
    // Counted before the password is checked, in one transaction of the store shared by every
    // server on the database: attempts sent together cannot all slip under the limit.
    const reserved = await deps.accounts.reserveAttempt(
      [
        { key: `account:${account}`, max: limits.perAccount },
        { key: `address:${address(c)}`, max: limits.perAddress },
      ],
      limits.windowMs,
    )
    if (!reserved.ok) {
      c.header('Retry-After', String(Math.ceil(reserved.retryAfterMs / 1000)))
      return again(429, t('signIn.tooMany', { count: Math.ceil(reserved.retryAfterMs / 60_000) }))
    }
    const stored = account === '' ? undefined : await deps.passwords.get(account)
    // An unknown (or removed) account costs the same one scrypt check, so timing does not tell
    // which names exist.
    const ok = stored
      ? await verify(password, stored)
      : (await verify(password, await decoyHash()), false)
    // A failure stays counted; a success is not a failure.
    if (!ok) return again(401, t('signIn.failed'))
    await deps.accounts.releaseAttempt(reserved.attempt)
    const { id, session } = await deps.sessions.create(account)
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('secure'),
      path: '/',
      expires: new Date(session.expiresAt),
    })
    // The pre-sign-in token is done with: the session carries its own from now on.
    deleteCookie(c, CSRF_COOKIE, { path: '/' })
    return c.redirect(next, 303)
  })

  web.post('/sign-out', async (c) => {
    const cookie = c.req
      .header('cookie')
      ?.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`))?.[1]
    if (cookie) await deps.sessions.end(cookie)
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('secure') })
    return c.redirect('/sign-in?out=1', 303)
  })

  web.post('/lang', async (c) => {
    const body = await c.req.parseBody()
    const lang = UI_LANGUAGES.find((l) => l === body.lang)
    if (lang) {
      setCookie(c, LANG_COOKIE, lang, {
        path: '/',
        sameSite: 'Lax',
        secure: c.get('secure'),
        maxAge: 365 * 86400,
      })
    }
    return c.redirect(safeNext(body.next), 303)
  })
}
