import { createHash, type Hash } from 'node:crypto'
import type { Kind, LogicalTable } from './tables.js'

/**
 * One value in its canonical form, whichever backend it came from: text as is, integers as
 * numbers, booleans as true/false (SQLite's 0/1 too), times as UTC ISO 8601 with milliseconds,
 * JSON as compact JSON text (SQLite's text, PostgreSQL's parsed json/jsonb alike). Null stays null.
 */
export function canonical(kind: Kind, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'text':
      if (typeof value !== 'string') throw new TypeError(`${where}: expected text, found ${typeof value}`)
      return value
    case 'int': {
      const n = typeof value === 'bigint' ? Number(value) : value
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new TypeError(`${where}: expected an integer, found ${String(value)}`)
      return n
    }
    case 'bool':
      if (value === true || value === 1) return true
      if (value === false || value === 0) return false
      throw new TypeError(`${where}: expected a boolean, found ${String(value)}`)
    case 'time': {
      const ms = Date.parse(typeof value === 'string' ? value : String(value))
      if (Number.isNaN(ms)) throw new TypeError(`${where}: expected a time, found ${String(value)}`)
      return new Date(ms).toISOString()
    }
    case 'json':
      return JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value)
  }
}

/** A logical table's row count and SHA-256 over its canonical rows in key order. */
export interface TableDigest {
  table: string
  rows: number
  sha256: string
  /** Bytes of the canonical rows: what the copy's MB/s is measured in. */
  bytes: number
}

/** Feeds canonical rows, one JSON array per line, into a SHA-256. */
export class Digester {
  private readonly hash: Hash = createHash('sha256')
  private rows = 0
  private bytes = 0
  constructor(private readonly table: LogicalTable) {}

  add(row: readonly unknown[]): void {
    const line = `${JSON.stringify(row)}\n`
    this.hash.update(line)
    this.rows++
    this.bytes += Buffer.byteLength(line)
  }

  digest(): TableDigest {
    return { table: this.table.name, rows: this.rows, sha256: this.hash.digest('hex'), bytes: this.bytes }
  }
}

/** The table's column names, key columns first, in one fixed order shared by both sides. */
export function columnOrder(table: LogicalTable): string[] {
  return Object.keys(table.columns)
}
