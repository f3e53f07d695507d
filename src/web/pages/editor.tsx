import type { EditorCursor, EditorData } from '../editor-data.js'
import { editorQuery, FILTERS } from '../editor-data.js'
import { Layout, type PageContext } from './layout.js'
import { raw } from 'hono/html'
import { type RowContext, segmentRowHtml } from './row.js'
import { ConcordanceForm } from './concordance.js'

/** The strings the script shows (saving, conflicts): handed over in a data attribute. */
export function scriptStrings(t: PageContext['t']): Record<string, string> {
  return {
    saving: t('editor.saving'),
    saved: t('editor.saved'),
    failed: t('editor.failed', { reason: '{reason}' }),
    networkError: t('editor.networkError'),
    draftRestored: t('editor.draftRestored'),
    conflictTitle: t('conflict.title'),
    theirs: t('conflict.theirs', { version: '{version}' }),
    mine: t('conflict.mine'),
    keepMine: t('conflict.keepMine'),
    takeTheirs: t('conflict.takeTheirs'),
    merge: t('conflict.merge'),
    mergeHint: t('conflict.mergeHint'),
    progress: t('editor.progress', { done: '{done}', total: '{total}' }),
    dismiss: t('hints.dismiss'),
    token: t('hints.token', { token: '{token}' }),
    tmTitle: t('memory.title'),
    tmLoading: t('memory.loading'),
    tmNone: t('memory.none'),
    tmFound: t('memory.found', { count: '{count}', score: '{score}' }),
    tmScore: t('memory.score', { score: '{score}' }),
    tmContext: t('memory.context'),
    tmAutoFixed: t('memory.autoFixed'),
    tmInsert: t('memory.insert', { n: '{n}' }),
    tmInserted: t('memory.inserted', { n: '{n}' }),
    tmFailed: t('memory.failed', { reason: '{reason}' }),
    tmDiff: t('memory.diff', { lang: '{lang}' }),
    searching: t('memory.searching'),
    nothing: t('memory.nothing'),
    hits: t('memory.hits', { count: '{count}' }),
  }
}

/** The progress bar of one article in one language; the script moves it after each save. */
export function Progress({
  t,
  progress,
}: {
  t: PageContext['t']
  progress: EditorData['progress']
}) {
  const label = t('editor.progress', { done: progress.done, total: progress.total })
  return (
    <div class="progress">
      <progress
        id="progress"
        max={String(progress.total)}
        value={String(progress.done)}
        aria-labelledby="progress-text"
      />
      <span id="progress-text">{label}</span>{' '}
      <span id="progress-left">{t('editor.segmentsLeft', { count: progress.left })}</span>
    </div>
  )
}

/** The editor of one article in one target language (or its read-only view). */
export function EditorPage(props: {
  ctx: PageContext
  data: EditorData
  row: Omit<RowContext, 'back'>
  langName: string
  srcName: string
  /** This page's own query string, for the forms to come back to. */
  here: string
}) {
  const { ctx, data } = props
  const { t } = ctx
  const base = `/edit/${encodeURIComponent(data.article.id)}/${encodeURIComponent(data.lang)}`
  const query = (cursor: EditorCursor) => editorQuery(data.filter, cursor)
  const title = t('editor.title', {
    article: data.article.title || data.article.id,
    lang: props.langName,
  })
  const row: RowContext = { ...props.row, back: props.here }
  return (
    <Layout
      ctx={ctx}
      title={title}
      data={{
        article: data.article.id,
        lang: data.lang,
        strings: JSON.stringify(scriptStrings(t)),
        next: data.next ? `${base}${query(data.next)}` : '',
        'src-lang': row.srcLang,
        'src-name': props.srcName,
        'src-dir': row.srcDir,
        dir: row.dir,
      }}
    >
      <div class="editor-head">
        <h1>{title}</h1>
        <p class="article-id">
          {data.article.id} · {data.article.tag}
        </p>
        <div class="toolbar">
          <Progress t={t} progress={data.progress} />
          <form class="filter" method="get" action={base}>
            <label for="filter">{t('editor.filter')}</label>
            <select id="filter" name="filter">
              {FILTERS.map((f) => (
                <option value={f} selected={f === data.filter}>
                  {t(`editor.filters.${f}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t('editor.apply')}</button>
          </form>
        </div>
        <ConcordanceForm t={t} editor={base} />
        <div id="concordance-results" class="concordance-results" aria-live="polite" />
        {row.canWrite ? (
          <details class="keys">
            <summary>{t('editor.keysTitle')}</summary>
            {t('editor.keys')}
          </details>
        ) : (
          <p class="notice">{t('editor.readOnly', { lang: props.langName })}</p>
        )}
      </div>
      <div class="cols" aria-hidden="true">
        <span>{t('editor.source', { lang: props.srcName })}</span>
        <span>{t('editor.target', { lang: props.langName })}</span>
      </div>
      <div class="segments">
        {data.rows.length === 0 && (
          <p class="notice">{t(data.next ? 'editor.noMatchHere' : 'editor.noMatch')}</p>
        )}
        {raw(data.rows.map((r) => segmentRowHtml(r, row)).join(''))}
      </div>
      {(data.prev || data.next) && (
        <nav class="pager" aria-label={t('editor.page', { page: data.page, pages: data.pages })}>
          {data.prev && <a href={`${base}${query(data.prev)}`}>{t('editor.prev')}</a>}
          <span>{t('editor.page', { page: data.page, pages: data.pages })}</span>
          {data.next && <a href={`${base}${query(data.next)}`}>{t('editor.next')}</a>}
        </nav>
      )}
    </Layout>
  )
}
