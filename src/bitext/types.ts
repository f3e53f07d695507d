import type { State } from '../model/translation.js'

/**
 * Sentence alignment of an existing translation with an article (issue 23): not to be confused
 * with src/align/, which pairs an article's old units with its re-imported ones.
 */

/** How many sentences a bead takes from each side: 1–1, 1–0, 0–1, 2–1 or 1–2. */
export type BeadKind = '1-1' | '1-0' | '0-1' | '2-1' | '1-2'

/** One bead of an alignment: indexes into the source and target sentence lists, in order. */
export interface Bead {
  kind: BeadKind
  source: number[]
  target: number[]
  /** The aligner's confidence in this bead, 0–1. */
  confidence: number
}

/** One aligned text to store on a unit, as `tolk align` decided it (see plan-writes.ts). */
export interface AlignedText {
  unitId: string
  text: string
  /** `translated` for a sure 1–1 pair, else `initial` (a draft with text for a person to check). */
  state: Extract<State, 'initial' | 'translated'>
  confidence: number
}

/** What a store did with one request of aligned texts. */
export interface AlignedOutcome {
  /** Units written, in the request's order (an empty draft over a unit written before is not). */
  written: string[]
  /** Units left alone because they already had a translation (text, any state). */
  skipped: Array<{ unitId: string; state: State; text: string }>
}

/** The store's aligned writes: `store.aligned` on both backends. */
export interface AlignedWrites {
  /**
   * Write the texts in one transaction through the versioned write path, each with the origin
   * `{kind: "aligned", confidence}`, skipping units that already have a translation. All or
   * nothing: an unknown unit, a language the article does not target, or a text against the
   * text rule refuses the whole request.
   */
  write(req: { articleId: string; lang: string; author: string; texts: AlignedText[] }): Promise<AlignedOutcome>
  /**
   * The aligner's confidence (0–1) of each of `unitIds` whose current translation was last
   * written as aligned text, unedited: what the editor shows beside the row. A person's save
   * since (or a reviewer's state change) takes the unit out.
   */
  confidences(articleId: string, lang: string, unitIds: readonly string[]): Promise<Record<string, number>>
}
