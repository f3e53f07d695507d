import type { ArticleSummary } from '../../model/translation.js'
import { ARTICLE_SORTS, type CoverageCounts } from '../../store/types.js'
import type { DashboardFault, DashboardForm } from '../dashboard/dashboard-query.js'
import { barParts } from '../coverage-bar.js'
import { formatWhen } from '../page-context.js'
import { Layout, type PageContext } from './layout.js'
import { FormError } from './notices.js'
import type { Load, MyWork } from '../../team/work.js'
import { AssignForm, EMPTY_ASSIGN, MyWorkSection, TeamLoadSection } from '../team/work-sections.js'

/** One article's target language on the dashboard: counts, and whether the viewer may edit it. */
export interface DashboardEntry {
  article: ArticleSummary & { changedAt: string }
  langs: { lang: string; name: string; counts: CoverageCounts; canWrite: boolean; openQueries?: number }[]
}

const PARTS = ['reviewed', 'translated', 'stale', 'rejected', 'untranslated'] as const

/**
 * A coverage bar as inline SVG: the widths are attributes, not inline styles, so the page needs
 * no `style-src 'unsafe-inline'`.
 */
function CoverageBar({ counts, label }: { counts: CoverageCounts; label: string }) {
  const p = barParts(counts.words)
  let x = 0
  return (
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label}>
      {PARTS.map((k) => {
        const w = p.total === 0 ? 0 : (p[k] / p.total) * 100
        const rect = (
          <rect class={`part-${k}`} x={x.toFixed(2)} y="0" width={w.toFixed(2)} height="10" />
        )
        x += w
        return rect
      })}
    </svg>
  )
}

/** The share of words done (translated or better, not stale), for the percentage beside a bar. */
function percent(ui: string, counts: CoverageCounts): string {
  const p = barParts(counts.words)
  const share = p.total === 0 ? 1 : (p.reviewed + p.translated) / p.total
  return new Intl.NumberFormat(ui, { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** The search, filter and sort form: a GET form, so it works without the script. */
function DashboardFilters({ ctx, form, canMine }: { ctx: PageContext; form: DashboardForm; canMine: boolean }) {
  const { t } = ctx
  return (
    <form class="filters" method="get" action="/" role="search">
      <p>
        <label for="f-q">{t('dashboard.search')}</label>
        <input id="f-q" name="q" type="search" value={form.search} maxlength={200} />
      </p>
      <p>
        <label for="f-tag">{t('dashboard.tag')}</label>
        <input id="f-tag" name="tag" value={form.tag} placeholder="sv-general" size={14} />
      </p>
      <p>
        <label for="f-lang">{t('dashboard.language')}</label>
        <input id="f-lang" name="lang" value={form.lang} placeholder="sv" size={6} />
      </p>
      <p>
        <label for="f-sort">{t('dashboard.sort')}</label>
        <select id="f-sort" name="sort">
          {ARTICLE_SORTS.map((s) => (
            <option value={s} selected={s === form.sort}>
              {t(`dashboard.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </p>
      {canMine && (
        <p class="check">
          <input id="f-mine" name="mine" type="checkbox" value="1" checked={form.mine} />
          <label for="f-mine">{t('dashboard.mineFirst')}</label>
        </p>
      )}
      <p>
        <button type="submit">{t('dashboard.apply')}</button>
      </p>
    </form>
  )
}

/** Every article with a coverage bar per target language and the words left. */
export function DashboardPage({
  ctx,
  entries,
  form,
  canMine,
  admin,
  fault,
  next,
  first,
  work,
  load,
  assigned,
  langName,
}: {
  ctx: PageContext
  work: MyWork
  /** Everyone's open work, for coordinators and admins; undefined for others. */
  load?: Load[] | undefined
  /** What the assign form just did. */
  assigned?: string | undefined
  langName: (lang: string) => string
  entries: DashboardEntry[]
  form: DashboardForm
  canMine: boolean
  admin: boolean
  fault?: DashboardFault | 'cursor' | undefined
  next?: string | undefined
  first?: string | undefined
}) {
  const { t } = ctx
  const filtered = form.search !== '' || form.tag !== '' || form.lang !== ''
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <h1>{t('dashboard.title')}</h1>
      <MyWorkSection ctx={ctx} work={work} langName={langName} />
      {load && <TeamLoadSection ctx={ctx} load={load} langName={langName} />}
      {load && <AssignForm ctx={ctx} values={EMPTY_ASSIGN} done={assigned} />}
      <DashboardFilters ctx={ctx} form={form} canMine={canMine} />
      <FormError message={fault && t(`dashboard.fault.${fault}`)} />
      <ul class="legend" aria-hidden="true">
        {PARTS.map((k) => (
          <li>
            <span class={`swatch part-${k}`} />
            {t(k === 'untranslated' ? 'states.initial' : `states.${k}`)}
          </li>
        ))}
      </ul>
      {entries.length === 0 && !fault && <p class="notice">{t(filtered ? 'dashboard.noMatch' : admin ? 'dashboard.emptyAdmin' : 'dashboard.empty')}</p>}
      {entries.map(({ article, langs }) => (
        <section class="article" aria-labelledby={`a-${article.id}`}>
          <h2 id={`a-${article.id}`}>
            <a href={`/articles/${encodeURIComponent(article.id)}`}>{article.title || article.id}</a>
          </h2>
          <p class="article-id">
            {t('dashboard.tag')}: {article.tag} · {article.id} ·{' '}
            {t('dashboard.changed')} <time datetime={article.changedAt}>{formatWhen(ctx.ui)(article.changedAt)}</time>
          </p>
          <ul class="langs">
            {langs.map(({ lang, name, counts, canWrite, openQueries }) => {
              const p = barParts(counts.words)
              const label = t('dashboard.barLabel', {
                lang: name,
                translated: p.translated,
                reviewed: p.reviewed,
                stale: p.stale,
                rejected: p.rejected,
                untranslated: p.untranslated,
              })
              return (
                <li data-coverage={`${article.id} ${lang}`}>
                  <a href={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`}>
                    {canWrite
                      ? t('dashboard.translate', { lang: name })
                      : t('dashboard.view', { lang: name })}
                  </a>
                  <CoverageBar counts={counts} label={label} />
                  <span class="left">
                    <span class="pct">{percent(ctx.ui, counts)}</span> ·{' '}
                    <span data-left>{t('dashboard.wordsLeft', { count: p.untranslated + p.stale + p.rejected })}</span>
                    {openQueries ? (
                      <>
                        {' · '}
                        <a class="open-queries" href={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}?filter=queries`}>
                          {t('dashboard.openQueries', { count: openQueries })}
                        </a>
                      </>
                    ) : null}
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      {(next || first) && (
        <nav class="pager" aria-label={t('dashboard.pages')}>
          {first && <a href={first}>{t('dashboard.firstPage')}</a>}
          {next && (
            <a href={next} rel="next">
              {t('dashboard.nextPage')}
            </a>
          )}
        </nav>
      )}
      {/* Moves the bars when a save lands, in any process (one event stream per tab). */}
      <script type="module" src={ctx.assets.dashboardLive} />
    </Layout>
  )
}
