import { documentIdOf } from '../../model/namespaces.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage } from '../../model/tags.js'
import { analyseArticle, analysisCsv, analysisText } from '../../tm/analyse.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk analyse ARTICLE --lang sv [--format text|json|csv] [--db FILE]

Word analysis against the translation memory, the way CAT tools quote work: the words of ARTICLE
in each band: repetitions inside the article, 101 (context match), 100, 95–99, 85–94, 75–84,
50–74, and new.

Options:
  --lang xx     target language (one of the article's targets)
  --format F    text (a table, default), json or csv
${DB_HELP}
  -h, --help    this help

Exit status: 0 done, 2 bad usage or input (unknown article, a language that is not a target).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    format: { type: 'string', default: 'text' },
  })
  if (positionals.length !== 1) throw new UsageError('give one ARTICLE; see --help')
  if (!values.lang) throw new UsageError('name the target language with --lang')
  const format = values.format
  if (format !== 'text' && format !== 'json' && format !== 'csv') {
    throw new UsageError(`unknown --format "${format}": use text, json or csv`)
  }
  const articleId = checkId(documentIdOf(positionals[0]!), 'article id')
  const lang = parseLanguage(values.lang)
  const a = await withStore(values.db, (store) => analyseArticle(store, articleId, lang))
  if (format === 'json') await writeOut(`${JSON.stringify(a, null, 2)}\n`)
  else if (format === 'csv') await writeOut(analysisCsv(a))
  else await writeOut(analysisText(a))
  return 0
}
