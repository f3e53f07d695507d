import { diffChars, diffWords } from 'diff'
import type { DiffPart } from './types.js'

/**
 * How `from` (a memory entry's source) became `to` (the segment), word by word, or character by
 * character for a language written without spaces (`byChar`).
 */
export function wordDiff(from: string, to: string, byChar = false): DiffPart[] {
  return (byChar ? diffChars(from, to) : diffWords(from, to)).map((c) => ({
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }))
}
