import fs from 'node:fs'
import path from 'node:path'
import { InvalidInput, TolkError } from '../../model/errors.js'
import { describeLocation, locateStore, type StoreLocation } from '../locate.js'
import { storeExists } from '../store-exists.js'
import { Digester, type TableDigest } from './canonical.js'
import type { CopySide } from './side.js'
import { COPIED_TABLES, type LogicalTable } from './tables.js'

/**
 * The tables whose rows make a database a workbench in use. Others may hold rows a new database
 * starts with (the memory's sync position); the load replaces those.
 */
const USER_DATA = COPIED_TABLES.filter((t) => ['articles', 'accounts', 'tm_entries', 'mt_cache'].includes(t.name))

/** Rows read and written per step: bounded memory whatever the table's size. */
const PAGE = 2000

/**
 * Tables a PostgreSQL target's `--force` empties beside the copied ones: what is derived or
 * transient there and would otherwise describe the data the copy replaces.
 */
const ALSO_EMPTIED = ['events', 'presence', 'sign_in_attempts']

export interface CopyOptions {
  from: string
  to: string
  /** Empty a target that holds data first (else it is refused). */
  force?: boolean
  /** Told each table once it is copied and verified. */
  progress?: (t: TableDigest) => void
}

export interface CopyReport {
  from: string
  to: string
  tables: TableDigest[]
  bytes: number
  seconds: number
}

/**
 * Copy a whole workbench from one database to another, SQLite or PostgreSQL in either direction:
 * every logical table (src/store/copy/tables.ts) read from one snapshot of the source, written in
 * one transaction, and verified before that transaction commits: per table the row count and a
 * SHA-256 over its canonical rows in key order must equal the source's, else nothing is written.
 * The memory's indexes are rebuilt by the target, not copied. The target may be created (a SQLite
 * file, or Tolk's schema in an existing, empty PostgreSQL database), without seeds.
 */
export async function copyDatabase(opts: CopyOptions): Promise<CopyReport> {
  const from = locateStore(opts.from)
  const to = locateStore(opts.to)
  if (sameLocation(from, to)) throw new InvalidInput(`${describeLocation(from)} is both source and target: copy to another database`, 'bad-db')
  if (!(await storeExists(from))) throw new InvalidInput(`no Tolk database at ${describeLocation(from)} to copy from`, 'unreadable-file')
  const started = performance.now()
  const source = await openSide(from, false)
  let target: CopySide | undefined
  try {
    target = await openTarget(to, opts.force === true)
    await checkColumns(source, target)
    if (!(await target.isEmpty(USER_DATA))) {
      throw new TolkError('target-not-empty', `${target.label} already holds data: copy into an empty database, or add --force to empty it first`, 409)
    }
    await source.beginRead()
    await target.beginLoad(COPIED_TABLES)
    const digests: TableDigest[] = []
    try {
      for (const table of COPIED_TABLES) {
        const sent = await copyTable(source, target, table)
        const found = await digestOf(target, table)
        if (found.rows !== sent.rows || found.sha256 !== sent.sha256) {
          // Not the user's mistake but Tolk's (a column read or written differently): exit 1.
          throw new Error(
            `${table.name}: the copy holds ${found.rows} rows (SHA-256 ${found.sha256.slice(0, 12)}…), the source ${sent.rows} (${sent.sha256.slice(0, 12)}…); nothing was written`,
          )
        }
        digests.push(sent)
        opts.progress?.(sent)
      }
      await target.finishLoad(COPIED_TABLES)
    } catch (err) {
      await target.abortLoad()
      throw err
    } finally {
      await source.endRead()
    }
    const bytes = digests.reduce((sum, d) => sum + d.bytes, 0)
    return { from: source.label, to: target.label, tables: digests, bytes, seconds: (performance.now() - started) / 1000 }
  } finally {
    await source.close()
    await target?.close()
  }
}

/** Read a table from the source a page at a time, writing each page to the target. */
async function copyTable(source: CopySide, target: CopySide, table: LogicalTable): Promise<TableDigest> {
  const digest = new Digester(table)
  const keyAt = Object.keys(table.columns).map((c, i) => [c, i] as const).filter(([c]) => table.key.includes(c))
  const keyIndexes = table.key.map((k) => keyAt.find(([c]) => c === k)?.[1] as number)
  let after: unknown[] | undefined
  for (;;) {
    const rows = await source.readPage(table, after, PAGE)
    if (rows.length === 0) break
    for (const row of rows) digest.add(row)
    await target.insert(table, rows)
    const last = rows.at(-1) as unknown[]
    after = keyIndexes.map((i) => last[i])
    if (rows.length < PAGE) break
  }
  return digest.digest()
}

async function digestOf(side: CopySide, table: LogicalTable): Promise<TableDigest> {
  const digest = new Digester(table)
  const keyIndexes = table.key.map((k) => Object.keys(table.columns).indexOf(k))
  let after: unknown[] | undefined
  for (;;) {
    const rows = await side.readPage(table, after, PAGE)
    for (const row of rows) digest.add(row)
    if (rows.length < PAGE) break
    const last = rows.at(-1) as unknown[]
    after = keyIndexes.map((i) => last[i])
  }
  return digest.digest()
}

/** Both schemas must have every declared column, and no column the copy would leave behind. */
async function checkColumns(source: CopySide, target: CopySide): Promise<void> {
  for (const side of [source, target]) {
    for (const table of COPIED_TABLES) {
      const found = await side.columns(table.name)
      if (!found) throw new InvalidInput(`${side.label} has no table ${table.name}: is it a Tolk database of this version?`, 'unreadable-file')
      const declared = Object.keys(table.columns)
      const missing = declared.filter((c) => !found.includes(c))
      const unknown = found.filter((c) => !declared.includes(c) && !table.derived?.includes(c))
      if (missing.length > 0 || unknown.length > 0) {
        throw new Error(`${side.label}: table ${table.name} ${missing.length ? `lacks ${missing.join(', ')}` : `has ${unknown.join(', ')}, unknown to tolk db copy`}`)
      }
    }
  }
}

async function openSide(where: StoreLocation, create: boolean): Promise<CopySide> {
  if (where.kind === 'sqlite') return (await import('./sqlite-side.js')).sqliteCopySide(where.file, { create })
  return (await import('./pg-side.js')).pgCopySide(where.url, { create })
}

/**
 * The target, created when absent. `force` empties one that holds data: a SQLite file is made
 * again (after checking it is a Tolk database: --force never deletes another kind of file); a
 * PostgreSQL database has its Tolk tables emptied.
 */
async function openTarget(where: StoreLocation, force: boolean): Promise<CopySide> {
  if (where.kind === 'sqlite' && force && fs.existsSync(where.file)) {
    const existing = await openSide(where, false)
    const empty = await existing.isEmpty(USER_DATA)
    await existing.close()
    if (!empty) for (const f of [where.file, `${where.file}-wal`, `${where.file}-shm`]) fs.rmSync(f, { force: true })
  }
  const target = await openSide(where, true)
  if (where.kind === 'postgres' && force && !(await target.isEmpty(USER_DATA))) {
    const present = new Set(await target.tables())
    await target.empty([...COPIED_TABLES.map((t) => t.name), ...ALSO_EMPTIED].filter((t) => present.has(t)))
  }
  return target
}

function sameLocation(a: StoreLocation, b: StoreLocation): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return path.resolve(a.file) === path.resolve(b.kind === 'sqlite' ? b.file : '')
  if (a.kind === 'postgres' && b.kind === 'postgres') return a.url === b.url
  return false
}
