import { diffWords } from 'diff'

/** One piece of a word diff: kept, removed from the old source, or added in the new one. */
export interface DiffPart {
  op: 'same' | 'del' | 'ins'
  text: string
}

/**
 * How a unit's source changed since a translation was made (`madeFrom` → current source), word
 * by word, for the stale mark.
 * @example
 * sourceDiff('The cat sat.', 'The dog sat.') // same 'The ', del 'cat', ins 'dog', same ' sat.'
 */
export function sourceDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    op: c.added ? 'ins' : c.removed ? 'del' : 'same',
    text: c.value,
  }))
}
