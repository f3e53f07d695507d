import { InvalidInput } from '../model/errors.js'
import { type Anchors, anchorCost, anchorsOf, type AnchorWeights, DEFAULT_ANCHOR_WEIGHTS, mergeAnchors } from './anchors.js'
import { BEAD_PRIORS, lengthCost } from './length-cost.js'
import type { Bead, BeadKind } from './types.js'

/** One sentence to align: its text (tagged text) and the block (paragraph) it is in. */
export interface Sentence {
  text: string
  block: number
}

/** Options of {@link alignSentences}. */
export interface AlignOptions {
  /** Use anchors (numbers, names, punctuation, codes); false is plain Gale–Church. Default true. */
  anchors?: boolean
  /** Keep a bead's sentences inside one paragraph. Default true. */
  blocks?: boolean
  weights?: AnchorWeights
  /**
   * Gale and Church as published, the bench's peer: lengths only (no anchors, no paragraphs),
   * one pass with the totals' ratio, and a sentence left out costed by its length too.
   */
  published?: boolean
}

/** The most cells of the dynamic programme (about 200 MB). */
const MAX_CELLS = 3_000_000

const KINDS: ReadonlyArray<{ kind: BeadKind; di: number; dj: number }> = [
  { kind: '1-1', di: 1, dj: 1 },
  { kind: '1-0', di: 1, dj: 0 },
  { kind: '0-1', di: 0, dj: 1 },
  { kind: '2-1', di: 2, dj: 1 },
  { kind: '1-2', di: 1, dj: 2 },
]

// A bead whose two sentences on one side lie in different paragraphs: rare in real translations.
// (A cost for a bead that ends a paragraph on one side only was tried and dropped: it misplaced
// the 1–0 and 0–1 beads at paragraph ends of the gold set.)
const ACROSS_BLOCKS = 6

/**
 * Align two sentence lists (Gale–Church dynamic programming over 1–1, 1–0, 0–1, 2–1 and 1–2
 * beads, refined by anchors). The best path is Viterbi's; each bead's confidence is its posterior
 * probability over all paths (forward–backward over the same costs), so a bead that another
 * nearly as good path would pair differently gets a low one.
 */
export function alignSentences(source: readonly Sentence[], target: readonly Sentence[], opts: AlignOptions = {}): Bead[] {
  const l1 = source.map(charLength)
  const l2 = target.map(charLength)
  const total1 = l1.reduce((a, b) => a + b, 0)
  const total2 = l2.reduce((a, b) => a + b, 0)
  // The length ratio of this pair of documents (Swedish runs a little longer than English), first
  // from the totals; a sentence left out skews those, so the ratio is measured again on the
  // first pass's 1–1 pairs and the documents aligned once more with it.
  const first = alignWith(source, target, l1, l2, total1 > 0 && total2 > 0 ? total2 / total1 : 1, opts)
  if (opts.published) return first
  let s1 = 0
  let s2 = 0
  for (const b of first) {
    if (b.kind !== '1-1') continue
    s1 += l1[b.source[0]!]!
    s2 += l2[b.target[0]!]!
  }
  if (s1 === 0 || s2 === 0) return first
  return alignWith(source, target, l1, l2, s2 / s1, opts)
}

const charLength = (s: Sentence): number => [...s.text.replace(/⟦[^⟧]{1,40}⟧/gu, '')].length

function alignWith(
  source: readonly Sentence[],
  target: readonly Sentence[],
  l1: readonly number[],
  l2: readonly number[],
  c: number,
  opts: AlignOptions,
): Bead[] {
  const n = source.length
  const m = target.length
  if (n === 0 || m === 0) {
    return [
      ...source.map((_, i): Bead => ({ kind: '1-0', source: [i], target: [], confidence: 1 })),
      ...target.map((_, j): Bead => ({ kind: '0-1', source: [], target: [j], confidence: 1 })),
    ]
  }
  const useAnchors = !opts.published && (opts.anchors ?? true)
  const useBlocks = !opts.published && (opts.blocks ?? true)
  const weights = opts.weights ?? DEFAULT_ANCHOR_WEIGHTS
  const a1: Anchors[] = useAnchors ? source.map((s) => anchorsOf(s.text)) : []
  const a2: Anchors[] = useAnchors ? target.map((s) => anchorsOf(s.text)) : []
  const endsBlock = (list: readonly Sentence[], i: number) => i === list.length - 1 || list[i + 1]!.block !== list[i]!.block

  /** The cost of the bead that takes source [i-di, i) and target [j-dj, j). */
  const beadCost = (i: number, j: number, di: number, dj: number, kind: BeadKind): number => {
    let sl = 0
    let tl = 0
    for (let k = i - di; k < i; k++) sl += l1[k]!
    for (let k = j - dj; k < j; k++) tl += l2[k]!
    // A sentence left out is no translation of length 0: its length says nothing, and Gale and
    // Church's distance would make leaving out a long sentence dearer than any wrong merge.
    let cost = -Math.log(BEAD_PRIORS[kind]) + ((di > 0 && dj > 0) || opts.published ? lengthCost(sl, tl, c) : 0)
    if (useAnchors) cost += anchorCost(mergeAnchors(a1.slice(i - di, i)), mergeAnchors(a2.slice(j - dj, j)), weights)
    if (useBlocks) {
      if (di === 2 && endsBlock(source, i - 2)) cost += ACROSS_BLOCKS
      if (dj === 2 && endsBlock(target, j - 2)) cost += ACROSS_BLOCKS
    }
    return cost
  }

  // A band around the diagonal keeps long documents linear in memory; short ones are whole.
  const width = Math.max(100, Math.abs(n - m) + 60)
  const lo = (i: number) => Math.max(0, Math.floor((i * m) / n) - width)
  const hi = (i: number) => Math.min(m, Math.ceil((i * m) / n) + width)
  // About 65 bytes a cell: two documents too long and too unlike in length are refused.
  let cells = 0
  for (let i = 0; i <= n; i++) cells += hi(i) - lo(i) + 1
  if (cells > MAX_CELLS) {
    throw new InvalidInput(`${n} units against ${m} sentences are too many, or too unlike in number, to align in one go: align the document in parts`, 'file-too-large')
  }
  const rows = (fill: number) => Array.from({ length: n + 1 }, (_, i) => new Float64Array(hi(i) - lo(i) + 1).fill(fill))
  const at = (t: Float64Array[], i: number, j: number) => (i < 0 || j < lo(i) || j > hi(i) ? Infinity : t[i]![j - lo(i)]!)
  const best = rows(Infinity) // Viterbi: the least cost to reach (i, j)
  const back = Array.from({ length: n + 1 }, (_, i) => new Int8Array(hi(i) - lo(i) + 1).fill(-1))
  const fwd = rows(Infinity) // forward: -log of the summed weight of every path to (i, j)
  // The cost of the bead of kind k ending at (i, j), NaN where there is none; reused backward.
  const K = KINDS.length
  const costs = Array.from({ length: n + 1 }, (_, i) => new Float64Array((hi(i) - lo(i) + 1) * K).fill(Number.NaN))
  const costAt = (i: number, j: number, k: number): number =>
    i > n || j < lo(i) || j > hi(i) ? Number.NaN : costs[i]![(j - lo(i)) * K + k]!
  best[0]![0] = 0
  fwd[0]![0] = 0
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      if (i === 0 && j === 0) continue
      let b = Infinity
      let arg = -1
      let f = Infinity
      for (let k = 0; k < KINDS.length; k++) {
        const { kind, di, dj } = KINDS[k]!
        if (i < di || j < dj) continue
        const before = at(best, i - di, j - dj)
        if (before === Infinity) continue
        const cost = beadCost(i, j, di, dj, kind)
        costs[i]![(j - lo(i)) * K + k] = cost
        if (before + cost < b) {
          b = before + cost
          arg = k
        }
        f = logAddNeg(f, at(fwd, i - di, j - dj) + cost)
      }
      best[i]![j - lo(i)] = b
      back[i]![j - lo(i)] = arg
      fwd[i]![j - lo(i)] = f
    }
  }
  // Backward: -log of the summed weight of every path from (i, j) to the end.
  const bwd = rows(Infinity)
  bwd[n]![m - lo(n)] = 0
  for (let i = n; i >= 0; i--) {
    for (let j = hi(i); j >= lo(i); j--) {
      if (i === n && j === m) continue
      let v = Infinity
      for (let k = 0; k < KINDS.length; k++) {
        const { di, dj } = KINDS[k]!
        const cost = costAt(i + di, j + dj, k)
        if (Number.isNaN(cost)) continue
        v = logAddNeg(v, cost + at(bwd, i + di, j + dj))
      }
      bwd[i]![j - lo(i)] = v
    }
  }
  const all = at(fwd, n, m)
  const beads: Bead[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const k = back[i]![j - lo(i)]!
    const { kind, di, dj } = KINDS[k]!
    const cost = costAt(i, j, k)
    const posterior = Math.exp(-(at(fwd, i - di, j - dj) + cost + at(bwd, i, j) - all))
    beads.push({
      kind,
      source: range(i - di, i),
      target: range(j - dj, j),
      confidence: Math.min(1, Math.max(0, posterior)),
    })
    i -= di
    j -= dj
  }
  return beads.reverse()
}

/** -log(e^-a + e^-b), without underflow. */
function logAddNeg(a: number, b: number): number {
  if (a === Infinity) return b
  if (b === Infinity) return a
  const lo = Math.min(a, b)
  return lo - Math.log1p(Math.exp(-(Math.abs(a - b))))
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k)
