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

/** Whether a unit already has a translation that alignment must leave alone. */
export const hasTranslation = (t: { version: number; text: string }): boolean => t.version > 0 && t.text !== ''
