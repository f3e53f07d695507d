/**
 * Gale and Church's length model (1993, "A program for aligning sentences in bilingual
 * corpora"): the length of a translation is about `c` times its source's, with a variance that
 * grows with the length (`s2` per character). A bead's cost is -log of its kind's prior times
 * the probability of a length difference at least as large as the one seen.
 */
import type { BeadKind } from './types.js'

/** Priors of the bead kinds, from Gale and Church's hand-aligned sample (2–2 left out). */
export const BEAD_PRIORS: Record<BeadKind, number> = {
  '1-1': 0.89,
  '1-0': 0.0099 / 2,
  '0-1': 0.0099 / 2,
  '2-1': 0.089 / 2,
  '1-2': 0.089 / 2,
}

/** Their variance per character; `c` is measured per document pair instead of fixed at 1. */
export const VARIANCE_PER_CHAR = 6.8

/** -log P(|δ| ≥ observed) for sides of `l1` and `l2` characters, with ratio `c`. */
export function lengthCost(l1: number, l2: number, c: number): number {
  if (l1 === 0 && l2 === 0) return 0
  const mean = (l1 + l2 / c) / 2
  const z = Math.abs((l2 - l1 * c) / Math.sqrt(Math.max(mean, 1) * VARIANCE_PER_CHAR))
  const p = 2 * (1 - normalCdf(z))
  return -Math.log(Math.max(p, 1e-12))
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z))
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2)
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return z >= 0 ? 1 - p : p
}
