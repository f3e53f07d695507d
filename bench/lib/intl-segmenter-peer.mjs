// Peer for bench/segment-speed.mjs: what a careful user of the platform would write instead of
// Tolk. Reads FILE, hands Intl.Segmenter (granularity "sentence") one line at a time (never the
// whole document: it is quadratic on long strings), and prints one sentence per line, trimmed,
// in chunks of about 1 MB, the way `tolk segment FILE` prints its units.
//
//   node bench/lib/intl-segmenter-peer.mjs FILE [LANG]
import { readFileSync } from 'node:fs'
import { writeLinesTo } from './peer-output.mjs'

const [file, lang = 'en'] = process.argv.slice(2)
if (!file) {
  process.stderr.write('usage: node bench/lib/intl-segmenter-peer.mjs FILE [LANG]\n')
  process.exit(2)
}
const text = readFileSync(file, 'utf8')
const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })

function* sentences() {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    for (const { segment } of segmenter.segment(line)) {
      const s = segment.trim()
      if (s !== '') yield s
    }
  }
}
await writeLinesTo(process.stdout, sentences())
