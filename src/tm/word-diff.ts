import { diffWords } from 'diff'
import type { DiffPart } from './types.js'

/** How `from` (a memory entry's source) became `to` (the segment), word by word. */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((c) => ({
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }))
}
