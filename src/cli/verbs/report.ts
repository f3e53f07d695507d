import { documentIdOf } from '../../model/namespaces.js'
import { parseLanguage } from '../../model/tags.js'
import { buildReport, reportArticles } from '../../report/build-report.js'
import { formatPendingText, formatSummaryTable } from '../../report/format-text.js'
import { reportJson } from '../../report/report-json.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, splitList, withStore } from '../store-access.js'

export const HELP = `Usage: tolk report [ARTICLE…] [--lang sv,de] [--format text|json] [--summary] [--db FILE]

Coverage per article and target language: units and words in each state, stale, and the share
of words translated (translated, reviewed or final, and not stale); then each untranslated or
stale segment with its id, position and source text.

Options:
  --lang LIST    target languages to report (default: each article's targets)
  --format F     text (a table, default) or json (see docs/api.md, "Report JSON")
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
  const opts = { articles: positionals.map(documentIdOf), ...(langs ? { langs } : {}) }
  await withStore(values.db, async (store) => {
    if (values.format === 'json') {
      for await (const chunk of reportJson(store, { ...opts, summary: values.summary ?? false })) await writeOut(chunk)
      return
    }
    // The table needs every row first, and rows come from the counters alone (cheap); the
    // segment lists, which can be large, then stream one article at a time.
    await writeOut(formatSummaryTable(await buildReport(store, { ...opts, summary: true })))
    if (values.summary) return
    for await (const article of reportArticles(store, opts)) {
      const text = formatPendingText(article)
      if (text) await writeOut(text)
    }
  })
  return 0
}
