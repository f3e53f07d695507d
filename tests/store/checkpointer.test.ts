import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { startCheckpointer } from '../../src/store/sqlite/checkpointer.js'
import { openDatabase } from '../../src/store/sqlite/open-database.js'

const until = async (done: () => boolean, ms = 5000) => {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 10))
}

it('SQLite WAL: copies committed log pages into the database file off the event loop, losing nothing', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-ckpt-')), 'tolk.sqlite')
  // No automatic checkpoint on the writing connection: only the checkpointer moves pages.
  const db = openDatabase({ file, walAutocheckpoint: 1_000_000 })
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000_000)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)')
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20))
  })()
  const results: { log: number; checkpointed: number }[] = []
  const checkpointer = startCheckpointer(file, { everyMs: 10, onCheckpoint: (r) => results.push(r) })
  await until(() => results.some((r) => r.log > 0 && r.checkpointed === r.log))
  await checkpointer.stop()
  expect(results.some((r) => r.log > 0 && r.checkpointed === r.log)).toBe(true)
  db.close()
  // Every row is in the file, read by a fresh connection.
  const other = new Database(file, { readonly: true })
  expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 })
  other.close()
})

it('reports no error while the log has nothing to copy', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tolk-ckpt-')), 'tolk.sqlite')
  const db = openDatabase({ file, walAutocheckpoint: 1_000_000 })
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
  const errors: string[] = []
  const results: unknown[] = []
  const checkpointer = startCheckpointer(file, { everyMs: 5, onCheckpoint: (r) => results.push(r), onError: (e) => errors.push(e) })
  await until(() => results.length >= 3)
  await checkpointer.stop()
  db.close()
  expect(errors).toEqual([])
})
