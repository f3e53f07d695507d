import type { Context, Hono } from 'hono'
import { refuseWrite } from '../auth/permissions.js'
import type { Principal } from '../auth/types.js'
import { NotFound, VersionConflict } from '../model/errors.js'
import { STATES, type State } from '../model/translation.js'
import { progressOf } from './coverage-bar.js'
import { editorQuery, loadEditor, parseCursor, parseFilter } from './editor-data.js'
import { DEFAULT_WEB_OPTIONS, type WebDeps, type WebEnv } from './env.js'
import { editTarget } from './edit-target.js'
import { formFields } from '../http/strict-form.js'
import { formOrigin } from './form-origin.js'
import { hintKey, qualityHints } from './hints.js'
import { loadDismissed } from './qa-dismissed.js'
import { doc, formatWhen, languageName, pageContext, wantsJson } from './page-context.js'
import { renderConflict } from './merge/no-script-merge.js'
import { activeRows, EditorPage } from './pages/editor.js'
import { threadContext } from './comments/comment-routes.js'
import { threadsHtml } from './comments/thread-html.js'
import { HistoryPage } from './pages/history.js'
import { MessagePage, type PageContext } from './pages/layout.js'
import { hintText, rowStrings } from './pages/row.js'
import { textDirection } from './text-direction.js'

const may = (p: Principal, lang: string, state: State) => refuseWrite(p, lang, state) === undefined

/**
 * The editor of one article × language, saving one segment (a form post that redirects back to
 * its row, or JSON for the script), and a segment's history with restore.
 */
export function registerEditor(
  web: Hono<WebEnv>,
  deps: WebDeps,
  assets: PageContext['assets'],
): void {
  const { store } = deps
  const pageSize = deps.pageSize ?? DEFAULT_WEB_OPTIONS.pageSize

  const target = (c: Context<WebEnv>) => editTarget(store, c)

  web.get('/edit/:article/:lang', async (c) => {
    const { article, lang } = await target(c)
    const principal = (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
    const filter = parseFilter(c.req.query('filter'))
    const cursor = parseCursor((name) => c.req.query(name))
    // Where the page's live stream starts: read before the page's rows, so a save landing between
    // this render and the script's connection is sent, not missed (a duplicate is harmless).
    const eventsAfter = await store.lastEventId()
    const [data, dismissed] = await Promise.all([loadEditor(store, article, lang, { filter, cursor, pageSize }), loadDismissed(store, article.id, lang)])
    const ctx = pageContext(c, assets)
    // Comments: a count on each row that has some, and the active row's threads in its panel.
    const activeUnit = data.rows[activeRows(data.rows, c.req.query('active')).index]?.unit.id
    const [commentCounts, threads] = await Promise.all([
      store.comments.counts(article.id, lang),
      activeUnit === undefined ? [] : store.comments.threads(article.id, { unit: activeUnit, lang }),
    ])
    const activeThread = activeUnit === undefined
      ? undefined
      : threadsHtml(threads, threadContext(c, article, lang, activeUnit, `${editorQuery(filter, cursor)}&active=${encodeURIComponent(activeUnit)}`))
    const row = {
      t: ctx.t,
      s: rowStrings(ctx.t),
      csrf: ctx.csrf,
      articleId: article.id,
      lang,
      srcLang: article.lang,
      srcDir: textDirection(article.lang),
      dir: textDirection(lang),
      canWrite: may(principal, lang, 'translated'),
      canReview: may(principal, lang, 'reviewed'),
      when: formatWhen(ctx.ui),
      commentCounts,
      ...(activeThread !== undefined ? { activeThread } : {}),
      dismissed,
    }
    const langName = languageName(ctx.ui, lang)
    return c.html(
      doc(
        <EditorPage
          ctx={ctx}
          data={data}
          row={row}
          langName={langName}
          srcName={languageName(ctx.ui, article.lang)}
          here={editorQuery(filter, cursor)}
          active={c.req.query('active')}
          machine={(deps.mt?.size ?? 0) > 0}
          eventsAfter={eventsAfter}
        />,
      ),
    )
  })

  web.post('/edit/:article/:lang/:unit', async (c) => {
    const { article, lang } = await target(c)
    const unitId = c.req.param('unit')
    const principal = (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
    const body = await formFields(c)
    const t = c.get('t')
    const version = Number.parseInt(String(body.version ?? ''), 10)
    // Confirm (a stale segment) and Reject (a reviewer, with a reason) keep the stored text, and
    // Confirm the state: what the version posted names (the store refuses a newer one with 412).
    const confirm = body.confirm === '1'
    const reason = body.state === 'rejected' && typeof body.reason === 'string' ? body.reason.replace(/\r\n?/g, '\n') : undefined
    const stored = confirm || reason !== undefined ? await store.getTranslation(article.id, unitId, lang) : undefined
    // Browsers send a textarea's line breaks as CRLF; the source uses LF.
    const text = stored ? stored.text : typeof body.text === 'string' ? body.text.replace(/\r\n?/g, '\n') : ''
    const asked = STATES.find((s) => s === body.state) ?? 'translated'
    const state: State = confirm && stored ? stored.state : text.trim() === '' ? 'initial' : asked
    const origin = formOrigin(body)
    const editor = `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`
    const refusal = refuseWrite(principal, lang, state === 'initial' ? 'translated' : state)
    if (refusal) {
      const message = t('errors.forbidden', { reason: refusal })
      if (wantsJson(c)) return c.json({ status: 403, detail: message }, 403)
      return c.html(
        doc(
          <MessagePage
            ctx={pageContext(c, assets)}
            title={t('errors.title')}
            message={message}
            back={editor}
          />,
        ),
        403,
      )
    }
    try {
      await store.writeTranslation({
        articleId: article.id,
        unitId,
        lang,
        text,
        state,
        ifVersion: Number.isFinite(version) ? version : 0,
        author: principal.account,
        origin,
        ...(confirm ? { confirm } : {}),
        ...(reason !== undefined ? { reason } : {}),
      })
      if (wantsJson(c)) {
        const unit = await store.getTranslation(article.id, unitId, lang)
        const [cov] = await store.coverage({ articles: [article.id], langs: [lang] })
        const source = (await store.getUnit(article.id, unitId))?.source ?? ''
        const hints = text === '' ? [] : qualityHints(source, text)
        const gone = hints.length > 0 ? (await loadDismissed(store, article.id, lang))(unitId, source, text) : new Set()
        const progress = progressOf(
          cov?.units ?? { initial: 0, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 },
        )
        return c.json({
          translation: unit,
          stateLabel: t(`states.${unit.state}`),
          meta: t('editor.lastChanged', {
            author: unit.author ?? '',
            when: formatWhen(c.get('ui'))(unit.updatedAt ?? ''),
          }),
          hints: hints.map((h) => ({ key: hintKey(h), text: hintText(t, h), ...(gone.has(hintKey(h)) ? { dismissed: true } : {}) })),
          progress: {
            ...progress,
            text: t('editor.progress', { done: progress.done, total: progress.total }),
            left: t('editor.segmentsLeft', { count: progress.left }),
          },
        })
      }
      // The form's action carries the filter and page it came from; the anchor finds the row.
      const back = new URL(c.req.url).search
      return c.redirect(`${editor}${back}#u-${encodeURIComponent(unitId)}`, 303)
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err
      const theirs = await store.getTranslation(article.id, unitId, lang)
      if (wantsJson(c)) {
        return c.json(
          {
            status: 412,
            detail: err.message,
            current: { ...err.current, author: theirs.author },
            yours: { text, state, basedOn: version },
          },
          412,
        )
      }
      const at = { articleId: article.id, unitId, lang, mine: { text, state, origin } }
      return renderConflict(c, store, assets, { ...at, basedOn: Number.isFinite(version) ? version : 0 }, 412)
    }
  })

  web.get('/edit/:article/:lang/:unit/history', async (c) => {
    const { article, lang } = await target(c)
    const unitId = c.req.param('unit')
    const principal = (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
    const unit = await store.getUnit(article.id, unitId)
    if (!unit || unit.obsolete) throw new NotFound(`no unit ${unitId} in ${article.id}`, 'unknown-unit')
    // 100 writes a page, the newest first: a page costs the same however long the history grows.
    const cursor = c.req.query('cursor')
    const [{ entries, next }, current] = await Promise.all([
      store.historyPage(article.id, unitId, { lang, limit: 100, ...(cursor ? { cursor } : {}) }),
      store.getTranslation(article.id, unitId, lang),
    ])
    const ctx = pageContext(c, assets)
    return c.html(
      doc(
        <HistoryPage
          ctx={ctx}
          unit={unit}
          lang={lang}
          dir={textDirection(lang)}
          entries={entries}
          older={next === null ? undefined : `?cursor=${encodeURIComponent(next)}`}
          current={current.version}
          canWrite={may(principal, lang, 'translated')}
          restoreState={(e) => (e.newState !== 'rejected' && may(principal, lang, e.newState) ? e.newState : 'translated')}
          editor={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`}
          when={formatWhen(ctx.ui)}
        />,
      ),
    )
  })
}
