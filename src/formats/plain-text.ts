/**
 * The target text reassembled in the source's layout: the lead, then each unit's translation (or
 * its source, when untranslated) followed by the unit's own trailing whitespace.
 */
import { plainTextLenient } from '../codes/tagged-text.js'
import { isTranslated, type ExportData, type ExportedFile, type ExportOptions } from './types.js'

/** How `--mark-untranslated` shows a segment left in the source language. */
export function markUntranslated(source: string): string {
  return `[[${source}]]`
}

/** Write the target text; untranslated segments in the source language, marked when asked. */
export function writePlainText(data: ExportData, opts: ExportOptions = {}): ExportedFile {
  let body = data.lead
  for (const { unit, translation: t } of data.units) {
    // Plain text: codes left out (a Markdown or HTML unit's markup is not text).
    const text = isTranslated(t)
      ? plainTextLenient(t.text)
      : opts.markUntranslated
        ? markUntranslated(plainTextLenient(unit.source))
        : plainTextLenient(unit.source)
    body += text + unit.trailing
  }
  return { body, mediaType: 'text/plain; charset=utf-8', extension: 'txt' }
}
