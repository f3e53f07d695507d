/**
 * Where the next candidate boundary character is. String#indexOf is several times faster than a
 * JavaScript loop over char codes, so each kind of candidate is searched with it, and its next
 * position kept until the scan passes it: every kind is searched through the text once in all,
 * however many blocks ask.
 */

/** Characters that may end a sentence or start a unit: end marks, a colon, bullets. */
export const CANDIDATES = [
  '.', '?', '!', '…', ':', '‼', '⁇', '⁈', '⁉', '‽', '•', '‣', '⁃', '▪', '●', '◦',
] as const

/** A cursor over one text's candidate characters; ask with positions that never go backwards much. */
export class Candidates {
  // -2: not searched yet; -1: none left in the text.
  private readonly found = new Array<number>(CANDIDATES.length).fill(-2)

  constructor(private readonly text: string) {}

  /** The first candidate at or after `from`, or the text's length when none is left. */
  next(from: number): number {
    const found = this.found
    let min = this.text.length
    for (let k = 0; k < found.length; k++) {
      let at = found[k] as number
      if (at !== -1 && at < from) {
        at = this.text.indexOf(CANDIDATES[k] as string, from)
        found[k] = at
      }
      if (at !== -1 && at < min) min = at
    }
    return min
  }
}
