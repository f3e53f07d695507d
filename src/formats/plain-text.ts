/**
 * The target text reassembled in the source's layout: the lead, then each unit's translation (or
 * its source, when untranslated) followed by the unit's own trailing whitespace.
 */
import { plainTextLenient } from '../codes/tagged-text.js'
import { isTranslated, writeWhole, type ExportData, type ExportedFile, type ExportFormatWriter, type ExportOptions } from './types.js'

/** How `--mark-untranslated` shows a segment left in the source language. */
export function markUntranslated(source: string): string {
  return `[[${source}]]`
}

/** The target text a piece at a time: the lead, then each unit's text and trailing space. */
export const PLAIN_TEXT_WRITER: ExportFormatWriter = {
  mediaType: 'text/plain; charset=utf-8',
  extension: 'txt',
  start(data, opts) {
    return {
      head: data.lead,
      unit({ unit, translation: t }) {
        // Plain text: codes left out (a Markdown or HTML unit's markup is not text).
        const text = isTranslated(t)
          ? plainTextLenient(t.text)
          : opts.markUntranslated
            ? markUntranslated(plainTextLenient(unit.source))
            : plainTextLenient(unit.source)
        return text + unit.trailing
      },
      end: () => '',
    }
  },
}

/** Write the target text; untranslated segments in the source language, marked when asked. */
export function writePlainText(data: ExportData, opts: ExportOptions = {}): ExportedFile {
  return writeWhole(PLAIN_TEXT_WRITER, data, opts)
}
