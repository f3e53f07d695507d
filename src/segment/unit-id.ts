import { createHash } from 'node:crypto'
import { normalizeForCompare } from '../model/text.js'

/**
 * Propose unit ids for the sentences of one article: a hash of the article id and the normalised
 * sentence, with an occurrence counter for repeated sentences (`…-2`, `…-3`), so segmenting the
 * same text twice gives the same ids. Once stored, an id is opaque: alignment decides which id a
 * unit keeps, and never recomputes it from the text.
 */
export function proposeUnitIds(articleId: string, sources: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return sources.map((source) => {
    const hash = createHash('sha1')
      .update(articleId)
      .update('\0')
      .update(normalizeForCompare(source))
      .digest('hex')
      .slice(0, 12)
    const n = (seen.get(hash) ?? 0) + 1
    seen.set(hash, n)
    return n === 1 ? hash : `${hash}-${n}`
  })
}
