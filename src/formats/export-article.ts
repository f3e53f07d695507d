/**
 * Export one article in one target language in any of the interchange formats: reads the article,
 * its live units and their translations in two store calls, then hands them to one writer.
 */
import { inLanguageExport } from './language-forms.js'
import { plainText } from '../codes/tagged-text.js'
import { InvalidInput, NotFound } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { untranslated } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { I18NEXT_WRITER } from './i18next-json.js'
import { writeOriginal } from './original.js'
import { PLAIN_TEXT_WRITER } from './plain-text.js'
import { PO_WRITER } from './po.js'
import { TMX_WRITER } from './tmx.js'
import {
  EXPORT_FORMATS,
  writeWhole,
  type ExportData,
  type ExportedFile,
  type ExportFormat,
  type ExportFormatWriter,
  type ExportOptions,
} from './types.js'
import { XLIFF12_WRITER } from './xliff12.js'
import { XLIFF2_WRITER } from './xliff2.js'

/** The formats written a unit at a time; `original` is rebuilt whole from the skeleton. */
const WRITERS: Record<Exclude<ExportFormat, 'original'>, ExportFormatWriter> = {
  xliff2: XLIFF2_WRITER,
  xliff12: XLIFF12_WRITER,
  tmx: TMX_WRITER,
  po: PO_WRITER,
  i18next: I18NEXT_WRITER,
  text: PLAIN_TEXT_WRITER,
}

/**
 * Formats whose writers refuse characters: those XML 1.0 cannot carry (see xmlText), and, in
 * XLIFF 2.0, the control characters the text rule keeps out of the store (one stored before it).
 */
const REFUSES_CHARACTERS = new Set<ExportFormat>(['xliff12', 'tmx', 'xliff2'])

/** Units an export reads at a time: each page is written out before the next is read. */
export const EXPORT_PAGE = 500

/** An export being streamed: its media type and extension, and the file in pieces. */
export interface ExportStream {
  mediaType: string
  extension: string
  /** The file's text, about one page of units per piece. */
  chunks: AsyncGenerator<string>
}

/** Check a format name, or throw InvalidInput listing the ones there are. */
export function parseExportFormat(name: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(name)) return name as ExportFormat
  throw new InvalidInput(
    `unknown format "${printable(name)}": use ${EXPORT_FORMATS.join(', ')}`,
    'unknown-format',
  )
}

/**
 * Load what an export needs. Throws NotFound for an unknown article, InvalidInput for a language
 * that is not one of its targets.
 */
export async function loadExportData(
  store: Store,
  articleId: string,
  lang: string,
): Promise<ExportData> {
  const units = await store.listUnits(articleId)
  const article = await store.getArticle(articleId)
  if (!article) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
  if (!article.targets.includes(lang)) {
    throw new InvalidInput(
      `"${lang}" is not a target language of ${articleId}: use ${article.targets.join(', ') || '(none)'}`,
      'not-a-target',
    )
  }
  const translations = await store.listTranslations(articleId, lang)
  const byUnit = new Map(translations.map((t) => [t.unitId, t]))
  let body = 0
  // A text unit's tagged text is its text but for a doubled ⟦ (src/codes/).
  for (const u of units) body += plainText(u.source).length + u.trailing.length
  return {
    article,
    lang,
    // The units and their trailing whitespace end the text; what comes before them is the lead.
    lead: article.skeleton ? '' : article.source.slice(0, Math.max(0, article.source.length - body)),
    // A resource set's plural forms the language lacks are none of its units (language-forms.ts).
    units: units
      .filter((unit) => inLanguageExport(unit, byUnit.get(unit.id), lang))
      .map((unit) => ({
        unit,
        translation: byUnit.get(unit.id) ?? untranslated(articleId, unit.id, lang),
      })),
    exportedAt: new Date().toISOString(),
  }
}

/** Export `articleId` in `lang` as `format`. */
export async function exportArticle(
  store: Store,
  articleId: string,
  lang: string,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<ExportedFile> {
  const data = await loadExportData(store, articleId, lang)
  return format === 'original' ? writeOriginal(data, opts) : writeWhole(WRITERS[format], data, opts)
}

/**
 * Export `articleId` in `lang` as `format` a page of units at a time, for a server to send as it
 * goes: memory holds one page, and the event loop turns between pages. The first piece (the head
 * and the first page) is written before this returns, so an unknown article or language, or a
 * unit the format cannot carry in the first page, throws here, before anything is sent; a later
 * piece that cannot be written makes `chunks` throw.
 */
export async function streamExport(
  store: Store,
  articleId: string,
  lang: string,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<ExportStream> {
  if (format === 'original') {
    // The document is rebuilt from its skeleton with every unit in place: one piece.
    const file = await exportArticle(store, articleId, lang, format, opts)
    return { mediaType: file.mediaType, extension: file.extension, chunks: (async function* () { yield file.body })() }
  }
  const writer = WRITERS[format]
  const first = await store.unitPage(articleId, { lang, limit: EXPORT_PAGE })
  const { article } = first
  if (!article.targets.includes(lang)) {
    throw new InvalidInput(
      `"${lang}" is not a target language of ${articleId}: use ${article.targets.join(', ') || '(none)'}`,
      'not-a-target',
    )
  }
  const head0 = { article, lang, lead: first.lead, exportedAt: new Date().toISOString() }
  const w = writer.start(head0, opts)
  const write = (page: typeof first, into = w) => {
    let out = ''
    for (const r of page.rows) {
      if (!inLanguageExport(r.unit, r.translation, lang)) continue
      out += into.unit({ unit: r.unit, translation: r.translation ?? untranslated(articleId, r.unit.id, lang) })
    }
    return out
  }
  // The XML formats refuse some characters: write every page once, to nothing, before
  // the status goes out, so that such a unit anywhere is a 400 naming it, not a cut-off file.
  if (REFUSES_CHARACTERS.has(format)) {
    const dry = writer.start(head0, opts)
    for (let page = first; page.next !== null; ) {
      page = await store.unitPage(articleId, { lang, limit: EXPORT_PAGE, after: page.next })
      write(page, dry)
    }
  }
  const head = w.head + write(first)
  async function* chunks(): AsyncGenerator<string> {
    yield head
    let next = first.next
    while (next !== null) {
      const page = await store.unitPage(articleId, { lang, limit: EXPORT_PAGE, after: next })
      yield write(page)
      next = page.next
    }
    yield w.end()
  }
  return { mediaType: writer.mediaType, extension: writer.extension, chunks: chunks() }
}
