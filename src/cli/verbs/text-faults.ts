import type { TextFault } from '../../store/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk text-faults [--json] [--db FILE]

List the stored texts that break the text rule: a control character other than tab and line
breaks, an unpaired surrogate, or a text over its limit (100,000 characters for a translation).
Every write is checked against the rule; these were stored before it was enforced (schema 14
listed them when the database was upgraded). XML exports (XLIFF, TMX) refuse them, naming the
unit. Rewrite each one (in the editor, or with tolk translate) and it leaves the list.

Options:
  --json         print [{"articleId", "unitId", "lang", "what", "problem"}, ...]
${DB_HELP}
  -h, --help     this help

Exit status: 0 none, 1 some listed, 2 bad usage.`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, json: { type: 'boolean' } })
  if (positionals.length !== 0) throw new UsageError('text-faults takes no arguments; see --help')
  const faults = await withStore(values.db, (store) => store.textFaults())
  if (values.json) await writeOut(`${JSON.stringify(faults, null, 2)}\n`)
  else await writeOut(faults.length === 0 ? 'no stored text breaks the text rule\n' : faults.map((f) => `${describeFault(f)}\n`).join(''))
  return faults.length > 0 ? 1 : 0
}

/** One fault on one line: `article/unit lang (what): problem`. */
export function describeFault(f: TextFault): string {
  return `${f.articleId}${f.unitId === null ? '' : `/${f.unitId}`} ${f.lang} (${f.what}): ${f.problem}`
}
