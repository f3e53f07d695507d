import { hintsHtml, esc } from '../pages/row.js'
import type { RowContext } from './row-html.js'

/** What the panel shows of the active segment. */
export interface PanelData {
  unitId: string
  n: number
  version: number
  /** Where its form posts (with the query a save without the script returns to). */
  action: string
  tokens: string[]
  /** The tokens are the source's codes (a Markdown or HTML article's), not found placeholders. */
  codes: boolean
  hints: { key: string; text: string; dismissed?: boolean }[]
  /** "Last changed by …", as HTML (its time in a `<time>`). */
  who: string
  /** Whether there is a translation to clear (not untranslated and empty already). */
  clearable: boolean
  /** Stale and not rejected: Confirm keeps the text and clears the stale mark. */
  confirmable: boolean
  /** Translated, reviewed or final: a reviewer may reject it, with a reason. */
  rejectable: boolean
  /** A rejected segment's `Rejected by NAME: reason`, shown on top of the panel too. */
  rejection?: string | undefined
}

/**
 * Confirm (a stale segment: its stored text and state kept, stale cleared) and, for reviewers,
 * Reject with a required reason. Each is a form of its own that posts the stored version, so
 * they work without the script, and the typed text never goes with them.
 */
function reviewForms(ctx: RowContext, p: PanelData): string {
  const { s } = ctx
  const hidden = `<input type="hidden" name="_csrf" value="${esc(ctx.csrf)}"/><input type="hidden" name="version" value="${p.version}"/>`
  let out = `<form id="confirm" class="confirm-form" method="post" action="${esc(p.action)}"${p.confirmable ? '' : ' hidden'}>${hidden}<input type="hidden" name="confirm" value="1"/>`
  out += `<button type="submit" class="confirm" title="${esc(s.confirmHint)}" aria-keyshortcuts="Alt+Enter">${esc(s.confirm)}</button></form>`
  if (ctx.canReview) {
    out += `<form id="reject" class="reject-form" method="post" action="${esc(p.action)}"${p.rejectable ? '' : ' hidden'}>${hidden}<input type="hidden" name="state" value="rejected"/>`
    out += `<label for="reason">${esc(s.rejectReason)}</label><input type="text" id="reason" name="reason" maxlength="2000" required autocomplete="off" aria-keyshortcuts="Alt+R"/>`
    out += `<button type="submit" class="reject">${esc(s.reject)}</button></form>`
  }
  return out
}

/**
 * The active segment's tools: the save form (the textarea in the row belongs to it through its
 * `form` attribute), the source's codes, hints, the last change and the history link. The script
 * moves this one panel to whichever row becomes active and adds the memory's matches to it; CSS
 * puts it beside the grid on wide screens and under the row on narrow ones.
 */
export function panelHtml(ctx: RowContext, p: PanelData): string {
  const { s } = ctx
  const history = `/edit/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(ctx.lang)}/${encodeURIComponent(p.unitId)}/history`
  let out = `<aside class="panel" id="panel" aria-label="${esc(s.tools({ n: p.n }))}">`
  out += `<p class="rejection rejection-note"${p.rejection ? '' : ' hidden'}>${esc(p.rejection ?? '')}</p>`
  if (ctx.canWrite) {
    out += `<form id="edit" method="post" action="${esc(p.action)}"><input type="hidden" name="_csrf" value="${esc(ctx.csrf)}"/><input type="hidden" name="version" value="${p.version}"/>`
    out += `<div class="actions"><button type="submit" name="state" value="translated" class="save" aria-keyshortcuts="Control+Enter">${esc(s.save)}</button>`
    if (ctx.canReview) {
      out += `<button type="submit" name="state" value="reviewed" class="review" aria-keyshortcuts="Control+Shift+Enter">${esc(s.saveReviewed)}</button>`
    }
    out += `<button type="button" class="copy" hidden aria-keyshortcuts="Alt+C">${esc(s.copySource)}</button>`
    // Clear posts its own form (an empty text, state initial), so the field's text never goes
    // with it; the button sits with the others through its \`form\` attribute.
    out += `<button type="submit" form="clear" class="clear"${p.clearable ? '' : ' hidden'}>${esc(s.clear)}</button></div></form>`
    out += `<form id="clear" method="post" action="${esc(p.action)}"><input type="hidden" name="_csrf" value="${esc(ctx.csrf)}"/><input type="hidden" name="version" value="${p.version}"/><input type="hidden" name="text" value=""/><input type="hidden" name="state" value="initial"/></form>`
    out += reviewForms(ctx, p)
    out += '<p class="tokens"'
    if (p.tokens.length === 0) out += ' hidden'
    out += `><span>${esc(p.codes ? s.codes : s.tokens)}:</span>`
    p.tokens.forEach((tok, i) => {
      const title = p.codes ? s.insertCode({ n: i + 1, token: tok }) : s.insertToken({ n: i + 1, token: tok })
      out += `<button type="button" class="token" data-token="${esc(tok)}" title="${esc(title)}">${esc(tok)}</button>`
    })
    out += '</p>'
  }
  out += hintsHtml(s, p.hints)
  out += `<p class="status" role="status"></p><p class="meta"><span class="who">${p.who}</span> · <a class="history-link" href="${esc(history)}">${esc(s.history)}</a></p>`
  out += ctx.activeThread ?? ''
  return `${out}</aside>`
}
