import type { EditorCursor, EditorData } from '../editor-data.js'
import { editorQuery, FILTERS } from '../editor-data.js'
import { Layout, type PageContext } from './layout.js'
import { raw } from 'hono/html'
import { type RowContext, segmentRowHtml } from '../grid/row-html.js'
import { KeyHelp } from '../grid/key-help.js'
import { ConcordanceForm } from './concordance.js'

/** The strings the script shows (saving, conflicts): handed over in a data attribute. */
export function scriptStrings(t: PageContext['t'], langName: string): Record<string, string> {
  return {
    savedN: t('editor.savedN', { n: '{n}' }),
    lastChanged: t('editor.lastChanged', { author: '{author}', when: '{when}' }),
    never: t('editor.never'),
    changedBy: t('editor.changedBy', { name: '{name}' }),
    rejectedBy: t('editor.rejectedBy', { author: '{author}', reason: '{reason}' }),
    compare: t('editor.compare'),
    alsoHere: t('editor.alsoHere', { list: '{list}' }),
    atSegment: t('editor.atSegment', { name: '{name}', n: '{n}' }),
    typingAt: t('editor.typingAt', { name: '{name}', n: '{n}' }),
    noReview: t('editor.noReview', { lang: langName }),
    empty: t('editor.empty'),
    draft: t('editor.draft'),
    stale: t('states.stale'),
    initial: t('states.initial'),
    translated: t('states.translated'),
    reviewed: t('states.reviewed'),
    final: t('states.final'),
    activate: t('editor.activate', { n: '{n}' }),
    tools: t('editor.tools', { n: '{n}' }),
    targetLabel: t('editor.targetLabel', { n: '{n}' }),
    insertToken: t('editor.insertToken', { n: '{n}', token: '{token}' }),
    insertCode: t('editor.insertCode', { n: '{n}', token: '{token}' }),
    noCodeMissing: t('editor.noCodeMissing'),
    progressShort: t('editor.progressShort', { done: '{done}', total: '{total}' }),
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
    base: t('conflict.base', { version: '{version}' }),
    mineDiff: t('conflict.mineDiff'),
    theirsDiff: t('conflict.theirsDiff', { version: '{version}', author: '{author}', state: '{state}' }),
    merged: t('conflict.merged'),
    chooseHelp: t('conflict.chooseHelp'),
    useMine: t('conflict.useMine', { text: '{text}' }),
    useTheirs: t('conflict.useTheirs', { text: '{text}' }),
    nothingThere: t('conflict.nothing'),
    place: t('conflict.place', { n: '{n}' }),
    saveMerged: t('conflict.saveMerged'),
    chooseFirstOne: t('conflict.chooseFirst', { count: 1 }),
    chooseFirst: t('conflict.chooseFirst', { count: 2 }).replace('2', '{count}'),
    unavailable: t('conflict.unavailable', { reason: '{reason}' }),
    progress: t('editor.progress', { done: '{done}', total: '{total}' }),
    dismiss: t('hints.dismiss'),
    dismissFailed: t('qa.dismissFailed'),
    token: t('hints.token', { token: '{token}' }),
    tmTitle: t('memory.title'),
    tmLoading: t('memory.loading'),
    tmNone: t('memory.none'),
    tmFound: t('memory.found', { count: '{count}', score: '{score}' }),
    tmScore: t('memory.score', { score: '{score}' }),
    tmContext: t('memory.context'),
    tmAutoFixed: t('memory.autoFixed'),
    tmCodesFixed: t('memory.codesFixed'),
    tmRegions: t('memory.regions', { source: '{source}', target: '{target}' }),
    tmInsert: t('memory.insert', { n: '{n}' }),
    tmInserted: t('memory.inserted', { n: '{n}' }),
    tmFailed: t('memory.failed', { reason: '{reason}' }),
    tmDiff: t('memory.diff', { lang: '{lang}' }),
    mtTitle: t('mt.title'),
    mtLoading: t('mt.loading'),
    mtFound: t('mt.found', { count: '{count}' }),
    mtEngine: t('mt.engine', { engine: '{engine}' }),
    mtInsert: t('mt.insert', { n: '{n}' }),
    mtInserted: t('mt.inserted', { n: '{n}' }),
    mtUnavailable: t('mt.unavailable', { engine: '{engine}', reason: '{reason}' }),
    mtRepaired: t('mt.repaired'),
    termsTitle: t('terms.title'),
    termsFound: t('terms.found', { count: '{count}' }),
    termInsert: t('terms.insert', { n: '{n}' }),
    termInserted: t('terms.inserted', { n: '{n}' }),
    termNone: t('terms.none'),
    termPreferred: t('terms.preferred'),
    termAdmitted: t('terms.admitted'),
    termDeprecated: t('terms.deprecated'),
    termForbidden: t('terms.forbidden'),
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
      <span id="progress-text">{label}</span>
      <span id="progress-short" aria-hidden="true">
        {t('editor.progressShort', { done: progress.done, total: progress.total })}
      </span>{' '}
      <span id="progress-left">{t('editor.segmentsLeft', { count: progress.left })}</span>
    </div>
  )
}

/**
 * The row that is active when the page opens: the one the address names (`?active=`), else the
 * first that needs work, else the first. With it, the unit a form save goes on to: the next row
 * after it that needs work, or itself when none does.
 */
export function activeRows(rows: EditorData['rows'], named: string | undefined) {
  const open = (r: EditorData['rows'][number]) => r.tr.state === 'initial' || r.tr.stale
  let i = rows.findIndex((r) => r.unit.id === named)
  if (i < 0) i = Math.max(0, rows.findIndex(open))
  const next = rows.slice(i + 1).find(open) ?? rows[i]
  return { index: i, next: next?.unit.id ?? '' }
}

/** The editor of one article in one target language (or its read-only view), as a grid. */
export function EditorPage(props: {
  ctx: PageContext
  data: EditorData
  row: Omit<RowContext, 'back'>
  langName: string
  srcName: string
  /** This page's own query string (filter and cursor, without `active`), for the forms to come back to. */
  here: string
  /** The unit named by `?active=`. */
  active?: string
  /** Machine-translation engines are configured: the script asks them for suggestions. */
  machine?: boolean
  /** The latest translation event when the page was read: where its live stream starts. */
  eventsAfter?: number
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
  const active = activeRows(data.rows, props.active)
  const bar = (
    <>
      <h1 title={`${title} · ${data.article.id}`}>{title}</h1>
      <Progress t={t} progress={data.progress} />
      <details class="find menu">
        <summary>
          <span aria-hidden="true">⌕ </span>
          <span class="label">{t('editor.find')}</span>
        </summary>
        <div class="menu-panel">
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
          <ConcordanceForm t={t} editor={base} />
          <div id="concordance-results" class="concordance-results" aria-live="polite" />
          {props.row.canWrite && (
            <p>
              <a href={`${base}/batch`}>{t('batch.link')}</a>
            </p>
          )}
        </div>
      </details>
      <a class="qa-link" href={`${base}/qa`}>
        <span aria-hidden="true">✓ </span>
        <span class="label">{t('qa.link')}</span>
      </a>
      <KeyHelp t={t} canWrite={row.canWrite} />
    </>
  )
  return (
    <Layout
      ctx={ctx}
      title={title}
      bar={bar}
      bodyClass="editor"
      data={{
        article: data.article.id,
        lang: data.lang,
        strings: JSON.stringify(scriptStrings(t, props.langName)),
        next: data.next ? `${base}${query(data.next)}` : '',
        prev: data.prev ? `${base}${query(data.prev)}` : '',
        back: row.back,
        'src-lang': row.srcLang,
        'src-name': props.srcName,
        'src-dir': row.srcDir,
        dir: row.dir,
        'can-review': row.canReview ? '1' : '',
        mt: props.machine ? '1' : '',
        'events-after': props.eventsAfter !== undefined ? String(props.eventsAfter) : '',
        me: ctx.session?.principal.account ?? '',
      }}
    >
      {!row.canWrite && <p class="notice">{t('editor.readOnly', { lang: props.langName })}</p>}
      <p id="presence" class="presence" aria-live="polite" hidden />
      <div class="grid">
        <div class="cols" aria-hidden="true">
          <span>#</span>
          <span>{t('editor.source', { lang: props.srcName })}</span>
          <span>{t('editor.target', { lang: props.langName })}</span>
          <span>{t('editor.state')}</span>
        </div>
        <div class="segments">
          {data.rows.length === 0 && (
            <p class="notice">{t(data.next ? 'editor.noMatchHere' : 'editor.noMatch')}</p>
          )}
          {raw(
            data.rows
              .map((r, i) =>
                segmentRowHtml(r, row, i === active.index ? { next: active.next } : undefined),
              )
              .join(''),
          )}
        </div>
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
