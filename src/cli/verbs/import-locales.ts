import { userInfo } from 'node:os'
import { readLocaleTree } from '../../formats/read-locale-tree.js'
import { parseLanguage } from '../../model/tags.js'
import type { ResourceImportSummary } from '../../store/resource-sets.js'
import { folderMap, MAP_HELP, MAP_OPTION } from '../folder-map.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk import-locales DIR --source en [--map F=TAG,…] [--as NAME] [--json] [--db FILE]

Load an i18next project (DIR/<lng>/<ns>.json, and DIR/<lng>/admin/users.json as the namespace
admin/users, JSON v4, nested keys, plural forms and arrays,
whose elements are keys such as steps.0) into the workbench. Folders are read as tolk check --locales reads them: pt_BR is pt-BR, --map names
others, and a folder that still names no language is skipped with a warning.

Each namespace becomes a resource set: its keys in the source language become units
(unit id = the key path, such as nav.home, or an id derived from a key that is no valid id;
each plural form, items_one and items_other, a unit of its own, plus the forms a target
language needs that the source lacks, such as Russian items_few), and the strings of every other language folder become translations in state
translated, written through the same versioned path as the editor (history, --as as the author).

Re-importing: unchanged keys stay as they are; a changed source string turns its translations
stale; a key gone from the source turns obsolete (kept with its history); a target string equal
to the stored translation writes nothing. Every file is read and checked first, and everything
is written in one transaction: on any error nothing is written.

Options:
  --source xx    the source language: the folder whose files define the keys
${MAP_HELP}
  --as NAME      who writes the translations (default: TOLK_USER, else the system user name)
  --json         print the summary as JSON: {"namespaces": [...], "files", "warnings"}
${DB_HELP}
  -h, --help     this help

Exit status: 0 imported, 1 imported but a target file had no source file (skipped), 2 bad usage
or input (missing folder, malformed JSON or a non-string value with file and line, an empty key).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    ...DB_OPTION,
    source: { type: 'string' },
    as: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...MAP_OPTION,
  })
  if (positionals.length !== 1) throw new UsageError('give one DIR, the folder that holds en/, sv/, …; see --help')
  if (!values.source) throw new UsageError('name the source language with --source (such as --source en)')
  const source = parseLanguage(values.source)
  const tree = readLocaleTree(positionals[0] as string, source, await folderMap(values.map))
  const author = values.as ?? process.env.TOLK_USER ?? userInfo().username
  const namespaces = await withStore(values.db, (store) => store.resourceSets.importTree(tree.sets, { author }), { create: true })
  if (values.json) {
    await writeOut(`${JSON.stringify({ namespaces, files: tree.files, warnings: tree.warnings })}\n`)
  } else {
    const lines = namespaces.map(describe)
    for (const w of tree.warnings) lines.push(`warning: ${w.message}`)
    await writeOut(`${lines.join('\n')}\n`)
  }
  return tree.warnings.some((w) => w.code === 'no-source-file') ? 1 : 0
}

function describe(s: ResourceImportSummary): string {
  const u = s.units
  const t = s.translations
  return `${s.namespace}${s.id === s.namespace ? '' : ` (id ${s.id})`}: ${s.created ? 'new' : `revision ${s.revision}`}; units ${u.new} new, ${u.changed} changed, ${u.unchanged} unchanged, ${u.obsolete} obsolete; translations ${t.written} written, ${t.unchanged} unchanged, ${t.unknown} without a source key; targets ${s.targets.join(', ') || 'none'}`
}
