import type { Context, Hono } from 'hono'
import { applyBatch, undoBatch } from '../../batch/apply.js'
import { planBatch } from '../../batch/plan.js'
import { changeOf } from '../../batch/result.js'
import type { BatchFilter, BatchRequest, BatchResult } from '../../batch/types.js'
import { formFields } from '../../http/strict-form.js'
import { NotFound, TolkError } from '../../model/errors.js'
import { STATES, type State } from '../../model/translation.js'
import { editTarget } from '../edit-target.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, languageName, pageContext } from '../page-context.js'
import { BatchPage, type BatchForm, EMPTY_FORM, type ShownBatch } from '../pages/batch.js'
import type { PageContext } from '../pages/layout.js'
import { textDirection } from '../text-direction.js'

/**
 * The editor's find-and-replace and bulk page for one article and language, on the session
 * routes: GET shows the form (and a stored batch with `?batch=ID`), POST …/batch/preview plans,
 * …/batch/:id/apply and …/batch/:id/undo act, each answering the page with the result. Forms
 * only, no script; every post carries the CSRF token (csrfGuard checks it).
 */
export function registerBatchPage(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps
  const principal = (c: Context<WebEnv>) => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal

  const page = async (c: Context<WebEnv>, form: BatchForm, shown?: ShownBatch, error?: string, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) => {
    const { article, lang } = await editTarget(store, c)
    const ctx = pageContext(c, assets)
    const title = ctx.t('batch.title', { article: article.title || article.id, lang: languageName(ctx.ui, lang) })
    const base = `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`
    return c.html(doc(<BatchPage ctx={ctx} title={title} base={base} form={form} error={error} batch={shown} lang={lang} dir={textDirection(lang)} />), status)
  }
  const shownOf = (r: BatchResult): ShownBatch => ({ id: r.id, status: r.status, dryRun: r.dryRun, changes: r.changes, skipped: r.skipped, undoOf: r.undoOf ?? null })
  /** A refusal of the batch code (bad regex, too slow, no rights) as the page with its message. */
  const orPage = async (c: Context<WebEnv>, form: BatchForm, fn: () => Promise<Response>) => {
    try {
      return await fn()
    } catch (err) {
      if (!(err instanceof TolkError) || err.status >= 500) throw err
      return page(c, form, undefined, err.message, ([400, 403, 404, 409, 422] as const).find((s) => s === err.status) ?? 400)
    }
  }

  web.get('/edit/:article/:lang/batch', async (c) => {
    const id = c.req.query('batch')
    if (!id) return page(c, EMPTY_FORM)
    const b = await store.batches.get(id)
    const who = principal(c)
    if (!b || (b.author !== who.account && !who.grants.some((g) => g.role === 'admin'))) throw new NotFound(c.get('t')('batch.unknown'), 'unknown-batch')
    const units = await store.batches.units(id)
    return page(c, EMPTY_FORM, { id, status: b.status, dryRun: b.status === 'preview', changes: units.map((u) => changeOf(u)), skipped: [], undoOf: b.undoOf, undoneBy: b.undoneBy })
  })

  web.post('/edit/:article/:lang/batch/preview', async (c) => {
    const { article, lang } = await editTarget(store, c)
    const form = readForm(await formFields(c))
    return orPage(c, form, async () => page(c, form, shownOf(await planBatch(store, requestOf(form, article.id, lang), principal(c)))))
  })
  web.post('/edit/:article/:lang/batch/:id/apply', async (c) =>
    orPage(c, EMPTY_FORM, async () => page(c, EMPTY_FORM, shownOf(await applyBatch(store, c.req.param('id'), principal(c))))),
  )
  web.post('/edit/:article/:lang/batch/:id/undo', async (c) =>
    orPage(c, EMPTY_FORM, async () => page(c, EMPTY_FORM, shownOf(await undoBatch(store, c.req.param('id'), principal(c))))),
  )
}

/** The form's fields, as the page shows them again. */
function readForm(f: Record<string, string>): BatchForm {
  const on = (k: string) => f[k] === '1' || f[k] === 'on'
  return {
    action: f.action ?? 'replace', find: f.find ?? '', replace: f.replace ?? '', regex: on('regex'), caseSensitive: on('caseSensitive'),
    wholeWords: on('wholeWords'), to: f.to ?? 'reviewed', min: f.min ?? '100', state: f.state ?? '', stale: f.stale ?? '', range: (f.range ?? '').trim(),
  }
}

/** The batch request a form asks for, on one article. */
function requestOf(f: BatchForm, articleId: string, lang: string): BatchRequest {
  const filter: BatchFilter = {}
  if ((STATES as readonly string[]).includes(f.state)) filter.state = [f.state as State]
  if (f.stale === 'yes' || f.stale === 'no') filter.stale = f.stale === 'yes'
  if (f.range !== '') filter.range = f.range
  const scope = { articles: [articleId], lang }
  switch (f.action) {
    case 'set-state':
      return { action: 'set-state', scope, filter, state: ((STATES as readonly string[]).includes(f.to) ? f.to : 'translated') as State }
    case 'accept-match':
      return { action: 'accept-match', scope, filter, min: /^\d{1,3}$/.test(f.min) ? Math.min(101, Number(f.min)) : 100 }
    case 'copy-source':
      return { action: 'copy-source', scope, filter }
    default:
      return { action: 'replace', scope, filter, find: f.find, replace: f.replace, regex: f.regex, caseSensitive: f.caseSensitive, wholeWords: f.wholeWords }
  }
}
