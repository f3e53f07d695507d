import type { Principal } from '../auth/types.js'
import { TolkError } from '../model/errors.js'
import { requireSummary } from '../store/require-article.js'
import type { Store } from '../store/types.js'
import { unknownComment } from './comment-rules.js'
import { refuseComment, refuseCommentChange } from './comment-rights.js'
import type { Comment } from './comment-types.js'

/** A 403 as a TolkError, so the API and the editor map it the same way. */
const forbidden = (why: string) => new TolkError('forbidden', why, 403)

/** The target languages of a live article; NotFound, or Archived (409) since a comment is a write. */
async function liveTargets(store: Store, id: string): Promise<string[]> {
  return (await requireSummary(store, id, 'write')).targets
}

/**
 * The operations every surface (API, editor, CLI) runs, with the rights of `who` checked first:
 * add (to the thread of a unit, in a language or on the source), reply, edit, resolve, delete.
 */
export function commentActions(store: Store, who: Principal) {
  const mayComment = async (article: string, lang: string | undefined) => {
    const refusal = refuseComment(who, await liveTargets(store, article), lang)
    if (refusal) throw forbidden(refusal)
  }
  const existing = async (id: number): Promise<Comment> => {
    const c = await store.comments.get(id)
    if (!c) throw unknownComment(id)
    return c
  }
  const mayChange = async (id: number) => {
    const c = await existing(id)
    const refusal = refuseCommentChange(who, c)
    if (refusal) throw forbidden(refusal)
    return c
  }
  const by = who.account
  return {
    async add(input: { article: string; unit: string; lang?: string; kind: 'comment' | 'query'; text: string }) {
      await mayComment(input.article, input.lang)
      return store.comments.add({ ...input, by })
    },
    async reply(id: number, text: string) {
      const c = await existing(id)
      await mayComment(c.article, c.lang)
      return store.comments.reply(id, { text, by })
    },
    async edit(id: number, text: string, ifVersion?: number) {
      await mayChange(id)
      return store.comments.edit(id, text, { by, ...(ifVersion !== undefined ? { ifVersion } : {}) })
    },
    /** Whoever may comment in the thread may resolve its query. */
    async resolve(id: number, ifVersion?: number) {
      const c = await existing(id)
      await mayComment(c.article, c.lang)
      return store.comments.resolve(id, { by, ...(ifVersion !== undefined ? { ifVersion } : {}) })
    },
    async remove(id: number, ifVersion?: number) {
      await mayChange(id)
      return store.comments.remove(id, { by, ...(ifVersion !== undefined ? { ifVersion } : {}) })
    },
  }
}
