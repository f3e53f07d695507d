/** Shapes shared by the format readers and writers. */
import type { Article, ArticleSummary, State, StoredUnit, Translation } from '../model/translation.js'

/** The formats `tolk export` writes. */
export const EXPORT_FORMATS = ['xliff2', 'xliff12', 'tmx', 'po', 'i18next', 'text', 'original'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** One live unit with its translation in the exported language. */
export interface ExportUnit {
  unit: StoredUnit
  translation: Translation
}

/** Everything a writer needs: the article, one target language, units in position order. */
export interface ExportData {
  article: Article
  /** Target language (BCP 47). */
  lang: string
  /** The whitespace before the first unit, for the plain-text layout. */
  lead: string
  units: ExportUnit[]
  /** ISO 8601 time of the export. */
  exportedAt: string
}

/** What a writer needs besides the units: the article (its source text not needed), the language. */
export interface ExportHead {
  article: Pick<ArticleSummary, 'id' | 'lang' | 'title'>
  /** Target language (BCP 47). */
  lang: string
  /** The whitespace before the first unit, for the plain-text layout. */
  lead: string
  /** ISO 8601 time of the export. */
  exportedAt: string
}

/**
 * One export being written a piece at a time, so a large article streams: `head` first, then
 * `unit` for each unit in position order, then `end()`; the pieces joined are the file.
 */
export interface ExportWriter {
  head: string
  unit(u: ExportUnit): string
  end(): string
}

/** A format's writer: its media type and file extension, and how to start an export. */
export interface ExportFormatWriter {
  mediaType: string
  extension: string
  start(head: ExportHead, opts: ExportOptions): ExportWriter
}

/** A whole file from a format's writer: the pieces joined. */
export function writeWhole(format: ExportFormatWriter, data: ExportData, opts: ExportOptions = {}): ExportedFile {
  const w = format.start(data, opts)
  let body = w.head
  for (const u of data.units) body += w.unit(u)
  body += w.end()
  return { body, mediaType: format.mediaType, extension: format.extension }
}

/** Options for writers that have choices. */
export interface ExportOptions {
  /** Plain text: wrap untranslated segments (in the source language) in `[[…]]`. */
  markUntranslated?: boolean
  /** `original`: an untranslated unit falls back to its source (`source`, the default) or fails the export (`fail`). */
  untranslated?: 'source' | 'fail'
}

/** What an export produces. */
export interface ExportedFile {
  body: string
  mediaType: string
  /** File name extension without the dot. */
  extension: string
}

/** The formats `tolk import-translations` reads. */
export type ImportFormat = 'xliff12' | 'xliff2' | 'po'

/** One unit as a translated file brings it back. */
export interface FileUnit {
  unitId: string
  /** The source text in the file, as exported (compared with the unit's current source). */
  source: string
  /** The target text; undefined when the file has no target for the unit. */
  text: string | undefined
  /**
   * The state the file gives; undefined when the format cannot say (PO) or says only "needs
   * review": then an unchanged text keeps the current state and a changed one becomes translated.
   */
  state: State | undefined
  /**
   * Still marked as needing review (PO `fuzzy`, XLIFF 1.2 `needs-review-translation`, our XLIFF 2.0
   * `subState`): when the text is unchanged, the unit was not touched and is left alone.
   */
  needsReview: boolean
  /** The translation's version at export, from Tolk's note or comment; undefined if lost. */
  version: number | undefined
  /**
   * A PO plural entry, read only for `tolk check --files`: its msgid_plural, and msgstr[0] to
   * msgstr[nplurals - 1] as the header's Plural-Forms asks ('' where a form is empty or absent).
   */
  plural?: { source: string; forms: string[] }
  /**
   * XLIFF 2.0 split into segments by another tool: the segments with no target (their ids, else
   * `segment N`). The text keeps their source in `[[…]]` and the state is `initial`.
   */
  missing?: string[]
  /**
   * Codes of the source that show an interpolation (Angular's `<x id="INTERPOLATION"
   * equiv-text="{{ minutes }}"/>`): code number and what it shows. A target holding the code
   * holds the interpolation, whatever the target's copy of the code says.
   */
  codeInterpolations?: Array<[number, string]>
  /** A unit marked `translate="no"`: no work, out of coverage (as pocount counts). */
  notForTranslation?: true
  /** XLIFF 2.0 `subState="tolk:rejected"`: the file still says a reviewer sent the text back. */
  rejected?: true
  /** 1-based line in the file, for messages. */
  line: number
}

/** A translated file read back: which article and language it belongs to, and its units. */
export interface TranslationFile {
  format: ImportFormat
  articleId: string
  lang: string
  /** The source language the file names (XLIFF source-language / srcLang, our PO header), if any. */
  sourceLang?: string
  units: FileUnit[]
}

/** How strictly a reader takes a file. */
export interface ReadOptions {
  /**
   * Any file of the format, not only Tolk's own exports (what `tolk check --files` reads): several
   * `<file>` elements, no article id (the file name stands in), PO entries without `msgctxt` (the
   * msgid is the key) and plural entries (every form the header's nplurals asks for, in `plural`).
   */
  anyFile?: boolean
  /**
   * The target language of a file that names none (a PO file without a Language header, as half
   * of real ones are): `--target-lang`. A file's own language wins; a PO file's name (sv.po) is
   * the last resort.
   */
  targetLang?: string
}

/**
 * Whether a translation has a text to carry (any state past initial, with text). A draft left in
 * `initial` travels only in XLIFF 2.0, whose segments can say so; elsewhere it would read as done.
 * A rejected one travels like a stale one: its text, marked as pending ({@link needsWork}).
 */
export function isTranslated(t: { text: string; state: string }): boolean {
  return t.state !== 'initial' && t.text !== ''
}

/** A translation with text that is still pending: stale, or rejected by a reviewer. */
export function needsWork(t: { stale: boolean; state: string }): boolean {
  return t.stale || t.state === 'rejected'
}
