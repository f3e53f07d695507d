/**
 * Putting a memory match's codes back from the new source, as numbers are substituted: the memory
 * matches on words alone (what a code holds, a URL or markup, is not even in the tagged text), so
 * an entry whose source had other codes than the segment must have its target's codes made to fit
 * the segment before it can be inserted.
 *
 * The entry's source codes are paired with the segment's in order, paired codes with paired codes
 * and standalone with standalone (the i-th link of one is the i-th link of the other). The
 * target's codes are renumbered along; a code with no partner in the segment is dropped (its words
 * stay), and a code of the segment with no partner in the entry is added at the end of the target
 * (a paired one as an empty pair), so the result always fits the segment's codes and the
 * translator moves it where it belongs. Pure: every memory backend uses it.
 */
import { checkCodes, codesOf, plainTextLenient, TaggedTextError, parseTagged, writeTagged, type CodeRun, type Run } from '../codes/index.js'

/** What putting the codes back did. */
export interface CodeFix {
  /** The target with the segment's codes. */
  target: string
  /** Codes of the segment added at the end of the target. */
  added: number
  /** Codes of the entry's source with no partner in the segment, left out of the target. */
  dropped: number
}

interface Layout {
  paired: number[]
  standalone: number[]
}

function layout(tagged: string): Layout {
  let codes: CodeRun[]
  try {
    codes = codesOf(tagged)
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    codes = []
  }
  const paired: number[] = []
  const standalone: number[] = []
  for (const c of codes) {
    if (c.kind === 'open' && !paired.includes(c.id)) paired.push(c.id)
    else if (c.kind === 'standalone' && !standalone.includes(c.id)) standalone.push(c.id)
  }
  return { paired, standalone }
}

/** i-th of `from` to i-th of `to`, for as many as both have. */
function pairUp(from: number[], to: number[]): Map<number, number> {
  const map = new Map<number, number>()
  for (let i = 0; i < Math.min(from.length, to.length); i++) map.set(from[i]!, to[i]!)
  return map
}

/** The segment's codes not reached by `map`, as tags appended at the end. */
function missing(seg: Layout, paired: Map<number, number>, standalone: Map<number, number>): Run[] {
  const out: Run[] = []
  const usedP = new Set(paired.values())
  const usedS = new Set(standalone.values())
  for (const id of seg.paired) {
    if (!usedP.has(id)) out.push({ type: 'code', kind: 'open', id }, { type: 'code', kind: 'close', id })
  }
  for (const id of seg.standalone) if (!usedS.has(id)) out.push({ type: 'code', kind: 'standalone', id })
  return out
}

/**
 * `target` (a translation of `source`) with its codes made to fit `segment`'s (see the module
 * comment). A target that already fits comes back unchanged.
 */
export function fixCodes(source: string, target: string, segment: string): CodeFix {
  const src = layout(source)
  const seg = layout(segment)
  const paired = pairUp(src.paired, seg.paired)
  const standalone = pairUp(src.standalone, seg.standalone)
  const dropped = src.paired.length - paired.size + (src.standalone.length - standalone.size)
  const added = missing(seg, paired, standalone)
  const addedCount = seg.paired.length - paired.size + (seg.standalone.length - standalone.size)
  let runs: Run[]
  try {
    runs = parseTagged(target)
  } catch (e) {
    if (!(e instanceof TaggedTextError)) throw e
    runs = [{ type: 'text', text: target }]
  }
  const out: Run[] = []
  for (const r of runs) {
    if (r.type === 'text') {
      out.push(r)
      continue
    }
    const id = (r.kind === 'standalone' ? standalone : paired).get(r.id)
    if (id !== undefined) out.push({ ...r, id })
  }
  const fixed = writeTagged([...out, ...added])
  if (checkCodes(fixed, segment).errors.length === 0) return { target: fixed, added: addedCount, dropped }
  // The entry's target did not fit its own source (an imported TMX): its words, and every code
  // of the segment at the end.
  const all = missing(seg, new Map(), new Map())
  return {
    target: writeTagged([{ type: 'text', text: plainTextLenient(target) }, ...all]),
    added: seg.paired.length + seg.standalone.length,
    dropped: src.paired.length + src.standalone.length,
  }
}
