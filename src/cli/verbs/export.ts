import { documentIdOf } from '../../model/namespaces.js'
import { writeFile } from 'node:fs/promises'
import { exportArticle, parseExportFormat } from '../../formats/export-article.js'
import { EXPORT_FORMATS } from '../../formats/types.js'
import { InvalidInput } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk export ARTICLE --lang sv --format FORMAT [--output FILE] [--mark-untranslated] [--untranslated source|fail] [--db FILE]

Write one article in one target language in an interchange format, to standard output or FILE.

Formats:
  xliff2    XLIFF 2.0: a unit per segment, state initial/translated/reviewed/final, stale as
            subState "tolk:stale", notes for tag, position and the version at export
  xliff12   XLIFF 1.2 (strict schema): translated, reviewed = signed-off and final = final, all
            approved="yes" (as translate-toolkit reads them); stale = needs-review-translation,
            untranslated = no target
  tmx       TMX 1.4b translation memory of every translated unit
  po        gettext PO: msgctxt = unit id, stale = #, fuzzy
  i18next   i18next JSON v4: key = unit id, translated units only
  text      the translation in the source's layout, as plain text (codes left out); untranslated
            segments in the source language
  original  the translated document in its source's own format and layout: Markdown or HTML
            rebuilt from its skeleton (byte for byte where every target equals its source), a
            text article as text; untranslated segments in the source language

XLIFF and PO files come back with tolk import-translations, which checks each unit against the
version recorded here.

Options:
  --lang xx              target language (one of the article's targets)
  --format F             ${EXPORT_FORMATS.join(', ')}
  --output FILE          write FILE instead of standard output
  --mark-untranslated    text: wrap untranslated segments as [[source]]
  --untranslated fail    original: fail (exit 2) listing the untranslated units instead
${DB_HELP}
  -h, --help             this help

Exit status: 0 written, 2 bad usage or input (unknown article, language or format; untranslated
units with --untranslated fail).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'mark-untranslated': { type: 'boolean' },
    untranslated: { type: 'string' },
  })
  if (positionals.length !== 1) throw new UsageError('give one ARTICLE id; see --help')
  if (!values.lang) throw new UsageError('name the target language with --lang')
  if (!values.format)
    throw new UsageError(`name the format with --format (${EXPORT_FORMATS.join(', ')})`)
  const format = parseExportFormat(values.format)
  const untranslated = values.untranslated
  if (untranslated !== undefined && untranslated !== 'source' && untranslated !== 'fail') {
    throw new UsageError(`--untranslated ${untranslated}: use source or fail`)
  }
  const lang = parseLanguage(values.lang)
  const articleId = checkId(documentIdOf(positionals[0] as string), 'article id')
  const file = await withStore(values.db, (store) =>
    exportArticle(store, articleId, lang, format, {
      markUntranslated: values['mark-untranslated'] ?? false,
      ...(untranslated ? { untranslated } : {}),
    }),
  )
  if (values.output === undefined || values.output === '-') {
    await writeOut(file.body)
    return 0
  }
  try {
    await writeFile(values.output, file.body)
  } catch (err) {
    throw new InvalidInput(
      `cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      'unwritable-file',
    )
  }
  return 0
}
