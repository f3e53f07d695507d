import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { folderOfLanguage } from '../../check/read-locales.js'
import { inFileBytes, nestResources, serialiseResources } from '../../formats/i18next-resources.js'
import { resourceSetFile } from '../../formats/resource-set-files.js'
import { folderMap, MAP_HELP, MAP_OPTION } from '../folder-map.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk export-locales DIR [--map F=TAG,…] [--json] [--db FILE]

Write every i18next resource set back as DIR/<lng>/<ns>.json (i18next JSON v4, nested; a
namespace from a subfolder, such as admin/users, as DIR/<lng>/admin/users.json): the
source strings in the text language, translated (and reviewed, final) strings in each target.
A language goes into the folder of DIR that names it as tolk check --locales reads folders
(pt_BR for pt-BR, or the folder --map gives it), else into a folder named by its tag.
Keys keep the order, nesting and indentation of the file they were imported from, and the final
newline, so a tree imported with tolk import-locales and exported unchanged is byte for byte the
same; a changed translation changes only its line. Writing over a file that starts with a BOM or
has CRLF line endings keeps them; a new file gets neither. Keys added since (saveMissing, a new
translation) follow in unit order. A target gets a file when it had one or has a translation.
A file whose content is already right is not rewritten.

Options:
${MAP_HELP}
  --json         print {"written": [...], "unchanged": [...]} (file paths)
${DB_HELP}
  -h, --help     this help

Exit status: 0 written, 1 the database holds no resource set, 2 bad usage.`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, ...MAP_OPTION, json: { type: 'boolean', default: false } })
  if (positionals.length !== 1) throw new UsageError('give one DIR to write the locale tree into; see --help')
  const dir = positionals[0] as string
  const folderOf = folderOfLanguage(dir, await folderMap(values.map))
  const result = await withStore(values.db, async (store) => {
    const written: string[] = []
    const unchanged: string[] = []
    const sets = await store.resourceSets.list()
    for (const set of sets) {
      for (const lang of [set.lang, ...set.targets]) {
        const file = await resourceSetFile(store, set, lang, true)
        if (lang !== set.lang && !file.imported && file.entries.length === 0) continue
        // A subfolder namespace (`admin/users`) goes back into its subfolder; the store took
        // only names that stay inside the language folder (src/model/namespaces.ts).
        const path = join(dir, folderOf(lang), `${set.namespace}.json`)
        const folder = dirname(path)
        if (relative(dir, path).startsWith(`..${sep}`)) throw new Error(`refusing to write ${path} outside ${dir}`)
        const existing = readOr(path)
        const text = inFileBytes(serialiseResources(nestResources(file.entries), file.layout), existing)
        if (existing === text) {
          unchanged.push(path)
          continue
        }
        mkdirSync(folder, { recursive: true })
        writeFileSync(path, text)
        written.push(path)
      }
    }
    return { sets: sets.length, written, unchanged }
  })
  if (result.sets === 0) {
    process.stderr.write('tolk export-locales: the database holds no i18next resource sets; load some with tolk import-locales\n')
    return 1
  }
  if (values.json) await writeOut(`${JSON.stringify({ written: result.written, unchanged: result.unchanged })}\n`)
  else await writeOut(`${result.written.map((p) => `wrote ${p}`).join('\n')}${result.written.length ? '\n' : ''}${result.written.length} written, ${result.unchanged.length} unchanged\n`)
  return 0
}

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
