import type { Context, Hono } from 'hono'
import { makeGrant, makeRevocation } from '../../auth/grants.js'
import { hashPassword } from '../../auth/passwords.js'
import { refuseImport } from '../../auth/permissions.js'
import { issueToken, parseExpiry } from '../../auth/tokens.js'
import { formFields } from '../../http/strict-form.js'
import { InvalidInput, NotFound, TolkError } from '../../model/errors.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, formatWhen, pageContext } from '../page-context.js'
import { MessagePage, type PageContext } from '../pages/layout.js'
import { PeoplePage, PersonPage } from '../pages/people.js'

const DONE = ['added', 'granted', 'revoked', 'removed', 'tokenRevoked', 'password'] as const
const person = (name: string) => `/people/${encodeURIComponent(name)}`
const splitLangs = (s: string | undefined) => (s ?? '').split(/[\s,]+/).filter(Boolean)

/**
 * People, for admins: accounts, roles and per-language grants, API tokens (the token shown once)
 * and passwords. Taking back a grant, removing an account or setting a password ends that
 * person's editor sessions at once, through the same calls as `tolk user revoke`, `tolk user
 * remove` and `tolk user passwd`; revoking a token is `tolk token revoke`'s call. Nothing is
 * deleted: a removed account is disabled and keeps its name.
 */
export function registerPeople(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { accounts, sessions, passwords } = deps
  const me = (c: Context<WebEnv>) => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal

  // Every route here is for admins.
  web.use('/people', adminOnly)
  web.use('/people/*', adminOnly)
  async function adminOnly(c: Context<WebEnv>, next: () => Promise<void>) {
    const refusal = refuseImport(me(c))
    if (!refusal) return next()
    const t = c.get('t')
    return c.html(doc(<MessagePage ctx={pageContext(c, assets)} title={t('errors.title')} message={t('errors.forbidden', { reason: refusal })} back="/" />), 403)
  }

  /** A store's refusal as a sentence in the page's language where one is known, else its own words. */
  const faultText = (c: Context<WebEnv>, err: unknown): string => {
    if (!(err instanceof TolkError)) throw err
    const t = c.get('t')
    const known: Record<string, string> = {
      'invalid-grant': t('people.fault.grant'),
      'invalid-role': t('people.fault.role'),
      'unknown-language': t('people.fault.lang'),
      'invalid-id': t('people.fault.name'),
      'weak-password': t('people.fault.password'),
      'invalid-expiry': t('people.fault.expires'),
    }
    return known[err.code] ?? t('people.fault.refused', { reason: err.message })
  }
  const doneText = (c: Context<WebEnv>) => {
    const done = DONE.find((d) => d === c.req.query('done'))
    return done ? c.get('t')(`people.done.${done}`) : undefined
  }

  const listPage = async (c: Context<WebEnv>, status: 200 | 400 | 409, error?: string, name?: string) =>
    c.html(
      doc(<PeoplePage ctx={pageContext(c, assets)} accounts={await accounts.list()} error={error} done={doneText(c)} {...(name ? { name } : {})} />),
      status,
    )
  const personPage = async (c: Context<WebEnv>, name: string, status: 200 | 400, extra: { error?: string; token?: string } = {}) => {
    const account = await accounts.get(name)
    if (!account) throw new NotFound(`no account ${name}`, 'unknown-account')
    return c.html(
      doc(
        <PersonPage
          ctx={pageContext(c, assets)}
          account={account}
          tokens={await accounts.listTokens(name)}
          when={formatWhen(c.get('ui'))}
          error={extra.error}
          token={extra.token}
          done={doneText(c)}
        />,
      ),
      status,
    )
  }
  /** Run a change to one account: back to its page with `done`, or the page again with the refusal. */
  const change = async (c: Context<WebEnv>, done: (typeof DONE)[number], act: (name: string, form: Record<string, string>) => Promise<unknown>) => {
    const name = c.req.param('name') as string
    if (!(await accounts.get(name))) throw new NotFound(`no account ${name}`, 'unknown-account')
    const form = await formFields(c)
    try {
      await act(name, form)
    } catch (err) {
      return personPage(c, name, 400, { error: faultText(c, err) })
    }
    return c.redirect(`${person(name)}?done=${done}`, 303)
  }

  web.get('/people', (c) => listPage(c, 200))

  web.post('/people', async (c) => {
    const form = await formFields(c)
    const name = (form.name ?? '').trim()
    try {
      const grant = makeGrant(form.role ?? '', splitLangs(form.langs))
      // Checked before the account is made: a refused password leaves no account behind.
      const hash = form.password ? await hashPassword(form.password) : undefined
      if (await accounts.get(name)) return listPage(c, 409, c.get('t')('people.fault.exists'), name)
      await accounts.add(name, [grant])
      if (hash) await passwords.set(name, hash)
    } catch (err) {
      return listPage(c, 400, faultText(c, err), name)
    }
    return c.redirect(`${person(name)}?done=added`, 303)
  })

  web.get('/people/:name', (c) => personPage(c, c.req.param('name'), 200))

  web.post('/people/:name/grant', (c) =>
    change(c, 'granted', (name, form) => accounts.grant(name, makeGrant(form.role ?? '', splitLangs(form.langs)))),
  )

  // As `tolk user revoke`: the grant goes, and so do the sessions (they sign in again with what is left).
  web.post('/people/:name/revoke', (c) =>
    change(c, 'revoked', async (name, form) => {
      await accounts.revoke(name, makeRevocation(form.role ?? '', splitLangs(form.langs)))
      await sessions.endAll(name)
    }),
  )

  // As `tolk user remove`: disabled first (a session or token of it is refused even before it
  // ends), its tokens revoked with it, then its sessions ended.
  web.post('/people/:name/remove', (c) =>
    change(c, 'removed', async (name) => {
      if (name === me(c).account) throw new InvalidInput(c.get('t')('people.fault.self'))
      await accounts.remove(name)
      await sessions.endAll(name)
    }),
  )

  // As `tolk user passwd`: the store ends every session of the account in the same transaction.
  web.post('/people/:name/password', (c) =>
    change(c, 'password', async (name, form) => {
      await passwords.set(name, await hashPassword(form.password ?? ''))
    }),
  )

  web.post('/people/:name/tokens', async (c) => {
    const name = c.req.param('name')
    if (!(await accounts.get(name))) throw new NotFound(`no account ${name}`, 'unknown-account')
    const form = await formFields(c)
    try {
      const expires = (form.expires ?? '').trim()
      const { token } = await issueToken(accounts, name, expires ? { expiresAt: parseExpiry(expires) } : {})
      // Shown on this answer only (no-store): the store keeps its hash.
      return await personPage(c, name, 200, { token })
    } catch (err) {
      return personPage(c, name, 400, { error: faultText(c, err) })
    }
  })

  // As `tolk token revoke`; only a token of the account the page is about.
  web.post('/people/:name/tokens/:id/revoke', (c) =>
    change(c, 'tokenRevoked', async (name) => {
      const id = Number(c.req.param('id'))
      const mine = (await accounts.listTokens(name)).some((k) => k.id === id)
      if (!mine) throw new NotFound(`no token ${c.req.param('id')} of ${name}`, 'unknown-token')
      await accounts.revokeToken(id)
    }),
  )
}
