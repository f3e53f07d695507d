/** Documents in and out: the article kinds and the skeleton a Markdown or HTML article is rebuilt from. */
import type { Markup, UnitRef } from '../codes/types.js'

export const DOCUMENT_FORMATS = ['text', 'md', 'html'] as const
/** An article's kind: plain text (units and their white space give it back), Markdown or HTML (a skeleton does). */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]

/**
 * How a translation's text is encoded where its unit is written: Markdown text (`md`), a Markdown
 * link or image title (`md-title`), HTML text (`html`), an HTML attribute value in double, single or
 * no quotes, a YAML front-matter value (plain, double-quoted, single-quoted).
 */
export type Encoding =
  | 'md'
  | 'md-cell'
  | 'md-alt'
  | 'md-title'
  | 'html'
  | 'html-attr-dq'
  | 'html-attr-sq'
  | 'html-attr-uq'
  | 'yaml'
  | 'yaml-dq'
  | 'yaml-sq'

/** What the skeleton knows of one unit: how to write it, and its source bytes for a target equal to its source. */
export interface Slot {
  enc: Encoding
  /** The unit's bytes in the source, written back as they were when the target equals the source. */
  raw: string
  /** What the unit is in the document: `heading`, `paragraph`, `list-item`, `quote`, `table-cell`, `alt`, `title`, `meta`, `front-matter`. */
  role: string
}

/**
 * A document with holes: the source's own bytes (block syntax, tags, code blocks, front matter
 * keys) and, in document order, a hole per unit (`{unit: position}`). `slots[p - 1]` is unit p's.
 */
export interface Skeleton {
  format: 'md' | 'html'
  parts: Markup
  slots: Slot[]
}

export type { Markup, UnitRef }
