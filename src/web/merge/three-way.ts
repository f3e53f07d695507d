import { diffArrays } from 'diff'

/** A piece of a three-way merge: text both sides agree on, or a region the translator settles. */
export type MergePart =
  | { kind: 'same'; text: string }
  | { kind: 'choose'; base: string; mine: string; theirs: string }

/** One side's change to the base: base tokens [start, end) replaced by `tokens`. */
interface Edit {
  start: number
  end: number
  tokens: string[]
  side: 'mine' | 'theirs'
}

// Words (letters, digits, marks, joiners inside a word), runs of white space, and every other
// character on its own: a change of one word never swallows the space or the comma beside it.
const TOKEN = /[\p{L}\p{N}\p{M}_'’-]+|\s+|[^\p{L}\p{N}\p{M}_'’\s-]/gu

/** Split a text into the tokens the merge works on; joined, they give the text back. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

function edits(base: string[], other: string[], side: Edit['side']): Edit[] {
  const out: Edit[] = []
  let at = 0
  let open: Edit | undefined
  for (const c of diffArrays(base, other)) {
    if (!c.added && !c.removed) {
      if (open) out.push(open)
      open = undefined
      at += c.count ?? c.value.length
      continue
    }
    open ??= { start: at, end: at, tokens: [], side }
    if (c.removed) {
      at += c.count ?? c.value.length
      open.end = at
    } else open.tokens.push(...c.value)
  }
  if (open) out.push(open)
  return out
}

// Two changes touch when their base ranges overlap, or when they start at the same place (two
// insertions there, or an insertion before a replacement, have no order both sides agree on).
const touch = (a: Edit, b: Edit) => (a.start < b.end && b.start < a.end) || a.start === b.start

/** Base tokens [start, end) with one side's edits inside that range applied. */
function apply(base: string[], start: number, end: number, list: Edit[]): string {
  let out = ''
  let at = start
  for (const e of list) {
    out += base.slice(at, e.start).join('') + e.tokens.join('')
    at = e.end
  }
  return out + base.slice(at, end).join('')
}

/**
 * Merge two texts made from one base, word by word: every change that only one side made is
 * applied, a change both made alike is applied once, and changes that touch the same words are
 * left as a region to choose, with the base's, my and their words there.
 * @example
 * threeWayMerge('The cat sat on the mat.', 'The dog sat on the mat.', 'The cat sat on the rug.')
 * // [{ kind: 'same', text: 'The dog sat on the rug.' }]
 */
export function threeWayMerge(base: string, mine: string, theirs: string): MergePart[] {
  const b = tokens(base)
  const all = [...edits(b, tokens(mine), 'mine'), ...edits(b, tokens(theirs), 'theirs')].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  )
  const parts: MergePart[] = []
  const same = (text: string) => {
    if (text === '') return
    const last = parts[parts.length - 1]
    if (last?.kind === 'same') last.text += text
    else parts.push({ kind: 'same', text })
  }
  let at = 0
  for (let i = 0; i < all.length; ) {
    // A cluster: edits that touch one another, transitively.
    const cluster = [all[i] as Edit]
    let start = cluster[0]!.start
    let end = cluster[0]!.end
    for (i++; i < all.length; i++) {
      const e = all[i] as Edit
      // Sorted by start, so an edit joins when it starts inside the cluster or where one of its
      // edits starts.
      if (!(e.start < end) && !cluster.some((c) => touch(c, e))) break
      cluster.push(e)
      start = Math.min(start, e.start)
      end = Math.max(end, e.end)
    }
    same(b.slice(at, start).join(''))
    const m = apply(b, start, end, cluster.filter((e) => e.side === 'mine'))
    const t = apply(b, start, end, cluster.filter((e) => e.side === 'theirs'))
    const was = b.slice(start, end).join('')
    if (m === t || t === was) same(m)
    else if (m === was) same(t)
    else parts.push({ kind: 'choose', base: was, mine: m, theirs: t })
    at = end
  }
  same(b.slice(at).join(''))
  return parts
}

/** The merged text when nothing is left to choose, else undefined. */
export function mergedText(parts: MergePart[]): string | undefined {
  return parts.every((p) => p.kind === 'same') ? parts.map((p) => p.text).join('') : undefined
}
