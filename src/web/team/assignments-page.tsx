import type { Assignment } from '../../team/types.js'
import { Csrf, Layout, type PageContext } from '../pages/layout.js'
import { Done, FormError, ListHead } from '../pages/notices.js'

/** An assignment's part in words: "whole article", or "segments 1-40". */
export const partLabel = (ctx: PageContext, segments: string | null): string =>
  segments === null ? ctx.t('team.whole') : ctx.t('team.segments', { range: segments })

/** Where a person's assignments in a language are listed (the team load links here). */
export const assignmentsHref = (lang: string, user: string): string =>
  `/team/assignments?lang=${encodeURIComponent(lang)}&user=${encodeURIComponent(user)}`

/**
 * One person's assignments in one language, newest first: each with its part, words left, due
 * date and note, and (for whoever may assign in the language) a button that withdraws it; a
 * withdrawn one says by whom and when. The buttons are forms: no script needed.
 */
export function AssignmentsPage(props: {
  ctx: PageContext
  lang: string
  user: string
  langName: string
  assignments: readonly Assignment[]
  /** Whether the viewer may withdraw (an admin, or a coordinator of the language). */
  canWithdraw: boolean
  done?: string | undefined
  error?: string | undefined
}) {
  const { ctx, assignments } = props
  const { t } = ctx
  const title = t('team.assignmentsOf', { user: props.user, lang: props.langName })
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Done message={props.done} />
      <FormError message={props.error} />
      {assignments.length === 0 ? (
        <p class="notice">{t('team.noAssignments')}</p>
      ) : (
        <table class="list assignments">
          <ListHead
            columns={[t('team.article'), t('team.part'), t('team.wordsLeft'), t('team.due'), t('team.note')]}
            action={t('team.withdraw')}
          />
          <tbody>
            {assignments.map((a) => (
              <tr data-assignment={String(a.id)} class={a.withdrawn ? 'withdrawn' : undefined}>
                <td>
                  <a href={`/edit/${encodeURIComponent(a.article)}/${encodeURIComponent(a.lang)}`}>{a.article}</a>
                </td>
                <td data-label={t('team.part')}>{partLabel(ctx, a.segments)}</td>
                <td data-label={t('team.wordsLeft')}>{`${a.wordsLeft} / ${a.words}`}</td>
                <td data-label={t('team.due')}>{a.due ?? '—'}</td>
                <td data-label={t('team.note')}>{a.note ?? ''}</td>
                <td>
                  {a.withdrawn ? (
                    <span class="mark withdrawn-mark">{t('team.withdrawnBy', { by: a.withdrawn.by, day: a.withdrawn.at.slice(0, 10) })}</span>
                  ) : (
                    props.canWithdraw && (
                      <form method="post" action={`/team/assignments/${a.id}/withdraw`}>
                        <Csrf token={ctx.csrf} />
                        <button type="submit" class="secondary" aria-label={t('team.withdrawLabel', { article: a.article, user: a.user })}>
                          {t('team.withdraw')}
                        </button>
                      </form>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/">{t('editor.back')}</a>
      </p>
    </Layout>
  )
}
