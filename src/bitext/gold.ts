import type { Sentence } from './align-sentences.js'
import type { Bead, BeadKind } from './types.js'

/**
 * The plain-text format of a hand-made gold alignment (tests/bitext/gold/): `§ NAME` starts a
 * document pair; beads are separated by blank lines, each of `en:` (source) and `sv:` (target)
 * lines, one sentence a line; a line `¶` starts a new paragraph on both sides.
 */
export interface GoldPair {
  name: string
  source: Sentence[]
  target: Sentence[]
  beads: Bead[]
}

/** Read one gold file (it may hold several pairs); throws on a line it does not know. */
export function readGold(text: string, sourcePrefix = 'en', targetPrefix = 'sv'): GoldPair[] {
  const pairs: GoldPair[] = []
  let pair: GoldPair | undefined
  let block = 0
  let bead: { source: number[]; target: number[] } | undefined
  const close = () => {
    if (pair && bead && bead.source.length + bead.target.length > 0) {
      const kind = `${bead.source.length}-${bead.target.length}` as BeadKind
      pair.beads.push({ kind, source: bead.source, target: bead.target, confidence: 1 })
    }
    bead = undefined
  }
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trimEnd()
    if (line.startsWith('§')) {
      close()
      pair = { name: line.slice(1).trim(), source: [], target: [], beads: [] }
      pairs.push(pair)
      block = 0
      continue
    }
    if (line === '') {
      close()
      continue
    }
    if (!pair) throw new Error(`line ${n + 1}: a gold file starts with "§ NAME"`)
    if (line === '¶') {
      close()
      block++
      continue
    }
    const side = line.startsWith(`${sourcePrefix}: `) ? 'source' : line.startsWith(`${targetPrefix}: `) ? 'target' : undefined
    if (!side) throw new Error(`line ${n + 1}: expected "${sourcePrefix}: ", "${targetPrefix}: ", "¶" or a blank line`)
    bead ??= { source: [], target: [] }
    const list = pair[side]
    bead[side].push(list.length)
    list.push({ text: line.slice(4), block })
  }
  close()
  return pairs
}

/** Precision and recall of one bead kind (or several) against the gold, by exact bead. */
export function score(found: readonly Bead[], gold: readonly Bead[], kinds: readonly BeadKind[]): { found: number; gold: number; correct: number } {
  const key = (b: Bead) => `${b.source.join(',')}|${b.target.join(',')}`
  const goldKeys = new Set(gold.filter((b) => kinds.includes(b.kind)).map(key))
  const mine = found.filter((b) => kinds.includes(b.kind))
  const correct = mine.filter((b) => goldKeys.has(key(b))).length
  return { found: mine.length, gold: goldKeys.size, correct }
}
