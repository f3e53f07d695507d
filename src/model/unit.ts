import type { CodeData } from '../codes/types.js'

/** The kind of block a unit was cut from. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote'

/** One translation unit of an article, as the segmenter produces it and the store keeps it. */
export interface TranslationUnit {
  /** Opaque once stored; proposed by the segmenter from the article id and the sentence. */
  id: string
  articleId: string
  /** The article's collection tag, e.g. `sv-general`. */
  tag: string
  /** The language the source text is written in (BCP 47). */
  lang: string
  /** 1-based position in the article. */
  position: number
  /** 0-based index of the block (paragraph, heading, list item, quote) the unit belongs to. */
  block: number
  kind: BlockKind
  /** The source text exactly as in the article (may hold inner line breaks). */
  source: string
  /** The exact whitespace that follows the unit in the article. */
  trailing: string
  words: number
  /** Non-space characters, for languages written without spaces between words. */
  characters?: number
  /**
   * What the unit is in its Markdown or HTML document (the skeleton's slot role): `heading`,
   * `paragraph`, `list-item`, `quote`, `table-cell`, `alt`, `title`, `meta`, `front-matter`.
   * Absent for plain text and i18next units (their `kind` says all there is).
   */
  role?: string
  /** What the unit's codes (`⟦1⟧`, `⟦2/⟧` in `source`) stand for: see src/codes/. Absent when it has none. */
  codes?: CodeData[]
}

/** A segmented article: the whitespace before the first unit, then the units. */
export interface SegmentedArticle {
  lead: string
  units: TranslationUnit[]
}

/** A non-fatal finding reported to the user (never silently swallowed). */
export interface Warning {
  code: string
  message: string
}

/** Give back the text a segmented article came from: lead + each unit's source and trailing space. */
export function reassemble(article: { lead: string; units: readonly Pick<TranslationUnit, 'source' | 'trailing'>[] }): string {
  let out = article.lead
  for (const u of article.units) out += u.source + u.trailing
  return out
}
