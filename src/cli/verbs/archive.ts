import { documentIdOf } from '../../model/namespaces.js'
import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { resolveDbPath } from '../../config.js'
import { locateStore } from '../../store/locate.js'
import { checkId } from '../../model/ids.js'
import type { Store } from '../../store/types.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk archive ARTICLE… [--as NAME] [--db FILE]

Archive articles or i18next namespaces. An archived one leaves tolk report, tolk check --db,
the API's listings and reports, /locales and the editor's dashboard, and is kept whole: its
units, translations, versions, history and memory entries stay as they are, and its id stays
taken. Reading it is refused (the API answers 404, type archived), and so is writing to it,
re-importing it or posting saveMissing keys to it (409). tolk restore ARTICLE brings it back
unchanged. The API does the same: DELETE /api/articles/ARTICLE (admins).

Options:
  --as NAME      who archives, for the archive log (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help     this help

Exit status: 0 archived, 1 some were archived already (the others are archived now), 2 bad
usage or input (an unknown article, a missing database: nothing is archived).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, as: { type: 'string' } })
  if (positionals.length === 0) throw new UsageError('name the ARTICLE to archive; see --help')
  const ids = positionals.map((id) => checkId(documentIdOf(id), 'article id'))
  const by = values.as ?? process.env.TOLK_USER ?? userInfo().username
  requireDatabase(values.db)
  return withStore(values.db, async (store) => {
    // Every id is checked before any is archived: a typo archives nothing.
    const archived = await knownIds(store, ids)
    let already = 0
    for (const id of ids) {
      if (archived.has(id)) {
        already++
        await writeOut(`${id} is archived already: tolk restore ${id} brings it back\n`)
        continue
      }
      const a = await store.archiveArticle(id, { by })
      const what = a.kind === 'resource-set' ? 'i18next namespace' : 'article'
      await writeOut(`archived ${id} (${what}, ${plural(a.units, 'unit')}; targets ${a.targets.join(', ') || 'none'}): tolk restore ${id} brings it back\n`)
    }
    return already > 0 ? 1 : 0
  })
}

/**
 * The ids among `ids` that are archived; throws UsageError (exit 2) naming the first id that is
 * neither live nor archived.
 */
export async function knownIds(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const archived = new Set<string>()
  for (const id of ids) {
    if (await store.getArticle(id)) continue
    if (await store.getArchived(id)) {
      archived.add(id)
      continue
    }
    throw new UsageError(`no article ${id} in the database: see tolk report (and tolk restore --list for archived ones)`)
  }
  return archived
}

/** Archiving names what exists: a missing database is a wrong --db, not a new one to create. */
export function requireDatabase(flag: string | undefined): void {
  const where = locateStore(resolveDbPath(flag))
  // A PostgreSQL database is checked on opening (mustExist): it holds Tolk's schema or is refused.
  if (where.kind !== 'sqlite') return
  const file = where.file
  if (!existsSync(file)) throw new UsageError(`no database at ${file}: give --db FILE (or set TOLK_DB)`)
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
