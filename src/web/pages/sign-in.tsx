import { Csrf, Layout, type PageContext } from './layout.js'

/** The sign-in form, with an error or notice above it when there is one. */
export function SignInPage(props: {
  ctx: PageContext
  account?: string
  error?: string
  notice?: string
  next?: string
}) {
  const { t, csrf } = props.ctx
  return (
    <Layout ctx={props.ctx} title={t('signIn.title')}>
      <section class="signin">
        <h1>{t('signIn.title')}</h1>
        {props.error && (
          <p class="error" role="alert">
            {props.error}
          </p>
        )}
        {props.notice && <p class="notice">{props.notice}</p>}
        <form method="post" action="/sign-in">
          <Csrf token={csrf} />
          {props.next && <input type="hidden" name="next" value={props.next} />}
          <label for="account">{t('signIn.account')}</label>
          <input
            id="account"
            name="account"
            autocomplete="username"
            required
            value={props.account ?? ''}
            autofocus
          />
          <label for="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit">{t('signIn.submit')}</button>
        </form>
        <p class="hint">{t('signIn.hint')}</p>
      </section>
    </Layout>
  )
}
