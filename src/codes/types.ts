/**
 * The code model: a unit's text is **tagged text**, plain text with protected inline codes written
 * in one notation everywhere (API, CLI, memory, reports, PO):
 *
 * - `⟦1⟧` opens paired code 1 and `⟦/1⟧` closes it (emphasis, a link, `<b>…</b>`);
 * - `⟦2/⟧` is standalone code 2 (an inline code span, a URL, `<br>`, `{{name}}`);
 * - a literal `⟦` in the text is written twice, `⟦⟦`; nothing else is escaped (`⟧` alone is text).
 *
 * Codes are numbered from 1 in the order they open in the source. A translation may reorder them
 * but must keep every paired code, balanced and well nested; a missing standalone code is a
 * warning. What a code stands for (its original markup) is data of the unit (`CodeData`), never
 * text to translate. See docs/incoming/docs17.md.
 */

/** Opens a code; also the one character that is escaped (doubled) in text. */
export const OPEN = '⟦'
/** Ends a code's tag. */
export const CLOSE = '⟧'

/** A run of plain text (decoded: `&amp;` in an HTML source is `&` here). */
export interface TextRun {
  type: 'text'
  text: string
}

/** One code tag in tagged text. */
export interface CodeRun {
  type: 'code'
  /** `open` `⟦1⟧`, `close` `⟦/1⟧`, `standalone` `⟦1/⟧`. */
  kind: 'open' | 'close' | 'standalone'
  /** The code's number, 1-based, in source order. */
  id: number
}

export type Run = TextRun | CodeRun

/** A reference, inside a code's markup, to another unit whose translation is written there (an `alt` or `title`). */
export interface UnitRef {
  /** The referenced unit's 1-based position in the article. */
  unit: number
}

/** Markup: the source's own bytes, with holes for attribute units (`<img alt="…">`). */
export type Markup = (string | UnitRef)[]

/** What one code of a unit stands for: its original markup, kept with the unit as data. */
export interface CodeData {
  id: number
  kind: 'paired' | 'standalone'
  /** What it is, for people and other tools: `strong`, `emphasis`, `link`, `code`, `url`, `html:b`, `placeholder`, … */
  what: string
  /** A paired code's opening markup (`**`, `[`, `<a href="…">`). */
  open?: Markup
  /** A paired code's closing markup (`**`, `](https://…)`, `</a>`). */
  close?: Markup
  /** A standalone code's markup (`` `x` ``, `https://…`, `<br>`, `{{name}}`). */
  data?: Markup
}

/** One problem of a translation's codes against its source's. */
export interface CodeProblem {
  /**
   * `malformed` (not the notation), `unknown` (a code the source lacks), `wrong-kind` (paired
   * written standalone or the reverse), `missing` (a paired code left out), `unbalanced` (opened
   * and not closed, or closed before it opens), `crossed` (not nested: `⟦1⟧⟦2⟧⟦/1⟧⟦/2⟧`),
   * `duplicate` (a paired code used twice), `missing-standalone` (a warning),
   * `duplicate-standalone` (a warning).
   */
  kind:
    | 'malformed'
    | 'unknown'
    | 'wrong-kind'
    | 'missing'
    | 'unbalanced'
    | 'crossed'
    | 'duplicate'
    | 'missing-standalone'
    | 'duplicate-standalone'
  /** The code as written in the notation (`⟦1⟧…⟦/1⟧`, `⟦2/⟧`), or the bad text for `malformed`. */
  code: string
  message: string
}
