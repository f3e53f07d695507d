import type { ArticleSummary } from '../../model/translation.js'
import type { CoverageCounts } from '../../store/types.js'
import { barParts } from '../coverage-bar.js'
import { Layout, type PageContext } from './layout.js'

/** One article's target language on the dashboard: counts, and whether the viewer may edit it. */
export interface DashboardEntry {
  article: ArticleSummary
  langs: { lang: string; name: string; counts: CoverageCounts; canWrite: boolean }[]
}

const PARTS = ['reviewed', 'translated', 'stale', 'untranslated'] as const

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

/** Every article with a coverage bar per target language and the words left. */
export function DashboardPage({ ctx, entries }: { ctx: PageContext; entries: DashboardEntry[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <h1>{t('dashboard.title')}</h1>
      <ul class="legend" aria-hidden="true">
        {PARTS.map((k) => (
          <li>
            <span class={`swatch part-${k}`} />
            {t(k === 'untranslated' ? 'states.initial' : `states.${k}`)}
          </li>
        ))}
      </ul>
      {entries.length === 0 && <p class="notice">{t('dashboard.empty')}</p>}
      {entries.map(({ article, langs }) => (
        <section class="article" aria-labelledby={`a-${article.id}`}>
          <h2 id={`a-${article.id}`}>{article.title || article.id}</h2>
          <p class="article-id">
            {t('dashboard.tag')}: {article.tag} · {article.id}
          </p>
          <ul class="langs">
            {langs.map(({ lang, name, counts, canWrite }) => {
              const p = barParts(counts.words)
              const label = t('dashboard.barLabel', {
                lang: name,
                translated: p.translated,
                reviewed: p.reviewed,
                stale: p.stale,
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
                    <span data-left>{t('dashboard.wordsLeft', { count: p.untranslated + p.stale })}</span>
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      {/* Moves the bars when a save lands, in any process (one event stream per tab). */}
      <script type="module" src={ctx.assets.dashboardLive} />
    </Layout>
  )
}
