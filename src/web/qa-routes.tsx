import type { Context, Hono } from 'hono'
import { refuseWrite } from '../auth/permissions.js'
import type { Principal } from '../auth/types.js'
import { formFields } from '../http/strict-form.js'
import { articleQa } from '../qa/article-qa.js'
import { dismissFinding, qaCheckOf } from '../qa/dismiss.js'
import { QA_CHECKS, type QaCheck, type QaFinding } from '../qa/types.js'
import type { T } from './i18n.js'
import type { WebDeps, WebEnv } from './env.js'
import { editTarget } from './edit-target.js'
import { doc, formatWhen, languageName, pageContext, wantsJson } from './page-context.js'
import type { PageContext } from './pages/layout.js'
import { QaPage, type QaStrings } from './pages/qa.js'

const principalOf = (c: Context<WebEnv>): Principal => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal

/**
 * The QA page of an article × language, and dismissing a finding (or taking a dismissal back) on
 * the browser's session: a form post that returns to the page, or JSON for the editor's script.
 * Translators and reviewers of the language (and admins) may dismiss; everyone who reads sees it.
 */
export function registerQaPages(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps

  web.get('/edit/:article/:lang/qa', async (c) => {
    const { article, lang } = await editTarget(store, c)
    // ?consistency=tag looks for inconsistency across the articles of the tag too.
    const acrossTag = c.req.query('consistency') === 'tag'
    const report = await articleQa(store, article.id, lang, acrossTag ? { consistency: 'tag' } : {})
    if (wantsJson(c)) return c.json(report)
    const ctx = pageContext(c, assets)
    const strings = qaStrings(ctx.t)
    return c.html(
      doc(
        <QaPage
          ctx={ctx}
          report={report}
          title={article.title || article.id}
          langName={languageName(ctx.ui, lang)}
          editor={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`}
          canDismiss={refuseWrite(principalOf(c), lang, 'translated') === undefined}
          when={formatWhen(ctx.ui)}
          strings={strings}
          acrossTag={acrossTag}
        />,
      ),
    )
  })

  for (const action of ['dismiss', 'undismiss'] as const) {
    web.post(`/edit/:article/:lang/:unit/qa/${action}`, async (c) => {
      const { article, lang } = await editTarget(store, c)
      const unit = c.req.param('unit') ?? ''
      const principal = principalOf(c)
      const t = c.get('t')
      const refusal = refuseWrite(principal, lang, 'translated')
      if (refusal) {
        const detail = t('errors.forbidden', { reason: refusal })
        return wantsJson(c) ? c.json({ status: 403, detail }, 403) : c.text(detail, 403)
      }
      const body = await formFields(c)
      const check = qaCheckOf(body.check)
      if (action === 'dismiss') {
        const reason = typeof body.reason === 'string' ? body.reason : ''
        const d = await dismissFinding(store, { article: article.id, unit, lang, check, reason, by: principal.account })
        if (wantsJson(c)) return c.json(d)
      } else {
        const removed = await store.qa.undismiss({ article: article.id, unit, lang, check })
        if (wantsJson(c)) return c.json({ undismissed: removed })
      }
      // Back to the QA page, or the editor's row: only addresses of this article and language.
      const editor = `/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`
      const back = body.back === `${editor}/qa` ? `${editor}/qa` : `${editor}?active=${encodeURIComponent(unit)}#u-${encodeURIComponent(unit)}`
      return c.redirect(back, 303)
    })
  }
}

// Every name a finding's data may carry (src/qa/): a message template is translated once with
// each as a `{name}` slot, then filled per finding (i18next's t() per row cost most of the page).
const DATA_KEYS = ['missing', 'extra', 'numbers', 'code', 'kind', 'mark', 'targetMark', 'source', 'target', 'at', 'term', 'expected', 'instead', 'other', 'segment', 'count']

/** The page's strings in the interface language, each translated once. */
function qaStrings(t: T): QaStrings {
  const slots = Object.fromEntries(DATA_KEYS.map((k) => [k, `{${k}}`]))
  const templates = new Map<QaCheck, string>()
  const checks = new Map<QaCheck, string>()
  for (const c of QA_CHECKS) {
    templates.set(c, t(`qa.messages.${c}`, { ...slots, defaultValue: '' }))
    checks.set(c, t(`qa.checks.${c}`))
  }
  const severities = { error: t('qa.severity.error'), warning: t('qa.severity.warning') }
  const by = t('qa.dismissedBy', { by: '{by}' })
  return {
    check: (c) => checks.get(c) ?? c,
    severity: (s) => severities[s],
    // A finding about another article of the tag names it after the message.
    message: (f: QaFinding) =>
      (templates.get(f.check) ?? f.message).replace(/\{(\w+)\}/g, (_, k: string) => f.data[k] ?? '') + (f.data.article ? ` (${f.data.article})` : ''),
    dismissedBy: (name) => by.replace('{by}', name),
    reason: t('qa.reason'),
    dismiss: t('hints.dismiss'),
    undismiss: t('qa.undismiss'),
  }
}
