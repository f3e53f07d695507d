/**
 * Which in-sequence matches changed paragraph. Block indices shift whenever a block is added or
 * removed above, so a unit's block number alone says nothing; instead each old block is mapped to
 * the new block that received most of its sentences, and a sentence that landed elsewhere moved.
 */
import type { Anchors } from './anchors.js'

/**
 * For each anchor k, whether the new unit sits in a different block than its old block maps to.
 * Ties go to a new block no earlier old block has claimed (so when a sentence moves to the start
 * of the next paragraph, that sentence is the one called moved), then to the earliest.
 * A paragraph split in two marks the smaller part moved; two paragraphs merged mark nothing.
 */
export function movedByBlock(
  anchors: Anchors,
  oldBlock: (i: number) => number,
  newBlock: (j: number) => number,
): boolean[] {
  const n = anchors.oldIndex.length
  // Common case (nothing moved between blocks, none added or removed): every block maps to itself.
  let same = true
  for (let k = 0; k < n && same; k++) {
    same = oldBlock(anchors.oldIndex[k]!) === newBlock(anchors.newIndex[k]!)
  }
  if (same) return new Array<boolean>(n).fill(false)
  const votes = new Map<number, Map<number, number>>()
  for (let k = 0; k < n; k++) {
    const from = oldBlock(anchors.oldIndex[k]!)
    const to = newBlock(anchors.newIndex[k]!)
    let tally = votes.get(from)
    if (!tally) votes.set(from, (tally = new Map()))
    tally.set(to, (tally.get(to) ?? 0) + 1)
  }
  const mapped = new Map<number, number>()
  const claimed = new Set<number>()
  for (const from of [...votes.keys()].sort((x, y) => x - y)) {
    let best = -1
    let bestVotes = -1
    let bestClaimed = true
    for (const [to, count] of votes.get(from)!) {
      const isClaimed = claimed.has(to)
      const better =
        count > bestVotes ||
        (count === bestVotes && bestClaimed && !isClaimed) ||
        (count === bestVotes && bestClaimed === isClaimed && to < best)
      if (better) {
        best = to
        bestVotes = count
        bestClaimed = isClaimed
      }
    }
    mapped.set(from, best)
    claimed.add(best)
  }
  const moved = new Array<boolean>(n)
  for (let k = 0; k < n; k++) {
    moved[k] = mapped.get(oldBlock(anchors.oldIndex[k]!)) !== newBlock(anchors.newIndex[k]!)
  }
  return moved
}
