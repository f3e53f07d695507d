import { PARTS_OF_SPEECH, TERM_STATUSES, type Term, type TermEntry, type Termbase } from '../../terms/types.js'
import { Csrf, Layout, type PageContext } from './layout.js'
import { Done, FormError, ListHead } from './notices.js'

export const termbaseHref = (tag: string) => `/terms/${encodeURIComponent(tag)}`
export const entryHref = (tag: string, id: number) => `${termbaseHref(tag)}/${id}`

/** A term in one line: `sv färja (preferred, noun)`; admitted, the default, is not said. */
function TermLine({ ctx, term }: { ctx: PageContext; term: Term }) {
  const { t } = ctx
  const marks = [
    term.status === 'admitted' ? '' : t(`terms.${term.status}`),
    term.pos ? t(`termbases.pos.${term.pos}`) : '',
    term.caseSensitive ? t('termbases.caseSensitive') : '',
  ].filter(Boolean)
  return (
    <li class={`term-line ${term.status}`}>
      <span class="term-lang">{term.lang}</span> <span lang={term.lang}>{term.text}</span>
      {marks.length > 0 && <span class="term-status"> ({marks.join(', ')})</span>}
      {term.note && <span class="hint"> — {term.note}</span>}
    </li>
  )
}

/** Every termbase with the tags it uses and its own entry count, and a field to open one by tag. */
export function TermbasesPage(props: { ctx: PageContext; termbases: Termbase[]; error?: string | undefined; tag?: string }) {
  const { ctx } = props
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('termbases.title')}>
      <h1>{t('termbases.title')}</h1>
      <p>{t('termbases.intro')}</p>
      {props.termbases.length === 0 ? (
        <p class="notice">{t('termbases.none')}</p>
      ) : (
        <table class="list">
          <ListHead columns={[t('termbases.tag'), t('termbases.uses'), t('termbases.entries')]} />
          <tbody>
            {props.termbases.map((b) => (
              <tr>
                <td>
                  <a href={termbaseHref(b.tag)}>{b.tag}</a>
                </td>
                <td>{b.uses.join(', ') || '—'}</td>
                <td>{b.entries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="open-tag">
        <h2 id="open-tag">{t('termbases.open')}</h2>
        <FormError message={props.error} />
        <form class="stacked" method="get" action="/terms">
          <p>
            <label for="open-tag-field">{t('termbases.tag')}</label>
            <input id="open-tag-field" name="tag" value={props.tag ?? ''} placeholder="sv-general" required aria-describedby="open-tag-hint" />
            <span id="open-tag-hint" class="hint">
              {t('termbases.tagHint')}
            </span>
          </p>
          <p>
            <button type="submit">{t('termbases.openButton')}</button>
          </p>
        </form>
      </section>
    </Layout>
  )
}

/** The fields of one term of the entry form: `t3.lang`, `t3.text`, … (blank text: no term). */
function TermFields({ ctx, n, term }: { ctx: PageContext; n: number; term?: Partial<Term> | undefined }) {
  const { t } = ctx
  const id = (f: string) => `t${n}-${f}`
  const name = (f: string) => `t${n}.${f}`
  const status = term?.status ?? 'admitted'
  return (
    <fieldset class="term-fields">
      <legend>{t('termbases.termN', { n: n + 1 })}</legend>
      <p>
        <label for={id('lang')}>{t('termbases.lang')}</label>
        <input id={id('lang')} name={name('lang')} value={term?.lang ?? ''} size={8} placeholder="sv" />
      </p>
      <p>
        <label for={id('text')}>{t('termbases.text')}</label>
        <input id={id('text')} name={name('text')} value={term?.text ?? ''} maxlength={300} />
      </p>
      <p>
        <label for={id('status')}>{t('termbases.status')}</label>
        <select id={id('status')} name={name('status')}>
          {TERM_STATUSES.map((s) => (
            <option value={s} selected={s === status}>
              {t(`terms.${s}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for={id('pos')}>{t('termbases.posLabel')}</label>
        <select id={id('pos')} name={name('pos')}>
          <option value="">—</option>
          {PARTS_OF_SPEECH.map((p) => (
            <option value={p} selected={p === term?.pos}>
              {t(`termbases.pos.${p}`)}
            </option>
          ))}
        </select>
      </p>
      <p class="check">
        <input id={id('case')} name={name('case')} type="checkbox" value="yes" checked={term?.caseSensitive === true} />{' '}
        <label for={id('case')}>{t('termbases.caseSensitive')}</label>
      </p>
      <p>
        <label for={id('note')}>{t('termbases.termNote')}</label>
        <input id={id('note')} name={name('note')} value={term?.note ?? ''} />
      </p>
    </fieldset>
  )
}

/** What an entry form shows: the stored entry's terms, or what was sent when it was refused. */
export interface EntryDraft {
  terms: Partial<Term>[]
  note?: string | undefined
}

/** The entry form: its terms, three blank ones more to add, the entry's note. */
function EntryForm(props: { ctx: PageContext; action: string; draft?: EntryDraft | undefined; version?: number; button: string }) {
  const { ctx, draft } = props
  const { t } = ctx
  const terms = draft?.terms ?? []
  const slots = Math.max(2, terms.length + (terms.length ? 1 : 0))
  return (
    <form class="stacked entry-form" method="post" action={props.action}>
      <Csrf token={ctx.csrf} />
      {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
      <p class="hint">{t('termbases.formHint')}</p>
      {Array.from({ length: slots }, (_, n) => (
        <TermFields ctx={ctx} n={n} term={terms[n]} />
      ))}
      <p>
        <label for="entry-note">{t('termbases.entryNote')}</label>
        <textarea id="entry-note" name="note" rows={2}>
          {draft?.note ?? ''}
        </textarea>
      </p>
      <p>
        <button type="submit" class="save">
          {props.button}
        </button>
      </p>
    </form>
  )
}

/** One termbase: what it uses, its own entries searched and paged, and (for editors) the forms. */
export function TermbasePage(props: {
  ctx: PageContext
  tag: string
  termbase: Termbase | undefined
  entries: TermEntry[]
  query: { q?: string | undefined; lang?: string | undefined }
  /** The `after` of the next page, when there is one. */
  next?: number | undefined
  mayEdit: boolean
  error?: string | undefined
  done?: string | undefined
  draft?: EntryDraft | undefined
  uses?: string | undefined
}) {
  const { ctx, tag, entries } = props
  const { t } = ctx
  const here = termbaseHref(tag)
  const nextHref = props.next === undefined ? undefined : `${here}?${new URLSearchParams({ ...clean(props.query), after: String(props.next) })}`
  return (
    <Layout ctx={ctx} title={tag}>
      <h1>{t('termbases.heading', { tag })}</h1>
      <p>
        <a href="/terms">{t('termbases.back')}</a>
      </p>
      <Done message={props.done} />
      <FormError message={props.error} />
      <p>{props.termbase?.uses.length ? t('termbases.usesList', { tags: props.termbase.uses.join(', ') }) : t('termbases.usesNone')}</p>
      <form class="inline search" method="get" action={here} role="search">
        <label for="q">{t('termbases.search')}</label> <input id="q" name="q" type="search" value={props.query.q ?? ''} />{' '}
        <label for="q-lang">{t('termbases.lang')}</label> <input id="q-lang" name="lang" value={props.query.lang ?? ''} size={6} />{' '}
        <button type="submit">{t('termbases.searchButton')}</button>
      </form>
      {entries.length === 0 ? (
        <p class="notice">{props.query.q ? t('termbases.noMatch') : t('termbases.empty')}</p>
      ) : (
        <table class="list entries">
          <ListHead columns={[t('termbases.entry'), t('termbases.terms'), t('termbases.entryNote'), t('termbases.changedBy')]} />
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>
                  <a href={entryHref(tag, e.id)} aria-label={t('termbases.openEntry', { id: e.id })}>
                    {e.id}
                  </a>
                </td>
                <td>
                  <ul class="plain">
                    {e.terms.map((term) => (
                      <TermLine ctx={ctx} term={term} />
                    ))}
                  </ul>
                </td>
                <td>{e.note ?? ''}</td>
                <td>{e.updatedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref && (
        <p>
          <a href={nextHref} rel="next">
            {t('termbases.next')}
          </a>
        </p>
      )}
      {props.mayEdit && (
        <>
          <section aria-labelledby="add-entry">
            <h2 id="add-entry">{t('termbases.add')}</h2>
            <EntryForm ctx={ctx} action={`${here}/entries`} draft={props.draft} button={t('termbases.addButton')} />
          </section>
          <section aria-labelledby="set-uses">
            <h2 id="set-uses">{t('termbases.setUses')}</h2>
            <form class="stacked" method="post" action={`${here}/uses`}>
              <Csrf token={ctx.csrf} />
              <p>
                <label for="uses">{t('termbases.uses')}</label>
                <input id="uses" name="uses" value={props.uses ?? props.termbase?.uses.join(', ') ?? ''} aria-describedby="uses-hint" />
                <span id="uses-hint" class="hint">
                  {t('termbases.usesHint')}
                </span>
              </p>
              <p>
                <button type="submit">{t('termbases.usesButton')}</button>
              </p>
            </form>
          </section>
        </>
      )}
    </Layout>
  )
}

/** One entry: its terms, and for editors the form that changes it and the button that removes it. */
export function EntryPage(props: {
  ctx: PageContext
  entry: TermEntry
  mayEdit: boolean
  when: (iso: string) => string
  error?: string | undefined
  done?: string | undefined
  draft?: EntryDraft | undefined
}) {
  const { ctx, entry } = props
  const { t } = ctx
  const at = entryHref(entry.tag, entry.id)
  return (
    <Layout ctx={ctx} title={t('termbases.entryTitle', { id: entry.id, tag: entry.tag })}>
      <h1>{t('termbases.entryTitle', { id: entry.id, tag: entry.tag })}</h1>
      <p>
        <a href={termbaseHref(entry.tag)}>{t('termbases.backTo', { tag: entry.tag })}</a>
      </p>
      <Done message={props.done} />
      <FormError message={props.error} />
      <ul class="plain">
        {entry.terms.map((term) => (
          <TermLine ctx={ctx} term={term} />
        ))}
      </ul>
      {entry.note && <p>{entry.note}</p>}
      <p class="hint">{t('termbases.changed', { who: entry.updatedBy, when: props.when(entry.updatedAt), version: entry.version })}</p>
      {props.mayEdit && (
        <>
          <section aria-labelledby="edit-entry">
            <h2 id="edit-entry">{t('termbases.edit')}</h2>
            <EntryForm ctx={ctx} action={at} draft={props.draft ?? entry} version={entry.version} button={t('termbases.saveButton')} />
          </section>
          <section aria-labelledby="remove-entry">
            <h2 id="remove-entry">{t('termbases.remove')}</h2>
            <form method="post" action={`${at}/delete`}>
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="version" value={String(entry.version)} />
              <button type="submit">{t('termbases.removeButton', { id: entry.id })}</button>
            </form>
          </section>
        </>
      )}
    </Layout>
  )
}

function clean(q: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => !!e[1]))
}
