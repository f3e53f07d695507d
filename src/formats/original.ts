/**
 * The translated article in its source's own format and layout (`--format original`): a Markdown
 * or HTML article rebuilt from its skeleton with each unit's translation (codes written back as
 * their markup, text encoded for where it goes), a text article as the text export writes it.
 * An untranslated unit falls back to its source, or with `untranslated: 'fail'` the export fails
 * naming every such unit.
 */
import { renderDocument } from '../documents/render.js'
import { TolkError } from '../model/errors.js'
import { writePlainText } from './plain-text.js'
import { isTranslated, type ExportData, type ExportedFile, type ExportOptions } from './types.js'

/** An export refused because units are left untranslated (409, exit 2), listing them. */
export class UntranslatedUnits extends TolkError {
  readonly units: { id: string; position: number }[]
  constructor(articleId: string, lang: string, units: { id: string; position: number }[]) {
    const list = units.slice(0, 20).map((u) => `${u.id} (position ${u.position})`).join(', ')
    const more = units.length > 20 ? ` and ${units.length - 20} more` : ''
    super('untranslated-units', `${units.length} unit${units.length === 1 ? ' is' : 's are'} not translated into ${lang} in ${articleId}: ${list}${more}`, 409)
    this.units = units
  }
}

/** Write the translated document. */
export function writeOriginal(data: ExportData, opts: ExportOptions = {}): ExportedFile {
  if (opts.untranslated === 'fail') {
    const left = data.units.filter((u) => !isTranslated(u.translation)).map((u) => ({ id: u.unit.id, position: u.unit.position }))
    if (left.length) throw new UntranslatedUnits(data.article.id, data.lang, left)
  }
  const { article } = data
  if (!article.skeleton || (article.format ?? 'text') === 'text') {
    return writePlainText(data, { markUntranslated: false })
  }
  const byPos = new Map(data.units.map((u) => [u.unit.position, u]))
  const body = renderDocument(
    article.skeleton,
    data.units.map((u) => u.unit),
    (pos) => {
      const u = byPos.get(pos)
      if (!u) return ''
      return isTranslated(u.translation) ? u.translation.text : u.unit.source
    },
  )
  return article.format === 'md'
    ? { body, mediaType: 'text/markdown; charset=utf-8', extension: 'md' }
    : { body, mediaType: 'text/html; charset=utf-8', extension: 'html' }
}
