import { canRead, refuseWrite } from '../../auth/permissions.js'
import type { Sessions } from '../../auth/sessions.js'
import type { Principal } from '../../auth/types.js'

/** Why a stream ended: its session or token is gone, or its grants no longer cover it. */
export type EndReason = 'signed-out' | 'rights-changed'

/** Whether a stream may go on: until when (ms since the epoch; Infinity: no end of its own), or why not. */
export type Right = { until: number } | { end: EndReason }

/**
 * What following one language of an article needs, looked at again while the stream is open:
 * the right to read at all, and, for a reader who could write the language when the stream
 * opened (the editor then offers to save), still the right to write it. A translator whose
 * grant for the language is taken back gets an end, and the editor reloads read-only.
 */
export function followRight(now: Principal | undefined, lang: string, couldWrite: boolean, until: number): Right {
  if (!now) return { end: 'signed-out' }
  if (!canRead(now)) return { end: 'rights-changed' }
  if (couldWrite && refuseWrite(now, lang, 'translated') !== undefined) return { end: 'rights-changed' }
  return { until }
}

/** Whether `p` may write `lang` now: what {@link followRight} keeps to. */
export function canWriteLang(p: Principal, lang: string): boolean {
  return refuseWrite(p, lang, 'translated') === undefined
}

/**
 * The right of a stream on a browser's session, looked at again: the session as it is now (peeked,
 * not found: looking again must not keep it alive), until it expires.
 */
export async function sessionRight(sessions: Sessions, cookie: string, lang: string, couldWrite: boolean): Promise<Right> {
  const now = await sessions.peek(cookie)
  return followRight(now?.principal, lang, couldWrite, now ? Date.parse(now.expiresAt) : 0)
}
