import type { QaFinding, QaReport } from '../../qa/types.js'
import { Csrf, Layout, type PageContext } from './layout.js'

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
  /** A finding's message in the interface language. */
  message: (f: QaFinding) => string
}) {
  const { ctx, report, editor } = props
  const { t } = ctx
  const open = report.findings.filter((f) => !f.dismissed)
  const errors = open.filter((f) => f.severity === 'error').length
  const heading = t('qa.title', { title: props.title, lang: props.langName })
  const here = `${editor}/qa`
  return (
    <Layout ctx={ctx} title={heading} bodyClass="qa-page">
      <h1>{heading}</h1>
      <p>
        <a href={editor}>{t('qa.toEditor')}</a>
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
          <tbody>
            {report.findings.map((f) => (
              <tr class={`sev-${f.severity}${f.dismissed ? ' is-dismissed' : ''}`} data-unit={f.unit} data-check={f.check}>
                <td>
                  <a href={`${editor}?active=${encodeURIComponent(f.unit)}#u-${encodeURIComponent(f.unit)}`}>{f.position}</a>
                </td>
                <td>
                  <span class="sev">{t(`qa.severity.${f.severity}`)}</span> {t(`qa.checks.${f.check}`)}
                </td>
                <td>
                  {props.message(f)}
                  {f.dismissed && (
                    <p class="dismissed-by">
                      {t('qa.dismissedBy', { by: f.dismissed.by })} <time datetime={f.dismissed.at}>{props.when(f.dismissed.at)}</time>
                      {f.dismissed.reason && `: ${f.dismissed.reason}`}
                    </p>
                  )}
                </td>
                <td>
                  {props.canDismiss && (
                    <form method="post" action={`${editor}/${encodeURIComponent(f.unit)}/qa/${f.dismissed ? 'undismiss' : 'dismiss'}`}>
                      <Csrf token={ctx.csrf} />
                      <input type="hidden" name="check" value={f.check} />
                      <input type="hidden" name="back" value={here} />
                      {!f.dismissed && (
                        <>
                          <label class="sr-only" for={`why-${f.unit}-${f.check}`}>{t('qa.reason')}</label>
                          <input id={`why-${f.unit}-${f.check}`} name="reason" maxlength={1000} placeholder={t('qa.reason')} />
                        </>
                      )}
                      <button type="submit">{f.dismissed ? t('qa.undismiss') : t('hints.dismiss')}</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}
