import { countWords } from '../model/text.js'
import type { SegmentedArticle, TranslationUnit } from '../model/unit.js'
import { segmentText } from './segment-text.js'
import { proposeUnitIds } from './unit-id.js'

/** Who the units belong to and what language their text is in. */
export interface ArticleContext {
  articleId: string
  /** Collection tag, e.g. `sv-general`. */
  tag: string
  /** Text language (BCP 47) that picks the segmentation rules and word counting. */
  lang: string
}

/**
 * Split an article into translation units with ids, positions, blocks and word counts.
 * Lossless: `reassemble(segmentArticle(text, ctx))` gives back `text` byte for byte.
 */
export function segmentArticle(text: string, ctx: ArticleContext): SegmentedArticle {
  const spans = segmentText(text, ctx.lang)
  const sources = spans.map((s) => text.slice(s.start, s.end))
  const ids = proposeUnitIds(ctx.articleId, sources)
  const units = spans.map((span, i): TranslationUnit => {
    const source = sources[i] ?? ''
    const next = spans[i + 1]?.start ?? text.length
    const count = countWords(source, ctx.lang)
    const unit: TranslationUnit = {
      id: ids[i] ?? '',
      articleId: ctx.articleId,
      tag: ctx.tag,
      lang: ctx.lang,
      position: i + 1,
      block: span.block,
      kind: span.kind,
      source,
      trailing: text.slice(span.end, next),
      words: count.words,
    }
    if (count.characters !== undefined) unit.characters = count.characters
    return unit
  })
  return { lead: text.slice(0, spans[0]?.start ?? text.length), units }
}
