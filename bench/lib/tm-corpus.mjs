// The translation-memory benches' generated en→sv corpus (seeded: the same every run): sentences
// of a Zipf-distributed syllable vocabulary, a TMX of them, the 500 queries, the bench article.
import fs from 'node:fs'
import { randomTools } from './prng.mjs'

const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'fa', 'gu', 'ha', 'je', 'po', 'ti', 'bo', 'ce', 'ly', 'mo', 'an', 'er', 'in', 'us', 'or']
const VOCAB = 40_000
const words = []
{
  const r = randomTools(42)
  const seen = new Set()
  while (words.length < VOCAB) {
    let w = ''
    const n = r.int(1, 4)
    for (let i = 0; i < n; i++) w += r.pick(SYL)
    if (!seen.has(w)) seen.add(w), words.push(w)
  }
}
const toSv = (w) => (/^\d/.test(w) ? w : w.split('').reverse().join('') + 'en')
/** A word drawn roughly by Zipf's law (log-uniform rank). */
export const zipf = (r) => words[Math.min(VOCAB - 1, Math.floor(Math.exp(r.rnd() * Math.log(VOCAB))) - 1)]

/** Sentence `i` as a word list. */
export function sentenceWords(i) {
  const r = randomTools(i * 7919 + 13)
  const n = r.int(6, 18)
  const out = []
  for (let k = 0; k < n; k++) out.push(zipf(r))
  if (r.chance(0.25)) out.splice(r.int(1, out.length - 1), 0, String(r.int(2, 2030)))
  return out
}
const cap = (s) => s[0].toUpperCase() + s.slice(1)
export const en = (ws) => cap(ws.join(' ')) + '.'
export const sv = (ws) => cap(ws.map(toSv).join(' ')) + '.'
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Write a TMX of sentences [from, to) to `file`; returns its size in bytes. */
export function writeTmx(file, from, to) {
  const fd = fs.openSync(file, 'w')
  fs.writeSync(fd, '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>\n  <body>\n')
  let buf = ''
  for (let i = from; i < to; i++) {
    const ws = sentenceWords(i)
    buf += `    <tu>\n      <tuv xml:lang="en"><seg>${esc(en(ws))}</seg></tuv>\n      <tuv xml:lang="sv"><seg>${esc(sv(ws))}</seg></tuv>\n    </tu>\n`
    if (buf.length > 1 << 20) fs.writeSync(fd, buf), (buf = '')
  }
  fs.writeSync(fd, buf + '  </body>\n</tmx>\n')
  fs.closeSync(fd)
  return fs.statSync(file).size
}

/** `q` queries against a memory of sentences [0, n): edited memory sentences (9 in 10) and new ones. */
export function makeQueries(n, q) {
  const qr = randomTools(2024)
  const queries = []
  for (let k = 0; k < q; k++) {
    if (qr.chance(0.1)) {
      queries.push(en(sentenceWords(5_000_000 + k)))
      continue
    }
    const ws = sentenceWords(qr.int(0, n - 1))
    const op = qr.rnd()
    if (op < 0.4) ws[qr.int(0, ws.length - 1)] = zipf(qr)
    else if (op < 0.6) (ws[qr.int(0, ws.length - 1)] = zipf(qr)), (ws[qr.int(0, ws.length - 1)] = zipf(qr))
    else if (op < 0.75) ws.splice(qr.int(0, ws.length - 1), 1)
    else if (op < 0.9) ws.splice(qr.int(0, ws.length), 0, String(qr.int(2, 2030)))
    queries.push(en(ws))
  }
  return queries
}

/** The bench article's 2,000 sentences against a memory of sentences [0, n). */
export function benchArticle(n) {
  const ar = randomTools(77)
  const sents = []
  for (let k = 0; k < 2000; k++) {
    const p = ar.rnd()
    if (p < 0.1 && sents.length) sents.push(ar.pick(sents))
    else if (p < 0.45) sents.push(en(sentenceWords(ar.int(0, n - 1))))
    else if (p < 0.8) {
      const ws = sentenceWords(ar.int(0, n - 1))
      ws[ar.int(0, ws.length - 1)] = zipf(ar)
      sents.push(en(ws))
    } else sents.push(en(sentenceWords(6_000_000 + k)))
  }
  return sents
}
