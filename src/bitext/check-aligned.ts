import { InvalidInput } from '../model/errors.js'
import { checkOrigin } from '../model/origin.js'
import { printable } from '../model/tags.js'
import type { AlignedText } from './types.js'

/** Refuse a request of aligned texts that names a unit twice or carries a bad state or confidence. */
export function checkAlignedTexts(texts: readonly AlignedText[]): void {
  const seen = new Set<string>()
  for (const t of texts) {
    if (seen.has(t.unitId)) throw new InvalidInput(`unit ${printable(t.unitId)} is named twice in one alignment`)
    seen.add(t.unitId)
    if (t.state !== 'initial' && t.state !== 'translated') {
      throw new InvalidInput(`an aligned text is stored as initial or translated, not ${printable(String(t.state))}`, 'invalid-state')
    }
    checkOrigin({ kind: 'aligned', confidence: t.confidence })
  }
}

/**
 * What an aligned text does to a unit with translation `current`: `skip` (and list) a unit that
 * already has a translation (text, any state); `none` for an empty draft (a merge's second unit)
 * over a unit written before, which adds nothing; else `write`. Both stores and the dry run
 * decide by it.
 */
export function alignedAction(current: { version: number; text: string }, text: string): 'skip' | 'none' | 'write' {
  if (current.version > 0 && current.text !== '') return 'skip'
  if (text === '' && current.version > 0) return 'none'
  return 'write'
}
