import { describeGrant } from '../../auth/permissions.js'
import { ROLES, type Account, type TokenInfo } from '../../auth/types.js'
import { Csrf, Layout, type PageContext } from './layout.js'
import { Done, FormError, ListHead, PostButton } from './notices.js'

const person = (name: string) => `/people/${encodeURIComponent(name)}`

/** The role and languages fields of a grant form. */
function GrantFields({ ctx, prefix }: { ctx: PageContext; prefix: string }) {
  const { t } = ctx
  return (
    <>
      <p>
        <label for={`${prefix}-role`}>{t('people.role')}</label>
        <select id={`${prefix}-role`} name="role">
          {ROLES.map((r) => (
            <option value={r}>{t(`people.roles.${r}`)}</option>
          ))}
        </select>
      </p>
      <p>
        <label for={`${prefix}-langs`}>{t('people.langs')}</label>
        <input id={`${prefix}-langs`} name="langs" placeholder="sv, de" aria-describedby={`${prefix}-langs-hint`} />
        <span id={`${prefix}-langs-hint`} class="hint">
          {t('people.langsHint')}
        </span>
      </p>
    </>
  )
}

/** Every account with its grants, and the form that adds one. */
export function PeoplePage(props: { ctx: PageContext; accounts: Account[]; error?: string | undefined; done?: string | undefined; name?: string }) {
  const { ctx } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('people.title')}>
      <h1>{t('people.title')}</h1>
      <Done message={props.done} />
      <table class="list">
        <ListHead columns={[t('people.account'), t('people.grants')]} />
        <tbody>
          {props.accounts.map((a) => (
            <tr>
              <td>
                <a href={person(a.name)}>{a.name}</a>
              </td>
              <td>{a.disabledAt ? t('people.removed') : a.grants.map(describeGrant).join(' · ') || t('people.noGrants')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="add">
        <h2 id="add">{t('people.add')}</h2>
        <FormError message={props.error} />
        <form class="stacked" method="post" action="/people">
          <Csrf token={ctx.csrf} />
          <p>
            <label for="p-name">{t('people.name')}</label>
            <input id="p-name" name="name" value={props.name ?? ''} required aria-describedby="p-name-hint" />
            <span id="p-name-hint" class="hint">
              {t('people.nameHint')}
            </span>
          </p>
          <GrantFields ctx={ctx} prefix="p" />
          <p>
            <label for="p-password">{t('people.password')}</label>
            <input id="p-password" name="password" type="password" autocomplete="new-password" aria-describedby="p-password-hint" />
            <span id="p-password-hint" class="hint">
              {t('people.passwordHint')}
            </span>
          </p>
          <p>
            <button type="submit" class="save">
              {t('people.addButton')}
            </button>
          </p>
        </form>
      </section>
    </Layout>
  )
}

/** One account: grants (take back, add), API tokens (create, revoke), password, removal. */
export function PersonPage(props: {
  ctx: PageContext
  account: Account
  tokens: TokenInfo[]
  when: (iso: string) => string
  error?: string | undefined
  done?: string | undefined
  /** A token just created: shown this once. */
  token?: string | undefined
}) {
  const { ctx, account, tokens } = props
  const { t } = ctx
  const at = person(account.name)
  const removed = account.disabledAt !== null
  const now = new Date().toISOString()
  return (
    <Layout ctx={ctx} title={account.name}>
      <h1>{account.name}</h1>
      <p>
        <a href="/people">{t('people.back')}</a>
      </p>
      <Done message={props.done} />
      <FormError message={props.error} />
      {props.token && (
        <section class="new-token" aria-labelledby="new-token">
          <h2 id="new-token">{t('people.tokenCreated')}</h2>
          <p>{t('people.tokenOnce')}</p>
          <p class="token">
            <code>{props.token}</code>
          </p>
        </section>
      )}
      {removed ? (
        <p class="notice">{t('people.removedAt', { when: props.when(account.disabledAt as string) })}</p>
      ) : (
        <>
          <section aria-labelledby="grants">
            <h2 id="grants">{t('people.grants')}</h2>
            {account.grants.length === 0 && <p class="notice">{t('people.noGrants')}</p>}
            <ul class="grants">
              {account.grants.flatMap((g) =>
                (g.langs.length > 0 ? g.langs : ['']).map((lang) => (
                  <li>
                    <form method="post" action={`${at}/revoke`}>
                      <Csrf token={ctx.csrf} />
                      <input type="hidden" name="role" value={g.role} />
                      <input type="hidden" name="langs" value={lang} />
                      {lang ? `${t(`people.roles.${g.role}`)} · ${lang}` : t(`people.roles.${g.role}`)}{' '}
                      <button type="submit">{t('people.revoke')}</button>
                    </form>
                  </li>
                )),
              )}
            </ul>
            <h3>{t('people.grant')}</h3>
            <form class="stacked" method="post" action={`${at}/grant`}>
              <Csrf token={ctx.csrf} />
              <GrantFields ctx={ctx} prefix="g" />
              <p>
                <button type="submit">{t('people.grantButton')}</button>
              </p>
            </form>
          </section>
          <section aria-labelledby="tokens">
            <h2 id="tokens">{t('people.tokens')}</h2>
            {tokens.length === 0 ? (
              <p class="notice">{t('people.noTokens')}</p>
            ) : (
              <table class="list">
                <ListHead columns={[t('people.tokenId'), t('people.created'), t('people.status')]} action={t('people.revoke')} />
                <tbody>
                  {tokens.map((k) => (
                    <tr>
                      <td>{k.id}</td>
                      <td>{props.when(k.createdAt)}</td>
                      <td>
                        {k.revokedAt
                          ? t('people.tokenRevoked', { when: props.when(k.revokedAt) })
                          : k.expiresAt && k.expiresAt <= now
                            ? t('people.tokenExpired', { when: props.when(k.expiresAt) })
                            : k.expiresAt
                              ? t('people.tokenExpires', { when: props.when(k.expiresAt) })
                              : t('people.tokenValid')}
                      </td>
                      <td>
                        {!k.revokedAt && (
<PostButton csrf={ctx.csrf} action={`${at}/tokens/${k.id}/revoke`} label={t('people.revokeTokenButton')} ariaLabel={t('people.revokeToken', { id: k.id })} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <form class="stacked" method="post" action={`${at}/tokens`}>
              <Csrf token={ctx.csrf} />
              <p>
                <label for="k-expires">{t('people.expires')}</label>
                <input id="k-expires" name="expires" placeholder="30d" aria-describedby="k-expires-hint" />
                <span id="k-expires-hint" class="hint">
                  {t('people.expiresHint')}
                </span>
              </p>
              <p>
                <button type="submit">{t('people.createToken')}</button>
              </p>
            </form>
          </section>
          <section aria-labelledby="password">
            <h2 id="password">{t('people.password')}</h2>
            <form class="stacked" method="post" action={`${at}/password`}>
              <Csrf token={ctx.csrf} />
              <p>
                <label for="w-password">{t('people.newPassword')}</label>
                <input id="w-password" name="password" type="password" autocomplete="new-password" required aria-describedby="w-password-hint" />
                <span id="w-password-hint" class="hint">
                  {t('people.passwordEnds')}
                </span>
              </p>
              <p>
                <button type="submit">{t('people.setPassword')}</button>
              </p>
            </form>
          </section>
          <section aria-labelledby="remove">
            <h2 id="remove">{t('people.remove')}</h2>
            <p class="hint">{t('people.removeHint')}</p>
<PostButton csrf={ctx.csrf} action={`${at}/remove`} label={t('people.removeButton', { name: account.name })} />
          </section>
        </>
      )}
    </Layout>
  )
}
