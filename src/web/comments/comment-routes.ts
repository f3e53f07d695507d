import type { Context, Hono } from 'hono'
import type { Principal } from '../../auth/types.js'
import { formFields } from '../../http/strict-form.js'
import { InvalidInput } from '../../model/errors.js'
import { commentActions } from '../../team/comment-access.js'
import { unknownComment } from '../../team/comment-rules.js'
import { refuseComment } from '../../team/comment-rights.js'
import type { ArticleSummary } from '../../model/translation.js'
import type { WebDeps, WebEnv } from '../env.js'
import { editTarget } from '../edit-target.js'
import { formatWhen, languageName, wantsJson } from '../page-context.js'
import { type ThreadContext, threadsHtml } from './thread-html.js'

const principalOf = (c: Context<WebEnv>): Principal => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal

/** The panel's comments context for one unit of an editor page. */
export function threadContext(c: Context<WebEnv>, article: ArticleSummary, lang: string, unitId: string, back: string): ThreadContext {
  const p = principalOf(c)
  return {
    t: c.get('t'),
    csrf: c.get('csrf'),
    base: `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`,
    unitId,
    lang,
    langName: languageName(c.get('ui'), lang),
    canComment: refuseComment(p, article.targets, lang) === undefined,
    canCommentSource: refuseComment(p, article.targets, undefined) === undefined,
    back,
    me: p.account,
    admin: p.grants.some((g) => g.role === 'admin'),
    when: formatWhen(c.get('ui')),
  }
}

/** The editor's query string a form came with (filter, page, active), kept for the way back. */
const backOf = (c: Context<WebEnv>): string => {
  const q = new URL(c.req.url).search
  return q.length > 1 && q.length < 1000 ? q : '?'
}

const textOf = (body: Record<string, unknown>): string => {
  if (typeof body.text !== 'string') throw new InvalidInput('the comment is missing: write it in the text field', 'invalid-text')
  // Browsers send a textarea's line breaks as CRLF.
  return body.text.replace(/\r\n?/g, '\n')
}

/**
 * The editor's comments on the browser's session (the API's take a token): a unit's threads as
 * the panel shows them, and plain forms to start a thread, reply and resolve. A form post
 * redirects back to the editor at the panel; the script asks for JSON and gets the new panel part.
 */
export function registerComments(web: Hono<WebEnv>, deps: WebDeps): void {
  const { store } = deps
  const answer = async (c: Context<WebEnv>, article: ArticleSummary, lang: string, unitId: string, status: 200 | 201) => {
    const back = backOf(c)
    if (!wantsJson(c)) return c.redirect(`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}${back}#comments`, 303)
    const threads = await store.comments.threads(article.id, { unit: unitId, lang })
    const html = threadsHtml(threads, threadContext(c, article, lang, unitId, back))
    const count = threads.reduce((n, th) => n + [th, ...th.replies].filter((x) => !x.deleted).length, 0)
    return c.json({ unit: unitId, count, countLabel: c.get('t')('comments.count', { count }), html }, status)
  }

  web.get('/edit/:article/:lang/:unit/comments', async (c) => {
    const { article, lang } = await editTarget(store, c)
    return answer(c, article, lang, c.req.param('unit'), 200)
  })
  web.post('/edit/:article/:lang/:unit/comments', async (c) => {
    const { article, lang } = await editTarget(store, c)
    const unit = c.req.param('unit')
    const body = await formFields(c)
    const kind = body.kind === 'query' ? 'query' : 'comment'
    await commentActions(store, principalOf(c)).add({ article: article.id, unit, kind, text: textOf(body), ...(body.scope === 'source' ? {} : { lang }) })
    return answer(c, article, lang, unit, 201)
  })
  web.post('/edit/:article/:lang/comments/:cid/:action{reply|resolve|delete}', async (c) => {
    const { article, lang } = await editTarget(store, c)
    const raw = c.req.param('cid')
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0
    const body = await formFields(c)
    // Only a comment of this page's article: the address must say what is changed.
    const found = await store.comments.get(id)
    if (!found || found.article !== article.id) throw unknownComment(id)
    const actions = commentActions(store, principalOf(c))
    const action = c.req.param('action')
    if (action === 'reply') await actions.reply(id, textOf(body))
    else if (action === 'resolve') await actions.resolve(id)
    else await actions.remove(id)
    return answer(c, article, lang, found.unit, c.req.param('action') === 'reply' ? 201 : 200)
  })
}
