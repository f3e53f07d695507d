import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import type { RightsWatch } from '../../auth/rights-watch.js'
import { problem, sendProblem } from '../../http/problem.js'
import type { CoverageCounts } from '../../store/types.js'
import { barParts } from '../coverage-bar.js'
import type { WebDeps, WebEnv } from '../env.js'
import type { T } from '../i18n.js'
import { languageName } from '../page-context.js'
import { SESSION_COOKIE } from '../sign-in-routes.js'
import { type CoverageFeed, MAX_FOLLOWED_ARTICLES } from './coverage-feed.js'
import { sessionRight } from './follow-right.js'
import { streamEvents } from './stream.js'

const PARTS = ['reviewed', 'translated', 'stale', 'rejected', 'untranslated'] as const

/**
 * One bar as the dashboard's script redraws it: the parts in words, each part's width in percent
 * of the bar, the share done (translated or better, not stale), and the bar's label and the
 * words left in the reader's language, as the page words them.
 */
function barEvent(c: CoverageCounts, t: T, ui: string) {
  const p = barParts(c.words)
  const widths = Object.fromEntries(PARTS.map((k) => [k, p.total === 0 ? 0 : Number(((p[k] / p.total) * 100).toFixed(2))]))
  const label = t('dashboard.barLabel', {
    lang: languageName(ui, c.lang),
    translated: p.translated,
    reviewed: p.reviewed,
    stale: p.stale,
    rejected: p.rejected,
    untranslated: p.untranslated,
  })
  const left = t('dashboard.wordsLeft', { count: p.untranslated + p.stale + p.rejected })
  const done = p.total === 0 ? 1 : (p.reviewed + p.translated) / p.total
  return { article: c.articleId, lang: c.lang, parts: p, widths, done, label, left }
}

/**
 * The dashboard's bars, live, on the browser's session: `GET /dashboard/events?articles=a,b`
 * sends `event: coverage` for each bar of those articles, first as they are, then each time a
 * save in any process moves one. One stream per dashboard tab; it ends (`event: end`) like the
 * editor's when the session does.
 */
export function registerDashboardLive(web: Hono<WebEnv>, deps: WebDeps, feed: CoverageFeed, watch: RightsWatch): void {
  web.get('/dashboard/events', async (c) => {
    const articles = (c.req.query('articles') ?? '').split(',').filter((a) => a !== '')
    if (articles.length > MAX_FOLLOWED_ARTICLES) {
      return sendProblem(c, problem(400, 'invalid-input', `a dashboard follows at most ${MAX_FOLLOWED_ARTICLES} articles; ?articles= names ${articles.length}`))
    }
    const cookie = getCookie(c, SESSION_COOKIE) ?? ''
    const t = c.get('t')
    const ui = c.get('ui')
    const sub = await feed.subscribe(articles)
    return streamEvents(c, sub, {
      heartbeatMs: deps.heartbeatMs,
      right: { watch, check: () => sessionRight(deps.sessions, cookie, '', false) },
      send: (stream, counts) => stream.writeSSE({ event: 'coverage', data: JSON.stringify(barEvent(counts, t, ui)) }),
    })
  })
}
