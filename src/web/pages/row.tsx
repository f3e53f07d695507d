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
export function Hints(props: { s: ReturnType<typeof rowStrings>; hints: Hint[] }) {
  return (
    <ul class="hints">
      {props.hints.map((h) => (
        <li data-hint={hintKey(h)}>
          <span>{props.s.hint(h)}</span>
          <button type="button" class="dismiss">
            {props.s.dismiss}
          </button>
        </li>
      ))}
    </ul>
  )
}

/**
 * The strings every row repeats, translated once per page: i18next's `t()` copies its options on
 * each call, which for 2,000 rows × 8 strings was most of the render time.
 */
export function rowStrings(t: T) {
  const fill = (s: string) => (vars: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
  const hints = new Map<string, string>()
  return {
    /** A hint's sentence, translated once per distinct hint on the page. */
    hint(h: Hint): string {
      const key = JSON.stringify(h)
      let out = hints.get(key)
      if (out === undefined) hints.set(key, (out = hintText(t, h)))
      return out
    },
    dismiss: t('hints.dismiss'),
    save: t('editor.save'),
    saveReviewed: t('editor.saveReviewed'),
    copySource: t('editor.copySource'),
    history: t('editor.history'),
    never: t('editor.never'),
    tokens: t('editor.tokens'),
    staleMark: t('editor.staleMark'),
    staleDiff: t('editor.staleDiff'),
    paragraph: t('editor.paragraph'),
    stale: t('states.stale'),
    states: {
      initial: t('states.initial'),
      translated: t('states.translated'),
      reviewed: t('states.reviewed'),
      final: t('states.final'),
    },
    targetLabel: fill(t('editor.targetLabel', { n: '{n}' })),
    lastChanged: fill(t('editor.lastChanged', { author: '{author}', when: '{when}' })),
    insertToken: fill(t('editor.insertToken', { n: '{n}', token: '{token}' })),
  }
}

/** What a row needs besides its data. */
export interface RowContext {
  t: T
  /** From {@link rowStrings}, made once per page. */
  s: ReturnType<typeof rowStrings>
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
  const { s } = ctx
  const n = unit.position
  const action = `/edit/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(ctx.lang)}/${encodeURIComponent(unit.id)}`
  const tokens = insertableTokens(unit.source)
  const hints = tr.text === '' ? [] : qualityHints(unit.source, tr.text)
  const fieldId = `t-${n}`
  const rows = Math.min(
    8,
    Math.max(2, Math.ceil(Math.max(unit.source.length, tr.text.length) / 55)),
  )
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
              <span class="pilcrow" aria-hidden="true">
                ¶
              </span>
              <span class="sr-only">{s.paragraph}</span>
            </>
          )}
          {n}
        </span>
        <p class="source" lang={ctx.srcLang} dir={ctx.srcDir}>
          {unit.source}
        </p>
        {tr.stale && tr.madeFrom !== null && (
          <div class="diff">
            <p class="stale-mark">{s.staleMark}</p>
            <p class="diff-text" lang={ctx.srcLang} dir={ctx.srcDir} aria-label={s.staleDiff}>
              {sourceDiff(tr.madeFrom, unit.source).map((p) =>
                p.op === 'del' ? (
                  <del>{p.text}</del>
                ) : p.op === 'ins' ? (
                  <ins>{p.text}</ins>
                ) : (
                  p.text
                ),
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
              {s.targetLabel({ n })}
            </label>
            <textarea id={fieldId} name="text" lang={ctx.lang} dir={ctx.dir} rows={rows} spellcheck>
              {tr.text}
            </textarea>
            {tokens.length > 0 && (
              <p class="tokens">
                <span>{s.tokens}:</span>
                {tokens.map((tok, i) => (
                  <button
                    type="button"
                    class="token"
                    data-token={tok.text}
                    title={s.insertToken({ n: i + 1, token: tok.text })}
                  >
                    {tok.text}
                  </button>
                ))}
              </p>
            )}
            <div class="actions">
              <button type="submit" name="state" value="translated" class="save">
                {s.save}
              </button>
              {ctx.canReview && (
                <button type="submit" name="state" value="reviewed" class="review">
                  {s.saveReviewed}
                </button>
              )}
              <button type="button" class="copy" hidden>
                {s.copySource}
              </button>
              <a href={`${action}/history`}>{s.history}</a>
            </div>
          </form>
        ) : (
          <p class="target" lang={ctx.lang} dir={ctx.dir}>
            {tr.text}
          </p>
        )}
        <Hints s={s} hints={hints} />
        <p class="status" role="status" />
        <p class="meta">
          <span class={`badge state-${tr.state}`}>{s.states[tr.state]}</span>
          {tr.stale && <span class="badge stale">{s.stale}</span>}{' '}
          {tr.author && tr.updatedAt
            ? s.lastChanged({ author: tr.author, when: ctx.when(tr.updatedAt) })
            : s.never}
        </p>
      </div>
    </div>
  )
}
