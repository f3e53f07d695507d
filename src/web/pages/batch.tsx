import type { BatchChange, BatchSkip, BatchStatus } from '../../batch/types.js'
import { STATES } from '../../model/translation.js'
import { Csrf, Layout, type PageContext } from './layout.js'

/** What the batch form was filled with (kept when the page comes back). */
export interface BatchForm {
  action: string
  find: string
  replace: string
  regex: boolean
  caseSensitive: boolean
  wholeWords: boolean
  to: string
  min: string
  state: string
  stale: string
  range: string
}

export const EMPTY_FORM: BatchForm = {
  action: 'replace', find: '', replace: '', regex: false, caseSensitive: false, wholeWords: false,
  to: 'reviewed', min: '100', state: '', stale: '', range: '',
}

/** A batch shown under the form: a preview to apply, or an applied one to undo. */
export interface ShownBatch {
  id: string
  status: BatchStatus
  dryRun: boolean
  changes: BatchChange[]
  skipped: BatchSkip[]
  undoOf?: string | null
  undoneBy?: string | null
}

const ACTIONS = ['replace', 'set-state', 'accept-match', 'copy-source'] as const

/**
 * Find and replace, and bulk actions, for one article and language: a form without script, the
 * preview table (before, after, word diff) with Apply, and the applied batch with Undo.
 */
export function BatchPage(props: {
  ctx: PageContext
  title: string
  base: string
  form: BatchForm
  error?: string | undefined
  batch?: ShownBatch | undefined
  lang: string
  dir: string
}) {
  const { ctx, form, batch, base } = props
  const { t } = ctx
  const check = (name: keyof BatchForm, label: string) => (
    <label class="check">
      <input type="checkbox" name={name} value="1" checked={form[name] === true} /> {label}
    </label>
  )
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>
        <a href={base}>{t('editor.back')}</a>
      </p>
      <form class="stacked batch" method="post" action={`${base}/batch/preview`}>
        <Csrf token={ctx.csrf} />
        <p>
          <label for="batch-action">{t('batch.action')}</label>
          <select id="batch-action" name="action">
            {ACTIONS.map((a) => (
              <option value={a} selected={form.action === a}>
                {t(`batch.actions.${a}`)}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>{t('batch.actions.replace')}</legend>
          <p>
            <label for="batch-find">{t('batch.find')}</label>
            <input id="batch-find" name="find" value={form.find} maxlength={1000} />
          </p>
          <p>
            <label for="batch-replace">{t('batch.replace')}</label>
            <input id="batch-replace" name="replace" value={form.replace} maxlength={1000} />
          </p>
          <p class="checks">
            {check('regex', t('batch.regex'))}
            {check('caseSensitive', t('batch.caseSensitive'))}
            {check('wholeWords', t('batch.wholeWords'))}
          </p>
          <p class="hint">{t('batch.codesHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('batch.options')}</legend>
          <p>
            <label for="batch-to">{t('batch.to')}</label>
            <select id="batch-to" name="to">
              <StateOptions t={t} selected={form.to} />
            </select>
          </p>
          <p>
            <label for="batch-min">{t('batch.min')}</label>
            <input id="batch-min" name="min" type="number" min="0" max="101" value={form.min} />
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('batch.filter')}</legend>
          <p>
            <label for="batch-state">{t('batch.state')}</label>
            <select id="batch-state" name="state">
              <option value="">{t('batch.any')}</option>
              <StateOptions t={t} selected={form.state} />
            </select>
          </p>
          <p>
            <label for="batch-stale">{t('states.stale')}</label>
            <select id="batch-stale" name="stale">
              <option value="">{t('batch.any')}</option>
              <option value="yes" selected={form.stale === 'yes'}>{t('batch.staleOnly')}</option>
              <option value="no" selected={form.stale === 'no'}>{t('batch.notStale')}</option>
            </select>
          </p>
          <p>
            <label for="batch-range">{t('batch.range')}</label>
            <input id="batch-range" name="range" value={form.range} maxlength={40} placeholder="1-40" />
          </p>
        </fieldset>
        {props.error && (
          <p class="notice error" role="alert">
            {props.error}
          </p>
        )}
        <button type="submit">{t('batch.preview')}</button>
      </form>
      {batch && <BatchResultView ctx={ctx} base={base} batch={batch} lang={props.lang} dir={props.dir} />}
    </Layout>
  )
}

/** One option per state, the selected one marked. */
function StateOptions(props: { t: PageContext['t']; selected: string }) {
  return (
    <>
      {STATES.map((s) => (
        <option value={s} selected={props.selected === s}>
          {props.t(`states.${s}`)}
        </option>
      ))}
    </>
  )
}

function BatchResultView(props: { ctx: PageContext; base: string; batch: ShownBatch; lang: string; dir: string }) {
  const { ctx, batch } = props
  const { t } = ctx
  const heading = batch.status === 'preview' ? t('batch.previewTitle') : batch.undoOf ? t('batch.undoTitle') : t('batch.appliedTitle')
  return (
    <section id="batch-result" aria-labelledby="batch-result-title">
      <h2 id="batch-result-title">{heading}</h2>
      <p>{t('batch.counts', { changes: batch.changes.length, skipped: batch.skipped.length })}</p>
      {batch.undoneBy && <p class="notice">{t('batch.undone')}</p>}
      {batch.changes.length === 0 ? (
        <p>{t('batch.nothing')}</p>
      ) : (
        <table class="list batch-changes">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('batch.before')}</th>
              <th scope="col">{t('batch.after')}</th>
              <th scope="col">{t('batch.stateColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.changes.map((c) => (
              <tr>
                <td>
                  <a href={`${props.base}?active=${encodeURIComponent(c.unit)}#u-${encodeURIComponent(c.unit)}`}>{c.position}</a>
                </td>
                <td lang={props.lang} dir={props.dir}>
                  {c.diff.map((d) => (d.op === 'added' ? '' : d.op === 'removed' ? <del>{d.text}</del> : d.text))}
                </td>
                <td lang={props.lang} dir={props.dir}>
                  {c.diff.map((d) => (d.op === 'removed' ? '' : d.op === 'added' ? <ins>{d.text}</ins> : d.text))}
                </td>
                <td>
                  {c.stateBefore === c.stateAfter ? t(`states.${c.stateAfter}`) : `${t(`states.${c.stateBefore}`)} → ${t(`states.${c.stateAfter}`)}`}
                  {batch.status !== 'preview' && (
                    <>
                      <br />
                      {c.versionAfter !== undefined ? t('batch.written', { version: c.versionAfter }) : t('batch.notWritten')}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {batch.skipped.length > 0 && (
        <>
          <h3>{t('batch.skippedTitle')}</h3>
          <ul class="batch-skipped">
            {batch.skipped.map((s) => (
              <li>
                <a href={`${props.base}?active=${encodeURIComponent(s.unit)}#u-${encodeURIComponent(s.unit)}`}>{s.unit}</a>: {t(`batch.reasons.${s.reason}`)} ({s.detail})
              </li>
            ))}
          </ul>
        </>
      )}
      {batch.status === 'preview' && batch.changes.length > 0 && (
        <form method="post" action={`${props.base}/batch/${encodeURIComponent(batch.id)}/apply`}>
          <Csrf token={ctx.csrf} />
          <button type="submit">{t('batch.apply', { count: batch.changes.length })}</button>
        </form>
      )}
      {batch.status === 'applied' && !batch.undoOf && batch.changes.some((c) => c.versionAfter !== undefined) && (
        <form method="post" action={`${props.base}/batch/${encodeURIComponent(batch.id)}/undo`}>
          <Csrf token={ctx.csrf} />
          <button type="submit">{t('batch.undo')}</button>
        </form>
      )}
    </section>
  )
}
