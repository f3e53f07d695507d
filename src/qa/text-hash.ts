import { createHash } from 'node:crypto'

/**
 * What a dismissal is tied to: a hash of the unit's source and its translation. A change of
 * either (a new translation, a source edited on re-import) brings the finding back.
 */
export function textHash(source: string, target: string): string {
  return createHash('sha256').update(source).update('\u0000').update(target).digest('base64url').slice(0, 22)
}
