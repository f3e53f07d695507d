import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { resolveDbPath } from '../../config.js'
import { locateStore, redact } from '../../store/locate.js'
import { parseVerbArgs, UsageError, writeOut } from '../output.js'
import { DB_HELP, DB_OPTION, withStore } from '../store-access.js'

export const HELP = `Usage: tolk backup FILE [--force] [--db FILE]

Write a consistent copy of a SQLite database to FILE with SQLite's online backup, safe while the
service or another process is using the database. To restore: stop the service, then copy FILE
over the database file (and delete any -wal and -shm files beside it). FILE may not be the
database itself or its -wal, -shm or -journal file (after links and ..), even with --force.
A PostgreSQL database (--db postgres://…) is backed up with pg_dump instead, which this verb
names with the command to run.

Options:
  --force        overwrite FILE if it exists
${DB_HELP}
  -h, --help     this help`

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { ...DB_OPTION, force: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('give the backup FILE; see --help')
  const target = positionals[0] as string
  const db = resolveDbPath(values.db)
  const where = locateStore(db)
  if (where.kind === 'postgres') {
    // A copy of a PostgreSQL database is the server's own tool's job: consistent, and restorable
    // with pg_restore. Said before anything is opened or written.
    throw new UsageError(`a PostgreSQL database is backed up with pg_dump: pg_dump --format=custom --file ${target} '${redact(where.url)}'`)
  }
  if (sameFile(target, db)) {
    throw new UsageError(`${target} is the database itself (or its -wal/-shm file): a backup must go to another file`)
  }
  if (existsSync(target) && !values.force) throw new UsageError(`${target} exists; choose another name or add --force`)
  await withStore(values.db, (store) => store.backup(target))
  await writeOut(`backup written to ${target}\n`)
  return 0
}

/** Whether `target` names the database `db` or its -wal/-shm file, after links and `..`. */
function sameFile(target: string, db: string): boolean {
  const t = real(target)
  const d = real(db)
  return t === d || t === `${d}-wal` || t === `${d}-shm` || t === `${d}-journal`
}

/** The real path of `file`, or of its folder joined with its name when it does not exist. */
function real(file: string): string {
  const abs = path.resolve(file)
  try {
    return realpathSync(abs)
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs))
    } catch {
      return abs
    }
  }
}
