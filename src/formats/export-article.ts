/**
 * Export one article in one target language in any of the interchange formats: reads the article,
 * its live units and their translations in two store calls, then hands them to one writer.
 */
import { plainText } from '../codes/tagged-text.js'
import { InvalidInput } from '../model/errors.js'
import { printable } from '../model/tags.js'
import { untranslated } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { writeI18nextJson } from './i18next-json.js'
import { writeOriginal } from './original.js'
import { writePlainText } from './plain-text.js'
import { writePo } from './po.js'
import { writeTmx } from './tmx.js'
import {
  EXPORT_FORMATS,
  type ExportData,
  type ExportedFile,
  type ExportFormat,
  type ExportOptions,
} from './types.js'
import { writeXliff12 } from './xliff12.js'
import { writeXliff2 } from './xliff2.js'

const WRITERS: Record<ExportFormat, (data: ExportData, opts: ExportOptions) => ExportedFile> = {
  xliff2: writeXliff2,
  xliff12: writeXliff12,
  tmx: writeTmx,
  po: writePo,
  i18next: writeI18nextJson,
  text: writePlainText,
  original: writeOriginal,
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
  if (!article) throw new InvalidInput(`no article "${printable(articleId)}"`)
  if (!article.targets.includes(lang)) {
    throw new InvalidInput(
      `"${lang}" is not a target language of ${articleId}: use ${article.targets.join(', ') || '(none)'}`,
      'unknown-target',
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
    units: units.map((unit) => ({
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
  return WRITERS[format](await loadExportData(store, articleId, lang), opts)
}
