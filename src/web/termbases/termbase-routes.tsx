import type { Context, Hono } from 'hono'
import { refuseTermEdit } from '../../auth/permissions.js'
import { formFields } from '../../http/strict-form.js'
import { InvalidInput, TolkError } from '../../model/errors.js'
import { parseTag } from '../../model/tags.js'
import { MAX_TERMS } from '../../terms/check-entry.js'
import { checkUses, unknownEntry } from '../../terms/store-rules.js'
import type { EntryInput, PartOfSpeech, TermInput, TermStatus } from '../../terms/types.js'
import type { WebDeps, WebEnv } from '../env.js'
import { doc, formatWhen, pageContext } from '../page-context.js'
import type { PageContext } from '../pages/layout.js'
import { EntryPage, TermbasePage, TermbasesPage, entryHref, termbaseHref, type EntryDraft } from '../pages/termbases.js'

/** Entries on one page of a termbase. */
const PAGE = 50
const DONE = ['added', 'saved', 'removed', 'uses'] as const

/**
 * The termbase pages: every termbase, one termbase's entries (searched, paged), one entry. Everyone
 * signed in reads; admins and terminologists of the tag's language (as the API's
 * /api/termbases routes) add, change and remove entries and set the tags a termbase uses, through
 * the same store calls. A refused or conflicting form comes back with what was typed in it.
 */
export function registerTermbases(web: Hono<WebEnv>, deps: WebDeps, assets: PageContext['assets']): void {
  const { store } = deps
  const principal = (c: Context<WebEnv>) => (c.get('session') as NonNullable<WebEnv['Variables']['session']>).principal
  const mayEdit = (c: Context<WebEnv>, tag: string) => refuseTermEdit(principal(c), tag) === undefined
  const doneText = (c: Context<WebEnv>) => {
    const done = DONE.find((d) => d === c.req.query('done'))
    return done ? c.get('t')(`termbases.done.${done}`) : undefined
  }
  /** The tag of the address, canonical; InvalidInput (a 400 page) for one that is not a tag. */
  const tagOf = (c: Context<WebEnv>) => parseTag(c.req.param('tag') ?? '').tag
  const entryId = (c: Context<WebEnv>) => {
    const raw = c.req.param('id') ?? ''
    if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new InvalidInput(`"${raw.slice(0, 20)}" is not a term entry number`, 'invalid-input')
    return Number(raw)
  }
  /** A store's refusal in the page's words: its own message, which says what to change. */
  const refusal = (c: Context<WebEnv>, err: unknown): string => {
    if (!(err instanceof TolkError) || err.status >= 500) throw err
    return c.get('t')('termbases.refused', { reason: err.message })
  }
  const forbidden = (c: Context<WebEnv>, tag: string) => {
    const reason = refuseTermEdit(principal(c), tag)
    if (reason) throw new TolkError('forbidden', reason, 403)
  }

  web.get('/terms', async (c) => {
    const asked = c.req.query('tag')
    if (asked !== undefined) {
      try {
        return c.redirect(termbaseHref(parseTag(asked.trim()).tag), 303)
      } catch (err) {
        const page = <TermbasesPage ctx={pageContext(c, assets)} termbases={await store.terms.list()} error={refusal(c, err)} tag={asked} />
        return c.html(doc(page), 400)
      }
    }
    return c.html(doc(<TermbasesPage ctx={pageContext(c, assets)} termbases={await store.terms.list()} />))
  })

  const termbasePage = async (c: Context<WebEnv>, tag: string, status: 200 | 400, extra: { error?: string; draft?: EntryDraft; uses?: string } = {}) => {
    const q = c.req.query('q')?.slice(0, 300) || undefined
    const lang = c.req.query('lang')?.trim() || undefined
    const after = Number(c.req.query('after') ?? 0)
    const entries = await store.terms.listEntries(tag, {
      limit: PAGE + 1,
      after: Number.isSafeInteger(after) && after > 0 ? after : 0,
      ...(q ? { text: q } : {}),
      ...(lang ? { lang } : {}),
    })
    const more = entries.length > PAGE
    const shown = entries.slice(0, PAGE)
    const page = (
      <TermbasePage
        ctx={pageContext(c, assets)}
        tag={tag}
        termbase={await store.terms.get(tag)}
        entries={shown}
        query={{ q, lang }}
        next={more ? shown.at(-1)!.id : undefined}
        mayEdit={mayEdit(c, tag)}
        done={doneText(c)}
        {...extra}
      />
    )
    return c.html(doc(page), status)
  }

  web.get('/terms/:tag', async (c) => {
    const tag = tagOf(c)
    if (tag !== c.req.param('tag')) return c.redirect(termbaseHref(tag), 301)
    return termbasePage(c, tag, 200)
  })

  web.post('/terms/:tag/entries', async (c) => {
    const tag = tagOf(c)
    forbidden(c, tag)
    const form = await formFields(c)
    const entry = entryFromForm(form)
    try {
      const added = await store.terms.addEntry(tag, entry, { by: principal(c).account })
      return c.redirect(`${entryHref(tag, added.id)}?done=added`, 303)
    } catch (err) {
      return termbasePage(c, tag, 400, { error: refusal(c, err), draft: entry })
    }
  })

  web.post('/terms/:tag/uses', async (c) => {
    const tag = tagOf(c)
    forbidden(c, tag)
    const form = await formFields(c)
    const uses = (form.uses ?? '').split(/[\s,]+/).filter(Boolean)
    try {
      await store.terms.setUses(tag, checkUses(tag, uses))
    } catch (err) {
      return termbasePage(c, tag, 400, { error: refusal(c, err), uses: form.uses ?? '' })
    }
    return c.redirect(`${termbaseHref(tag)}?done=uses`, 303)
  })

  const entryPage = async (c: Context<WebEnv>, tag: string, id: number, status: 200 | 400 | 409, extra: { error?: string; draft?: EntryDraft } = {}) => {
    const entry = await store.terms.getEntry(tag, id)
    if (!entry) throw unknownEntry(tag, id)
    const page = <EntryPage ctx={pageContext(c, assets)} entry={entry} mayEdit={mayEdit(c, tag)} when={formatWhen(c.get('ui'))} done={doneText(c)} {...extra} />
    return c.html(doc(page), status)
  }

  web.get('/terms/:tag/:id', (c) => entryPage(c, tagOf(c), entryId(c), 200))

  web.post('/terms/:tag/:id', async (c) => {
    const tag = tagOf(c)
    const id = entryId(c)
    forbidden(c, tag)
    const form = await formFields(c)
    const entry = entryFromForm(form)
    try {
      await store.terms.updateEntry(tag, id, entry, { by: principal(c).account, ifVersion: versionOf(form) })
    } catch (err) {
      // A colleague's change in between: the page shows theirs above and keeps what was typed in
      // the form, now based on their version, so saving again is a choice made knowingly.
      const conflict = err instanceof TolkError && err.code === 'term-entry-conflict'
      return entryPage(c, tag, id, conflict ? 409 : 400, {
        error: conflict ? c.get('t')('termbases.conflict') : refusal(c, err),
        draft: entry,
      })
    }
    return c.redirect(`${entryHref(tag, id)}?done=saved`, 303)
  })

  web.post('/terms/:tag/:id/delete', async (c) => {
    const tag = tagOf(c)
    const id = entryId(c)
    forbidden(c, tag)
    const form = await formFields(c)
    try {
      await store.terms.deleteEntry(tag, id, { ifVersion: versionOf(form) })
    } catch (err) {
      const conflict = err instanceof TolkError && err.code === 'term-entry-conflict'
      return entryPage(c, tag, id, conflict ? 409 : 400, { error: conflict ? c.get('t')('termbases.conflict') : refusal(c, err) })
    }
    return c.redirect(`${termbaseHref(tag)}?done=removed`, 303)
  })
}

/** The version a form was based on; InvalidInput when it is missing or not a number. */
function versionOf(form: Record<string, string>): number {
  const v = Number(form.version)
  if (!Number.isSafeInteger(v) || v < 1) throw new InvalidInput('the form lacks the version it was based on: reload the page', 'invalid-form')
  return v
}

/**
 * An entry as the form wrote it: the term fields `t0.lang`, `t0.text`, `t0.status`, `t0.pos`,
 * `t0.case`, `t0.note`, … (a slot whose text is blank is no term) and `note`. The store checks
 * the rest (languages, lengths, the text rule) and names what is wrong.
 */
export function entryFromForm(form: Record<string, string>): EntryInput {
  const terms: TermInput[] = []
  for (let n = 0; n < MAX_TERMS + 1; n++) {
    const text = form[`t${n}.text`]?.trim()
    if (!text) continue
    const pos = form[`t${n}.pos`]
    const note = form[`t${n}.note`]?.trim()
    terms.push({
      lang: (form[`t${n}.lang`] ?? '').trim(),
      text,
      status: (form[`t${n}.status`] || 'admitted') as TermStatus,
      ...(pos ? { pos: pos as PartOfSpeech } : {}),
      ...(note ? { note } : {}),
      caseSensitive: form[`t${n}.case`] === 'yes',
    })
  }
  const note = form.note?.trim()
  return { terms, ...(note ? { note } : {}) }
}
