import type { State } from '../../model/translation.js'
import type { T } from '../i18n.js'
import type { Hint } from '../hints.js'

/** A hint as a sentence in the interface language. */
export function hintText(t: T, h: Hint): string {
  switch (h.code) {
    case 'numbers':
      return t('hints.numbers', { numbers: h.numbers })
    case 'endMark':
      return t('hints.endMark', { mark: h.mark })
    case 'extraEndMark':
      return t('hints.extraEndMark', { mark: h.mark })
    case 'token':
      return t('hints.token', { token: h.token })
    default:
      return t(`hints.${h.code}`)
  }
}

/** Escape text for HTML content and double-quoted attributes (the same five as hono/jsx). */
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text
}
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** The hints list of the active row (the script rebuilds it the same way after a save). */
export function hintsHtml(s: RowStrings, hints: { key: string; text: string; dismissed?: boolean }[]): string {
  let out = '<ul class="hints">'
  for (const h of hints) {
    out += `<li data-hint="${esc(h.key)}"${h.dismissed ? ' class="dismissed"' : ''}><span>${esc(h.text)}</span><button type="button" class="dismiss">${esc(s.dismiss)}</button></li>`
  }
  return `${out}</ul>`
}

/**
 * The strings every row repeats, translated once per page: i18next's `t()` copies its options on
 * each call, which for 2,000 rows × 8 strings was most of the render time.
 */
export function rowStrings(t: T): RowStrings {
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
    clear: t('editor.clear'),
    draft: t('editor.draft'),
    saveReviewed: t('editor.saveReviewed'),
    confirm: t('editor.confirm'),
    confirmHint: t('editor.confirmHint'),
    reject: t('editor.reject'),
    rejectReason: t('editor.rejectReason'),
    rejectedBy: fill(t('editor.rejectedBy', { author: '{author}', reason: '{reason}' })),
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
      rejected: t('states.rejected'),
    },
    activate: fill(t('editor.activate', { n: '{n}' })),
    tools: fill(t('editor.tools', { n: '{n}' })),
    targetLabel: fill(t('editor.targetLabel', { n: '{n}' })),
    lastChanged: fill(t('editor.lastChanged', { author: '{author}', when: '{when}' })),
    insertToken: fill(t('editor.insertToken', { n: '{n}', token: '{token}' })),
    insertCode: fill(t('editor.insertCode', { n: '{n}', token: '{token}' })),
    codes: t('editor.codes'),
    role: (() => {
      const names = t('editor.roles', { returnObjects: true }) as Record<string, string>
      return (role: string) => names[role] ?? role
    })(),
    borrowed: fill(t('editor.borrowed', { form: '{form}' })),
    aligned: fill(t('editor.aligned', { confidence: '{confidence}' })),
    alignedTitle: fill(t('editor.alignedTitle', { confidence: '{confidence}' })),
  }
}

/** The strings of {@link rowStrings}. */
export interface RowStrings {
  hint(h: Hint): string
  dismiss: string
  save: string
  clear: string
  draft: string
  saveReviewed: string
  /** Confirm a stale segment, and its title. */
  confirm: string
  confirmHint: string
  /** Reject (reviewers), and the reason field's label. */
  reject: string
  rejectReason: string
  /** `Rejected by rita: reason`. */
  rejectedBy: (vars: Record<string, string | number>) => string
  copySource: string
  history: string
  never: string
  tokens: string
  staleMark: string
  staleDiff: string
  paragraph: string
  stale: string
  states: Record<State, string>
  activate: (vars: Record<string, string | number>) => string
  tools: (vars: Record<string, string | number>) => string
  targetLabel: (vars: Record<string, string | number>) => string
  lastChanged: (vars: Record<string, string | number>) => string
  insertToken: (vars: Record<string, string | number>) => string
  /** The title of a code's button: `Insert code 1: ⟦1⟧⟦/1⟧ (Alt+1)`. */
  insertCode: (vars: Record<string, string | number>) => string
  /** The panel's label of a document's codes. */
  codes: string
  /** A unit's role in its document, as a label (`Heading`, `Table cell`); an unknown one as it is. */
  role: (role: string) => string
  borrowed: (vars: Record<string, string | number>) => string
  /** The short mark of an aligned text (`aligned 93 %`) and its longer title. */
  aligned: (vars: Record<string, string | number>) => string
  alignedTitle: (vars: Record<string, string | number>) => string
}
