import type { Article } from '../../model/translation.js'
import type { ImportSummary } from '../../store/types.js'
import type { ArticleFormValues } from '../articles/article-form.js'
import { DOWNLOADS } from '../articles/downloads.js'
import { ArticleFields } from './articles.js'
import { Csrf, Layout, type PageContext } from './layout.js'
import { Done, FormError, ListHead, PostButton } from './notices.js'

const base = (id: string) => `/articles/${encodeURIComponent(id)}`

/** Every export of every target language, and the memory's TMX of each pair. */
function Downloads({ ctx, article, langName }: { ctx: PageContext; article: Article; langName: (l: string) => string }) {
  const { t } = ctx
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">{t('downloads.title')}</h2>
      <p class="hint">{t('downloads.hint')}</p>
      <table class="list downloads">
        <ListHead columns={[t('downloads.language'), t('downloads.files')]} />
        <tbody>
          {article.targets.map((lang) => (
            <tr>
              <th scope="row">
                {langName(lang)} ({lang})
              </th>
              <td>
                <ul class="inline">
                  {DOWNLOADS.map((d) => (
                    <li>
                      <a href={`${base(article.id)}/download?lang=${encodeURIComponent(lang)}&format=${d}`} download>
                        {t(`downloads.formats.${d}`)}
                        <span class="sr-only"> ({langName(lang)})</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** One article: what it is, its downloads, and for admins a new version and the archive. */
export function ArticlePage(props: {
  ctx: PageContext
  article: Article
  admin: boolean
  values: ArticleFormValues
  langName: (lang: string) => string
  /** Whether the reader may translate into a language (the editor link says translate or read). */
  canWrite: (lang: string) => boolean
  error?: string | undefined
  done?: string | undefined
}) {
  const { ctx, article } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={article.title || article.id}>
      <h1>{article.title || article.id}</h1>
      <Done message={props.done} />
      <dl class="facts">
        <dt>{t('manage.id')}</dt>
        <dd>{article.id}</dd>
        <dt>{t('manage.tag')}</dt>
        <dd>{article.tag}</dd>
        <dt>{t('manage.lang')}</dt>
        <dd>{props.langName(article.lang)}</dd>
        <dt>{t('manage.revision')}</dt>
        <dd>{article.revision}</dd>
        <dt>{t('manage.size')}</dt>
        <dd>{t('manage.unitsWords', { units: article.units, words: article.words })}</dd>
      </dl>
      <p>
        <a href={`${base(article.id)}/activity`}>{t('team.activity')}</a>
      </p>
      <ul class="inline">
        {article.targets.map((lang) => (
          <li>
            <a href={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}`}>{t(props.canWrite(lang) ? 'dashboard.translate' : 'dashboard.view', { lang: props.langName(lang) })}</a>{' · '}
            <a href={`/edit/${encodeURIComponent(article.id)}/${encodeURIComponent(lang)}/qa`}>{t('qa.link')}</a>
          </li>
        ))}
      </ul>
      <Downloads ctx={ctx} article={article} langName={props.langName} />
      {props.admin && (
        <>
          <section aria-labelledby="reimport">
            <h2 id="reimport">{t('manage.reimport')}</h2>
            <p class="hint">{t('manage.reimportHint')}</p>
            <FormError message={props.error} />
            <form class="stacked" method="post" action={`${base(article.id)}/reimport`} enctype="multipart/form-data">
              <Csrf token={ctx.csrf} />
              <ArticleFields ctx={ctx} values={props.values} fixed />
              <p>
                <button type="submit">{t('manage.preview')}</button>
              </p>
            </form>
          </section>
          <section aria-labelledby="archive-one">
            <h2 id="archive-one">{t('manage.archiveOne')}</h2>
            <p class="hint">{t('manage.archiveHint')}</p>
<PostButton csrf={ctx.csrf} action={`${base(article.id)}/archive`} label={t('manage.archiveButton')} />
          </section>
        </>
      )}
    </Layout>
  )
}

/** What a re-import would do (a dry run), with the form that does it. */
export function ReimportPreviewPage(props: {
  ctx: PageContext
  article: Article
  summary: ImportSummary
  values: ArticleFormValues
  /** The format the preview was made with, sent on unchanged (never re-guessed). */
  format: string
}) {
  const { ctx, article, summary, values } = props
  const { t } = ctx
  const counts = ['kept', 'moved', 'stale', 'new', 'obsolete'] as const
  return (
    <Layout ctx={ctx} title={t('manage.previewTitle', { id: article.id })}>
      <h1>{t('manage.previewTitle', { id: article.id })}</h1>
      <p>{t('manage.previewHint')}</p>
      <table class="list summary">
        <tbody>
          {counts.map((k) => (
            <tr>
              <th scope="row">{t(`manage.counts.${k}`)}</th>
              <td>{summary.units[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warnings.length > 0 && (
        <ul class="warnings">
          {summary.warnings.map((w) => (
            <li>{w.message}</li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base(article.id)}/reimport`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="confirm" value="1" />
        <input type="hidden" name="textB64" value={Buffer.from(values.text, 'utf8').toString('base64')} />
        <input type="hidden" name="targets" value={values.targets} />
        <input type="hidden" name="lang" value={values.lang} />
        <input type="hidden" name="format" value={props.format} />
        <button type="submit" class="save">
          {t('manage.confirm')}
        </button>{' '}
        <a href={base(article.id)}>{t('manage.cancel')}</a>
      </form>
    </Layout>
  )
}
