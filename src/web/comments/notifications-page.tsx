import type { NotificationPage } from '../../team/notification-types.js'
import { Csrf, Layout, type PageContext } from '../pages/layout.js'

/** The notification list: newest first, unread marked, each opened with a button (which marks it read). */
export function NotificationsPage(props: { ctx: PageContext; page: NotificationPage; when: (iso: string) => string }) {
  const { ctx, page } = props
  const { t } = ctx
  const last = page.notifications.at(-1)
  return (
    <Layout ctx={ctx} title={t('notifications.title')}>
      <h1>{t('notifications.title')}</h1>
      <p role="status">{t('notifications.unread', { count: page.unread })}</p>
      {page.unread > 0 && (
        <form method="post" action="/notifications/read">
          <Csrf token={ctx.csrf} />
          <button type="submit">{t('notifications.markAll')}</button>
        </form>
      )}
      {page.notifications.length === 0 && <p>{t('notifications.none')}</p>}
      <ul class="notifications">
        {page.notifications.map((n) => (
          <li class={n.read ? 'notification' : 'notification unread'} id={`n-${n.id}`}>
            <form method="post" action={`/notifications/${n.id}/open`}>
              <Csrf token={ctx.csrf} />
              <span class="mark">{n.read ? t('notifications.read') : t('notifications.new')}</span>{' '}
              <span class="what">{t(`notifications.kinds.${n.kind}`, { from: n.from ?? t('notifications.someone'), article: n.article })}</span>
              {n.lang && <span class="lang"> ({n.lang})</span>}{' '}
              <time datetime={n.at}>{props.when(n.at)}</time>
              {n.reason && <span class="reason"> · {t('notifications.reason', { reason: n.reason })}</span>}{' '}
              <button type="submit">{t('notifications.open')}</button>
            </form>
          </li>
        ))}
      </ul>
      {last && page.notifications.length === 50 && (
        <p>
          <a href={`/notifications?before=${last.id}`}>{t('notifications.older')}</a>
        </p>
      )}
    </Layout>
  )
}
