import type { Load, MyWork } from '../../team/work.js'
import { Csrf, type PageContext } from '../pages/layout.js'
import { Done, FormError, ListHead } from '../pages/notices.js'
import { assignmentsHref, partLabel } from './assignments-page.js'

/** What the assign form held, to show it again with a refusal. */
export interface AssignValues {
  article: string
  lang: string
  to: string
  split: boolean
  segments: string
  due: string
  note: string
}

export const EMPTY_ASSIGN: AssignValues = { article: '', lang: '', to: '', split: false, segments: '', due: '', note: '' }


/** "My work": my assignments, open first by due date, with words left and overdue marks. */
export function MyWorkSection({ ctx, work, langName }: { ctx: PageContext; work: MyWork; langName: (l: string) => string }) {
  const { t } = ctx
  return (
    <section class="my-work" aria-labelledby="my-work">
      <h2 id="my-work">{t('team.myWork')}</h2>
      {work.assignments.length === 0 ? (
        <p class="notice">{t('team.noWork')}</p>
      ) : (
        <>
          <p data-my-left>{t('team.totalLeft', { count: work.wordsLeft })}</p>
          <table class="list work">
            <ListHead columns={[t('team.article'), t('team.language'), t('team.part'), t('team.wordsLeft'), t('team.due'), t('team.note')]} />
            <tbody>
              {work.assignments.map((a) => (
                <tr data-assignment={String(a.id)} class={a.overdue ? 'overdue' : a.wordsLeft === 0 ? 'finished' : undefined}>
                  <td>
                    <a href={`/edit/${encodeURIComponent(a.article)}/${encodeURIComponent(a.lang)}`}>{a.article}</a>
                  </td>
                  <td data-label={t('team.language')}>{langName(a.lang)}</td>
                  <td data-label={t('team.part')}>{partLabel(ctx, a.segments)}</td>
                  <td data-label={t('team.wordsLeft')}>
                    {a.wordsLeft === 0 ? <span class="mark done-mark">✓ {t('team.done')}</span> : `${a.wordsLeft} / ${a.words}`}
                  </td>
                  <td data-label={t('team.due')}>
                    {a.due ?? '—'}
                    {a.overdue && <strong class="mark overdue-mark"> ⚠ {t('team.overdue')}</strong>}
                  </td>
                  <td data-label={t('team.note')}>{a.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

/** A coordinator's (or admin's) view of everyone's open work per language. */
export function TeamLoadSection({ ctx, load, langName }: { ctx: PageContext; load: Load[]; langName: (l: string) => string }) {
  const { t } = ctx
  return (
    <section class="team-load" aria-labelledby="team-load">
      <h2 id="team-load">{t('team.load')}</h2>
      <p>{t('team.loadIntro')}</p>
      {load.length === 0 ? (
        <p class="notice">{t('team.noLoad')}</p>
      ) : (
        <table class="list load">
          <ListHead columns={[t('team.language'), t('team.person'), t('team.assignments'), t('team.wordsLeft'), t('team.overdueColumn')]} />
          <tbody>
            {load.map((l) => (
              <tr data-load={`${l.lang} ${l.user}`}>
                <td data-label={t('team.language')}>{langName(l.lang)}</td>
                <td data-label={t('team.person')}>
                  <a href={assignmentsHref(l.lang, l.user)} aria-label={t('team.seeAssignments', { user: l.user })}>
                    {l.user}
                  </a>
                </td>
                <td data-label={t('team.assignments')}>{l.assignments}</td>
                <td data-label={t('team.wordsLeft')}>{`${l.wordsLeft} / ${l.words}`}</td>
                <td data-label={t('team.overdueColumn')}>{l.overdue > 0 ? <strong class="mark overdue-mark">⚠ {l.overdue}</strong> : '0'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The assign form (POST /dashboard/assign): works without the script, carries the CSRF token. */
export function AssignForm(props: { ctx: PageContext; values: AssignValues; error?: string | undefined; done?: string | undefined; open?: boolean }) {
  const { ctx, values: v } = props
  const { t } = ctx
  return (
    <section class="assign">
      <Done message={props.done} />
      <FormError message={props.error} />
      {/* Folded on the dashboard (a native <details>: no script); open where it is the page. */}
      <details open={props.open}>
        <summary>
          <h2>{t('team.assign')}</h2>
        </summary>
        <form class="stacked" method="post" action="/dashboard/assign">
          <Csrf token={ctx.csrf} />
          <p>
            <label for="as-article">{t('team.articleId')}</label>
            <input id="as-article" name="article" value={v.article} required maxlength={100} />
          </p>
          <p>
            <label for="as-lang">{t('team.lang')}</label>
            <input id="as-lang" name="lang" value={v.lang} required maxlength={100} placeholder="sv" size={6} />
          </p>
          <p>
            <label for="as-to">{t('team.to')}</label>
            <input id="as-to" name="to" value={v.to} required maxlength={2000} aria-describedby="as-to-hint" />
            <span class="hint" id="as-to-hint">{t('team.toHint')}</span>
          </p>
          <p class="check">
            <input id="as-split" name="split" type="checkbox" value="words" checked={v.split} />
            <label for="as-split">{t('team.split')}</label>
          </p>
          <p>
            <label for="as-segments">{t('team.range')}</label>
            <input id="as-segments" name="segments" value={v.segments} maxlength={40} size={10} aria-describedby="as-segments-hint" />
            <span class="hint" id="as-segments-hint">{t('team.rangeHint')}</span>
          </p>
          <p>
            <label for="as-due">{t('team.due')}</label>
            <input id="as-due" name="due" type="date" value={v.due} aria-describedby="as-due-hint" />
            <span class="hint" id="as-due-hint">{t('team.dueHint')}</span>
          </p>
          <p>
            <label for="as-note">{t('team.note')}</label>
            <textarea id="as-note" name="note" maxlength={2000} rows={2}>{v.note}</textarea>
          </p>
          <p>
            <button type="submit">{t('team.assignButton')}</button>
          </p>
        </form>
      </details>
    </section>
  )
}
