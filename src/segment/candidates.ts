/**
 * Where the next candidate boundary character is. String#indexOf is several times faster than a
 * JavaScript loop over char codes, so each kind of candidate is searched with it, and its next
 * position kept until the scan passes it: every kind is searched through the text once in all,
 * however many blocks ask.
 */

/** Frequent candidates: the end marks of ordinary text, and the colon that may open a list. */
const COMMON = ['.', '?', '!', ':'] as const
/**
 * Rare candidates (the ellipsis and common bullets), searched for together by one regex: each
 * kind absent from a text would otherwise cost a search through it of its own. The combined marks
 * (‼ ⁇ ⁈ ⁉ ‽) only extend a run that `.`, `?` or `!` starts.
 */
const RARE = /[…•●◦⁃]/g

/** A cursor over one text's candidate characters; positions asked for never go backwards. */
export class Candidates {
  // Next position of each kind: -2 not searched yet, -1 none left in the text.
  private readonly common: number[] = COMMON.map(() => -2)
  /** The nearest rare candidate at or after the last position asked for (or the text's end). */
  private rareNext = -2

  constructor(private readonly text: string) {}

  /** The first candidate at or after `from`, or the text's length when none is left. */
  next(from: number): number {
    const text = this.text
    if (this.rareNext < from) {
      RARE.lastIndex = from
      this.rareNext = RARE.exec(text)?.index ?? text.length
    }
    let min = this.rareNext
    const common = this.common
    for (let k = 0; k < COMMON.length; k++) {
      let at = common[k] as number
      if (at !== -1 && at < from) {
        at = text.indexOf(COMMON[k] as string, from)
        common[k] = at
      }
      if (at !== -1 && at < min) min = at
    }
    return min
  }
}
