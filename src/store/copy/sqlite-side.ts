import { openDatabase } from '../sqlite/open-database.js'
import { canonical, columnOrder } from './canonical.js'
import type { CopySide } from './side.js'
import type { Kind, LogicalTable } from './tables.js'

/**
 * Triggers left on while a copy loads into SQLite: they build the memory's word and gram indexes
 * from `tm_entries` as its rows arrive (the indexes are SQLite's own, never copied).
 */
const INDEX_TRIGGERS = /^tm_entries_(fts|grams)_/

/** A SQLite file as one end of a copy; `create` makes it (migrated, no seeds) when absent. */
export function sqliteCopySide(file: string, opts: { create: boolean }): CopySide {
  const db = openDatabase({ file, mustExist: !opts.create })
  let dropped: { name: string; sql: string }[] = []

  const select = (table: LogicalTable, after: boolean, limit: number) => {
    const cols = columnOrder(table).map(quote).join(', ')
    const key = table.key.map(quote).join(', ')
    const where = after ? `WHERE (${key}) > (${table.key.map(() => '?').join(', ')})` : ''
    return db.prepare(`SELECT ${cols} FROM ${quote(table.name)} ${where} ORDER BY ${key} LIMIT ${limit}`).raw(true)
  }

  return {
    label: file,
    async columns(table) {
      const rows = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table)
      return rows.length > 0 ? rows.map((r) => r.name) : undefined
    },
    async isEmpty(tables) {
      return tables.every((t) => db.prepare(`SELECT 1 FROM ${quote(t.name)} LIMIT 1`).get() === undefined)
    },
    async readPage(table, after, limit) {
      const rows = (after ? select(table, true, limit).all(...(after as unknown[])) : select(table, false, limit).all()) as unknown[][]
      const kinds = columnOrder(table).map((c) => table.columns[c] as Kind)
      return rows.map((row) => row.map((v, i) => canonical(kinds[i] as Kind, v, `${file} ${table.name}`)))
    },
    async beginRead() {
      // A read transaction: one snapshot of the file (WAL) while other processes go on writing.
      db.exec('BEGIN')
      db.prepare('SELECT 1 FROM articles LIMIT 1').get()
    },
    async endRead() {
      if (db.open && db.inTransaction) db.exec('COMMIT')
    },
    async empty() {
      throw new Error('a SQLite target is emptied by making it again (copyDatabase)')
    },
    async tables() {
      return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name)
    },
    async beginLoad(tables) {
      db.exec('BEGIN IMMEDIATE')
      // SQLite cannot switch a trigger off: drop it for the load and make it again from its own SQL.
      dropped = db
        .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .all()
        .filter((t) => !INDEX_TRIGGERS.test(t.name))
      for (const t of dropped) db.exec(`DROP TRIGGER ${quote(t.name)}`)
      // What a new database starts with (the memory's sync position) gives way to the copy's rows.
      for (const t of tables) db.exec(`DELETE FROM ${quote(t.name)}`)
    },
    async insert(table, rows) {
      const cols = columnOrder(table)
      const kinds = cols.map((c) => table.columns[c] as Kind)
      const stmt = db.prepare(`INSERT INTO ${quote(table.name)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      for (const row of rows) stmt.run(...row.map((v, i) => toSqlite(kinds[i] as Kind, v)))
    },
    async finishLoad() {
      for (const t of dropped) db.exec(t.sql)
      dropped = []
      db.exec('COMMIT')
    },
    async abortLoad() {
      if (db.inTransaction) db.exec('ROLLBACK')
      dropped = []
    },
    async close() {
      if (db.open) db.close()
    },
  }
}

function toSqlite(kind: Kind, v: unknown): unknown {
  if (v === null) return null
  if (kind === 'bool') return v ? 1 : 0
  return v
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
