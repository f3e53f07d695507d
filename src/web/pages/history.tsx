import type { TranslationOrigin } from '../../model/origin.js'
import type { HistoryEntry, StoredUnit } from '../../model/translation.js'
import { WordDiff } from './word-diff.js'
import { Csrf, Layout, type PageContext } from './layout.js'

/** A segment's history, newest first, each version with a restore form (the same write path). */
export function HistoryPage(props: {
  ctx: PageContext
  unit: StoredUnit
  lang: string
  dir: string
  entries: HistoryEntry[]
  /** The query of the page of older writes, when there are any. */
  older?: string | undefined
  current: number
  canWrite: boolean
  restoreState: (e: HistoryEntry) => string
  editor: string
  when: (iso: string) => string
}) {
  const { ctx, unit, entries } = props
  const { t } = ctx
  const title = t('history.title', { n: unit.position })
  const action = `${props.editor}/${encodeURIComponent(unit.id)}`
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="source" lang={unit.lang}>
        {unit.source}
      </p>
      <p>
        <a href={`${props.editor}#u-${encodeURIComponent(unit.id)}`}>{t('editor.back')}</a>
      </p>
      {entries.length === 0 ? (
        <p class="notice">{t('history.empty')}</p>
      ) : (
        <ol class="history" reversed>
          {[...entries].reverse().map((e) => (
            <li>
              <p class="meta">
                {t('history.version')} {e.version} · {e.author} ·{' '}
                <time datetime={e.at}>{props.when(e.at)}</time> · {t(`states.${e.oldState}`)} →{' '}
                {t(`states.${e.newState}`)}
                {e.origin && ` · ${originLabel(e.origin, t)}`}
                {e.confirmation && ` · ${t('history.confirmed')}`}
              </p>
              {e.reason !== undefined && <p class="rejection">{t('history.reason', { reason: e.reason })}</p>}
              <WordDiff before={e.oldText ?? ''} after={e.newText} lang={props.lang} dir={props.dir} />
              {props.canWrite && e.version !== props.current && (
                <form method="post" action={action}>
                  <Csrf token={ctx.csrf} />
                  <input type="hidden" name="version" value={String(props.current)} />
                  <input type="hidden" name="text" value={e.newText} />
                  <button type="submit" name="state" value={props.restoreState(e)}>
                    {t('history.restore')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {props.older && (
        <p>
          <a href={props.older}>{t('history.older')}</a>
        </p>
      )}
    </Layout>
  )
}

/** "from memory, 92%", "from mt:apertium", "from alignment, 93%", "edited from mt:apertium": a history entry's origin. */
function originLabel(o: TranslationOrigin, t: PageContext['t']): string {
  const what =
    o.kind === 'mt' ? `mt:${o.engine}`
    : o.kind === 'aligned' ? t('history.alignedConfidence', { confidence: Math.round(o.confidence * 100) })
    : t('history.memoryScore', { score: o.score })
  return o.edited ? t('history.editedFrom', { what }) : t('history.from', { what })
}
