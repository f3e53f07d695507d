// Deterministic news-like English corpora for the benchmarks, written by this project from
// vocabulary arrays and sentence templates (no outside data). Generated once, cached in
// bench/.data/, and reused while the generator version, seed and sizes stay the same.
//
// What the text holds, on purpose, because a sentence segmenter must decide each of them:
// headlines and bylines (no end mark), paragraphs of 1–6 sentences, en-dash quote paragraphs
// (`– We had …, says X.`), abbreviations (Mr., Dr., U.S., e.g., i.e., etc., Inc., a.m./p.m.),
// initials (J. R. Moore), decimals and times (3.5 million, 14.30), dates (Dec. 8), ellipses
// (… and ...), questions and exclamations, quotes in “…”, parenthetical remarks, URLs, e-mail
// addresses, list lines (-, •, 1.) and the odd Markdown heading.
//
// A second corpus (corpus-long.mjs, long-20mib.txt) has long paragraphs, hard-wrapped or not.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { longArticleMaker } from './corpus-long.mjs'
import { randomTools } from './prng.mjs'
import {
  FIRST, LAST, TITLE, ROLE, COMPANY, BODY, CITY, MONTH, WEEKDAY, VERB_PAST, VERB_BASE, VERB_HEAD, NOUN, NOUN_HEAD, ADJ, REASON, CLAUSE, QUOTE, PAREN, ITEM, HEADING, DOMAIN,
} from './news-vocabulary.mjs'

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.data')
export const MiB = 1 << 20

const GENERATOR_VERSION = 2
const SEED = 20241208

/** One article generator bound to a seed. Returns a function producing the next article text. */
function articleMaker(seed) {
  const { int, pick, chance } = randomTools(seed)

  const person = () => {
    const r = int(0, 5)
    if (r === 0) return `${pick(TITLE)} ${pick(LAST)}`
    if (r === 1) return `${pick(FIRST)} ${String.fromCharCode(65 + int(0, 25))}. ${pick(LAST)}`
    if (r === 2) return `${String.fromCharCode(65 + int(0, 25))}. ${String.fromCharCode(65 + int(0, 25))}. ${pick(LAST)}`
    return `${pick(FIRST)} ${pick(LAST)}`
  }
  const actor = () => {
    const r = int(0, 3)
    if (r === 0) return pick(COMPANY)
    if (r === 1) return pick(BODY)
    if (r === 2) return `${pick(TITLE)} ${pick(LAST)}`
    return `${pick(FIRST)} ${pick(LAST)}, the ${pick(ROLE)},`
  }
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1)
  // End a sentence with a period unless its last word already brought one (Acme Inc.).
  const dot = (s) => (s.endsWith('.') ? s : `${s}.`)
  const money = () => (chance(0.5) ? `$${int(1, 99)}.${int(10, 99)} million` : `${int(1, 9)}.${int(1, 9)} billion kronor`)
  const pct = () => (chance(0.5) ? `${int(1, 40)} percent` : `${int(0, 9)}.${int(1, 9)} percent`)
  const date = () => `${pick(MONTH)} ${int(1, 28)}`
  const time = () => (chance(0.5) ? `${int(1, 11)} ${pick(['a.m.', 'p.m.'])}` : `${int(8, 22)}.${pick(['00', '15', '30', '45'])}`)
  const url = () => `https://www.${pick(DOMAIN)}/news/${int(2019, 2025)}/${String(int(1, 12)).padStart(2, '0')}/${pick(NOUN).replace(/ /g, '-')}-${int(100, 9999)}.html`
  const email = () => `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@${pick(DOMAIN)}`

  // An optional clause that lengthens a sentence towards news-article length (20-25 words).
  const tails = [
    () => `, ${person()} told reporters in ${pick(CITY)}`,
    () => `, according to figures from ${pick(BODY)}`,
    () => ` after ${pick(REASON)} forced a rethink of the ${pick(ADJ)} ${pick(NOUN)}`,
    () => `, a move that ${pick(['surprised', 'worried', 'pleased', 'angered'])} ${pick(['investors', 'local residents', 'the opposition', 'analysts', 'most economists'])}`,
    () => ` even though ${pick(CLAUSE)} and ${pick(CLAUSE)}`,
    () => `, the ${pick(ROLE)} said in a statement on ${pick(WEEKDAY)}`,
    () => ` while ${pick(BODY)} ${pick(VERB_PAST)} its own ${pick(ADJ)} ${pick(NOUN)}`,
  ]
  const tail = () => (chance(0.6) ? pick(tails)() : '')

  // Each template returns one sentence (or a few that belong together) with its end mark.
  const sentences = [
    () => `${cap(actor())} ${pick(VERB_PAST)} the ${pick(ADJ)} ${pick(NOUN)} on ${pick(WEEKDAY)}, citing ${pick(REASON)}${tail()}.`,
    () => `Revenue at ${pick(COMPANY)} rose ${pct()} to ${money()} in the ${pick(['first', 'second', 'third', 'fourth'])} quarter${tail()}.`,
    () => `On ${date()}, ${actor()} ${pick(VERB_PAST)} a plan worth ${money()}${tail()}.`,
    () => `The vote is set for ${date()} at ${time()} in ${pick(CITY)}${tail()}.`,
    () => `The hearing ended at ${int(1, 11)} p.m. ${pick(['It', 'The court', 'He', 'She', 'They'])} will resume on ${pick(WEEKDAY)}${tail()}.`,
    () => dot(`“${cap(pick(QUOTE))},” said ${person()}, the ${pick(ROLE)} at ${pick(COMPANY)}`),
    () => `${person()} said: “${cap(pick(QUOTE))}.”`,
    () => `${cap(pick(CLAUSE))}… and then ${pick(CLAUSE)}${tail()}.`,
    () => `${cap(pick(CLAUSE))}... ${cap(pick(CLAUSE))}.`,
    () => `Will ${pick(BODY)} ${pick(VERB_BASE)} the ${pick(NOUN)} before ${date()}${tail()}?`,
    () => `Why did ${pick(COMPANY)} wait so long before it ${pick(VERB_PAST)} the ${pick(NOUN)}?`,
    () => `${cap(pick(BODY))} (${pick(PAREN)}) ${pick(VERB_PAST)} the ${pick(NOUN)}${tail()}.`,
    () => `The ${pick(NOUN)} will cost about ${money()} (${pick(PAREN)}).`,
    () => `Details are published at ${url()}.`,
    () => `Readers can send questions to ${email()} until ${pick(WEEKDAY)}.`,
    () => `The plan covers several areas, e.g. ${pick(ITEM)}, ${pick(ITEM)} and ${pick(ITEM)}${tail()}.`,
    () => `Unions want ${pick(ITEM)}, ${pick(ITEM)}, ${pick(ITEM)}, etc. ${pick(['The talks', 'Their talks', 'It'])} ${pick(['continue', 'resume'])} on ${pick(WEEKDAY)}.`,
    () => `The total, i.e. ${money()}, is ${pct()} higher than in ${int(2015, 2023)}${tail()}.`,
    () => dot(`The company moved its headquarters to the U.S. ${pick(['The board', 'Its board', 'It'])} ${pick(['approved', 'announced'])} the move in ${pick(MONTH)}`),
    () => `Officials from the U.S. ${pick(['Senate', 'Treasury', 'Army'])} met ${person()} in ${pick(CITY)}${tail()}.`,
    () => `About ${int(2, 9)}.${int(1, 9)} million people live in the region, ${pct()} more than a decade ago${tail()}.`,
    () => `Trading opened at ${int(8, 10)}.${pick(['00', '30'])} and the shares of ${pick(COMPANY)} fell ${pct()}${tail()}.`,
    () => (chance(0.3) ? `What a day it was!` : `${cap(pick(CLAUSE))} on ${pick(WEEKDAY)}${tail()}, and ${pick(CLAUSE)}!`),
    () => `Is this the end of the ${pick(NOUN)}?! Few think so, and ${pick(BODY)} is expected to ${pick(VERB_BASE)} it${tail()}.`,
    () => `${cap(pick(NOUN))} talks with ${pick(COMPANY)} resumed after ${pick(REASON)} had stalled them since ${date()}${tail()}.`,
  ]
  const paragraph = () => {
    const n = int(1, 6)
    const out = []
    for (let i = 0; i < n; i++) out.push(pick(sentences)())
    return out.join(' ')
  }
  const dashQuote = () =>
    `– ${cap(pick(QUOTE))}, says ${person()}${tail()}.${chance(0.5) ? ` – ${cap(pick(QUOTE))}, even if ${pick(CLAUSE)}.` : ''}`
  const list = () => {
    const style = int(0, 2)
    const n = int(3, 6)
    const lines = [`The ${pick(NOUN)} includes:`]
    for (let i = 1; i <= n; i++) {
      const marker = style === 0 ? '-' : style === 1 ? '•' : `${i}.`
      lines.push(`${marker} ${cap(pick(ITEM))}${chance(0.3) ? ` (${pick(PAREN)})` : ''}`)
    }
    return lines.join('\n')
  }

  return function article() {
    const blocks = []
    const head = chance(0.8)
      ? `${pick(COMPANY).replace(/ (Inc|Corp|Ltd|Co)\.$/, '')} ${pick(VERB_HEAD)} ${pick(ADJ).replace(/^./, (c) => c.toUpperCase())} ${pick(NOUN_HEAD)}`
      : `Will ${pick(CITY)} ${pick(VERB_BASE).replace(/^./, (c) => c.toUpperCase())} the ${pick(NOUN_HEAD)}?`
    // Headline and byline: a single newline splits them (news text, not hard-wrapped prose).
    blocks.push(`${head}\nBy ${pick(FIRST)} ${pick(LAST)}, ${pick(CITY)}, ${date()}, ${int(2019, 2025)}`)
    const n = int(4, 12)
    for (let i = 0; i < n; i++) {
      const r = int(0, 19)
      if (r === 0) blocks.push(list())
      else if (r === 1) blocks.push(`## ${pick(HEADING)}`)
      else if (r <= 4) blocks.push(dashQuote())
      else blocks.push(paragraph())
    }
    return blocks.join('\n\n')
  }
}

// ---- files ------------------------------------------------------------------------------------

const SIZES_MIB = [10, 20, 50, 100]
const ONE_LINE_MIB = [2, 10]
// The second corpus (corpus-long.mjs: long paragraphs, hard-wrapped or not), for the ratio only.
const LONG_MIB = 20

function corpusDir() {
  return join(DATA_DIR, `corpus-v${GENERATOR_VERSION}-seed${SEED}`)
}

/** Paths of the corpora (maybe not generated yet): news-, oneline- and long-<N>mib.txt. */
export function corpusPaths() {
  const dir = corpusDir()
  const news = Object.fromEntries(SIZES_MIB.map((n) => [n, join(dir, `news-${n}mib.txt`)]))
  const oneLine = Object.fromEntries(ONE_LINE_MIB.map((n) => [n, join(dir, `oneline-${n}mib.txt`)]))
  return { dir, news, oneLine, long: join(dir, `long-${LONG_MIB}mib.txt`), manifest: join(dir, 'manifest.json') }
}

/**
 * Make sure every corpus exists; generate them in one pass when the manifest is missing or a
 * file's size disagrees with it. Each news file is a prefix of the next bigger one (the same
 * seeded stream of articles, cut at the first article end past N MiB), so sizes are comparable.
 * The one-line files are the same articles with every run of line breaks turned into one space,
 * and no line break at all, not even at the end.
 * Returns `{ paths, generatedMs }` (generatedMs is 0 when the cache was used).
 */
export function ensureCorpora(log = () => {}) {
  const paths = corpusPaths()
  if (cacheValid(paths)) return { paths, generatedMs: 0 }
  mkdirSync(paths.dir, { recursive: true })
  const t0 = performance.now()
  log(`generating corpora in ${paths.dir} (once; cached afterwards) …`)

  const targets = [
    ...SIZES_MIB.map((n) => ({ path: paths.news[n], limit: n * MiB, oneLine: false, stream: 'news' })),
    ...ONE_LINE_MIB.map((n) => ({ path: paths.oneLine[n], limit: n * MiB, oneLine: true, stream: 'news' })),
    { path: paths.long, limit: LONG_MIB * MiB, oneLine: false, stream: 'long' },
  ].map((t) => ({ ...t, tmp: `${t.path}.tmp`, fd: -1, bytes: 0, buf: [], bufBytes: 0, done: false }))
  for (const t of targets) t.fd = openSync(t.tmp, 'w')

  const flush = (t) => {
    if (t.buf.length === 0) return
    writeSync(t.fd, t.buf.join(''))
    t.buf = []
    t.bufBytes = 0
  }
  const streams = { news: articleMaker(SEED), long: longArticleMaker(SEED + 1) }
  for (const [stream, article] of Object.entries(streams)) {
    const mine = targets.filter((t) => t.stream === stream)
    writeStream(mine, article, flush)
  }
  const manifest = { generator: GENERATOR_VERSION, seed: SEED, files: {} }
  for (const t of targets) {
    renameSync(t.tmp, t.path)
    manifest.files[basename(t.path)] = t.bytes
  }
  writeFileSync(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`)
  const generatedMs = performance.now() - t0
  log(`generated ${targets.length} files in ${(generatedMs / 1000).toFixed(1)} s`)
  return { paths, generatedMs }
}

/** Write one seeded stream of articles into its targets, each cut at the first article end past its size. */
function writeStream(targets, article, flush) {
  let first = true
  while (targets.some((t) => !t.done)) {
    const text = article()
    const flat = text.replace(/\n+/g, ' ')
    for (const t of targets) {
      if (t.done) continue
      const piece = t.oneLine ? (first ? flat : ` ${flat}`) : first ? text : `\n\n${text}`
      const n = Buffer.byteLength(piece)
      t.buf.push(piece)
      t.bufBytes += n
      t.bytes += n
      if (t.bytes >= t.limit) {
        if (!t.oneLine) {
          t.buf.push('\n')
          t.bytes += 1
        }
        flush(t)
        closeSync(t.fd)
        t.done = true
      } else if (t.bufBytes > MiB) flush(t)
    }
    first = false
  }
}

function cacheValid(paths) {
  if (!existsSync(paths.manifest)) return false
  try {
    const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8'))
    return [...Object.values(paths.news), ...Object.values(paths.oneLine), paths.long].every((p) => {
      const size = manifest.files[basename(p)]
      return size !== undefined && existsSync(p) && statSync(p).size === size
    })
  } catch {
    return false
  }
}

/** Generate a small sample (for eyeballing the generator): `node bench/lib/corpus.mjs [articles]`. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const article = articleMaker(SEED)
  const n = Number(process.argv[2] ?? 3)
  for (let i = 0; i < n; i++) process.stdout.write(`${article()}\n\n`)
}
