import type { Store } from '../../store/types.js'
import { threeWayMerge, type MergePart } from './three-way.js'

/** The three versions of a conflict and the merge to start from. */
export interface ConflictVersions {
  base: { version: number; text: string }
  theirs: { version: number; text: string; state: string; author: string | null }
  mine: string
  parts: MergePart[]
}

/**
 * Read a conflict's base (the history entry at `basedOn`, the version mine was made from) and
 * theirs (the translation now current, or the history entry at `theirsVersion` when one is
 * named: the version a no-script merge form was rendered against), and merge mine into them.
 * Version 0 is the empty text before any write; an entry the history no longer holds is taken
 * as empty too, which turns every difference into a choice rather than a guess.
 */
export async function conflictVersions(
  store: Store,
  at: { articleId: string; unitId: string; lang: string },
  mine: string,
  basedOn: number,
  theirsVersion?: number,
): Promise<ConflictVersions> {
  const [current, history] = await Promise.all([
    store.getTranslation(at.articleId, at.unitId, at.lang),
    store.history(at.articleId, at.unitId, at.lang),
  ])
  const textAt = (v: number) => (v === 0 ? '' : (history.find((h) => h.version === v)?.newText ?? ''))
  const base = textAt(basedOn)
  const entry = theirsVersion === undefined || theirsVersion === current.version ? undefined : history.find((h) => h.version === theirsVersion)
  const theirs = entry
    ? { version: entry.version, text: entry.newText, state: entry.newState, author: entry.author }
    : { version: current.version, text: current.text, state: current.state, author: current.author }
  return { base: { version: basedOn, text: base }, theirs, mine, parts: threeWayMerge(base, mine, theirs.text) }
}

/**
 * The merged text once every place to choose has a side: `choices[n]` is `mine` or `theirs` for
 * the nth place (1-based, in text order). Undefined while a place has no valid choice.
 */
export function applyChoices(parts: MergePart[], choose: (n: number) => unknown): string | undefined {
  let n = 0
  let out = ''
  for (const p of parts) {
    if (p.kind === 'same') {
      out += p.text
      continue
    }
    const side = choose(++n)
    if (side !== 'mine' && side !== 'theirs') return undefined
    out += p[side]
  }
  return out
}

/** How many places a merge leaves to choose. */
export const placesToChoose = (parts: MergePart[]) => parts.filter((p) => p.kind === 'choose').length
