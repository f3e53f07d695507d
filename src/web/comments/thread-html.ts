import type { T } from '../i18n.js'
import { esc } from '../pages/row.js'
import type { Comment, CommentThread } from '../../team/comment-types.js'
import { isOpenQuery } from '../../team/threads.js'

/** What the comments section of the panel needs besides the threads. */
export interface ThreadContext {
  t: T
  csrf: string
  /** `/edit/ARTICLE/LANG`: where the session routes are. */
  base: string
  unitId: string
  lang: string
  langName: string
  /** May write in this language (and so comment), and may comment on the source. */
  canComment: boolean
  canCommentSource: boolean
  /** The query string the forms return to (the editor's filter and page, with `active`). */
  back: string
  /** Who reads (their own comments get a Delete button), and whether an admin (every comment). */
  me: string
  admin: boolean
  when: (iso: string) => string
}

// `@name` as it is shown: escaped text, the name marked (never a link to follow blindly).
const MENTION = /(?<![A-Za-z0-9._-])@([A-Za-z0-9._-]{1,100})/g

/** A comment's text, escaped, with line breaks kept and mentions marked. */
export function commentText(text: string): string {
  return esc(text).replace(MENTION, (m) => `<span class="mention">${m}</span>`).replace(/\n/g, '<br/>')
}

function commentHtml(c: Comment, x: ThreadContext): string {
  const { t } = x
  const head = `<span class="who">${esc(t('comments.by', { name: c.author, when: '\u0000' })).replace('\u0000', `<time datetime="${esc(c.createdAt)}">${esc(x.when(c.createdAt))}</time>`)}</span>`
  let out = `<li class="comment${c.parent ? ' reply' : ''}" id="c-${c.id}" data-comment="${c.id}"><p class="comment-head">${head}`
  if (!c.parent) {
    out += ` <span class="scope">${esc(c.lang ?? t('comments.source'))}</span>`
    if (c.kind === 'query') {
      const state = c.resolved ? t('comments.resolvedBy', { name: c.resolved.by }) : c.answeredAt ? t('comments.answered') : t('comments.open')
      out += ` <span class="query-state${isOpenQuery(c) ? ' is-open' : ''}">${esc(t('comments.query'))}: ${esc(state)}</span>`
    }
  }
  if (c.edited && !c.deleted) out += ` <span class="edited">(${esc(t('comments.edited'))})</span>`
  out += '</p>'
  out += c.deleted
    ? `<p class="comment-text deleted">${esc(t('comments.deletedBy', { name: c.deleted.by }))}</p>`
    : `<p class="comment-text" dir="auto">${commentText(c.text)}</p>`
  // Deleting keeps the comment and its history; it then shows who deleted it.
  if (!c.deleted && (x.admin || c.author === x.me)) {
    out += form(x, `comments/${c.id}/delete`, 'delete-form', `<button type="submit" class="delete">${esc(t('comments.delete'))}</button>`)
  }
  return `${out}</li>`
}

/** A form that posts to a session route with the CSRF token, returning to the editor. */
function form(x: ThreadContext, action: string, cls: string, inner: string): string {
  return `<form class="${cls}" method="post" action="${esc(`${x.base}/${action}${x.back}`)}"><input type="hidden" name="_csrf" value="${esc(x.csrf)}"/>${inner}</form>`
}

/**
 * The comments section of the active segment's panel. Its fields are one-line inputs (Enter
 * posts): the segment's translation stays the row's only textarea, which the editor's keys and
 * its tests rely on; a comment of several paragraphs goes through the API or the CLI. Each thread with its replies, a reply
 * field and (for an open query) a resolve button, then the form that starts a thread. Plain forms
 * (CSRF token, a redirect back): they work without the script, which posts them in place.
 */
export function threadsHtml(threads: readonly CommentThread[], x: ThreadContext): string {
  const { t } = x
  const count = threads.reduce((n, th) => n + [th, ...th.replies].filter((c) => !c.deleted).length, 0)
  let out = `<section class="comments" id="comments" data-unit="${esc(x.unitId)}" data-count="${count}" aria-labelledby="comments-title">`
  out += `<h2 id="comments-title">${esc(t('comments.title'))} <span class="n">(${count})</span></h2>`
  if (threads.length === 0) out += `<p class="none">${esc(t('comments.none'))}</p>`
  for (const th of threads) {
    const mayWrite = th.lang === undefined ? x.canCommentSource : x.canComment
    out += `<ul class="thread">${commentHtml(th, x)}${th.replies.map((r) => commentHtml(r, x)).join('')}</ul>`
    if (!mayWrite || th.deleted) continue
    const id = `reply-${th.id}`
    out += form(x, `comments/${th.id}/reply`, 'reply-form',
      `<label class="sr-only" for="${id}">${esc(t('comments.replyLabel', { id: th.id }))}</label><input type="text" id="${id}" name="text" maxlength="10000" autocomplete="off" required/><button type="submit">${esc(t('comments.reply'))}</button>`)
    if (isOpenQuery(th)) out += form(x, `comments/${th.id}/resolve`, 'resolve-form', `<button type="submit">${esc(t('comments.resolve'))}</button>`)
  }
  if (x.canComment || x.canCommentSource) {
    let inner = `<label for="comment-text">${esc(t('comments.add'))}</label><input type="text" id="comment-text" name="text" maxlength="10000" autocomplete="off" required/>`
    inner += `<label for="comment-kind">${esc(t('comments.kind'))}</label><select id="comment-kind" name="kind"><option value="comment">${esc(t('comments.kinds.comment'))}</option><option value="query">${esc(t('comments.kinds.query'))}</option></select>`
    inner += `<label for="comment-scope">${esc(t('comments.scope'))}</label><select id="comment-scope" name="scope">`
    if (x.canComment) inner += `<option value="lang">${esc(t('comments.scopeLang', { lang: x.langName }))}</option>`
    if (x.canCommentSource) inner += `<option value="source">${esc(t('comments.scopeSource'))}</option>`
    inner += `</select><button type="submit">${esc(t('comments.post'))}</button>`
    out += form(x, `${encodeURIComponent(x.unitId)}/comments`, 'comment-form', inner)
  } else out += `<p class="note">${esc(t('comments.readOnly'))}</p>`
  return `${out}</section>`
}

/** The count on a row with comments: a symbol and the number, and the words for screen readers. */
export function commentCountHtml(t: T, n: number): string {
  return n > 0 ? `<span class="ccount" title="${esc(t('comments.count', { count: n }))}"><b aria-hidden="true">❝${n}</b><span class="sr-only">${esc(t('comments.count', { count: n }))}</span></span>` : ''
}
