/**
 * Documents in: text in, units and a skeleton out (pure). Plain text is segmented as it always
 * was; Markdown and HTML go through their parsers into a skeleton and units with codes.
 */
import { escapeText, plainTextLenient } from '../codes/tagged-text.js'
import { InvalidInput } from '../model/errors.js'
import { countWords } from '../model/text.js'
import type { SegmentedArticle, TranslationUnit } from '../model/unit.js'
import { type ArticleContext, segmentArticle } from '../segment/segment-article.js'
import { proposeUnitIds } from '../segment/unit-id.js'
import { DocumentBuilder, SkeletonError } from './builder.js'
import { readHtml } from './html.js'
import { readMarkdown } from './markdown.js'
import { renderDocument } from './render.js'
import { DOCUMENT_FORMATS, type DocumentFormat, type Skeleton } from './types.js'

export * from './types.js'
export { formatOfFile, formatOfMediaType } from './formats.js'
export { renderDocument, encodeFor, type RenderUnit } from './render.js'

/** A segmented document: units (tagged text), and for Markdown and HTML the skeleton and a title. */
export interface SegmentedDocument extends SegmentedArticle {
  format: DocumentFormat
  skeleton?: Skeleton
  /** Front matter's title, else the first heading's text, else undefined. */
  title?: string
}

/** Check a format name (`md`, `html`, `text`; `markdown` and `htm` too). */
export function parseDocumentFormat(name: string): DocumentFormat {
  const n = name.toLowerCase()
  if (n === 'markdown') return 'md'
  if (n === 'htm') return 'html'
  if ((DOCUMENT_FORMATS as readonly string[]).includes(n)) return n as DocumentFormat
  throw new InvalidInput(`unknown document format "${name.slice(0, 40)}": use md, html or text`, 'unknown-format')
}


/** Segment a document of any format (`markdownChunk`: the piece size a long Markdown document is parsed in; see markdown-chunks.ts). */
export function segmentDocument(
  text: string,
  format: DocumentFormat,
  ctx: ArticleContext,
  opts: { markdownChunk?: number } = {},
): SegmentedDocument {
  if (format === 'text') {
    const seg = segmentArticle(text, ctx)
    for (const u of seg.units) u.source = escapeText(u.source)
    return { ...seg, format }
  }
  const b = new DocumentBuilder(text, ctx.lang)
  let title: string | undefined
  try {
    title = (format === 'md' ? readMarkdown(b, opts.markdownChunk) : readHtml(b)).title
    b.finish()
  } catch (e) {
    if (!(e instanceof SkeletonError)) throw e
    throw new InvalidInput(`the ${format === 'md' ? 'Markdown' : 'HTML'} of article ${ctx.articleId} could not be kept byte for byte (${e.message}): import it as text`, 'document-unreadable')
  }
  const skeleton: Skeleton = { format, parts: b.parts, slots: b.slots }
  const ids = proposeUnitIds(ctx.articleId, b.units.map((u) => u.source))
  const units = b.units.map((d, i): TranslationUnit => {
    const count = countWords(plainTextLenient(d.source, ' '), ctx.lang)
    const unit: TranslationUnit = {
      id: ids[i] ?? '',
      articleId: ctx.articleId,
      tag: ctx.tag,
      lang: ctx.lang,
      position: i + 1,
      block: d.block,
      kind: d.kind,
      source: d.source,
      trailing: i === b.units.length - 1 ? '\n' : d.trailing,
      words: count.words,
    }
    if (d.codes.length) unit.codes = d.codes
    if (count.characters !== undefined) unit.characters = count.characters
    return unit
  })
  const doc: SegmentedDocument = { lead: '', units, format, skeleton }
  if (title !== undefined && title.trim() !== '') doc.title = title.trim()
  // Invariant 1 for documents: every target equal to its source gives the document back.
  const back = renderDocument(skeleton, units, (p) => units[p - 1]?.source ?? '')
  if (back !== text) {
    throw new InvalidInput(`the ${format === 'md' ? 'Markdown' : 'HTML'} of article ${ctx.articleId} could not be kept byte for byte: import it as text`, 'document-unreadable')
  }
  return doc
}
