/**
 * i18next JSON v4 of one article in one language: namespace = article id, key = unit id, value =
 * the translation. Untranslated units are left out so that i18next falls back to the source
 * language, as it does for any missing key.
 */
import type { ExportData, ExportedFile } from './types.js'

/** The i18next resource object (flat: unit ids hold no key separator worth nesting by). */
export function i18nextResources(data: ExportData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { unit, translation: t } of data.units)
    if (t.text !== '' && t.state !== 'initial') out[unit.id] = t.text
  return out
}

/** Write the resource object as JSON, two-space indented, one key per unit in position order. */
export function writeI18nextJson(data: ExportData): ExportedFile {
  return {
    body: `${JSON.stringify(i18nextResources(data), null, 2)}\n`,
    mediaType: 'application/json; charset=utf-8',
    extension: 'json',
  }
}
