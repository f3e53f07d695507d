import { InvalidInput, NotFound, TolkError } from '../model/errors.js'
import { parseLanguage } from '../model/tags.js'
import { checkText } from '../model/text-rule.js'
import { COMMENT_KINDS, type Comment, type CommentInput } from './comment-types.js'

/** Longest comment, in UTF-16 code units. */
export const COMMENT_MAX = 10_000

// `@name`: the id rule's characters, not after a letter or digit (so `ann@example.org` is no mention).
const MENTION = /(?<![A-Za-z0-9._-])@([A-Za-z0-9._-]{1,100})/g

/** The account names a text mentions as `@name`, each once, in order; a trailing `.` is punctuation. */
export function mentionsOf(text: string): string[] {
  const names = new Set<string>()
  for (const m of text.matchAll(MENTION)) {
    const name = m[1]!.replace(/[.]+$/, '')
    if (name !== '') names.add(name)
  }
  return [...names]
}

/** A comment's text under the one text rule, at most 10,000 characters and not blank. */
export function checkCommentText(text: unknown): string {
  const s = checkText(text, COMMENT_MAX, 'the comment')
  if (s.trim() === '') throw new InvalidInput('the comment is empty: write something', 'invalid-text')
  return s
}

/** An input checked: text, kind, and the language canonical (BCP 47). */
export function checkCommentInput(input: CommentInput): CommentInput {
  if (!COMMENT_KINDS.includes(input.kind)) throw new InvalidInput(`a comment's kind is comment or query, not ${String(input.kind)}`, 'invalid-input')
  const out: CommentInput = { ...input, text: checkCommentText(input.text) }
  if (input.lang !== undefined) out.lang = parseLanguage(input.lang)
  else delete out.lang
  return out
}

/** The 404 of an unknown comment. */
export function unknownComment(id: number): NotFound {
  return new NotFound(`no comment ${id}`, 'unknown-comment')
}

/** The 412 of a change based on an older version of a comment. */
export function commentConflict(current: number, basedOn: number): TolkError {
  return new TolkError(
    'comment-conflict',
    `the comment is at version ${current}, not ${basedOn}: someone changed it in between; reload it and try again`,
    412,
  )
}

/** The 409 of resolving a remark. */
export function notAQuery(id: number): TolkError {
  return new TolkError('not-a-query', `comment ${id} is a remark, not a query: only queries are resolved`, 409)
}

/** The 409 of changing a deleted comment. */
export function commentDeleted(c: Comment): TolkError {
  return new TolkError('comment-deleted', `comment ${c.id} was deleted by ${c.deleted?.by ?? 'someone'}; it can no longer be changed or answered`, 409)
}

/** A safe id for a lookup: ids past 2^53 or below 1 find nothing. */
export const lookupId = (id: number): number => (Number.isSafeInteger(id) && id > 0 ? id : 0)
