import type { Context, Hono } from 'hono'
import { formFields } from '../../http/strict-form.js'
import { NotFound, TolkError } from '../../model/errors.js'
import { requireSummary } from '../../store/require-article.js'
import type { Notification } from '../../team/notification-types.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, formatWhen, pageContext, wantsJson } from '../page-context.js'
import type { PageContext } from '../pages/layout.js'
import { NotificationsPage } from './notifications-page.js'

const accountOf = (c: Context<WebEnv>) => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal.account

/**
 * The signed-in person's notifications on the browser's session, as `/api/me/notifications` on a
 * token: the list page (JSON for the script), opening one (marks it read and goes to its segment),
 * and marking all read (a form; or JSON `{ids}` / `{all: true}`).
 */
export function registerNotificationPages(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps

  web.get('/notifications', async (c) => {
    const before = c.req.query('before')
    const page = await store.notifications.list(accountOf(c), { limit: 50, ...(before && /^\d{1,15}$/.test(before) ? { before: Number(before) } : {}) })
    if (wantsJson(c)) return c.json(page)
    const ctx = pageContext(c, assets)
    return c.html(doc(<NotificationsPage ctx={ctx} page={page} when={formatWhen(ctx.ui)} />))
  })

  web.post('/notifications/read', async (c) => {
    const account = accountOf(c)
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      const body = (await c.req.json().catch(() => undefined)) as { ids?: unknown; all?: unknown } | undefined
      const ids = Array.isArray(body?.ids) && body.ids.length <= 1000 && body.ids.every((i) => Number.isSafeInteger(i)) ? (body.ids as number[]) : undefined
      if (body?.all !== true && ids === undefined) return c.json({ status: 400, detail: 'send {"ids": [1, 2]} or {"all": true}' }, 400)
      const marked = await store.notifications.markRead(account, body?.all === true ? { all: true } : { ids: ids! })
      return c.json({ marked, unread: await store.notifications.unread(account) })
    }
    await formFields(c)
    await store.notifications.markRead(account, { all: true })
    return c.redirect('/notifications', 303)
  })

  web.post('/notifications/:id/open', async (c) => {
    const account = accountOf(c)
    const raw = c.req.param('id')
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0
    await formFields(c)
    // Only one's own: the newest at or below this id must be this one.
    const [n] = (await store.notifications.list(account, { before: id + 1, limit: 1 })).notifications
    if (!n || n.id !== id) throw new NotFound(`no notification ${id}`, 'unknown-notification')
    await store.notifications.markRead(account, { ids: [id] })
    return c.redirect(await whereTo(deps, n), 303)
  })
}

/** Where a notification leads: its segment in the editor (the language it is about, else the article's first target). */
async function whereTo(deps: WebDeps, n: Notification): Promise<string> {
  // An article archived (or gone) since: the dashboard rather than an error page.
  const article = await requireSummary(deps.store, n.article).catch((err: unknown) => {
    if (err instanceof TolkError && err.status === 404) return undefined
    throw err
  })
  if (!article) return '/'
  const lang = n.lang ?? article.targets[0]
  if (!lang) return '/'
  const editor = `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`
  return n.unit ? `${editor}?active=${encodeURIComponent(n.unit)}#u-${encodeURIComponent(n.unit)}` : editor
}
