import type { Row } from '../editor-data.js'
import { hintKey, qualityHints } from '../hints.js'
import type { DismissedChecks } from '../qa-dismissed.js'
import { esc, type RowStrings } from '../pages/row.js'
import type { T } from '../i18n.js'
import { sourceDiff } from '../source-diff.js'
import { findTokens, insertableTokens } from '../tokens.js'
import { codeToken, sourceCodes, tagText } from '../../codes/insertable.js'
import { chipsHtml } from './chips-html.js'
import { panelHtml } from './panel-html.js'
import { stateMark } from './state-mark.js'
import { commentCountHtml } from '../comments/thread-html.js'

/** What a row needs besides its data. */
export interface RowContext {
  t: T
  /** From {@link rowStrings}, made once per page. */
  s: RowStrings
  csrf: string
  articleId: string
  lang: string
  srcLang: string
  srcDir: string
  dir: string
  /** May save at all, and may save as reviewed. */
  canWrite: boolean
  canReview: boolean
  /** Query string (filter, page) of this page, without `active`. */
  back: string
  /** Formats a timestamp for "last changed". */
  when: (iso: string) => string
  /** Comments (not deleted) per unit, in this language and on the source: the row's count. */
  commentCounts?: Readonly<Record<string, number>>
  /** The active row's comment threads, as the panel shows them (src/web/comments/thread-html.ts). */
  activeThread?: string
  /** The QA checks dismissed on a unit's current text (shared on the server); none when absent. */
  dismissed?: DismissedChecks
}

/** The active row's extras: where its form returns to after a save without the script. */
export interface Active {
  /** The unit to make active after a form save (the next one needing work, or this one). */
  next: string
}

/** The address of a unit's save (and, with `/history`, of its history). */
export function unitPath(ctx: Pick<RowContext, 'articleId' | 'lang'>, unitId: string): string {
  return `/edit/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(ctx.lang)}/${encodeURIComponent(unitId)}`
}

/**
 * One segment of the grid: number, source, target and state on one row. Only the active row holds
 * the editable target (the page's one textarea) and the tools panel; every other row shows its
 * target as text, and its number is a link that makes it active (so the grid works without the
 * script). Built as a string with every value through {@link esc}, not with JSX: this runs for
 * every row of a long article, and hono/jsx's element objects cost most of the render time.
 */
export function segmentRowHtml(row: Row, ctx: RowContext, active?: Active): string {
  const { unit, tr } = row
  const { s } = ctx
  const n = unit.position
  const src = `lang="${esc(ctx.srcLang)}" dir="${ctx.srcDir}"`
  const tgt = `lang="${esc(ctx.lang)}" dir="${ctx.dir}"`
  const cls = `seg state-${tr.state}${tr.stale ? ' is-stale' : ''}${row.paragraphStart ? ' para' : ''}${active ? ' active' : ''}`
  const open = tr.state === 'initial' || tr.stale ? '1' : '0'
  // What the target must keep, for the script's warning while typing (the server's hints after a
  // save also count repeats and emphasis), and what Alt+1…9 insert: a document's codes (each tag
  // of each code), else the placeholders and markup found in the source.
  const codes = sourceCodes(unit.source)
  const keep =
    codes.length > 0
      ? codes.flatMap((c) => (c.kind === 'paired' ? [tagText('open', c.id), tagText('close', c.id)] : [tagText('standalone', c.id)]))
      : [
          ...new Set(
            findTokens(unit.source)
              .filter((t) => t.kind !== 'emphasis')
              .map((t) => t.keep),
          ),
        ]
  const tokens = codes.length > 0 ? codes.map(codeToken) : insertableTokens(unit.source).map((t) => t.text)
  const hints = tr.text === '' ? [] : qualityHints(unit.source, tr.text)
  const gone = hints.length > 0 && ctx.dismissed ? ctx.dismissed(unit.id, unit.source, tr.text) : undefined
  const hintList = hints.map((h) => ({ key: hintKey(h), text: s.hint(h), ...(gone?.has(hintKey(h)) ? { dismissed: true } : {}) }))
  // The time in UTC for a page without the script; the script shows it in the reader's zone.
  const who =
    tr.author && tr.updatedAt
      ? esc(s.lastChanged({ author: tr.author, when: '\u0000' })).replace(
          '\u0000',
          `<time datetime="${esc(tr.updatedAt)}">${esc(ctx.when(tr.updatedAt))}</time>`,
        )
      : esc(s.never)
  let out = `<div class="${cls}" id="u-${esc(unit.id)}" data-unit="${esc(unit.id)}" data-n="${n}" data-version="${tr.version}" data-state="${tr.state}" data-open="${open}"`
  if (tr.stale) out += ' data-stale="1"'
  if (tr.author && tr.updatedAt) out += ` data-author="${esc(tr.author)}" data-at="${esc(tr.updatedAt)}"`
  if (keep.length > 0) out += ` data-keep="${esc(JSON.stringify(keep))}"`
  if (tokens.length > 0) out += ` data-tokens="${esc(JSON.stringify(tokens))}"`
  if (hintList.length > 0) out += ` data-hints="${esc(JSON.stringify(hintList))}"`
  out += '>'
  const pilcrow = row.paragraphStart
    ? `<span class="pilcrow" aria-hidden="true">¶</span><span class="sr-only">${esc(s.paragraph)}</span>`
    : ''
  // The number links to this page with the row active; CSS stretches the link over the row.
  out += active
    ? `<span class="num">${pilcrow}${n}</span>`
    : `<a class="num" href="${esc(`${ctx.back}&active=${encodeURIComponent(unit.id)}#u-${encodeURIComponent(unit.id)}`)}" aria-label="${esc(s.activate({ n }))}">${pilcrow}${n}</a>`
  // What the segment is in its document (a heading, a table cell, an image's alt text); a
  // paragraph, the usual case, goes without a label.
  const role = unit.role ?? unit.kind
  out += '<div class="src">'
  if (role !== 'paragraph') out += `<span class="role role-${esc(role)}">${esc(s.role(role))}</span>`
  out += `<p class="source" ${src}>${chipsHtml(unit.source, unit.codes)}</p>`
  // An i18next key that is no valid id travels as a derived id: show the key itself.
  if (unit.key !== undefined) out += `<p class="key"><code>${esc(unit.key)}</code></p>`
  // A plural form the source language lacks (Russian `_few` of English): its source is `_other`.
  if (unit.borrowed) out += `<p class="note">${esc(s.borrowed({ form: unit.plural ?? '' }))}</p>`
  if (tr.stale && tr.madeFrom !== null) {
    out += `<div class="diff"><p class="stale-mark">${esc(s.staleMark)}</p><p class="diff-text" ${src} aria-label="${esc(s.staleDiff)}">`
    for (const p of sourceDiff(tr.madeFrom, unit.source)) {
      out += p.op === 'same' ? esc(p.text) : `<${p.op}>${esc(p.text)}</${p.op}>`
    }
    out += '</p></div>'
  }
  out += '</div><div class="tgt">'
  if (active && ctx.canWrite) {
    const rows = Math.min(
      12,
      Math.max(3, Math.ceil(Math.max(unit.source.length, tr.text.length) / 45) + 1),
    )
    out += `<label class="sr-only" for="t-${n}">${esc(s.targetLabel({ n }))}</label>`
    // A newline right after <textarea> is dropped by the parser, so a text starting with one
    // keeps it only when another newline goes first. `form` ties it to the panel's form.
    out += `<textarea id="t-${n}" name="text" form="edit" ${tgt} rows="${rows}" spellcheck="true" required>${tr.text.startsWith('\n') ? '\n' : ''}${esc(tr.text)}</textarea>`
  } else {
    out += `<p class="target" ${tgt}>${chipsHtml(tr.text, unit.codes)}</p>`
  }
  // Text brought in by `tolk align`, unedited: how sure the aligner was, so a person checks the
  // unsure ones (a merge's or split's draft, or a 1–1 pair below 0.8) first.
  if (row.aligned !== undefined) {
    const confidence = Math.round(row.aligned * 100)
    out += `<p class="aligned${row.aligned < 0.8 ? ' unsure' : ''}" title="${esc(s.alignedTitle({ confidence }))}">${esc(s.aligned({ confidence }))}</p>`
  }
  // A rejection's reason stays on the row until the text is edited: the translator's to-do.
  const rejection = tr.rejection ? s.rejectedBy({ author: tr.author ?? '', reason: tr.rejection.reason }) : undefined
  if (rejection) out += `<p class="rejection" role="note">${esc(rejection)}</p>`
  out += `</div>${stateMark(s, tr.state, tr.stale)}${commentCountHtml(ctx.t, ctx.commentCounts?.[unit.id] ?? 0)}`
  if (active) {
    const action = `${unitPath(ctx, unit.id)}${ctx.back}&active=${encodeURIComponent(active.next)}`
    const clearable = tr.state !== 'initial' || tr.text !== ''
    out += panelHtml(ctx, {
      unitId: unit.id,
      n,
      version: tr.version,
      action,
      tokens,
      codes: codes.length > 0,
      hints: hintList,
      who,
      clearable,
      confirmable: tr.stale && tr.state !== 'rejected' && tr.version > 0,
      rejectable: tr.state === 'translated' || tr.state === 'reviewed' || tr.state === 'final',
      rejection,
    })
  }
  return `${out}</div>`
}
