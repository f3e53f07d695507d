import type { ArchivedArticle } from '../../store/types.js'
import type { ArticleFormValues } from '../articles/article-form.js'
import { Csrf, Layout, type PageContext } from './layout.js'
import { Done, FormError, ListHead, PostButton } from './notices.js'

/** The upload form's fields (a new article, or a new version of one when `fixed` names it). */
export function ArticleFields({ ctx, values, fixed }: { ctx: PageContext; values: ArticleFormValues; fixed?: boolean }) {
  const { t } = ctx
  return (
    <>
      <p>
        <label for="f-file">{t('manage.file')}</label>
        <input id="f-file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" aria-describedby="f-file-hint" />
        <span id="f-file-hint" class="hint">{t('manage.fileHint')}</span>
      </p>
      <p>
        <label for="f-text">{t('manage.paste')}</label>
        <textarea id="f-text" name="text" rows={6}>{values.text}</textarea>
      </p>
      {!fixed && (
        <>
          <p>
            <label for="f-id">{t('manage.id')}</label>
            <input id="f-id" name="id" value={values.id} placeholder="sv-general-02" aria-describedby="f-id-hint" />
            <span id="f-id-hint" class="hint">{t('manage.idHint')}</span>
          </p>
          <p>
            <label for="f-tag">{t('manage.tag')}</label>
            <input id="f-tag" name="tag" value={values.tag} placeholder="sv-general" />
          </p>
        </>
      )}
      <p>
        <label for="f-targets">{t('manage.targets')}</label>
        <input id="f-targets" name="targets" value={values.targets} placeholder="sv, de" aria-describedby="f-targets-hint" />
        <span id="f-targets-hint" class="hint">{t(fixed ? 'manage.targetsKeep' : 'manage.targetsHint')}</span>
      </p>
      <p>
        <label for="f-lang">{t('manage.lang')}</label>
        <input id="f-lang" name="lang" value={values.lang} placeholder="en" aria-describedby="f-lang-hint" />
        <span id="f-lang-hint" class="hint">{t('manage.langHint')}</span>
      </p>
      <p>
        <label for="f-format">{t('manage.format')}</label>
        <select id="f-format" name="format">
          {(['auto', 'text', 'md', 'html'] as const).map((f) => (
            <option value={f} selected={values.format === f}>
              {t(`manage.formats.${f}`)}
            </option>
          ))}
        </select>
      </p>
    </>
  )
}

/** Articles for admins: upload or paste a new one, and the archive with a restore button each. */
export function ArticlesPage(props: {
  ctx: PageContext
  values: ArticleFormValues
  archived: ArchivedArticle[]
  error?: string | undefined
  done?: string | undefined
  when: (iso: string) => string
}) {
  const { ctx } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('manage.title')}>
      <h1>{t('manage.title')}</h1>
      <Done message={props.done} />
      <section aria-labelledby="upload">
        <h2 id="upload">{t('manage.upload')}</h2>
        <FormError message={props.error} />
        <form class="stacked" method="post" action="/articles" enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <ArticleFields ctx={ctx} values={props.values} />
          <p>
            <button type="submit" class="save">
              {t('manage.import')}
            </button>
          </p>
        </form>
      </section>
      <section aria-labelledby="archive">
        <h2 id="archive">{t('manage.archive')}</h2>
        {props.archived.length === 0 ? (
          <p class="notice">{t('manage.archiveEmpty')}</p>
        ) : (
          <table class="list">
            <ListHead columns={[t('manage.id'), t('manage.titleColumn'), t('manage.archivedAt')]} action={t('manage.restore')} />
            <tbody>
              {props.archived.map((a) => (
                <tr>
                  <td>{a.id}</td>
                  <td>{a.title}</td>
                  <td>{t('manage.archivedBy', { when: props.when(a.archivedAt), by: a.archivedBy })}</td>
                  <td>
<PostButton csrf={ctx.csrf} action={`/articles/${encodeURIComponent(a.id)}/restore`} label={t('manage.restore')} ariaLabel={t('manage.restoreOne', { id: a.id })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  )
}
