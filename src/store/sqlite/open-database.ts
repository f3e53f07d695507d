import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { InvalidInput } from '../../model/errors.js'
import { textProblem } from '../../model/text-rule.js'
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations/index.js'

/** Options for opening the SQLite file. */
export interface OpenOptions {
  /** Path of the database file; parent folders are created. */
  file: string
  /**
   * How long (ms) SQLite itself waits for another connection's write lock, blocking the thread.
   * `tolk serve` sets 0: its writes retry off the event loop instead (see `busyWindowMs`).
   */
  busyTimeout?: number
  /**
   * How long (ms) a store write keeps retrying, with async sleeps between attempts, while
   * another connection holds the write lock, before it fails with StoreBusy (default 2000).
   */
  busyWindowMs?: number
  /**
   * Log pages after which a commit also checkpoints (SQLite's default: 1000). `tolk serve` raises
   * it, since a thread of its own checkpoints off the event loop (see `checkpointer.ts`).
   */
  walAutocheckpoint?: number
  /**
   * Refuse to create the file: a missing file, or one that is not a Tolk database (another
   * SQLite file, an empty one), is an InvalidInput naming it. Verbs that only read or change a
   * workbench's data open it so, so that a mistyped path never makes a new database.
   */
  mustExist?: boolean
}

/** Defaults for {@link OpenOptions}. */
export const DEFAULT_OPEN_OPTIONS = { busyTimeout: 5000 } as const

/**
 * Open (creating if needed) a Tolk database: WAL, foreign keys, busy timeout, and the schema
 * migrated to this code's version. Refuses a file written by a newer schema rather than guess.
 */
export function openDatabase(opts: OpenOptions): Database.Database {
  if (opts.file !== ':memory:') {
    if (opts.mustExist) refuseMissing(opts.file)
    else fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true })
  }
  let db: Database.Database
  try {
    db = new Database(opts.file)
  } catch (err) {
    throw unreadable(opts.file, err)
  }
  try {
    // Before anything writes to it: a file that holds no Tolk schema is not one to migrate.
    if (opts.mustExist && opts.file !== ':memory:' && userVersion(db) === 0) {
      throw new InvalidInput(`${opts.file} is not a Tolk database (it holds no Tolk schema); give --db the workbench's database file`, 'unreadable-file')
    }
    // WAL: readers never block the writer nor it them, and a commit is one append to the log.
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${opts.busyTimeout ?? DEFAULT_OPEN_OPTIONS.busyTimeout}`)
    // NORMAL in WAL mode: every committed transaction survives a crash of the process (the log is
    // written before commit returns); a power loss or OS crash may lose the last few commits,
    // since the log is synced only at checkpoints, but never corrupts the file.
    db.pragma('synchronous = NORMAL')
    if (opts.walAutocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(opts.walAutocheckpoint)}`)
    registerSqlFunctions(db)
    migrate(db, opts.file)
    return db
  } catch (err) {
    db.close()
    throw unreadable(opts.file, err)
  }
}

/** A missing database file, named, the way `tolk check --db` has always said it. */
function refuseMissing(file: string): void {
  if (!fs.existsSync(file)) throw new InvalidInput(`no database at ${file}; give --db the workbench's database file`, 'unreadable-file')
}

/**
 * SQLite's refusals to open a file (a folder, a text file, a damaged one) as an InvalidInput
 * naming the file (exit 2, a 4xx), instead of an unexpected error; anything else as it was.
 */
function unreadable(file: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code
  const cannot = typeof code === 'string' && /^SQLITE_(NOTADB|CANTOPEN|CORRUPT|IOERR|PERM|READONLY)/.test(code)
  const noFolder = err instanceof TypeError && /directory does not exist/.test(err.message)
  if (!cannot && !noFolder) return err
  const why = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? 'it is a folder' : (err as Error).message
  return new InvalidInput(`cannot open the database ${file}: ${why}; give --db the workbench's database file`, 'unreadable-file')
}

/** The text rule in SQL, `tolk_text_problem(text, max)`, for schema 14's listing of texts stored before the rule. */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('tolk_text_problem', { deterministic: true }, (text: unknown, max: unknown) =>
    typeof text === 'string' ? (textProblem(text, Number(max)) ?? null) : null,
  )
}

/** Bring the schema up to {@link SCHEMA_VERSION}, one migration per transaction. */
function migrate(db: Database.Database, file: string): void {
  const found = userVersion(db)
  refuseNewer(found, file)
  if (found === SCHEMA_VERSION) return
  for (const m of MIGRATIONS) {
    // IMMEDIATE and re-reading the version inside: two processes opening a new file at once
    // must not both run the same step.
    db.transaction(() => {
      const current = userVersion(db)
      refuseNewer(current, file)
      if (current >= m.version) return
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

function refuseNewer(version: number, file: string): void {
  if (version > SCHEMA_VERSION) {
    throw new InvalidInput(
      `database ${file} was written by a newer Tolk (schema ${version}, this one knows ${SCHEMA_VERSION}): upgrade Tolk`,
      'schema-too-new',
    )
  }
}
