// Floor reference for bench/segment-speed.mjs: a bare regex split with no decisions at all
// (every `.`, `!` or `?` followed by white space ends a sentence, so "Mr. Smith" is two).
// Reads FILE, splits each line on /(?<=[.!?])\s+/, prints one piece per line like the others.
//
//   node bench/lib/regex-peer.mjs FILE
import { readFileSync } from 'node:fs'
import { writeLinesTo } from './peer-output.mjs'

const [file] = process.argv.slice(2)
if (!file) {
  process.stderr.write('usage: node bench/lib/regex-peer.mjs FILE\n')
  process.exit(2)
}
const text = readFileSync(file, 'utf8')
const END = /(?<=[.!?])\s+/

function* sentences() {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    for (const piece of line.split(END)) {
      const s = piece.trim()
      if (s !== '') yield s
    }
  }
}
await writeLinesTo(process.stdout, sentences())
