import { hash } from 'node:crypto'
import { normalizeForCompare } from '../../model/text.js'

/**
 * Hash of a sentence as alignment compares it (NFC, folded white space). On its own so that the
 * memory and resource sets can use it without loading the importer (alignment, the diff library).
 */
export function sourceHash(source: string): string {
  // One-shot hash: no Hash object per sentence on the import's hot path.
  return hash('sha256', normalizeForCompare(source), 'base64url').slice(0, 22)
}
