// Peer for bench/segment-speed.mjs: what a careful user of the platform would write instead of
// Tolk. Reads FILE, hands Intl.Segmenter (granularity "sentence") one line at a time (never the
// whole document: it is quadratic on long strings), and prints one sentence per line, trimmed,
// in chunks of about 1 MB, the way `tolk segment FILE` prints its units. With `--paragraphs` it
// hands it one paragraph at a time instead (split at blank lines, a hard wrap's line breaks turned
// into spaces first, since Intl.Segmenter ends a sentence at every line break): the fair peer for
// hard-wrapped text.
//
//   node bench/lib/intl-segmenter-peer.mjs FILE [LANG] [--paragraphs]
import { readFileSync } from 'node:fs'
import { writeLinesTo } from './peer-output.mjs'

const args = process.argv.slice(2)
const paragraphs = args.includes('--paragraphs')
const [file, lang = 'en'] = args.filter((a) => a !== '--paragraphs')
if (!file) {
  process.stderr.write('usage: node bench/lib/intl-segmenter-peer.mjs FILE [LANG]\n')
  process.exit(2)
}
const text = readFileSync(file, 'utf8')
const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })

function* sentences() {
  const pieces = paragraphs ? text.split(/\n[ \t]*\n/).map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ')) : text.split('\n')
  for (const line of pieces) {
    if (line.trim() === '') continue
    for (const { segment } of segmenter.segment(line)) {
      const s = segment.trim()
      if (s !== '') yield s
    }
  }
}
await writeLinesTo(process.stdout, sentences())
