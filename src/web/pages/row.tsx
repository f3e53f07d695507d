import type { T } from '../i18n.js'
import type { Row } from '../editor-data.js'
import { type Hint, hintKey, qualityHints } from '../hints.js'
import { sourceDiff } from '../source-diff.js'
import { findTokens, insertableTokens } from '../tokens.js'

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

/** The hints list of a row (the script rebuilds it the same way after a save in place). */
function hintsHtml(s: ReturnType<typeof rowStrings>, hints: Hint[]): string {
  let out = '<ul class="hints">'
  for (const h of hints) {
    out += `<li data-hint="${esc(hintKey(h))}"><span>${esc(s.hint(h))}</span><button type="button" class="dismiss">${esc(s.dismiss)}</button></li>`
  }
  return `${out}</ul>`
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
    borrowed: fill(t('editor.borrowed', { form: '{form}' })),
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
 * posts on its own, so the page works without the script. Built as a string with every value
 * through {@link esc}, not with JSX: this runs for every row of a long article, and hono/jsx's
 * element objects cost most of the page's render time.
 */
export function segmentRowHtml(row: Row, ctx: RowContext): string {
  const { unit, tr } = row
  const { s } = ctx
  const n = unit.position
  const action = esc(
    `/edit/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(ctx.lang)}/${encodeURIComponent(unit.id)}`,
  )
  const src = `lang="${esc(ctx.srcLang)}" dir="${ctx.srcDir}"`
  const tgt = `lang="${esc(ctx.lang)}" dir="${ctx.dir}"`
  const cls = `seg state-${tr.state}${tr.stale ? ' is-stale' : ''}${row.paragraphStart ? ' para' : ''}`
  const open = tr.state === 'initial' || tr.stale ? '1' : '0'
  // What the target must keep, for the script's warning while typing (the server's hints after a
  // save also count repeats and emphasis).
  const keep = [
    ...new Set(
      findTokens(unit.source)
        .filter((t) => t.kind !== 'emphasis')
        .map((t) => t.keep),
    ),
  ]
  const keepAttr = keep.length > 0 ? ` data-keep="${esc(JSON.stringify(keep))}"` : ''
  let out = `<div class="${cls}" id="u-${esc(unit.id)}" data-unit="${esc(unit.id)}" data-version="${tr.version}" data-state="${tr.state}" data-open="${open}"${keepAttr}><div class="src"><span class="num">`
  if (row.paragraphStart) {
    out += `<span class="pilcrow" aria-hidden="true">¶</span><span class="sr-only">${esc(s.paragraph)}</span>`
  }
  out += `${n}</span><p class="source" ${src}>${esc(unit.source)}</p>`
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
  if (ctx.canWrite) {
    const rows = Math.min(
      8,
      Math.max(2, Math.ceil(Math.max(unit.source.length, tr.text.length) / 55)),
    )
    out += `<form method="post" action="${action}${esc(ctx.back)}"><input type="hidden" name="_csrf" value="${esc(ctx.csrf)}"/><input type="hidden" name="version" value="${tr.version}"/>`
    out += `<label class="sr-only" for="t-${n}">${esc(s.targetLabel({ n }))}</label>`
    // A newline right after <textarea> is dropped by the parser, so a text starting with one
    // keeps it only when another newline goes first.
    out += `<textarea id="t-${n}" name="text" ${tgt} rows="${rows}" spellcheck="true">${tr.text.startsWith('\n') ? '\n' : ''}${esc(tr.text)}</textarea>`
    const tokens = insertableTokens(unit.source)
    if (tokens.length > 0) {
      out += `<p class="tokens"><span>${esc(s.tokens)}:</span>`
      tokens.forEach((tok, i) => {
        out += `<button type="button" class="token" data-token="${esc(tok.text)}" title="${esc(s.insertToken({ n: i + 1, token: tok.text }))}">${esc(tok.text)}</button>`
      })
      out += '</p>'
    }
    out += `<div class="actions"><button type="submit" name="state" value="translated" class="save">${esc(s.save)}</button>`
    if (ctx.canReview) {
      out += `<button type="submit" name="state" value="reviewed" class="review">${esc(s.saveReviewed)}</button>`
    }
    out += `<button type="button" class="copy" hidden>${esc(s.copySource)}</button><a href="${action}/history">${esc(s.history)}</a></div></form>`
  } else {
    out += `<p class="target" ${tgt}>${esc(tr.text)}</p>`
  }
  out += hintsHtml(s, tr.text === '' ? [] : qualityHints(unit.source, tr.text))
  out += `<p class="status" role="status"></p><p class="meta"><span class="badge state-${tr.state}">${esc(s.states[tr.state])}</span>`
  if (tr.stale) out += `<span class="badge stale">${esc(s.stale)}</span>`
  const who =
    tr.author && tr.updatedAt
      ? s.lastChanged({ author: tr.author, when: ctx.when(tr.updatedAt) })
      : s.never
  return `${out} ${esc(who)}</p></div></div>`
}
