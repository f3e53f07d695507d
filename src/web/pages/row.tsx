import type { T } from '../i18n.js'
import type { Row } from '../editor-data.js'
import { type Hint, hintKey, qualityHints } from '../hints.js'
import { sourceDiff } from '../source-diff.js'
import { insertableTokens } from '../tokens.js'
import { Csrf } from './layout.js'

/** A hint as a sentence in the interface language. */
export function hintText(t: T, h: Hint): string {
  switch (h.code) {
    case 'numbers':
      return t('hints.numbers', { numbers: h.numbers })
    case 'endMark':
      return t('hints.endMark', { mark: h.mark })
    case 'token':
      return t('hints.token', { token: h.token })
    default:
      return t(`hints.${h.code}`)
  }
}

/** The hints list of a row (also rebuilt by the script after a save in place). */
export function Hints(props: { t: T; hints: Hint[] }) {
  return (
    <ul class="hints">
      {props.hints.map((h) => (
        <li data-hint={hintKey(h)}>
          <span>{hintText(props.t, h)}</span>
          <button type="button" class="dismiss">
            {props.t('hints.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  )
}

/** What a row needs besides its data. */
export interface RowContext {
  t: T
  csrf: string
  articleId: string
  lang: string
  srcLang: string
  srcDir: string
  dir: string
  /** May save at all, and may save as reviewed. */
  canWrite: boolean
  canReview: boolean
  /** Query string (filter, page) a form save returns to. */
  back: string
  /** Formats a timestamp for "last changed". */
  when: (iso: string) => string
}

/**
 * One segment: source on the left (with the stale diff), target on the right as a form that
 * posts on its own, so the page works without the script.
 */
export function SegmentRow({ row, ctx }: { row: Row; ctx: RowContext }) {
  const { unit, tr } = row
  const { t } = ctx
  const n = unit.position
  const action = `/edit/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(ctx.lang)}/${encodeURIComponent(unit.id)}`
  const tokens = insertableTokens(unit.source)
  const hints = tr.text === '' ? [] : qualityHints(unit.source, tr.text)
  const fieldId = `t-${n}`
  const rows = Math.min(8, Math.max(2, Math.ceil(Math.max(unit.source.length, tr.text.length) / 55)))
  return (
    <div
      class={`seg state-${tr.state}${tr.stale ? ' is-stale' : ''}${row.paragraphStart ? ' para' : ''}`}
      id={`u-${unit.id}`}
      data-unit={unit.id}
      data-version={String(tr.version)}
      data-state={tr.state}
      data-open={tr.state === 'initial' || tr.stale ? '1' : '0'}
    >
      <div class="src">
        <span class="num">
          {row.paragraphStart && (
            <>
              <span class="pilcrow" aria-hidden="true">¶</span>
              <span class="sr-only">{t('editor.paragraph')}</span>
            </>
          )}
          {n}
        </span>
        <p class="source" lang={ctx.srcLang} dir={ctx.srcDir}>
          {unit.source}
        </p>
        {tr.stale && tr.madeFrom !== null && (
          <div class="diff">
            <p class="stale-mark">{t('editor.staleMark')}</p>
            <p class="diff-text" lang={ctx.srcLang} dir={ctx.srcDir} aria-label={t('editor.staleDiff')}>
              {sourceDiff(tr.madeFrom, unit.source).map((p) =>
                p.op === 'del' ? <del>{p.text}</del> : p.op === 'ins' ? <ins>{p.text}</ins> : p.text,
              )}
            </p>
          </div>
        )}
      </div>
      <div class="tgt">
        {ctx.canWrite ? (
          <form method="post" action={`${action}${ctx.back}`}>
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="version" value={String(tr.version)} />
            <label class="sr-only" for={fieldId}>
              {t('editor.targetLabel', { n })}
            </label>
            <textarea id={fieldId} name="text" lang={ctx.lang} dir={ctx.dir} rows={rows} spellcheck>
              {tr.text}
            </textarea>
            {tokens.length > 0 && (
              <p class="tokens">
                <span>{t('editor.tokens')}:</span>
                {tokens.map((tok, i) => (
                  <button type="button" class="token" data-token={tok.text} title={t('editor.insertToken', { n: i + 1, token: tok.text })}>
                    {tok.text}
                  </button>
                ))}
              </p>
            )}
            <div class="actions">
              <button type="submit" name="state" value="translated" class="save">
                {t('editor.save')}
              </button>
              {ctx.canReview && (
                <button type="submit" name="state" value="reviewed" class="review">
                  {t('editor.saveReviewed')}
                </button>
              )}
              <button type="button" class="copy" hidden>
                {t('editor.copySource')}
              </button>
              <a href={`${action}/history`}>{t('editor.history')}</a>
            </div>
          </form>
        ) : (
          <p class="target" lang={ctx.lang} dir={ctx.dir}>
            {tr.text}
          </p>
        )}
        <Hints t={t} hints={hints} />
        <p class="status" role="status" />
        <p class="meta">
          <span class={`badge state-${tr.state}`}>{t(`states.${tr.state}`)}</span>
          {tr.stale && <span class="badge stale">{t('states.stale')}</span>}{' '}
          {tr.author && tr.updatedAt ? t('editor.lastChanged', { author: tr.author, when: ctx.when(tr.updatedAt) }) : t('editor.never')}
        </p>
      </div>
    </div>
  )
}
