// The store, import and report as whole processes (issue 3, "Measured in bench/"):
//  1. `tolk import DIR --targets sv,de,fi --db FILE` of 10,000 generated news articles of about
//     600 words (bench/lib/store-corpus.mjs cuts them from bench/lib/corpus.mjs's seeded corpus):
//     articles/s, MB/s of source text, wall, CPU, peak RSS, and the database size per unit
//     (file + -wal over units). Side by side, a peer (bench/lib/store-peer.mjs): a bare
//     better-sqlite3 script inserting the same articles' sentences (trivial regex split) as rows
//     of one table, one transaction per article; the ratio.
//  2. The same import again, all 10,000 unchanged: wall, CPU, and the proof that nothing was
//     written: the database file's size, mtime and SHA-256 before and after, PRAGMA data_version
//     seen by a connection held open across the re-import (it moves when another connection
//     commits), and the articles' revisions and history rows counted before and after.
//  3. A database of 1,000,000 units (25,000 articles × 40 units, targets sv, de, fi, half the
//     units translated in each; bench/lib/store-million.mjs builds it once per schema and caches
//     it in bench/.data/store/): `tolk report --summary --format json` (target under 1 s; median of
//     3) and the full listing `tolk report --format json > /dev/null` (which must stream in bounded
//     memory): wall, CPU and peak RSS of both, and the listing's peak RSS over the summary's.
// Figures, not assertions: missed targets are printed, not failed. Exits 1 when the CLI fails.
//
//   node bench/store.mjs                      (npm run bench builds dist/ first)
//   BENCH_STORE_ARTICLES=1000 node bench/store.mjs   scale down: 1,000 articles to import and a
//                                             database of 2,500 × 40 = 100,000 units
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { DATA_DIR } from './lib/corpus.mjs'
import { writeArticleDir } from './lib/store-corpus.mjs'
import { ensureMillionDb, LANGS } from './lib/store-million.mjs'
import { fmt, hasGnuTime, median, runNode } from './lib/timing.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'bin', 'tolk.js')
const PEER = join(ROOT, 'bench', 'lib', 'store-peer.mjs')
const DATA = join(DATA_DIR, 'store')
const OUT = join(DATA, 'out')
const ARTICLES = Math.max(10, Number(process.env.BENCH_STORE_ARTICLES) || 10_000)
const BIG_ARTICLES = Math.round(ARTICLES * 2.5)
const BIG_UNITS = 40
const SUMMARY_TARGET_MS = 1000
const TIMEOUT_MS = 30 * 60_000

const t0 = performance.now()
const rel = (p) => relative(ROOT, p)
const log = (s = '') => process.stdout.write(`${s}\n`)
const int = fmt.int
const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`
const s = (ms) => (ms === undefined ? '?' : fmt.s(ms))
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`
const failures = []

log('# store: tolk import / re-import / report as whole processes, against a bare better-sqlite3 peer')
log(`cli: node ${rel(BIN)}; node ${process.version}; peak RSS via ${hasGnuTime() ? '/usr/bin/time -f %M' : 'bench/lib/with-rss.mjs'}; MB = 10^6 bytes, MiB = 2^20`)
log(`${load()} at the start (wall times grow with the load; CPU times are steadier)`)

const STORE_JS = join(ROOT, 'dist', 'store', 'sqlite', 'create-sqlite-store.js')
if (!existsSync(STORE_JS)) {
  log(`FAIL: ${rel(STORE_JS)} does not exist: run npm run build (npm run bench does)`)
  process.exit(1)
}
mkdirSync(OUT, { recursive: true })

/** Run the CLI (or the peer); fail loudly but carry on. */
async function run(label, script, args, stdoutFile = '/dev/null') {
  const r = await runNode({ script, args, stdoutFile, scratch: OUT, timeoutMs: TIMEOUT_MS })
  r.ok = r.code === 0 && !r.timedOut
  if (!r.ok) {
    const why = r.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : `exit ${r.code ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`
    failures.push(`${label}: ${why}`)
    log(`FAIL: ${label}: ${why}`)
  }
  return r
}
const rmDb = (f) => {
  for (const x of ['', '-wal', '-shm']) rmSync(`${f}${x}`, { force: true })
}
const size = (f) => (existsSync(f) ? statSync(f).size : 0)
const dbBytes = (f) => size(f) + size(`${f}-wal`)
const sha256 = (f) => createHash('sha256').update(readFileSync(f)).digest('hex')
const row = (label, r, extra = '') =>
  `${label.padEnd(34)} ${s(r.wallMs).padStart(9)} ${s(r.cpuMs).padStart(9)} ${fmt.rss(r.maxRssKB).padStart(9)}  ${extra}`
const header = (extra = '') => `${''.padEnd(34)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)} ${'peak RSS'.padStart(9)}  ${extra}`

// ---- 1. import -------------------------------------------------------------------------------
const dir = join(DATA, 'articles')
const corpus = writeArticleDir(dir, ARTICLES, log)
log()
log(`## 1. import ${int(ARTICLES)} articles (${rel(dir)}/en-news-00001.txt …): ${MB(corpus.bytes)} of source, ${int(corpus.words)} words (${(corpus.words / ARTICLES).toFixed(0)} per article)`)
const db = join(DATA, 'import.sqlite')
const peerDb = join(DATA, 'peer.sqlite')
rmDb(db)
rmDb(peerDb)
const importArgs = ['import', dir, '--targets', LANGS.join(','), '--db', db]
log(`tolk:  node bin/tolk.js ${importArgs.map((a) => (a.startsWith('/') ? rel(a) : a)).join(' ')}   (a new database: the seeds load first)`)
log(`peer:  node ${rel(PEER)} DIR DB   (regex split, one table, one transaction per article)`)
const peer = await run('peer import', PEER, [dir, peerDb], join(OUT, 'peer.json'))
const imp = await run('tolk import', BIN, importArgs, join(OUT, 'import.txt'))
const importOut = imp.ok ? readFileSync(join(OUT, 'import.txt'), 'utf8').trim() : ''
const peerOut = peer.ok ? JSON.parse(readFileSync(join(OUT, 'peer.json'), 'utf8')) : undefined

const counts = (file) => {
  const c = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return c.prepare(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM units) AS units,
      (SELECT count(*) FROM units WHERE article_id LIKE 'en-news-%') AS newsUnits,
      (SELECT total(revision) FROM articles) AS revisions, (SELECT count(*) FROM history) AS history,
      (SELECT count(*) FROM translations) AS translations`).get()
  } finally {
    c.close()
  }
}
const results = { articles: ARTICLES, sourceBytes: corpus.bytes, words: corpus.words }
log()
log(header('articles/s   source MB/s'))
if (peer.ok) {
  log(row('peer (bare better-sqlite3)', peer, `${(ARTICLES / (peer.wallMs / 1000)).toFixed(0).padStart(10)}   ${(corpus.bytes / 1e6 / (peer.wallMs / 1000)).toFixed(2).padStart(11)}`))
}
if (imp.ok) {
  log(row('tolk import DIR', imp, `${(ARTICLES / (imp.wallMs / 1000)).toFixed(0).padStart(10)}   ${(corpus.bytes / 1e6 / (imp.wallMs / 1000)).toFixed(2).padStart(11)}`))
  log(`tolk said: ${importOut}`)
}
if (imp.ok) {
  const c = counts(db)
  const bytes = dbBytes(db)
  results.import = { wallMs: imp.wallMs, cpuMs: imp.cpuMs, maxRssKB: imp.maxRssKB, dbBytes: bytes, ...c }
  log(`tolk database: ${MB(bytes)} (file ${MB(size(db))} + -wal ${MB(size(`${db}-wal`))}) for ${int(c.units)} units (${int(c.newsUnits)} imported here, the rest the seeds') = ${int(Math.round(bytes / c.units))} bytes per unit`)
  log(`               ${(bytes / corpus.bytes).toFixed(2)}x the source text; ${(c.units / c.articles).toFixed(1)} units per article; the source is stored twice (articles.source verbatim and units.source)`)
}
if (peerOut) {
  const bytes = dbBytes(peerDb)
  results.peer = { wallMs: peer.wallMs, cpuMs: peer.cpuMs, maxRssKB: peer.maxRssKB, dbBytes: bytes, rows: peerOut.rows }
  log(`peer database: ${MB(bytes)} for ${int(peerOut.rows)} sentence rows = ${int(Math.round(bytes / peerOut.rows))} bytes per row`)
}
if (imp.ok && peer.ok) {
  const ratio = imp.wallMs / peer.wallMs
  results.ratio = { wall: ratio, cpu: imp.cpuMs && peer.cpuMs ? imp.cpuMs / peer.cpuMs : undefined }
  log()
  log(`RATIO tolk import / bare peer = ${ratio.toFixed(2)}x wall${results.ratio.cpu ? `, ${results.ratio.cpu.toFixed(2)}x CPU` : ''}   (the peer is ${ratio.toFixed(1)}x faster; it detects no language, gives no ids, keeps no counters)`)
}

// ---- 2. re-import, unchanged -------------------------------------------------------------------
if (imp.ok) {
  log()
  log(`## 2. re-import the same ${int(ARTICLES)} articles, unchanged: no writes, and how long the check takes`)
  const before = { size: size(db), mtimeMs: statSync(db).mtimeMs, sha: sha256(db), wal: existsSync(`${db}-wal`) }
  // A connection held open across the re-import: PRAGMA data_version changes when any other
  // connection commits to the file.
  const watch = new Database(db, { fileMustExist: true })
  const version = () => watch.pragma('data_version', { simple: true })
  const v0 = version()
  const c0 = counts(db)
  const again = await run('tolk re-import', BIN, importArgs, join(OUT, 'reimport.txt'))
  const v1 = version()
  const c1 = counts(db)
  watch.close()
  const after = { size: size(db), mtimeMs: statSync(db).mtimeMs, sha: sha256(db), wal: existsSync(`${db}-wal`) }
  if (again.ok) {
    const said = readFileSync(join(OUT, 'reimport.txt'), 'utf8').trim()
    log(header('articles/s   source MB/s'))
    log(row('tolk import DIR (unchanged)', again, `${(ARTICLES / (again.wallMs / 1000)).toFixed(0).padStart(10)}   ${(corpus.bytes / 1e6 / (again.wallMs / 1000)).toFixed(2).padStart(11)}`))
    log(`tolk said: ${said}`)
    log(`the check takes ${((again.wallMs / ARTICLES)).toFixed(2)} ms wall (${again.cpuMs ? (again.cpuMs / ARTICLES).toFixed(2) : '?'} ms CPU) per article; ${(again.wallMs / imp.wallMs).toFixed(2)}x the first import's wall, ${again.cpuMs && imp.cpuMs ? (again.cpuMs / imp.cpuMs).toFixed(2) : '?'}x its CPU`)
    const same = (a, b) => (a === b ? 'same' : 'CHANGED')
    log('no-write proof (before -> after):')
    log(`  database file size     ${int(before.size)} -> ${int(after.size)} bytes   ${same(before.size, after.size)}`)
    log(`  database file mtime    ${new Date(before.mtimeMs).toISOString()} -> ${new Date(after.mtimeMs).toISOString()}   ${same(before.mtimeMs, after.mtimeMs)}`)
    log(`  database file SHA-256  ${before.sha.slice(0, 16)}… -> ${after.sha.slice(0, 16)}…   ${same(before.sha, after.sha)}`)
    log(`  PRAGMA data_version    ${v0} -> ${v1} (a connection held open across the re-import)   ${same(v0, v1)}`)
    log(`  articles, sum of revisions, history rows, translations   ${c0.articles}, ${c0.revisions}, ${c0.history}, ${c0.translations} -> ${c1.articles}, ${c1.revisions}, ${c1.history}, ${c1.translations}   ${same(JSON.stringify(c0), JSON.stringify(c1))}`)
    const noWrites = before.sha === after.sha && before.size === after.size && v0 === v1 && JSON.stringify(c0) === JSON.stringify(c1)
    log(`  -> ${noWrites ? 'NO WRITES: the unchanged re-import left the database byte for byte as it was' : 'WRITES SEEN: the unchanged re-import changed the database'}${before.mtimeMs !== after.mtimeMs && before.sha === after.sha ? ' (the mtime moved with the same bytes: a checkpoint or open touched the file)' : ''}`)
    results.reimport = { wallMs: again.wallMs, cpuMs: again.cpuMs, maxRssKB: again.maxRssKB, before, after, dataVersion: [v0, v1], counts: [c0, c1], noWrites }
  }
}

// ---- 3. reports over a million units -------------------------------------------------------------
log()
log(`## 3. reports over ${int(BIG_ARTICLES * BIG_UNITS)} units (${int(BIG_ARTICLES)} articles × ${BIG_UNITS}, targets ${LANGS.join(', ')}, half translated in each)`)
let big
try {
  big = await ensureMillionDb({ root: ROOT, dataDir: DATA, articles: BIG_ARTICLES, units: BIG_UNITS, log })
} catch (err) {
  failures.push(`building the big database: ${err.message}`)
  log(`FAIL: building the big database: ${err.message}`)
}
if (big) {
  const c = new Database(big.file, { readonly: true, fileMustExist: true })
  const bc = c.prepare(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT total(live_units) FROM articles) AS units,
    (SELECT count(*) FROM translations) AS translations, (SELECT count(*) FROM history) AS history`).get()
  // What the listing has to print: the source of every live unit once per language it is
  // untranslated in (bytes of UTF-16 code units ~ bytes of this ASCII-heavy text).
  bc.listedChars = c.prepare(`SELECT total(length(u.source) * (json_array_length(a.targets) -
      (SELECT count(*) FROM translations t WHERE t.article_id = u.article_id AND t.unit_id = u.id AND t.state <> 'initial')))
    FROM units u JOIN articles a ON a.id = u.article_id WHERE u.obsolete = 0`).pluck().get()
  c.close()
  log(`database: ${rel(big.file)}, ${fmt.mib(dbBytes(big.file))}; ${int(bc.articles)} articles, ${int(bc.units)} live units, ${int(bc.translations)} translations (${(bc.translations / bc.units / LANGS.length * 100).toFixed(0)}% of units × languages), ${int(bc.history)} history rows${big.builtMs ? `; built in ${s(big.builtMs)} this run` : '; cached'}`)
  const summaryArgs = ['report', '--summary', '--format', 'json', '--db', big.file]
  const listingArgs = ['report', '--format', 'json', '--db', big.file]
  const sums = []
  for (let i = 0; i < 3; i++) {
    const r = await run('tolk report --summary', BIN, summaryArgs, join(OUT, 'summary.json'))
    if (!r.ok) break
    sums.push(r)
  }
  let summaryCheck = ''
  if (sums.length > 0) {
    try {
      const j = JSON.parse(readFileSync(join(OUT, 'summary.json'), 'utf8'))
      const langs = j.articles.flatMap((a) => Object.values(a.languages))
      const done = langs.reduce((n, l) => n + l.units.translated + l.units.reviewed + l.units.final, 0)
      summaryCheck = `${int(j.articles.length)} articles, ${int(done)} translated units over ${int(langs.length)} article × language rows, ${MB(size(join(OUT, 'summary.json')))} of JSON`
    } catch (err) {
      summaryCheck = `UNREADABLE JSON: ${err.message}`
      failures.push(`tolk report --summary --format json: ${summaryCheck}`)
    }
  }
  log(`listing: node bin/tolk.js report --format json --db … > /dev/null (once; it is the long one)`)
  const listing = await run('tolk report (full listing)', BIN, listingArgs)
  log()
  log(header())
  let summary
  if (sums.length === 3) {
    summary = { wallMs: median(sums.map((r) => r.wallMs)), cpuMs: median(sums.map((r) => r.cpuMs ?? 0)) || undefined, maxRssKB: Math.max(...sums.map((r) => r.maxRssKB ?? 0)) || undefined }
    log(row('report --summary --format json', summary, `median of 3 (${sums.map((r) => s(r.wallMs)).join(', ')})`))
  }
  if (listing.ok) log(row('report --format json (listing)', listing, '> /dev/null'))
  if (summary) {
    log(`summary: ${summaryCheck}`)
    log(`TARGET report --summary under 1 s: ${s(summary.wallMs)} wall -> ${summary.wallMs < SUMMARY_TARGET_MS ? 'MET' : 'NOT MET'}${summary.cpuMs ? ` (CPU ${s(summary.cpuMs)}${summary.cpuMs < SUMMARY_TARGET_MS && summary.wallMs >= SUMMARY_TARGET_MS ? ': met in CPU time, the wall is the busy machine' : ''})` : ''}`)
  }
  if (summary && listing.ok && summary.maxRssKB && listing.maxRssKB) {
    const extraKB = listing.maxRssKB - summary.maxRssKB
    log(`memory: the full listing peaks at ${fmt.rss(listing.maxRssKB)}, ${(listing.maxRssKB / summary.maxRssKB).toFixed(2)}x the summary's ${fmt.rss(summary.maxRssKB)} (+${fmt.rss(extraKB)}),`)
    log(`        while it prints the source of ${int(bc.units * LANGS.length - bc.translations)} untranslated segments, ${fmt.mib(bc.listedChars)} of source text alone (database ${fmt.mib(dbBytes(big.file))})`)
    let bounded = extraKB * 1024 < bc.listedChars / 4
    if (!bounded) {
      // Peak RSS cannot tell live data from garbage V8 has not collected yet: run the listing
      // again with the heap capped. If it completes there, what it holds at once is bounded.
      const cap = 96
      process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${cap}`.trim()
      const capped = await run(`tolk report (full listing, heap capped at ${cap} MiB)`, BIN, listingArgs)
      delete process.env.NODE_OPTIONS
      if (capped.ok) {
        bounded = true
        log(row(`  again, V8 heap capped at ${cap} MiB`, capped, `NODE_OPTIONS=--max-old-space-size=${cap}: completes, ${(capped.maxRssKB / summary.maxRssKB).toFixed(2)}x the summary's RSS`))
        log(`        (the extra RSS of the uncapped run is garbage the collector had not yet returned, not data held)`)
      }
      results.cappedListing = { capMiB: cap, ok: capped.ok, wallMs: capped.wallMs, cpuMs: capped.cpuMs, maxRssKB: capped.maxRssKB }
    }
    log(`        -> ${bounded ? 'BOUNDED: the listing holds a small fraction of what it prints' : 'NOT BOUNDED: the listing needs memory in proportion to what it prints'}`)
    log(`        listing speed: ${int(Math.round(bc.articles / (listing.wallMs / 1000)))} articles/s, ${int(Math.round((bc.units * LANGS.length - bc.translations) / (listing.wallMs / 1000)))} untranslated segments/s`)
  }
  results.reports = { file: rel(big.file), dbBytes: dbBytes(big.file), ...bc, builtMs: big.builtMs, summary, summaryRuns: sums.map((r) => r.wallMs), listing: listing.ok ? { wallMs: listing.wallMs, cpuMs: listing.cpuMs, maxRssKB: listing.maxRssKB } : undefined }
}

// ---- results -------------------------------------------------------------------------------------
const totalMs = performance.now() - t0
log()
log(`bench/store.mjs took ${s(totalMs)} (${load()} at the end)`)
writeFileSync(join(DATA_DIR, 'store-last.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, loadavg: loadavg(), totalMs, ...results, failures }, null, 2)}\n`)
if (failures.length > 0) {
  log(`${failures.length} failure(s):`)
  for (const f of failures) log(`  ${f}`)
  process.exitCode = 1
}
