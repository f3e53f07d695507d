/**
 * The in-sequence exact matches ("anchors") between the old and the new list of sentence keys:
 * the longest run of sentences that stayed in the same order. Everything between two anchors is
 * one diff region, where the leftovers are later paired as moves, edits, or left new/obsolete.
 */
import { type ChangeObject, diffArrays } from 'diff'

/** Matched index pairs, both strictly increasing: `oldIndex[k]` ↔ `newIndex[k]`. */
export interface Anchors {
  oldIndex: number[]
  newIndex: number[]
}

/**
 * The diff (Myers) costs about D² steps for D edits (a changed sentence is two: one removed, one
 * added), so a heavily rewritten long article could take seconds; 1000 costs about 0.1 s. Past
 * this many edits the diff gives up and the cheaper fallback below takes over.
 */
export const MAX_EDIT_LENGTH = 1000

/**
 * Anchors between `a` (old keys) and `b` (new keys), where equal keys (`===`) mean equal sentences.
 * A common prefix and suffix are matched directly; the middle goes to `diffArrays` from the `diff`
 * package; when it needs more than MAX_EDIT_LENGTH edits, the middle is anchored instead by
 * patience-style matching (pair equal keys in order, keep the longest increasing run), O(n log n).
 */
export function findAnchors<T>(a: readonly T[], b: readonly T[]): Anchors {
  const oldIndex: number[] = []
  const newIndex: number[] = []
  let start = 0
  const min = Math.min(a.length, b.length)
  while (start < min && a[start] === b[start]) {
    oldIndex.push(start)
    newIndex.push(start)
    start++
  }
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  if (endA > start && endB > start) {
    const midA = a.slice(start, endA)
    const midB = b.slice(start, endB)
    const pairs = pairInOrder(midA, midB)
    // Every sentence without an equal partner costs the diff one edit, so when those alone pass
    // the limit the diff would only give up after its most expensive work: skip it.
    const unpaired = midA.length + midB.length - 2 * pairs.oldIndex.length
    const changes =
      unpaired > MAX_EDIT_LENGTH
        ? undefined
        : diffArrays(midA, midB, { maxEditLength: MAX_EDIT_LENGTH })
    const mid = changes ? fromChanges(changes) : longestIncreasing(pairs)
    for (let k = 0; k < mid.oldIndex.length; k++) {
      oldIndex.push(start + mid.oldIndex[k]!)
      newIndex.push(start + mid.newIndex[k]!)
    }
  }
  for (let k = 0; k < a.length - endA; k++) {
    oldIndex.push(endA + k)
    newIndex.push(endB + k)
  }
  return { oldIndex, newIndex }
}

/** The equal runs of a diff as index pairs. */
function fromChanges(changes: readonly ChangeObject<unknown[]>[]): Anchors {
  const oldIndex: number[] = []
  const newIndex: number[] = []
  let i = 0
  let j = 0
  for (const change of changes) {
    if (change.added) j += change.count
    else if (change.removed) i += change.count
    else {
      for (let k = 0; k < change.count; k++) {
        oldIndex.push(i++)
        newIndex.push(j++)
      }
    }
  }
  return { oldIndex, newIndex }
}

/** Pair equal keys in order (the first old X with the first new X, …), listed in new order. */
function pairInOrder<T>(a: readonly T[], b: readonly T[]): Anchors {
  const queues = new Map<T, number[]>()
  for (let i = a.length - 1; i >= 0; i--) {
    const key = a[i]!
    const q = queues.get(key)
    if (q) q.push(i)
    else queues.set(key, [i])
  }
  // Each queue holds old indices in reverse, so pop() yields them in order.
  const oldIndex: number[] = []
  const newIndex: number[] = []
  for (let j = 0; j < b.length; j++) {
    const i = queues.get(b[j]!)?.pop()
    if (i !== undefined) {
      oldIndex.push(i)
      newIndex.push(j)
    }
  }
  return { oldIndex, newIndex }
}

/**
 * Fallback anchoring: of the pairs (in new order), the longest run whose old indices increase too
 * (patience sorting, O(n log n)).
 */
function longestIncreasing(pairs: Anchors): Anchors {
  const pairOld = pairs.oldIndex
  const pairNew = pairs.newIndex
  // tails[len] = index (into pairs) of the smallest old index ending an increasing run of len+1.
  const tails: number[] = []
  const prev = new Int32Array(pairOld.length).fill(-1)
  for (let p = 0; p < pairOld.length; p++) {
    const v = pairOld[p]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (pairOld[tails[mid]!]! < v) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[p] = tails[lo - 1]!
    tails[lo] = p
  }
  const oldIndex: number[] = new Array<number>(tails.length)
  const newIndex: number[] = new Array<number>(tails.length)
  let p = tails.length > 0 ? tails[tails.length - 1]! : -1
  for (let k = tails.length - 1; k >= 0; k--) {
    oldIndex[k] = pairOld[p]!
    newIndex[k] = pairNew[p]!
    p = prev[p]!
  }
  return { oldIndex, newIndex }
}
