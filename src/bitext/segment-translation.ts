import { type DocumentFormat, segmentDocument } from '../documents/index.js'
import { InvalidInput } from '../model/errors.js'
import type { Sentence } from './align-sentences.js'
import type { AlignTarget } from './plan-writes.js'

/** Most sentences a side of an alignment may have (the band keeps memory linear, time is not). */
export const MAX_ALIGN_SENTENCES = 10_000

/**
 * A document split with Tolk's own segmenter (plain text, Markdown or HTML; src/documents/), as
 * sentences to align (with their paragraphs) and as texts with the whitespace after each.
 */
export function segmentTranslation(text: string, format: DocumentFormat, lang: string, name: string): { sentences: Sentence[]; targets: AlignTarget[] } {
  const doc = segmentDocument(text, format, { articleId: 'aligned', tag: 'und-aligned', lang })
  if (doc.units.length > MAX_ALIGN_SENTENCES) {
    throw new InvalidInput(`${name} has ${doc.units.length} sentences; alignment takes at most ${MAX_ALIGN_SENTENCES}: split it`, 'file-too-large')
  }
  return {
    sentences: doc.units.map((u) => ({ text: u.source, block: u.block })),
    targets: doc.units.map((u) => ({ text: u.source, trailing: u.trailing })),
  }
}
