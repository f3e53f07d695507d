import type { Context, Hono } from 'hono'
import { coordinatedLanguages, refuseAssign } from '../../auth/permissions.js'
import type { Principal } from '../../auth/types.js'
import { TolkError } from '../../model/errors.js'
import { requireArticle } from '../../store/require-article.js'
import { articleActivity, activitySources } from '../../team/activity-feed.js'
import { assignWork, withdrawWork } from '../../team/assign.js'
import { isValidId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import type { Assignment } from '../../team/types.js'
import { myWork, teamLoad } from '../../team/work.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, languageName, pageContext } from '../page-context.js'
import { Layout, type PageContext } from '../pages/layout.js'
import { ActivityPage, type ActivityForm } from './activity-page.js'
import { AssignmentsPage, assignmentsHref, partLabel } from './assignments-page.js'
import { AssignForm, type AssignValues } from './work-sections.js'

const principalOf = (c: Context<WebEnv>): Principal => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal

/** Whether the account may hand out work in some language (admin, or a coordinator grant). */
export const coordinates = (p: Principal): boolean => {
  const langs = coordinatedLanguages(p)
  return langs === '*' || langs.length > 0
}

/** `ana: segments 1-10; bo: the whole article`, for the line after an assignment. */
export const assignedList = (ctx: PageContext, made: readonly Assignment[]): string =>
  made.map((a) => `${a.user}: ${partLabel(ctx, a.segments)}`).join('; ')

/**
 * The team workflow in the browser (#20), on the session: "my work" and the coordinator's load as
 * JSON (what GET /api/me/work gives), the assign form's write, and each article's activity, as a
 * page and as JSON (what GET /api/articles/:id/activity gives).
 */
export function registerTeam(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps

  web.get('/dashboard/work', async (c) => {
    const p = principalOf(c)
    return c.json({ ...(await myWork(store, p.account)), load: await teamLoad(store, coordinatedLanguages(p)) })
  })

  web.post('/dashboard/assign', async (c) => {
    const body = await c.req.parseBody()
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
    const values: AssignValues = {
      article: field('article').trim(), lang: field('lang').trim(), to: field('to'), split: field('split') === 'words',
      segments: field('segments').trim(), due: field('due').trim(), note: field('note'),
    }
    const users = values.to.split(',').map((s) => s.trim()).filter(Boolean)
    try {
      const made = await assignWork(store, principalOf(c), {
        article: values.article, lang: values.lang, users,
        ...(values.split ? { split: 'words' as const } : {}),
        ...(values.segments ? { segments: values.segments } : {}),
        ...(values.due ? { due: values.due } : {}),
        ...(values.note.trim() ? { note: values.note } : {}),
      })
      return c.redirect(`/?assigned=${made.map((a) => a.id).join(',')}`, 303)
    } catch (err) {
      if (!(err instanceof TolkError)) throw err
      const ctx = pageContext(c, assets)
      const t = ctx.t
      return c.html(
        doc(
          <Layout ctx={ctx} title={t('team.assign')}>
            <AssignForm ctx={ctx} values={values} open error={t('team.refused', { reason: err.message })} />
            <p>
              <a href="/">{t('editor.back')}</a>
            </p>
          </Layout>,
        ),
        err.status === 403 ? 403 : err.status === 404 ? 404 : 400,
      )
    }
  })

  /** One person's assignments in a language, as a page; `done` and `error` from a withdrawal. */
  const assignmentsPage = async (c: Context<WebEnv>, lang: string, user: string, notice: { done?: string; error?: string; status?: 200 | 400 | 403 | 404 | 409 } = {}) => {
    const ctx = pageContext(c, assets)
    const p = principalOf(c)
    const assignments = await store.assignments.list({ lang, user, limit: 100 })
    return c.html(
      doc(
        <AssignmentsPage
          ctx={ctx} lang={lang} user={user} langName={languageName(c.get('ui'), lang)} assignments={assignments}
          canWithdraw={refuseAssign(p, lang) === undefined} done={notice.done} error={notice.error}
        />,
      ),
      notice.status ?? 200,
    )
  }

  web.get('/team/assignments', async (c) => {
    const user = c.req.query('user') ?? ''
    let lang: string
    try {
      lang = parseLanguage(c.req.query('lang') ?? '')
    } catch (err) {
      if (!(err instanceof TolkError)) throw err
      return assignmentsPage(c, 'und', user, { error: err.message, status: 400 })
    }
    if (!isValidId(user)) return assignmentsPage(c, lang, '', { status: 400 })
    // After the withdraw form: read back by id, and only an assignment of this list that was
    // withdrawn (a link cannot make the page claim more).
    const id = /^\d{1,15}$/.test(c.req.query('withdrawn') ?? '') ? Number(c.req.query('withdrawn')) : undefined
    const withdrawn = id === undefined ? undefined : await store.assignments.get(id)
    const ctx = pageContext(c, assets)
    const done = withdrawn?.withdrawn && withdrawn.lang === lang && withdrawn.user === user
      ? ctx.t('team.withdrewDone', { article: withdrawn.article, part: partLabel(ctx, withdrawn.segments) })
      : undefined
    return assignmentsPage(c, lang, user, done ? { done } : {})
  })

  web.post('/team/assignments/:id/withdraw', async (c) => {
    const id = /^\d{1,15}$/.test(c.req.param('id')) ? Number(c.req.param('id')) : 0
    try {
      const withdrawn = await withdrawWork(store, principalOf(c), id)
      return c.redirect(`${assignmentsHref(withdrawn.lang, withdrawn.user)}&withdrawn=${withdrawn.id}`, 303)
    } catch (err) {
      if (!(err instanceof TolkError)) throw err
      const t = pageContext(c, assets).t
      const status = err.status === 403 || err.status === 404 || err.status === 409 ? err.status : 400
      const found = id > 0 ? await store.assignments.get(id) : undefined
      // Back on the list it came from (or an empty one for an id there is none of).
      return assignmentsPage(c, found?.lang ?? 'und', found?.user ?? '', { error: t('team.withdrawRefused', { reason: err.message }), status })
    }
  })

  const readActivity = (c: Context<WebEnv>, limit: number) => {
    const form: ActivityForm = { lang: c.req.query('lang') ?? '', kind: c.req.query('kind') ?? '' }
    const cursor = c.req.query('cursor')
    return {
      form,
      cursor,
      page: articleActivity(store, {
        article: c.req.param('id') ?? '', limit,
        ...(form.lang ? { lang: form.lang } : {}), ...(form.kind ? { kinds: form.kind.split(',') } : {}), ...(cursor ? { cursor } : {}),
      }),
    }
  }

  web.get('/dashboard/activity/:id', async (c) => {
    const { page } = readActivity(c, Math.min(Math.max(Number(c.req.query('limit')) || 50, 1), 200))
    return c.json({ article: c.req.param('id'), ...(await page) })
  })

  web.get('/articles/:id/activity', async (c) => {
    const article = await requireArticle(store, c.req.param('id'))
    const { form, cursor, page } = readActivity(c, 50)
    const found = await page
    const ui = c.get('ui')
    return c.html(
      doc(
        <ActivityPage
          ctx={pageContext(c, assets)}
          article={article}
          items={found.items}
          kinds={activitySources(store).map(([k]) => k)}
          form={form}
          next={found.next}
          paged={cursor !== undefined}
          langName={(l) => languageName(ui, l)}
        />,
      ),
    )
  })
}
