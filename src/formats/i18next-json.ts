/**
 * i18next JSON v4 of one article in one language: namespace = article id, key = unit id, value =
 * the translation. Untranslated units are left out so that i18next falls back to the source
 * language, as it does for any missing key.
 */
import { writeWhole, type ExportData, type ExportedFile, type ExportFormatWriter } from './types.js'

/** The i18next resource object (flat: unit ids hold no key separator worth nesting by). */
export function i18nextResources(data: ExportData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { unit, translation: t } of data.units)
    if (t.text !== '' && t.state !== 'initial') out[unit.id] = t.text
  return out
}

/**
 * The resource object as JSON a piece at a time, as `JSON.stringify(resources, null, 2)` writes
 * it: two-space indented, one key per translated unit in position order.
 */
export const I18NEXT_WRITER: ExportFormatWriter = {
  mediaType: 'application/json; charset=utf-8',
  extension: 'json',
  start() {
    let first = true
    return {
      head: '',
      unit({ unit, translation: t }) {
        if (t.text === '' || t.state === 'initial') return ''
        const entry = `${first ? '{\n' : ',\n'}  ${JSON.stringify(unit.id)}: ${JSON.stringify(t.text)}`
        first = false
        return entry
      },
      end: () => (first ? '{}\n' : '\n}\n'),
    }
  },
}

/** Write the resource object as JSON, two-space indented, one key per unit in position order. */
export function writeI18nextJson(data: ExportData): ExportedFile {
  return writeWhole(I18NEXT_WRITER, data)
}
