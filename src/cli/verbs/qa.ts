import { parseLanguage, parseTag } from '../../model/tags.js'
import { articleQa, openFindings } from '../../qa/article-qa.js'
import { SEVERITIES, type QaFinding, type QaReport, type Severity } from '../../qa/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk qa ARTICLE --lang sv [--severity error|warning] [--open] [--consistency article|tag] [--tag TAG] [--format text|json] [--db FILE]

The QA overview of one article in one language: every finding of every check on its
translations, by segment. Codes, numbers and forbidden terms are errors; end punctuation,
spaces, a copy of the source, untranslated and deprecated terms, and inconsistency are warnings.
A finding someone dismissed (in the editor or on the QA page) is listed as dismissed, until the
text changes.

Options:
  --lang xx          the target language (required)
  --severity S       the least severity listed: warning (default: all) or error
  --open             leave dismissed findings out
  --consistency C    inconsistency within the article (default) or across the articles of
                     its tag (tag)
  --tag TAG          the termbase the term checks read (default: the language with the
                     article tag's domain, sv-general for en-general)
  --format F         text (default: one line a finding) or json (the API's answer)
${DB_HELP}
  -h, --help         this help

The API has the same: GET /api/articles/ID/qa?lang=sv. \`tolk check --db --qa error\` gates
CI on the findings. See docs/qa.md.

Exit status: 0 listed (findings or not), 2 bad usage or input (an unknown article, a language
that is not one of its targets).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    lang: { type: 'string' },
    tag: { type: 'string' },
    severity: { type: 'string', default: 'warning' },
    open: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    consistency: { type: 'string', default: 'article' },
  })
  if (positionals.length !== 1) throw new UsageError('name one article: tolk qa ARTICLE --lang sv')
  if (values.lang === undefined) throw new UsageError('name the target language with --lang, such as --lang sv')
  const lang = parseLanguage(values.lang)
  if (!(SEVERITIES as readonly string[]).includes(values.severity)) throw new UsageError(`unknown --severity "${values.severity}": use error or warning`)
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown --format "${values.format}": use text or json`)
  if (values.consistency !== 'article' && values.consistency !== 'tag') throw new UsageError(`unknown --consistency "${values.consistency}": use article or tag`)
  const consistency = values.consistency
  const floor = values.severity as Severity
  const tag = values.tag === undefined ? undefined : parseTag(values.tag).tag
  const report = await withStore(values.db, (store) => articleQa(store, positionals[0]!, lang, { consistency, ...(tag ? { tag } : {}) }))
  const findings = values.open ? openFindings(report, floor) : report.findings.filter((f) => floor === 'warning' || f.severity === 'error')
  const shown = { ...report, findings }
  await writeOut(values.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : formatQaText(shown))
  return 0
}

/** One line a finding: `3 u-ab12 error numbers: Numbers differ: …`, dismissed ones marked. */
export function formatQaText(report: QaReport): string {
  const line = (f: QaFinding) =>
    `${f.position}\t${f.unit}\t${f.severity}\t${f.check}\t${oneLine(f.message)}${f.dismissed ? `\t(dismissed by ${f.dismissed.by}${f.dismissed.reason ? `: ${oneLine(f.dismissed.reason)}` : ''})` : ''}\n`
  const errors = report.findings.filter((f) => f.severity === 'error' && !f.dismissed).length
  const warnings = report.findings.filter((f) => f.severity === 'warning' && !f.dismissed).length
  const dismissed = report.findings.filter((f) => f.dismissed).length
  const head = `${report.article} ${report.lang}: ${errors} errors, ${warnings} warnings${dismissed ? `, ${dismissed} dismissed` : ''} (termbase ${report.termbase})\n`
  return head + report.findings.map(line).join('')
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ')
