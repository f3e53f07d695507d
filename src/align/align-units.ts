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
import { type Fate, matchLeftovers } from './leftovers.js'
import type { AlignmentCounts } from './types.js'

/** What became of a fresh unit: kept, moved, stale, new or revived. */
export type { Fate } from './leftovers.js'

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
   * Stored obsolete units play no part.
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

/** Live and obsolete stored units, each by position (sorted only when they do not come sorted). */
function splitByPosition(stored: readonly StoredUnit[]): {
  live: StoredUnit[]
  dead: StoredUnit[]
} {
  const live: StoredUnit[] = []
  const dead: StoredUnit[] = []
  let liveSorted = true
  let deadSorted = true
  for (const u of stored) {
    const list = u.obsolete ? dead : live
    const last = list[list.length - 1]
    if (last && last.position > u.position) {
      if (u.obsolete) deadSorted = false
      else liveSorted = false
    }
    list.push(u)
  }
  if (!liveSorted) live.sort(byPosition)
  if (!deadSorted) dead.sort(byPosition)
  return { live, dead }
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
  const { live, dead } = splitByPosition(stored)

  const order = compareInOrder(live, fresh)
  if (order === 'identical') {
    // Nothing to write: a few passes over the units are all an unchanged article costs.
    const units = live.map((u): AlignedUnit => ({ id: u.id, fate: 'kept', previousId: u.id }))
    const counts = { kept: units.length, moved: 0, stale: 0, new: 0, obsolete: 0 }
    return { units, obsolete: [], counts, unchanged: true }
  }

  const fates = new Array<Fate | undefined>(fresh.length)
  // match[j]: index into `live` (into `dead` when revived) of the unit fresh[j] continues, or -1.
  const match = new Int32Array(fresh.length).fill(-1)
  const oldTaken = new Uint8Array(live.length)

  const inOrder = order === 'same-texts'
  let anchors: Anchors
  let oldKeys: string[] = []
  let newKeys: string[] = []
  if (inOrder) {
    // Only spacing, trailing white space or blocks changed: no diff, no hashing.
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
    matchLeftovers({ live, dead, oldKeys, newKeys, match, oldTaken, fates }, anchors, threshold)
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

  return { units, obsolete, counts, unchanged: false }
}

/**
 * How the fresh units compare with the live ones, position by position: `identical` when every
 * unit is byte for byte what is stored (source, trailing white space, position, block, kind,
 * language), so a re-import has nothing to write; `same-texts` when only spacing, trailing white
 * space or blocks differ; else `different`. One pass, because on large articles each pass over
 * the units costs about as much as the comparisons in it.
 */
function compareInOrder(
  live: readonly StoredUnit[],
  fresh: readonly TranslationUnit[],
): 'identical' | 'same-texts' | 'different' {
  if (live.length !== fresh.length) return 'different'
  let identical = true
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!
    const b = fresh[i]!
    if (a.source !== b.source) {
      if (compareKey(a.source) !== compareKey(b.source)) return 'different'
      identical = false
    } else if (
      identical &&
      (a.trailing !== b.trailing ||
        a.position !== b.position ||
        a.block !== b.block ||
        a.kind !== b.kind ||
        a.lang !== b.lang)
    ) {
      identical = false
    }
  }
  return identical ? 'identical' : 'same-texts'
}
