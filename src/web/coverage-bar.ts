import type { CoverageCounts } from '../store/types.js'

/** One language's coverage split into parts that do not overlap, for a bar and its legend. */
export interface BarParts {
  reviewed: number
  translated: number
  stale: number
  untranslated: number
  total: number
}

/**
 * Split counts (units or words) into reviewed (incl. final), translated, stale and untranslated.
 * The store counts a stale unit in its state and again in `stale`; the stale share is taken out
 * of translated first, then out of reviewed, so the parts add up to the total.
 */
export function barParts(c: CoverageCounts['units']): BarParts {
  const fromTranslated = Math.min(c.stale, c.translated)
  const fromReviewed = Math.min(c.stale - fromTranslated, c.reviewed + c.final)
  const parts = {
    reviewed: c.reviewed + c.final - fromReviewed,
    translated: c.translated - fromTranslated,
    stale: fromTranslated + fromReviewed,
    untranslated: c.initial,
  }
  return { ...parts, total: parts.reviewed + parts.translated + parts.stale + parts.untranslated }
}

/** Segments done (translated or better, not stale) and left, for the editor's progress bar. */
export function progressOf(c: CoverageCounts['units']): {
  done: number
  total: number
  left: number
} {
  const p = barParts(c)
  const done = p.reviewed + p.translated
  return { done, total: p.total, left: p.total - done }
}
