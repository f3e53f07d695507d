import type { Article } from '../../model/translation.js'
import type { ActivityItem } from '../../team/activity-types.js'
import { formatWhen } from '../page-context.js'
import { Layout, type PageContext } from '../pages/layout.js'
import { partLabel } from './assignments-page.js'

/** The filter of the activity page, as the GET form and the links carry it. */
export interface ActivityForm {
  lang: string
  kind: string
}

/** `?lang=…&kind=…&cursor=…`, leaving out what is empty. */
export function activityHref(id: string, form: ActivityForm, cursor?: string): string {
  const q = new URLSearchParams()
  if (form.lang) q.set('lang', form.lang)
  if (form.kind) q.set('kind', form.kind)
  if (cursor) q.set('cursor', cursor)
  const s = q.toString()
  return `/articles/${encodeURIComponent(id)}/activity${s ? `?${s}` : ''}`
}

/** One item as a sentence in the interface language; a kind this page does not know reads as its name. */
function describe(ctx: PageContext, item: ActivityItem, langName: (l: string) => string): string {
  const { t } = ctx
  const d = item.detail
  const lang = item.lang ? langName(item.lang) : ''
  switch (item.kind) {
    case 'import':
      return t(item.user ? 'team.item.importBy' : 'team.item.import', { user: item.user, revision: d.revision, kept: d.kept, stale: d.stale, new: d.new, obsolete: d.obsolete })
    case 'save':
      return t('team.item.save', { user: item.user, count: Number(d.units), lang })
    case 'review':
      return t('team.item.review', { user: item.user, count: Number(d.units), lang })
    case 'assignment': {
      const part = partLabel(ctx, d.segments === null ? null : String(d.segments))
      if (d.action === 'withdrawn') return t('team.item.withdrawal', { user: item.user, to: String(d.to), lang, part })
      const line = t('team.item.assignment', { user: item.user, to: String(d.to), lang, part })
      return d.due ? `${line}, ${t('team.item.dueOn', { due: String(d.due) })}` : line
    }
    case 'rejection':
      return t('team.item.rejection', { user: item.user, unit: String(d.unit), lang, reason: String(d.reason ?? '') })
    case 'comment': {
      const key = d.as === 'query' ? 'team.item.query' : d.as === 'reply' ? 'team.item.reply' : 'team.item.comment'
      return t(key, { user: item.user, unit: String(d.unit), lang: lang || t('team.item.source') })
    }
    default:
      return `${item.kind}${item.user ? ` · ${item.user}` : ''}${lang ? ` · ${lang}` : ''}`
  }
}

/** An article's activity, newest first, filtered by language and kind, a page at a time. */
export function ActivityPage(props: {
  ctx: PageContext
  article: Article
  items: ActivityItem[]
  kinds: readonly string[]
  form: ActivityForm
  next: string | null
  paged: boolean
  langName: (l: string) => string
}) {
  const { ctx, article, form } = props
  const { t } = ctx
  const when = formatWhen(ctx.ui)
  const title = t('team.activityOf', { title: article.title || article.id })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={`/articles/${encodeURIComponent(article.id)}`}>{article.id}</a>
      </p>
      <form class="filters" method="get" action={`/articles/${encodeURIComponent(article.id)}/activity`}>
        <p>
          <label for="ac-lang">{t('team.language')}</label>
          <select id="ac-lang" name="lang">
            <option value="">{t('team.allLangs')}</option>
            {article.targets.map((l) => (
              <option value={l} selected={l === form.lang}>
                {props.langName(l)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="ac-kind">{t('team.kind')}</label>
          <select id="ac-kind" name="kind">
            <option value="">{t('team.allKinds')}</option>
            {props.kinds.map((k) => (
              <option value={k} selected={k === form.kind}>
                {k in KIND_KEYS ? t(KIND_KEYS[k as keyof typeof KIND_KEYS]) : k}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{t('team.filter')}</button>
        </p>
      </form>
      {props.items.length === 0 ? (
        <p class="notice">{t('team.noActivity')}</p>
      ) : (
        <ol class="activity">
          {props.items.map((item) => (
            <li data-kind={item.kind}>
              <time datetime={item.at}>{when(item.at)}</time> <span>{describe(ctx, item, props.langName)}</span>
            </li>
          ))}
        </ol>
      )}
      {(props.next || props.paged) && (
        <nav class="pager" aria-label={t('dashboard.pages')}>
          {props.paged && <a href={activityHref(article.id, form)}>{t('team.newest')}</a>}
          {props.next && (
            <a href={activityHref(article.id, form, props.next)} rel="next">
              {t('team.older')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  )
}

const KIND_KEYS = {
  comment: 'team.kinds.comment',
  rejection: 'team.kinds.rejection',
  import: 'team.kinds.import',
  save: 'team.kinds.save',
  review: 'team.kinds.review',
  assignment: 'team.kinds.assignment',
} as const
