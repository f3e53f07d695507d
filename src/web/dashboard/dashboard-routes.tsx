import type { Hono } from 'hono'
import { coordinatedLanguages, refuseImport, refuseWrite } from '../../auth/permissions.js'
import type { Assignment } from '../../team/types.js'
import { myWork, teamLoad } from '../../team/work.js'
import { assignedList, coordinates } from '../team/team-routes.js'
import { InvalidInput } from '../../model/errors.js'
import type { ArticleListPage, CoverageCounts } from '../../store/types.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, languageName, pageContext } from '../page-context.js'
import { DashboardPage, type DashboardEntry } from '../pages/dashboard.js'
import type { PageContext } from '../pages/layout.js'
import { dashboardHref, readDashboardForm, type DashboardFault } from './dashboard-query.js'

/** Articles a dashboard page shows. */
export const DASHBOARD_PAGE_SIZE = 50

/**
 * The dashboard: a page of articles (searched, filtered, sorted; keyset-paged by the store, so a
 * large database is never read whole) with each target language's coverage.
 */
export function registerDashboard(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps
  const limit = deps.dashboardPageSize ?? DASHBOARD_PAGE_SIZE
  web.get('/', async (c) => {
    const principal = (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
    const ctx = pageContext(c, assets)
    const ui = c.get('ui')
    const mine = [...new Set(principal.grants.flatMap((g) => g.langs))]
    const read = readDashboardForm((name) => c.req.query(name))
    let fault: DashboardFault | 'cursor' | undefined = read.fault
    const { form } = read
    let page: ArticleListPage = { articles: [], next: null }
    if (!fault) {
      try {
        page = await store.listArticlesPage({
          sort: form.sort,
          limit,
          ...(form.search ? { search: form.search } : {}),
          ...(form.tag ? { tag: form.tag } : {}),
          ...(form.lang ? { lang: form.lang } : {}),
          ...(form.mine && mine.length > 0 ? { first: mine } : {}),
          ...(form.after ? { after: form.after } : {}),
        })
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err
        fault = 'cursor'
      }
    }
    const ids = page.articles.map((a) => a.id)
    const coverage = ids.length === 0 ? [] : await store.coverage({ articles: ids })
    const byKey = new Map(coverage.map((x) => [`${x.articleId}\u0000${x.lang}`, x]))
    // Open queries per article and language (a source query counts in every language).
    const open = new Map<string, number>()
    for (const o of await store.comments.openQueriesOf(ids)) open.set(`${o.article}\u0000${o.lang}`, o.open)
    const openQueries = (article: string, lang: string) => (open.get(`${article}\u0000${lang}`) ?? 0) + (open.get(`${article}\u0000`) ?? 0)
    const entries: DashboardEntry[] = page.articles.map((article) => {
      let langs = form.lang ? article.targets.filter((l) => l === form.lang) : article.targets
      // Mine first, keeping the article's order otherwise.
      if (form.mine) langs = [...langs.filter((l) => mine.includes(l)), ...langs.filter((l) => !mine.includes(l))]
      return {
        article,
        langs: langs.flatMap((lang) => {
          const counts: CoverageCounts | undefined = byKey.get(`${article.id}\u0000${lang}`)
          if (!counts) return []
          return [{ lang, name: languageName(ui, lang), counts, canWrite: refuseWrite(principal, lang, 'translated') === undefined, openQueries: openQueries(article.id, lang) }]
        }),
      }
    })
    // My work first; a coordinator also sees everyone's load and the assign form.
    const work = await myWork(store, principal.account)
    const coordinator = coordinates(principal)
    const load = coordinator ? await teamLoad(store, coordinatedLanguages(principal)) : undefined
    // After the assign form: what was assigned, read back by id (a link cannot make it claim more).
    const made: Assignment[] = []
    for (const id of (c.req.query('assigned') ?? '').split(',').slice(0, 50)) {
      const a = /^\d{1,15}$/.test(id) ? await store.assignments.get(Number(id)) : undefined
      if (a && a.by === principal.account) made.push(a)
    }
    return c.html(
      doc(
        <DashboardPage
          work={work}
          load={load}
          assigned={made.length > 0 ? ctx.t('team.assigned', { list: assignedList(ctx, made) }) : undefined}
          langName={(l) => languageName(ui, l)}
          ctx={ctx}
          entries={entries}
          form={form}
          canMine={mine.length > 0}
          admin={refuseImport(principal) === undefined}
          fault={fault}
          next={page.next === null ? undefined : dashboardHref(form, page.next)}
          first={form.after ? dashboardHref(form) : undefined}
        />,
      ),
      fault ? 400 : 200,
    )
  })
}
