import { sql as core } from './001-core.js'
import { sql as auth } from './002-auth.js'
import { sql as memory } from './003-memory.js'
import { sql as terms } from './004-terms.js'
import { sql as mainFollowups } from './005-main-followups.js'
import { sql as qaDismissals } from './009-qa-dismissals.js'

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
  { version: 9, name: '009-qa-dismissals', sql: qaDismissals },
]

/** The version this code brings a database to. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)?.version ?? 0
