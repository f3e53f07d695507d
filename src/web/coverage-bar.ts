import type { CoverageCounts } from '../store/types.js'

/** Counts a bar is drawn from: a store's, or one made before `rejected` (read as none). */
export type BarCounts = Omit<CoverageCounts['units'], 'rejected'> & { rejected?: number }

/** One language's coverage split into parts that do not overlap, for a bar and its legend. */
export interface BarParts {
  reviewed: number
  translated: number
  stale: number
  /** Sent back by a reviewer: pending, like untranslated. */
  rejected: number
  untranslated: number
  total: number
}

/**
 * Split counts (units or words) into reviewed (incl. final), translated, stale, rejected and
 * untranslated. The store counts a stale unit in its state and again in `stale`; the stale share
 * is taken out of translated first, then out of reviewed, then out of rejected, so the parts add
 * up to the total.
 */
export function barParts(c: BarCounts): BarParts {
  const rejected = c.rejected ?? 0
  const fromTranslated = Math.min(c.stale, c.translated)
  const fromReviewed = Math.min(c.stale - fromTranslated, c.reviewed + c.final)
  const fromRejected = Math.min(c.stale - fromTranslated - fromReviewed, rejected)
  const parts = {
    reviewed: c.reviewed + c.final - fromReviewed,
    translated: c.translated - fromTranslated,
    stale: fromTranslated + fromReviewed + fromRejected,
    rejected: rejected - fromRejected,
    untranslated: c.initial,
  }
  return { ...parts, total: parts.reviewed + parts.translated + parts.stale + parts.rejected + parts.untranslated }
}

/** Segments done (translated or better, not stale) and left, for the editor's progress bar. */
export function progressOf(c: BarCounts): {
  done: number
  total: number
  left: number
} {
  const p = barParts(c)
  const done = p.reviewed + p.translated
  return { done, total: p.total, left: p.total - done }
}
