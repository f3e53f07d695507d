import type { LogicalTable } from './tables.js'

/** One end of a copy: a SQLite file or a PostgreSQL database, opened raw (no Store). */
export interface CopySide {
  /** The location as messages show it (no password). */
  readonly label: string
  /** Column names of a table as this database has them; undefined when it has no such table. */
  columns(table: string): Promise<string[] | undefined>
  /** Whether any copied table holds a row (a target must be empty unless --force). */
  isEmpty(tables: readonly LogicalTable[]): Promise<boolean>
  /**
   * Up to `limit` rows after the key `after` (all from the start when undefined), in key order,
   * each as canonical values in `columnOrder(table)` order.
   */
  readPage(table: LogicalTable, after: readonly unknown[] | undefined, limit: number): Promise<unknown[][]>
  /** Read everything after this from one snapshot, however others write meanwhile. */
  beginRead(): Promise<void>
  endRead(): Promise<void>
  /** Every table of the database's schema, by name. */
  tables(): Promise<string[]>
  /** Empty these tables (PostgreSQL's `--force`), restarting their identity columns. */
  empty(tables: readonly string[]): Promise<void>
  /**
   * Start loading: one transaction, with the triggers that keep counters and guard deletes off (the
   * copy brings the counters as they are), while those that build the memory's index stay on or
   * are run afterwards (`finishLoad`).
   */
  beginLoad(tables: readonly LogicalTable[]): Promise<void>
  /** Insert rows (canonical values in `columnOrder(table)` order). */
  insert(table: LogicalTable, rows: readonly unknown[][]): Promise<void>
  /** Rebuild what is derived (indexes, sequences), turn the triggers back on, and commit. */
  finishLoad(tables: readonly LogicalTable[]): Promise<void>
  /** Undo everything since beginLoad. */
  abortLoad(): Promise<void>
  close(): Promise<void>
}
