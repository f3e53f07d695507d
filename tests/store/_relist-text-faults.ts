import type Database from 'better-sqlite3'
import { sql as textFaultsStep } from '../../src/store/migrations/014-text-faults.js'
import { registerSqlFunctions } from '../../src/store/sqlite/open-database.js'

/**
 * Run schema 14's step again on a database whose texts were changed behind the store's back, as
 * an upgrade from schema 13 would: its table and triggers dropped, then made anew, listing what
 * breaks the rule. (Rewinding `user_version` instead would re-run every later step too.)
 */
export function relistTextFaults(raw: Database.Database): void {
  raw.exec(`DROP TRIGGER text_faults_translation; DROP TRIGGER text_faults_source;
    DROP TRIGGER text_faults_title; DROP TABLE text_faults;`)
  registerSqlFunctions(raw)
  raw.exec(textFaultsStep)
}
