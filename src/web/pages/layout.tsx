import type { Child } from 'hono/jsx'
import type { Session } from '../../auth/sessions.js'
import { CSRF_FIELD } from '../csrf.js'
import { type T, UI_LANGUAGES, type UiLanguage } from '../i18n.js'

/** What every page shares: language, strings, token, who is signed in, asset paths. */
export interface PageContext {
  t: T
  ui: UiLanguage
  csrf: string
  session: Session | undefined
  /** The signed-in account's unread notifications (the header's count); undefined when not read. */
  unread?: number | undefined
  /** Path and query of this page, where the language switcher returns to. */
  here: string
  /** Paths of the assets; `dashboardLive` is the dashboard's module that moves its bars. */
  assets: { css: string; js: string; icon: string; dashboardLive: string }
}

/** The hidden CSRF field every form carries. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

/** Navigation, the language switcher and sign-out: in the header, or in the editor's account menu. */
function HeaderTools({ ctx }: { ctx: PageContext }) {
  const { t, ui, csrf, session, here } = ctx
  return (
    <>
      {session && (
        <nav aria-label={t('nav.dashboard')}>
          <a href="/">{t('nav.dashboard')}</a> <a href="/terms">{t('termbases.title')}</a>
          {session.principal.grants.some((g) => g.role === 'admin') && (
            <>
              {' '}
              <a href="/articles">{t('manage.title')}</a> <a href="/people">{t('people.title')}</a>
            </>
          )}
        </nav>
      )}
      <form class="lang" method="post" action="/lang">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={here} />
        <label for="ui-lang">{t('nav.language')}</label>
        <select id="ui-lang" name="lang">
          {UI_LANGUAGES.map((l) => (
            <option value={l} lang={l} selected={l === ui}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('nav.switch')}</button>
      </form>
      {session && (
        <form class="signout" method="post" action="/sign-out">
          <Csrf token={csrf} />
          <span>{t('nav.signedInAs', { name: session.principal.account })}</span>
          <button type="submit">{t('nav.signOut')}</button>
        </form>
      )}
    </>
  )
}

/** The header's link to the notifications, with the unread count (the editor's script keeps it current). */
function Bell({ ctx }: { ctx: PageContext }) {
  const { t, session, unread } = ctx
  if (!session || unread === undefined) return null
  return (
    <a class={unread > 0 ? 'bell has-unread' : 'bell'} href="/notifications" title={t('nav.unread', { count: unread })}>
      <span class="sr-only">{t('nav.notifications')}: </span>
      <span aria-hidden="true">✉ </span>
      <span id="unread-count">{String(unread)}</span>
    </a>
  )
}

/** The page frame: header with navigation, sign-out and the language switcher; then the content. */
export function Layout(props: {
  ctx: PageContext
  title: string
  children?: Child
  data?: Record<string, string>
  /** A page's own one-line header (the editor's): navigation, language and sign-out then sit in an account menu. */
  bar?: Child
  /** A class on <body>, for a page's own layout. */
  bodyClass?: string
}) {
  const { t, ui, csrf, session, assets } = props.ctx
  const data = Object.fromEntries(
    Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
  )
  return (
    <html lang={ui} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <link rel="icon" href={assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
      </head>
      <body data-csrf={csrf} class={props.bodyClass} {...data}>
        <a class="skip" href="#main">
          {t('app.skip')}
        </a>
        {props.bar ? (
          <header class="top bar">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            {props.bar}
            <Bell ctx={props.ctx} />
            <details class="account menu">
              <summary>
                <span class="sr-only">{t('editor.account')}: </span>
                {session?.principal.account ?? t('editor.account')}
              </summary>
              <div class="menu-panel">
                <HeaderTools ctx={props.ctx} />
              </div>
            </details>
          </header>
        ) : (
          <header class="top">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            <Bell ctx={props.ctx} />
            <HeaderTools ctx={props.ctx} />
          </header>
        )}
        <main id="main">{props.children}</main>
      </body>
    </html>
  )
}

/** A page with one message, for errors (403, 404, expired forms). */
export function MessagePage(props: {
  ctx: PageContext
  title: string
  message: string
  back?: string
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p role="alert">{props.message}</p>
      {props.back && (
        <p>
          <a href={props.back}>{props.ctx.t('editor.back')}</a>
        </p>
      )}
    </Layout>
  )
}
