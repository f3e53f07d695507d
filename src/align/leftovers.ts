/**
 * What the in-sequence matches left over: equal text elsewhere (moved), equal text among obsolete
 * units (revived), similar text in the same diff region (stale, an edited sentence).
 */
import type { StoredUnit } from '../model/translation.js'
import type { Anchors } from './anchors.js'
import { compareKey } from './compare-key.js'
import { pairSimilar } from './pair-similar.js'
import { bigramProfile } from './similarity.js'

/** What became of a fresh unit. */
export type Fate = 'kept' | 'moved' | 'stale' | 'new' | 'revived'

/** The alignment in progress, filled in place. */
export interface AlignState {
  /** Stored live units, by position. */
  live: readonly StoredUnit[]
  /** Stored obsolete units, by position. */
  dead: readonly StoredUnit[]
  /** Compare keys of `live` and of the fresh units. */
  oldKeys: readonly string[]
  newKeys: readonly string[]
  /** match[j]: index into `live` (into `dead` when revived) of the unit fresh[j] continues. */
  match: Int32Array
  /** 1 where a live unit is taken. */
  oldTaken: Uint8Array
  /** fates[j], undefined while fresh[j] is unmatched. */
  fates: Array<Fate | undefined>
}

/** Match what the anchors left unmatched: moves, then revivals, then edits by similarity. */
export function matchLeftovers(state: AlignState, anchors: Anchors, threshold: number): void {
  const { live, oldKeys, newKeys, oldTaken, fates, match } = state
  const regions = diffRegions(anchors, live.length, newKeys.length)
  // Equal text out of sequence: a move. Within the region first, so a repeated sentence pairs
  // with its nearer twin, then across the article.
  for (const r of regions) pairEqual(state, r.old, r.new)
  const restOld: number[] = []
  const restNew: number[] = []
  for (const r of regions) {
    for (const i of r.old) if (!oldTaken[i]) restOld.push(i)
    for (const j of r.new) if (fates[j] === undefined) restNew.push(j)
  }
  pairEqual(state, restOld, restNew)
  revive(state, restNew)
  for (const r of regions) {
    const olds = r.old.filter((i) => !oldTaken[i])
    const news = r.new.filter((j) => fates[j] === undefined)
    if (olds.length === 0 || news.length === 0) continue
    const pairs = pairSimilar(
      olds.map((i) => bigramProfile(oldKeys[i]!)),
      news.map((j) => bigramProfile(newKeys[j]!)),
      threshold,
    )
    for (const [a, b] of pairs) {
      match[news[b]!] = olds[a]!
      oldTaken[olds[a]!] = 1
      fates[news[b]!] = 'stale'
    }
  }
}

/** The unmatched old and new indices between consecutive anchors, and before/after them all. */
function diffRegions(
  anchors: Anchors,
  oldLength: number,
  newLength: number,
): Array<{ old: number[]; new: number[] }> {
  const regions: Array<{ old: number[]; new: number[] }> = []
  let i = 0
  let j = 0
  for (let k = 0; k <= anchors.oldIndex.length; k++) {
    const oldEnd = anchors.oldIndex[k] ?? oldLength
    const newEnd = anchors.newIndex[k] ?? newLength
    if (oldEnd > i || newEnd > j) {
      const region = { old: [] as number[], new: [] as number[] }
      for (; i < oldEnd; i++) region.old.push(i)
      for (; j < newEnd; j++) region.new.push(j)
      regions.push(region)
    }
    i = oldEnd + 1
    j = newEnd + 1
  }
  return regions
}

/** Pair still-unmatched old and new units of equal text, in order, as moves. */
function pairEqual(state: AlignState, olds: readonly number[], news: readonly number[]): void {
  const { oldKeys, newKeys, match, oldTaken, fates } = state
  if (olds.length === 0 || news.length === 0) return
  const queues = new Map<string, number[]>()
  for (let k = olds.length - 1; k >= 0; k--) {
    const i = olds[k]!
    if (oldTaken[i]) continue
    const q = queues.get(oldKeys[i]!)
    if (q) q.push(i)
    else queues.set(oldKeys[i]!, [i])
  }
  if (queues.size === 0) return
  for (const j of news) {
    if (fates[j] !== undefined) continue
    // Queues hold old indices in reverse, so pop() hands out the earliest first.
    const i = queues.get(newKeys[j]!)?.pop()
    if (i === undefined) continue
    match[j] = i
    oldTaken[i] = 1
    fates[j] = 'moved'
  }
}

/** Give a fresh unit whose text equals an obsolete stored unit that unit's id back. */
function revive(state: AlignState, news: readonly number[]): void {
  const { dead, newKeys, match, fates } = state
  const pending = news.filter((j) => fates[j] === undefined)
  if (dead.length === 0 || pending.length === 0) return
  const queues = new Map<string, number[]>()
  for (let d = dead.length - 1; d >= 0; d--) {
    const key = compareKey(dead[d]!.source)
    const q = queues.get(key)
    if (q) q.push(d)
    else queues.set(key, [d])
  }
  for (const j of pending) {
    const d = queues.get(newKeys[j]!)?.pop()
    if (d === undefined) continue
    match[j] = d
    fates[j] = 'revived'
  }
}
