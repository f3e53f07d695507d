import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import type { AssignmentPart, UnitWords } from './types.js'

/** A range of positions, both ends included. */
export interface SegmentRange {
  from: number
  to: number
}

/** `1-40` or `7` as positions (1-based, from ≤ to); InvalidInput otherwise. */
export function parseSegments(text: string): SegmentRange {
  const m = /^\s*(\d{1,7})\s*(?:-\s*(\d{1,7})\s*)?$/.exec(text)
  const from = m ? Number(m[1]) : 0
  const to = m ? Number(m[2] ?? m[1]) : 0
  if (!m || from < 1 || to < from) {
    throw new InvalidInput(`segments "${printable(text.slice(0, 40))}" is not a range such as 1-40 (positions from 1, the first not after the last)`, 'invalid-assignment')
  }
  return { from, to }
}

/** A range written back: `7` for one position, else `1-40`. */
export const formatRange = (r: SegmentRange): string => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)

/** The units of a range; InvalidInput when it reaches past the article's last position. */
export function unitsInRange(units: readonly UnitWords[], range: SegmentRange): UnitWords[] {
  const last = units.at(-1)?.position ?? 0
  if (range.to > last) {
    throw new InvalidInput(`segments ${formatRange(range)} reach past the article's last segment, ${last}`, 'invalid-assignment')
  }
  return units.filter((u) => u.position >= range.from && u.position <= range.to)
}

/**
 * Split units (in position order) among people by an even word count, cut at unit boundaries:
 * each cut goes to the unit boundary nearest its share (k/n of the words), and every person gets
 * at least one unit. InvalidInput when there are fewer units than people.
 */
export function splitByWords(units: readonly UnitWords[], users: readonly string[]): AssignmentPart[] {
  if (units.length < users.length) {
    throw new InvalidInput(`${users.length} people cannot share ${units.length} segment${units.length === 1 ? '' : 's'}: assign fewer people or more segments`, 'invalid-assignment')
  }
  const total = units.reduce((sum, u) => sum + u.words, 0)
  // before[i]: words of the units before unit i; a cut at i gives units [.., i) to one person.
  const before = [0]
  for (const u of units) before.push(before.at(-1)! + u.words)
  const cuts = [0]
  for (let k = 1; k < users.length; k++) {
    const target = (total * k) / users.length
    // Leave at least one unit to each of the people before and after this cut.
    const lo = cuts.at(-1)! + 1
    const hi = units.length - (users.length - k)
    let best = lo
    for (let i = lo; i <= hi; i++) {
      if (Math.abs(before[i]! - target) < Math.abs(before[best]! - target)) best = i
      if (before[i]! > target) break
    }
    cuts.push(best)
  }
  cuts.push(units.length)
  return users.map((user, k) => {
    const mine = units.slice(cuts[k], cuts[k + 1])
    return { user, units: mine.map((u) => u.id), segments: formatRange({ from: mine[0]!.position, to: mine.at(-1)!.position }) }
  })
}
