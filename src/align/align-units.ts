/**
 * Re-import alignment: which stored unit each freshly segmented unit continues, so ids and
 * translations survive edits of the source. Pure: no database, no I/O.
 *
 * Order of work, as the design describes it:
 * 1. in-sequence exact matches of the normalised text (a diff of the two sentence lists, or no diff
 *    at all when every sentence is equal in order) → `kept`, or `moved` when its paragraph changed;
 * 2. leftovers with equal text elsewhere, first within their own diff region, then anywhere →
 *    `moved`; then equal text among obsolete stored units → `revived`;
 * 3. leftovers of one diff region paired by similarity → `stale` (an edited sentence);
 * 4. what is left is `new` (fresh side) or obsolete (stored side).
 */
import type { StoredUnit } from '../model/translation.js'
import type { TranslationUnit } from '../model/unit.js'
import { type Anchors, findAnchors } from './anchors.js'
import { movedByBlock } from './blocks.js'
import { compareKey } from './compare-key.js'
import { createIdAllocator } from './fresh-ids.js'
import { pairSimilar } from './pair-similar.js'
import { bigramProfile } from './similarity.js'
import type { AlignmentCounts } from './types.js'

/** What became of a fresh unit. */
export type Fate = 'kept' | 'moved' | 'stale' | 'new' | 'revived'

/** How one fresh unit relates to the stored units. */
export interface AlignedUnit {
  /** The id the fresh unit takes: the old unit's id when matched, else a fresh non-colliding id. */
  id: string
  fate: Fate
  /** The stored unit it was matched to (kept, moved, stale, revived). */
  previousId?: string
}

/** The result of aligning a re-imported article with its stored units. */
export interface Alignment {
  /** One entry per fresh unit, same order as the input. */
  units: AlignedUnit[]
  /** Ids of stored live units that no fresh unit took: they become obsolete. */
  obsolete: string[]
  /**
   * `kept` counts every fresh unit that continues a stored unit with the same text: plain kept,
   * moved (counted again in `moved`) and revived (an obsolete unit brought back).
   */
  counts: AlignmentCounts
  /**
   * True when nothing changed at all: the same units in the same order with the exact same source,
   * trailing whitespace, position, block, block kind and language, so the store need write nothing.
   */
  unchanged: boolean
}

/** Options of alignUnits. */
export interface AlignOptions {
  /** Least bigram-Dice similarity (0..1) for an edited sentence to keep its old id. */
  threshold?: number
}

/** Similarity at or above which an edited sentence pairs with its old self (see similarity.ts). */
export const DEFAULT_THRESHOLD = 0.5

const byPosition = (a: StoredUnit, b: StoredUnit): number => a.position - b.position

function isSorted(units: readonly StoredUnit[]): boolean {
  for (let i = 1; i < units.length; i++) {
    if (units[i - 1]!.position > units[i]!.position) return false
  }
  return true
}

/**
 * Align `fresh` (the segmenter's units of the re-imported article, with proposed ids) with
 * `stored` (the article's stored units, obsolete ones included).
 * @example
 * const { units, obsolete, counts } = alignUnits(await store.units(articleId), segmented.units)
 */
export function alignUnits(
  stored: readonly StoredUnit[],
  fresh: readonly TranslationUnit[],
  opts: AlignOptions = {},
): Alignment {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD
  const live: StoredUnit[] = []
  const dead: StoredUnit[] = []
  for (const u of stored) (u.obsolete ? dead : live).push(u)
  if (!isSorted(live)) live.sort(byPosition)
  if (!isSorted(dead)) dead.sort(byPosition)

  const fates = new Array<Fate | undefined>(fresh.length)
  // match[j]: index into `live` (into `dead` when revived) of the unit fresh[j] continues, or -1.
  const match = new Int32Array(fresh.length).fill(-1)
  const oldTaken = new Uint8Array(live.length)

  const inOrder = sameTextsInOrder(live, fresh)
  let anchors: Anchors
  let oldKeys: string[] = []
  let newKeys: string[] = []
  if (inOrder) {
    // Fast path: no diff, no hashing; an unchanged 50,000-unit article costs one pass.
    const all = Array.from(fresh, (_, i) => i)
    anchors = { oldIndex: all, newIndex: all }
  } else {
    oldKeys = live.map((u) => compareKey(u.source))
    newKeys = fresh.map((u) => compareKey(u.source))
    anchors = findAnchors(oldKeys, newKeys)
  }

  const moved = movedByBlock(
    anchors,
    (i) => live[i]!.block,
    (j) => fresh[j]!.block,
  )
  for (let k = 0; k < anchors.oldIndex.length; k++) {
    const i = anchors.oldIndex[k]!
    const j = anchors.newIndex[k]!
    match[j] = i
    oldTaken[i] = 1
    fates[j] = moved[k] ? 'moved' : 'kept'
  }

  if (!inOrder) {
    const regions = diffRegions(anchors, live.length, fresh.length)
    // Equal text out of sequence: a move. Within the region first, so a repeated sentence pairs
    // with its nearer twin, then across the article.
    for (const r of regions) pairEqual(r.old, r.new, oldKeys, newKeys, match, oldTaken, fates)
    const restOld: number[] = []
    const restNew: number[] = []
    for (const r of regions) {
      for (const i of r.old) if (!oldTaken[i]) restOld.push(i)
      for (const j of r.new) if (fates[j] === undefined) restNew.push(j)
    }
    pairEqual(restOld, restNew, oldKeys, newKeys, match, oldTaken, fates)
    revive(dead, restNew, newKeys, match, fates)
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

  // Built only when a unit is new: a set of every stored id is the costliest part of the fast path.
  let allocate: ((proposed: string) => string) | undefined
  const counts: AlignmentCounts = { kept: 0, moved: 0, stale: 0, new: 0, obsolete: 0 }
  const units: AlignedUnit[] = new Array(fresh.length)
  for (let j = 0; j < fresh.length; j++) {
    const fate = fates[j] ?? 'new'
    if (fate === 'new') {
      allocate ??= createIdAllocator(new Set(stored.map((u) => u.id)))
      units[j] = { id: allocate(fresh[j]!.id), fate }
      counts.new++
      continue
    }
    const previous = fate === 'revived' ? dead[match[j]!]! : live[match[j]!]!
    units[j] = { id: previous.id, fate, previousId: previous.id }
    if (fate === 'stale') counts.stale++
    else counts.kept++
    if (fate === 'moved') counts.moved++
  }
  const obsolete: string[] = []
  for (let i = 0; i < live.length; i++) if (!oldTaken[i]) obsolete.push(live[i]!.id)
  counts.obsolete = obsolete.length

  const unchanged = inOrder && counts.moved === 0 && sameUnits(live, fresh)
  return { units, obsolete, counts, unchanged }
}

/** Whether both lists hold the same sentences in the same order (compared normalised). */
function sameTextsInOrder(live: readonly StoredUnit[], fresh: readonly TranslationUnit[]): boolean {
  if (live.length !== fresh.length) return false
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!.source
    const b = fresh[i]!.source
    if (a !== b && compareKey(a) !== compareKey(b)) return false
  }
  return true
}

/** Whether every unit is byte-for-byte what is stored, so a re-import has nothing to write. */
function sameUnits(live: readonly StoredUnit[], fresh: readonly TranslationUnit[]): boolean {
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!
    const b = fresh[i]!
    if (
      a.source !== b.source ||
      a.trailing !== b.trailing ||
      a.position !== b.position ||
      a.block !== b.block ||
      a.kind !== b.kind ||
      a.lang !== b.lang
    ) {
      return false
    }
  }
  return true
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
function pairEqual(
  olds: readonly number[],
  news: readonly number[],
  oldKeys: readonly string[],
  newKeys: readonly string[],
  match: Int32Array,
  oldTaken: Uint8Array,
  fates: Array<Fate | undefined>,
): void {
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
function revive(
  dead: readonly StoredUnit[],
  news: readonly number[],
  newKeys: readonly string[],
  match: Int32Array,
  fates: Array<Fate | undefined>,
): void {
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
