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
}

/** Defaults for {@link OpenOptions}. */
export const DEFAULT_OPEN_OPTIONS = { busyTimeout: 5000 } as const

/**
 * Open (creating if needed) a Tolk database: WAL, foreign keys, busy timeout, and the schema
 * migrated to this code's version. Refuses a file written by a newer schema rather than guess.
 */
export function openDatabase(opts: OpenOptions): Database.Database {
  if (opts.file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true })
  }
  const db = new Database(opts.file)
  try {
    // WAL: readers never block the writer nor it them, and a commit is one append to the log.
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${opts.busyTimeout ?? DEFAULT_OPEN_OPTIONS.busyTimeout}`)
    // NORMAL in WAL mode: every committed transaction survives a crash of the process (the log is
    // written before commit returns); a power loss or OS crash may lose the last few commits,
    // since the log is synced only at checkpoints, but never corrupts the file.
    db.pragma('synchronous = NORMAL')
    if (opts.walAutocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(opts.walAutocheckpoint)}`)
    // The text rule in SQL, for schema 14's listing of texts stored before the rule.
    db.function('tolk_text_problem', { deterministic: true }, (text: unknown, max: unknown) =>
      typeof text === 'string' ? (textProblem(text, Number(max)) ?? null) : null,
    )
    migrate(db, opts.file)
    return db
  } catch (err) {
    db.close()
    throw err
  }
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
