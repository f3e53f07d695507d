import { sql as core } from './001-core.js'
import { sql as auth } from './002-auth.js'
import { sql as memory } from './003-memory.js'
import { sql as terms } from './004-terms.js'
import { sql as mainFollowups } from './005-main-followups.js'
import { sql as reviewStates } from './006-review-states.js'
import { sql as comments } from './007-comments.js'
import { sql as assignments } from './008-assignments.js'
import { sql as qaDismissals } from './009-qa-dismissals.js'
import { sql as batches } from './010-batches.js'
import { sql as alignedOrigin } from './011-aligned-origin.js'
import { sql as namespaceFolders } from './012-namespace-folders.js'
import { sql as writeClearsFaults } from './013-write-clears-faults.js'
import { sql as batchStaleSources } from './014-batch-stale-sources.js'
import { sql as assignmentWithdrawals } from './015-assignment-withdrawals.js'

/**
 * The PostgreSQL schema, in its own numbered series (SQLite's is src/store/migrations/): the two
 * backends' schemas differ in their SQL, not in what they hold. Append only: a migration that has
 * shipped is never edited. `tolk_schema` holds the version reached.
 */
export interface PgMigration {
  version: number
  name: string
  sql: string
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: '001-core', sql: core },
  { version: 2, name: '002-auth', sql: auth },
  { version: 3, name: '003-memory', sql: memory },
  { version: 4, name: '004-terms', sql: terms },
  { version: 5, name: '005-main-followups', sql: mainFollowups },
  { version: 6, name: '006-review-states', sql: reviewStates },
  { version: 7, name: '007-comments', sql: comments },
  { version: 8, name: '008-assignments', sql: assignments },
  { version: 9, name: '009-qa-dismissals', sql: qaDismissals },
  { version: 10, name: '010-batches', sql: batches },
  { version: 11, name: '011-aligned-origin', sql: alignedOrigin },
  { version: 12, name: '012-namespace-folders', sql: namespaceFolders },
  { version: 13, name: '013-write-clears-faults', sql: writeClearsFaults },
  { version: 14, name: '014-batch-stale-sources', sql: batchStaleSources },
  { version: 15, name: '015-assignment-withdrawals', sql: assignmentWithdrawals },
]

/** The version this code brings a database to. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)?.version ?? 0
