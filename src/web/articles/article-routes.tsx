import type { Context, Hono } from 'hono'
import { refuseArchive, refuseImport, refuseWrite } from '../../auth/permissions.js'
import type { Principal } from '../../auth/types.js'
import { streamExport } from '../../formats/export-article.js'
import { importText } from '../../import/import-text.js'
import { HEAVY_PER_CLIENT, heavyLimit, streamText } from '../../http/middleware/heavy-limit.js'
import { TolkError } from '../../model/errors.js'
import { API_LANG_FLAG } from '../../segment/resolve-language.js'
import { requireArticle } from '../../store/require-article.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, formatWhen, languageName, pageContext } from '../page-context.js'
import { ArticlePage, ReimportPreviewPage } from '../pages/article.js'
import { ArticlesPage } from '../pages/articles.js'
import { MessagePage, type PageContext } from '../pages/layout.js'
import { readArticleForm, type ArticleFault, type ArticleFormValues } from './article-form.js'
import { parseDownload } from './downloads.js'

const EMPTY: ArticleFormValues = { id: '', tag: '', lang: '', targets: '', format: 'auto', text: '' }
const base = (id: string) => `/articles/${encodeURIComponent(id)}`

/**
 * Articles from the browser: the admins' page (upload or paste a new article, the archive with
 * restore), each article's page (downloads for every reader; a new version with a dry-run summary
 * first, and archiving, for admins). Imports go through `importText`, as `POST /api/articles`
 * does; nothing here deletes.
 */
export function registerArticles(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps
  const principal = (c: Context<WebEnv>) => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
  const refused = (c: Context<WebEnv>, reason: string) => {
    const t = c.get('t')
    return c.html(doc(<MessagePage ctx={pageContext(c, assets)} title={t('errors.title')} message={t('errors.forbidden', { reason })} back="/" />), 403)
  }
  const faultText = (c: Context<WebEnv>, f: ArticleFault) => {
    const t = c.get('t')
    return 'key' in f ? t(`manage.fault.${f.key}`) : t('manage.fault.refused', { reason: f.reason })
  }
  const listPage = async (c: Context<WebEnv>, values: ArticleFormValues, status: 200 | 400 | 409, error?: string) => {
    const t = c.get('t')
    // Said only of an article that is archived: a link cannot make the page claim anything else.
    const asked = c.req.query('archived')
    const done = asked && (await store.getArchived(asked)) ? asked : undefined
    return c.html(
      doc(
        <ArticlesPage
          ctx={pageContext(c, assets)}
          values={values}
          archived={await store.listArchived()}
          error={error}
          done={done ? t('manage.archivedDone', { id: done }) : undefined}
          when={formatWhen(c.get('ui'))}
        />,
      ),
      status,
    )
  }
  const articlePage = async (c: Context<WebEnv>, id: string, values: ArticleFormValues, status: 200 | 400 | 409, error?: string) => {
    const article = await requireArticle(store, id)
    const ui = c.get('ui')
    const t = c.get('t')
    const done = c.req.query('done')
    return c.html(
      doc(
        <ArticlePage
          ctx={pageContext(c, assets)}
          article={article}
          admin={refuseImport(principal(c)) === undefined}
          values={values}
          langName={(l) => languageName(ui, l)}
          canWrite={(l) => refuseWrite(principal(c), l, 'translated') === undefined}
          error={error}
          done={done === 'imported' || done === 'restored' ? t(`manage.${done}`, { id }) : undefined}
        />,
      ),
      status,
    )
  }
  /** A refused import: the importer's own sentence (it names the fix), under a line in the page's language. */
  const importFault = (err: unknown): ArticleFault => {
    if (err instanceof TolkError) return { reason: err.message }
    throw err
  }

  web.get('/articles', async (c) => {
    const refusal = refuseImport(principal(c))
    if (refusal) return refused(c, refusal)
    return listPage(c, EMPTY, 200)
  })

  web.post('/articles', async (c) => {
    const refusal = refuseImport(principal(c))
    if (refusal) return refused(c, refusal)
    const { values, req, fault } = await readArticleForm(c)
    if (fault || !req) return listPage(c, values, 400, faultText(c, fault ?? { key: 'noText' }))
    if (await store.getArticle(req.id)) return listPage(c, values, 409, faultText(c, { key: 'exists' }))
    try {
      await importText(store, req, { flag: API_LANG_FLAG, by: principal(c).account })
    } catch (err) {
      return listPage(c, values, 400, faultText(c, importFault(err)))
    }
    return c.redirect(`${base(req.id)}?done=imported`, 303)
  })

  web.get('/articles/:id', (c) => articlePage(c, c.req.param('id'), EMPTY, 200))

  web.post('/articles/:id/reimport', async (c) => {
    const refusal = refuseImport(principal(c))
    if (refusal) return refused(c, refusal)
    const article = await requireArticle(store, c.req.param('id'))
    const { values, req, fault } = await readArticleForm(c, { id: article.id, tag: article.tag })
    if (fault || !req) return articlePage(c, article.id, values, 400, faultText(c, fault ?? { key: 'noText' }))
    const confirm = (await c.req.parseBody()).confirm === '1'
    let summary
    try {
      summary = await importText(store, req, { dryRun: !confirm, flag: API_LANG_FLAG, by: principal(c).account })
    } catch (err) {
      return articlePage(c, article.id, values, 400, faultText(c, importFault(err)))
    }
    if (confirm) return c.redirect(`${base(article.id)}?done=imported`, 303)
    return c.html(
      doc(<ReimportPreviewPage ctx={pageContext(c, assets)} article={article} summary={summary} values={values} format={req.format ?? 'auto'} />),
    )
  })

  web.post('/articles/:id/archive', async (c) => {
    const p: Principal = principal(c)
    const refusal = refuseArchive(p)
    if (refusal) return refused(c, refusal)
    const archived = await store.archiveArticle(c.req.param('id'), { by: p.account })
    return c.redirect(`/articles?archived=${encodeURIComponent(archived.id)}`, 303)
  })

  web.post('/articles/:id/restore', async (c) => {
    const p: Principal = principal(c)
    const refusal = refuseArchive(p)
    if (refusal) return refused(c, refusal)
    const article = await store.restoreArticle(c.req.param('id'), { by: p.account })
    return c.redirect(`${base(article.id)}?done=restored`, 303)
  })

  // The API's exports (`GET /api/articles/:id/export`) on the session, and the memory's TMX.
  // As the API's exports: at most two at once per account, held until the file is sent.
  const downloads = heavyLimit(HEAVY_PER_CLIENT, (c) => `account ${principal(c as never).account}`)
  web.get('/articles/:id/download', downloads, async (c) => {
    const article = await requireArticle(store, c.req.param('id'))
    const lang = c.req.query('lang') ?? ''
    const format = parseDownload(c.req.query('format'))
    const t = c.get('t')
    if (!format || !article.targets.includes(lang)) {
      const message = !format ? t('downloads.badFormat') : t('errors.notTarget', { lang })
      return c.html(doc(<MessagePage ctx={pageContext(c, assets)} title={t('errors.title')} message={message} back={base(article.id)} />), 400)
    }
    const file =
      format === 'memory'
        ? {
            mediaType: 'application/x-tmx+xml',
            extension: 'memory.tmx',
            chunks: store.memory.exportTmx({ srcLang: article.lang, tgtLang: lang })[Symbol.asyncIterator](),
          }
        : await streamExport(store, article.id, lang, format)
    c.header('Content-Type', file.mediaType)
    c.header('Content-Disposition', `attachment; filename="${article.id}.${lang}.${file.extension}"`)
    c.header('Cache-Control', 'no-store')
    return c.body(streamText(file.chunks, () => {}))
  })
}
