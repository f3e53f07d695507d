import { InvalidInput } from './errors.js'

/**
 * Where the text of a write came from when its author did not type it: a translation-memory
 * match, with the score it had (0–100 fuzzy to exact, 101 exact with the same neighbours), or a
 * machine translation, with the engine that made it. `edited: true` says the author changed the
 * inserted text before saving: the text is then the author's own (it counts as human and enters
 * the memory), and the origin only says what it was edited from. Without any origin (null) the
 * text is the author's own.
 */
export type TranslationOrigin = MemoryOrigin | MtOrigin

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

/** The kinds of origin a write may name (`aligned` joins with the alignment issue). */
export const ORIGIN_KINDS = ['memory', 'mt'] as const

/** Highest memory score: an exact match whose neighbours match too. */
export const MAX_MATCH_SCORE = 101

/** An engine name as configured: lower-case letters, digits and `-`, 1–31 characters. */
export const ENGINE_NAME = /^[a-z][a-z0-9-]{0,30}$/

/** Whether a write's text counts as a machine's or memory's (not edited by its author). */
export function unedited(origin: TranslationOrigin | null | undefined): origin is TranslationOrigin {
  return !!origin && origin.edited !== true
}

/**
 * Refuse an origin that is not a memory match with a whole score 0–101 or a machine translation
 * with an engine name. The HTTP edge and the editor check the same with zod; this guards callers
 * that reach the store directly (CLI, tests).
 */
export function checkOrigin(origin: unknown): asserts origin is TranslationOrigin | null | undefined {
  if (origin === undefined || origin === null) return
  const o = origin as Record<string, unknown>
  if (typeof origin !== 'object' || !(ORIGIN_KINDS as readonly unknown[]).includes(o.kind)) {
    throw new InvalidInput(
      `an origin must be {"kind": "memory", "score": 0–${MAX_MATCH_SCORE}} or {"kind": "mt", "engine": NAME}`,
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
  const score = o.score
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_MATCH_SCORE) {
    throw new InvalidInput(
      `a memory origin's score must be a whole number 0–${MAX_MATCH_SCORE}, not ${String(score)}`,
      'invalid-origin',
    )
  }
}
