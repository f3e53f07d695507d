import type { Principal } from '../auth/types.js'
import type { Refusal } from '../auth/permissions.js'
import type { Comment } from './comment-types.js'

const isAdmin = (p: Principal) => p.grants.some((g) => g.role === 'admin')
const writes = (p: Principal, lang: string) =>
  p.grants.some((g) => (g.role === 'translator' || g.role === 'reviewer') && g.langs.includes(lang))

/**
 * Commenting on a unit: in a language, its translators and reviewers and admins; on the source
 * (no `lang`), anyone who may translate the article (a translator or reviewer of one of its target
 * languages) and admins. Viewers read only.
 */
export function refuseComment(p: Principal, targets: readonly string[], lang: string | undefined): Refusal {
  if (isAdmin(p)) return undefined
  if (lang !== undefined) {
    return writes(p, lang) ? undefined : `${p.account} may not comment in ${lang}: no translator or reviewer grant for ${lang}`
  }
  return targets.some((t) => writes(p, t))
    ? undefined
    : `${p.account} may not comment on the source: no translator or reviewer grant for a target language of the article (${targets.join(', ') || 'none'})`
}

/** Editing or deleting a comment: its author and admins. */
export function refuseCommentChange(p: Principal, c: Comment): Refusal {
  return isAdmin(p) || p.account === c.author ? undefined : `${p.account} may not change comment ${c.id}: only its author (${c.author}) and admins may`
}
