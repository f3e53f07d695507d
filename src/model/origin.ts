import { InvalidInput } from './errors.js'

/**
 * Where the text of a write came from when its author did not type it: a translation-memory
 * match, with the score it had (0–100 fuzzy to exact, 101 exact with the same neighbours). Set
 * only when the text written is exactly the match; a match edited before saving is the author's
 * own text, with no origin (null), so the score always describes the text it stands beside.
 */
export interface TranslationOrigin {
  kind: 'memory'
  score: number
}

/** The kinds of origin a write may name (machine translation may join later). */
export const ORIGIN_KINDS = ['memory'] as const

/** Highest memory score: an exact match whose neighbours match too. */
export const MAX_MATCH_SCORE = 101

/**
 * Refuse an origin that is not a memory match with a whole score 0–101. The HTTP edge and the
 * editor check the same with zod; this guards callers that reach the store directly (CLI, tests).
 */
export function checkOrigin(origin: unknown): asserts origin is TranslationOrigin | null | undefined {
  if (origin === undefined || origin === null) return
  const o = origin as Partial<TranslationOrigin>
  if (typeof origin !== 'object' || !(ORIGIN_KINDS as readonly unknown[]).includes(o.kind)) {
    throw new InvalidInput(
      `an origin must be {"kind": "memory", "score": 0–${MAX_MATCH_SCORE}}`,
      'invalid-origin',
    )
  }
  const score = o.score
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_MATCH_SCORE) {
    throw new InvalidInput(
      `a memory origin's score must be a whole number 0–${MAX_MATCH_SCORE}, not ${String(score)}`,
      'invalid-origin',
    )
  }
}
