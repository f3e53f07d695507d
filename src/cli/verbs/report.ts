import { parseLanguage } from '../../model/tags.js'
import { buildReport } from '../../report/build-report.js'
import { formatReportText } from '../../report/format-text.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore } from '../store-access.js'

export const HELP = `Usage: tolk report [ARTICLE…] [--lang sv,de] [--format text|json] [--summary] [--db FILE]

Coverage per article and target language: units and words in each state, stale, and the share
of words translated (translated, reviewed or final, and not stale); then each untranslated or
stale segment with its id, position and source text.

Options:
  --lang LIST    target languages to report (default: each article's targets)
  --format F     text (a table, default) or json (see README: "Report JSON")
  --summary      coverage only, without the segment lists
${DB_HELP}
  -h, --help     this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    format: { type: 'string', default: 'text' },
    summary: { type: 'boolean' },
  })
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`unknown --format "${values.format}": use text or json`)
  }
  const langs = splitList(values.lang)?.map((l) => parseLanguage(l))
  const report = await withStore(values.db, (store) =>
    buildReport(store, { articles: positionals, ...(langs ? { langs } : {}), summary: values.summary ?? false }),
  )
  await writeOut(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report))
  return 0
}
