import { planAndApply } from '../../batch/apply.js'
import { planBatch } from '../../batch/plan.js'
import { checkId } from '../../model/ids.js'
import { cliPrincipal, describeBatch, SCOPE_HELP, SCOPE_OPTIONS, scopeFromFlags } from '../batch-output.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk replace ARTICLE… --lang sv --find TEXT --replace TEXT [--regex] [--case-sensitive] [--whole-words] [--dry-run] [--json] [--db FILE]

Find and replace in the translations of one or more articles (or a tag's, with --tag) in one
language. Only the text between inline codes is searched: a code is never matched or changed.
Each change is written through the same path as any translation (version check, history), and
its history entry names the batch, so one command undoes it: tolk batch undo ID. A unit written
by someone else between the preview and the write is skipped and listed, never overwritten.

Options:
  --find TEXT       what to look for (plain text, or a regex with --regex)
  --replace TEXT    what to put instead (with --regex: $1, $<name> and $& refer to the match)
  --regex           --find is a JavaScript regular expression (Unicode mode, the u flag); one
                    that runs longer than a second is stopped
  --case-sensitive  match case exactly (by default case is ignored)
  --whole-words     match whole words only
${SCOPE_HELP}
${DB_HELP}
  -h, --help        this help

Exit status: 0 done (skipped units are listed), 2 bad usage or input (an invalid or too slow
regex, unknown article, a language that is no target).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    ...SCOPE_OPTIONS,
    find: { type: 'string' },
    replace: { type: 'string' },
    regex: { type: 'boolean' },
    'case-sensitive': { type: 'boolean' },
    'whole-words': { type: 'boolean' },
  })
  if (values.find === undefined) throw new UsageError('give what to look for with --find')
  if (values.replace === undefined) throw new UsageError('give what to put instead with --replace ("" to delete)')
  const { scope, filter } = scopeFromFlags(positionals.map((a) => checkId(a, 'article id')), values)
  const who = cliPrincipal(values.as)
  const result = await withStore(values.db, async (store) => {
    const request = {
      action: 'replace' as const, scope, filter, find: values.find!, replace: values.replace!,
      regex: values.regex ?? false, caseSensitive: values['case-sensitive'] ?? false, wholeWords: values['whole-words'] ?? false,
    }
    return values['dry-run'] ? planBatch(store, request, who) : planAndApply(store, request, who)
  })
  await writeOut(values.json ? `${JSON.stringify(result, null, 2)}\n` : describeBatch(result))
  return 0
}
