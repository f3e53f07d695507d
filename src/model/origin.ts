import { InvalidInput } from './errors.js'

/**
 * Where the text of a write came from when its author did not type it: a translation-memory
 * match, with the score it had (0–100 fuzzy to exact, 101 exact with the same neighbours), or a
 * machine translation, with the engine that made it. `edited: true` says the author changed the
 * inserted text before saving: the text is then the author's own (it counts as human and enters
 * the memory), and the origin only says what it was edited from. Without any origin (null) the
 * text is the author's own.
 */
export type TranslationOrigin = MemoryOrigin | MtOrigin | AlignedOrigin

/** A memory match taken as it was (or, `edited`, changed before saving). */
export interface MemoryOrigin {
  kind: 'memory'
  score: number
  edited?: boolean
}

/** A machine translation taken as it was (or, `edited`, changed before saving). */
export interface MtOrigin {
  kind: 'mt'
  /** The configured engine's name (`apertium`, `deepl`, a name given with NAME=KIND:URL). */
  engine: string
  edited?: boolean
}

/**
 * A sentence of an existing translation paired with the unit by `tolk align` (src/bitext/), with
 * the aligner's confidence in the pairing, 0–1 (stored in thousandths). It has no score.
 */
export interface AlignedOrigin {
  kind: 'aligned'
  confidence: number
  edited?: boolean
}

/** The kinds of origin a write may name. */
export const ORIGIN_KINDS = ['memory', 'mt', 'aligned'] as const

/** Confidences are kept to three decimals (the store keeps thousandths). */
export function roundConfidence(c: number): number {
  return Math.round(c * 1000) / 1000
}

/** Highest memory score: an exact match whose neighbours match too. */
export const MAX_MATCH_SCORE = 101

/** An engine name as configured: lower-case letters, digits and `-`, 1–31 characters. */
export const ENGINE_NAME = /^[a-z][a-z0-9-]{0,30}$/

/** Whether a write's text counts as a machine's or memory's (not edited by its author). */
export function unedited(origin: TranslationOrigin | null | undefined): origin is TranslationOrigin {
  return !!origin && origin.edited !== true
}

/**
 * Refuse an origin that is not a memory match with a whole score 0–101, a machine translation
 * with an engine name, or an aligned sentence with a confidence 0–1. The HTTP edge and the editor check the same with zod; this guards callers
 * that reach the store directly (CLI, tests).
 */
export function checkOrigin(origin: unknown): asserts origin is TranslationOrigin | null | undefined {
  if (origin === undefined || origin === null) return
  const o = origin as Record<string, unknown>
  if (typeof origin !== 'object' || !(ORIGIN_KINDS as readonly unknown[]).includes(o.kind)) {
    throw new InvalidInput(
      `an origin must be {"kind": "memory", "score": 0–${MAX_MATCH_SCORE}}, {"kind": "mt", "engine": NAME} or {"kind": "aligned", "confidence": 0–1}`,
      'invalid-origin',
    )
  }
  if (o.edited !== undefined && typeof o.edited !== 'boolean') {
    throw new InvalidInput('an origin\'s "edited" is true or false', 'invalid-origin')
  }
  if (o.kind === 'mt') {
    if (typeof o.engine !== 'string' || !ENGINE_NAME.test(o.engine)) {
      throw new InvalidInput(`a machine origin's engine is a configured engine's name, not ${JSON.stringify(o.engine)}`, 'invalid-origin')
    }
    return
  }
  if (o.kind === 'aligned') {
    const c = o.confidence
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1) {
      throw new InvalidInput(`an aligned origin's confidence is a number 0–1, not ${String(c)}`, 'invalid-origin')
    }
    return
  }
  const score = o.score
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_MATCH_SCORE) {
    throw new InvalidInput(
      `a memory origin's score must be a whole number 0–${MAX_MATCH_SCORE}, not ${String(score)}`,
      'invalid-origin',
    )
  }
}

/** The aligned confidence a history entry stores, in thousandths 0–1000; null for other kinds. */
export function alignedThousandths(origin: TranslationOrigin | null | undefined): number | null {
  return origin?.kind === 'aligned' ? Math.round(origin.confidence * 1000) : null
}
