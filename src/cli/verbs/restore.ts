import { documentIdOf } from '../../model/namespaces.js'
import { userInfo } from 'node:os'
import { checkId } from '../../model/ids.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'
import { knownIds, plural, requireDatabase } from './archive.js'

export const HELP = `Usage: tolk restore ARTICLE… [--as NAME] [--db FILE]
       tolk restore --list [--db FILE]

Bring archived articles or i18next namespaces (tolk archive) back exactly as they were: the
same units, translations, versions, history and coverage. They are in reports, listings,
/locales and the dashboard again, and take writes and imports. The API does the same:
POST /api/articles/ARTICLE/restore (admins).

Options:
  --list         list the archived articles and namespaces (id, kind, when, by whom)
  --as NAME      who restores, for the archive log (default: TOLK_USER, else the system user name)
${DB_HELP}
  -h, --help     this help

Exit status: 0 restored (or listed), 1 some were not archived (the others are restored now),
2 bad usage or input (an unknown article, a missing database: nothing is restored).`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, as: { type: 'string' }, list: { type: 'boolean' } })
  if (values.list) {
    if (positionals.length > 0) throw new UsageError('--list takes no ARTICLE; see --help')
    requireDatabase(values.db)
    return withStore(values.db, async (store) => {
      const archived = await store.listArchived()
      if (archived.length === 0) await writeOut('nothing is archived\n')
      const width = Math.max(0, ...archived.map((a) => a.id.length))
      for (const a of archived) {
        const kind = a.kind === 'resource-set' ? 'namespace' : 'article'
        await writeOut(`${a.id.padEnd(width)}  ${kind.padEnd(9)}  archived ${a.archivedAt} by ${a.archivedBy}\n`)
      }
      return 0
    })
  }
  if (positionals.length === 0) throw new UsageError('name the ARTICLE to restore (tolk restore --list shows the archived ones); see --help')
  const ids = positionals.map((id) => checkId(documentIdOf(id), 'article id'))
  const by = values.as ?? process.env.TOLK_USER ?? userInfo().username
  requireDatabase(values.db)
  return withStore(values.db, async (store) => {
    const archived = await knownIds(store, ids)
    let live = 0
    for (const id of ids) {
      if (!archived.has(id)) {
        live++
        await writeOut(`${id} is not archived: nothing to restore\n`)
        continue
      }
      const a = await store.restoreArticle(id, { by })
      await writeOut(`restored ${id} (revision ${a.revision}, ${plural(a.units, 'unit')}; targets ${a.targets.join(', ') || 'none'})\n`)
    }
    return live > 0 ? 1 : 0
  })
}
