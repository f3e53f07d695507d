// Sentence alignment (issue 23) on the hand-made gold set in tests/bitext/gold/ (300 en→sv
// beads: 1–1, 32 merges, 31 splits, a 1–0 and a 0–1): pairing precision and recall, exact bead
// against gold bead, for 1–1 pairs and for merges and splits (2–1, 1–2), for Tolk's aligner and
// for its peer in the same run, plain Gale–Church as published (lengths only, no anchors).
// Three conditions: the gold documents as written; the same with their paragraphs run together
// (no paragraph help); and with one sentence in 12 left out of the translation (so 1–0 beads
// and length noise), chosen by a fixed rule so every run is the same. Also the time of each
// aligner over the whole set, as a ratio.
// Targets (issue 23): 1–1 at least 0.95, merges and splits at least 0.8.
//
//   npm run bench -- align        (or: node bench/align.mjs after npm run build)
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { alignSentences } from '../dist/bitext/align-sentences.js'
import { readGold, score } from '../dist/bitext/gold.js'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'bitext', 'gold')
const gold = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => readGold(readFileSync(join(dir, f), 'utf8')))

/** The pair with its paragraphs run together: every sentence in block 0. */
const flat = (p) => ({ ...p, source: p.source.map((s) => ({ ...s, block: 0 })), target: p.target.map((s) => ({ ...s, block: 0 })) })

/** The pair with every 12th translated sentence of a 1–1 bead left out: that bead becomes 1–0. */
function dropped(p) {
  const gone = new Set()
  let k = 0
  for (const b of p.beads) if (b.kind === '1-1' && ++k % 12 === 6) gone.add(b.target[0])
  const renumber = new Map()
  const target = []
  p.target.forEach((s, j) => {
    if (gone.has(j)) return
    renumber.set(j, target.length)
    target.push(s)
  })
  const beads = p.beads.map((b) => {
    const t = b.target.filter((j) => !gone.has(j)).map((j) => renumber.get(j))
    return { ...b, target: t, kind: `${b.source.length}-${t.length}` }
  })
  return { ...p, target, beads }
}

const conditions = [
  ['as written', gold],
  ['paragraphs run together', gold.map(flat)],
  ['1 in 12 sentences left out', gold.map(dropped)],
]
const aligners = [
  ['tolk (anchors)', {}],
  ['peer: Gale–Church', { published: true }],
]

const pr = (s) => ({ p: s.found ? s.correct / s.found : 1, r: s.gold ? s.correct / s.gold : 1 })
const f1 = ({ p, r }) => (p + r ? (2 * p * r) / (p + r) : 0)
const fmt = (x) => x.toFixed(3)

// Warm both up first, so neither pays for the JIT in the timings.
for (const [, opts] of aligners) for (const p of gold.slice(0, 3)) alignSentences(p.source, p.target, opts)

const countKinds = (pairs, kinds) => pairs.reduce((n, p) => n + p.beads.filter((b) => kinds.includes(b.kind)).length, 0)
console.log(`gold: ${gold.length} document pairs, ${countKinds(gold, ['1-1'])} 1–1, ${countKinds(gold, ['2-1'])} 2–1, ${countKinds(gold, ['1-2'])} 1–2, ${countKinds(gold, ['1-0', '0-1'])} 1–0/0–1 beads`)
for (const [name, pairs] of conditions) {
  console.log(`\n${name}`)
  const f = {}
  for (const [label, opts] of aligners) {
    const t = { one: { found: 0, gold: 0, correct: 0 }, ms: { found: 0, gold: 0, correct: 0 } }
    const start = process.hrtime.bigint()
    const found = pairs.map((p) => alignSentences(p.source, p.target, opts))
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    pairs.forEach((p, i) => {
      for (const [k, kinds] of [['one', ['1-1']], ['ms', ['2-1', '1-2']]]) {
        const s = score(found[i], p.beads, kinds)
        t[k].found += s.found
        t[k].gold += s.gold
        t[k].correct += s.correct
      }
    })
    // What tolk align would store as translated: 1–1 pairs at least 0.8 sure.
    let sure = 0
    let sureRight = 0
    pairs.forEach((p, i) => {
      const gold = new Set(p.beads.map((b) => `${b.source}|${b.target}`))
      for (const b of found[i]) {
        if (b.kind !== '1-1' || b.confidence < 0.8) continue
        sure++
        if (gold.has(`${b.source}|${b.target}`)) sureRight++
      }
    })
    const one = pr(t.one)
    const msr = pr(t.ms)
    f[label] = { one: f1(one), ms: f1(msr), ms_time: ms }
    console.log(`  ${label.padEnd(20)} 1–1 precision ${fmt(one.p)} recall ${fmt(one.r)}   2–1/1–2 precision ${fmt(msr.p)} recall ${fmt(msr.r)}   ${ms.toFixed(0)} ms`)
    console.log(`  ${''.padEnd(20)} 1–1 at 0.8 or more (stored as translated): ${sure} of ${t.one.found}, ${fmt(sure ? sureRight / sure : 1)} of them right`)
  }
  const [a, b] = aligners.map(([l]) => f[l])
  console.log(`  ratio tolk/peer: F1 1–1 ${fmt(a.one / b.one)}, F1 2–1/1–2 ${fmt(a.ms / b.ms)}, time ${(a.ms_time / b.ms_time).toFixed(2)}`)
}
