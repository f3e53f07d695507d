import { raw } from 'hono/html'
import type { QaCheck, QaFinding, QaReport } from '../../qa/types.js'
import { CSRF_FIELD } from '../csrf.js'
import { Layout, type PageContext } from './layout.js'
import { esc } from './row.js'

/** The strings every finding's row repeats, translated once per page (see rowStrings). */
export interface QaStrings {
  check: (c: QaCheck) => string
  severity: (s: QaFinding['severity']) => string
  message: (f: QaFinding) => string
  dismissedBy: (by: string) => string
  reason: string
  dismiss: string
  undismiss: string
}

/**
 * The QA overview of one article in one language: every finding by segment, each with a form
 * to dismiss it (with a reason) or take a dismissal back. Plain forms: no script needed.
 */
export function QaPage(props: {
  ctx: PageContext
  report: QaReport
  title: string
  langName: string
  editor: string
  canDismiss: boolean
  when: (iso: string) => string
  strings: QaStrings
  /** Inconsistency looked for across the articles of the tag (else within the article). */
  acrossTag: boolean
}) {
  const { ctx, report } = props
  const { t } = ctx
  const open = report.findings.filter((f) => !f.dismissed)
  const errors = open.filter((f) => f.severity === 'error').length
  const heading = t('qa.title', { title: props.title, lang: props.langName })
  return (
    <Layout ctx={ctx} title={heading} bodyClass="qa-page">
      <h1>{heading}</h1>
      <p>
        <a href={props.editor}>{t('qa.toEditor')}</a>
        {' · '}
        <a href={props.acrossTag ? `${props.editor}/qa` : `${props.editor}/qa?consistency=tag`}>
          {props.acrossTag ? t('qa.withinArticle') : t('qa.acrossTag')}
        </a>
      </p>
      <p class="qa-summary" role="status">
        {t('qa.summary', { errors, warnings: open.length - errors, dismissed: report.findings.length - open.length })}
      </p>
      {report.findings.length === 0 ? (
        <p class="notice">{t('qa.none')}</p>
      ) : (
        <table class="list qa-findings">
          <thead>
            <tr>
              <th scope="col">{t('qa.segment')}</th>
              <th scope="col">{t('qa.check')}</th>
              <th scope="col">{t('qa.finding')}</th>
              <th scope="col">{t('qa.action')}</th>
            </tr>
          </thead>
          <tbody>{raw(report.findings.map((f) => findingRowHtml(f, props)).join(''))}</tbody>
        </table>
      )}
    </Layout>
  )
}

/**
 * One finding as a table row, built as a string with every value through {@link esc}: an
 * article can have thousands of findings, and hono/jsx's element objects cost most of the render.
 */
function findingRowHtml(f: QaFinding, p: { ctx: PageContext; editor: string; canDismiss: boolean; when: (iso: string) => string; strings: QaStrings }): string {
  const s = p.strings
  const unit = encodeURIComponent(f.unit)
  let out = `<tr class="sev-${f.severity}${f.dismissed ? ' is-dismissed' : ''}" data-unit="${esc(f.unit)}" data-check="${f.check}">`
  out += `<td><a href="${esc(`${p.editor}?active=${unit}#u-${unit}`)}">${f.position}</a></td>`
  out += `<td><span class="sev">${esc(s.severity(f.severity))}</span> ${esc(s.check(f.check))}</td>`
  out += `<td>${esc(s.message(f))}`
  if (f.dismissed) {
    out += `<p class="dismissed-by">${esc(s.dismissedBy(f.dismissed.by))} <time datetime="${esc(f.dismissed.at)}">${esc(p.when(f.dismissed.at))}</time>`
    if (f.dismissed.reason) out += `: ${esc(f.dismissed.reason)}`
    out += '</p>'
  }
  out += '</td><td>'
  if (p.canDismiss) {
    out += `<form method="post" action="${esc(`${p.editor}/${unit}/qa/${f.dismissed ? 'undismiss' : 'dismiss'}`)}">`
    out += `<input type="hidden" name="${CSRF_FIELD}" value="${esc(p.ctx.csrf)}"/><input type="hidden" name="check" value="${f.check}"/><input type="hidden" name="back" value="${esc(`${p.editor}/qa`)}"/>`
    if (!f.dismissed) {
      const id = esc(`why-${f.unit}-${f.check}`)
      out += `<label class="sr-only" for="${id}">${esc(s.reason)}</label><input id="${id}" name="reason" maxlength="1000" placeholder="${esc(s.reason)}"/>`
    }
    out += `<button type="submit">${esc(f.dismissed ? s.undismiss : s.dismiss)}</button></form>`
  }
  return `${out}</td></tr>`
}
