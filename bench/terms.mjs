// Term matching (#21): a 5,000-entry termbase against a 2,000-segment article, in English with
// the Snowball stemmer. Beside it, a peer: the plain way, every term looked for with indexOf in
// every segment (no word forms, no word edges), so the ratio says what the stemmer and the word
// index cost or save. Prints times and the ratio; asserts nothing.
import { performance } from 'node:perf_hooks'
import { createTermMatcher } from '../dist/terms/match.js'
import { loadStemmer } from '../dist/terms/stemmers.js'

const WORDS = ['river', 'harbour', 'ferry', 'translation', 'memory', 'bridge', 'council', 'budget', 'school', 'station',
  'report', 'election', 'market', 'summit', 'weather', 'train', 'ticket', 'island', 'village', 'museum']
let seed = 7
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
const word = () => `${WORDS[rand(WORDS.length)]}${rand(250)}`

const entries = Array.from({ length: 5000 }, (_, i) => ({
  id: i + 1, tag: 'sv-news', version: 1, updatedAt: '', updatedBy: 'b',
  terms: [
    { lang: 'en', text: i % 4 === 0 ? `${word()} ${word()}` : word(), status: 'admitted', caseSensitive: false },
    { lang: 'sv', text: `sv${i}`, status: 'preferred', caseSensitive: false },
  ],
}))
const segments = Array.from({ length: 2000 }, () => `${Array.from({ length: 15 }, () => (rand(3) ? 'the' : `${word()}s`)).join(' ')}.`)

const stem = await loadStemmer('en')
let t0 = performance.now()
const matcher = createTermMatcher(entries, { source: 'en', target: 'sv', stem })
const built = performance.now() - t0
t0 = performance.now()
let hits = 0
for (const s of segments) hits += matcher.find(s).length
const matched = performance.now() - t0

t0 = performance.now()
let peerHits = 0
const needles = entries.map((e) => e.terms[0].text.toLowerCase())
for (const s of segments) {
  const lower = s.toLowerCase()
  for (const n of needles) if (lower.includes(n)) peerHits++
}
const peer = performance.now() - t0

const ms = (x) => `${x.toFixed(1)} ms`
process.stdout.write(`terms: 5,000 entries × 2,000 segments (en, Snowball)\n`)
process.stdout.write(`  Tolk matcher  build ${ms(built)}, match ${ms(matched)} (${hits} hits)\n`)
process.stdout.write(`  peer indexOf  match ${ms(peer)} (${peerHits} substring hits, inside words too)\n`)
process.stdout.write(`  ratio (Tolk build+match / peer): ${((built + matched) / peer).toFixed(2)}\n`)
