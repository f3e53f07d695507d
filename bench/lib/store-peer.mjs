// Peer for bench/store.mjs: what a bare better-sqlite3 script does with the same articles. Reads
// every .txt file of DIR (sorted), splits it into sentences with a trivial regex (after . ! or ?
// and white space, or at a line break; no language detection, no ids, no alignment, no
// history) and inserts them as rows of one table, one transaction per article, with the same
// connection settings as Tolk's store (WAL, synchronous NORMAL, foreign keys on).
// Prints one line of JSON: { articles, rows, bytes }.
//
//   node bench/lib/store-peer.mjs DIR DB
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'

const [dir, file] = process.argv.slice(2)
if (!dir || !file) {
  process.stderr.write('usage: node bench/lib/store-peer.mjs DIR DB\n')
  process.exit(2)
}
const db = new Database(file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('foreign_keys = ON')
db.exec(`CREATE TABLE IF NOT EXISTS sentences (
  article_id TEXT NOT NULL,
  position   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (article_id, position)
) STRICT, WITHOUT ROWID`)
const insert = db.prepare('INSERT OR REPLACE INTO sentences (article_id, position, text) VALUES (?, ?, ?)')
const SPLIT = /(?<=[.!?])\s+|\n+/
const store = db.transaction((id, text) => {
  let position = 0
  for (const piece of text.split(SPLIT)) {
    const s = piece.trim()
    if (s !== '') insert.run(id, ++position, s)
  }
  return position
})

let articles = 0
let rows = 0
let bytes = 0
for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8')
  bytes += Buffer.byteLength(text)
  rows += store.immediate(basename(name, '.txt'), text)
  articles++
}
db.close()
process.stdout.write(`${JSON.stringify({ articles, rows, bytes })}\n`)
