// The big database of bench/store.mjs: ARTICLES articles × UNITS units (25,000 × 40 = 1,000,000 by
// default), targets sv, de and fi, half the units of each article translated in each language.
//
// Articles go in through Tolk's store API in this process (importArticle of
// dist/store/sqlite/create-sqlite-store.js, with dist/segment/segment-article.js's units, language
// en given): units, ids, counters, all as `tolk import` would leave them. Translations do not: 1.5 M writes through writeTranslation at ~5,000/s would
// take five minutes, so they are two INSERT … SELECT statements in one transaction, straight
// into the real schema (translations: version 1 by `bench`; history: one entry per translation,
// from initial). The coverage counters follow by the schema's own triggers
// (translations_count_insert), and are checked once against a recount from the rows.
//
// Cached in bench/.data/store/ under a name that holds a hash of the schema (every .js file of
// dist/store/migrations/, compiled from src/store/migrations/), the builder's version and the
// sizes; a database of the same sizes built for another schema is deleted. Built under a temporary name and renamed when complete.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { articleId, TAG, unitArticles } from './store-corpus.mjs'

const BUILDER_VERSION = 1
export const LANGS = ['sv', 'de', 'fi']

/** Where the database for these sizes and this schema lives (it may not exist yet). */
export function millionPath(root, dataDir, articles, units) {
  // The compiled migrations are what build and open the database (src/ may be ahead of dist/).
  const migrations = join(root, 'dist', 'store', 'migrations')
  const h = createHash('sha256')
  for (const f of readdirSync(migrations).filter((x) => x.endsWith('.js')).sort()) {
    h.update(f).update(readFileSync(join(migrations, f)))
  }
  h.update(`builder ${BUILDER_VERSION} ${articles}x${units} ${LANGS.join(',')}`)
  return join(dataDir, `million-${articles}x${units}-${h.digest('hex').slice(0, 12)}.sqlite`)
}

/**
 * Make sure the database exists; build it when not. Returns { file, builtMs, check } where check
 * is the counter verification of a fresh build (undefined when the cache was used).
 */
export async function ensureMillionDb({ root, dataDir, articles, units, log }) {
  const file = millionPath(root, dataDir, articles, units)
  // Built under a temporary name and renamed when complete: the name alone says it is whole (a
  // reader may leave an empty -wal and -shm beside it).
  if (existsSync(file)) return { file, builtMs: 0 }
  mkdirSync(dataDir, { recursive: true })
  // A database of the same sizes built for another schema (or builder) is of no more use.
  const name = file.split('/').pop()
  const sameSizes = `million-${articles}x${units}-`
  for (const f of readdirSync(dataDir)) {
    if (f.startsWith(sameSizes) && !f.startsWith(name)) rmSync(join(dataDir, f), { force: true })
  }
  const tmp = `${file}.tmp`
  for (const s of ['', '-wal', '-shm']) rmSync(`${tmp}${s}`, { force: true })
  const t0 = performance.now()
  log(`building ${articles.toLocaleString('en-US')} articles × ${units} units into ${file} (once per schema; cached afterwards; minutes) …`)

  const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href)
  const { createSqliteStore } = await dist('store/sqlite/create-sqlite-store.js')
  const { segmentArticle } = await dist('segment/segment-article.js')
  const segment = (text) => segmentArticle(text, { articleId: 'x', tag: TAG, lang: 'en' })

  const store = createSqliteStore({ file: tmp })
  let i = 0
  let last = performance.now()
  try {
    for (const { text } of unitArticles(articles, units, segment)) {
      i++
      // store.importArticle with the segmentation `tolk import` would compute (importText would
      // also run language detection on each text: 40% of an import, for nothing here).
      const id = articleId(i)
      const segmented = segmentArticle(text, { articleId: id, tag: TAG, lang: 'en' })
      const title = segmented.units[0].source.split('\n', 1)[0].slice(0, 200)
      await store.importArticle({ id, tag: TAG, lang: 'en', title, source: text, targets: LANGS, segmented })
      if (performance.now() - last > 15_000) {
        last = performance.now()
        log(`  … ${i.toLocaleString('en-US')} articles imported, ${((last - t0) / 1000).toFixed(0)} s`)
      }
    }
  } finally {
    await store.close()
  }
  const importedMs = performance.now() - t0
  log(`  imported ${i.toLocaleString('en-US')} articles in ${(importedMs / 1000).toFixed(1)} s (${(i / (importedMs / 1000)).toFixed(0)} articles/s, in-process)`)

  const db = new Database(tmp)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const t1 = performance.now()
  const at = new Date().toISOString()
  const langs = LANGS.map((l, k) => `SELECT '${l}' AS lang, ${k} AS k`).join(' UNION ALL ')
  db.transaction(() => {
    // Half the units in each language (alternating positions, shifted per language), in states
    // translated, reviewed and final in turn; none stale.
    db.prepare(`
      INSERT INTO translations (article_id, unit_id, lang, text, state, stale, version, author,
        updated_at, made_from)
      SELECT u.article_id, u.id, l.lang, '[' || l.lang || '] ' || u.source,
        CASE (u.position / 2) % 3 WHEN 0 THEN 'translated' WHEN 1 THEN 'reviewed' ELSE 'final' END,
        0, 1, 'bench', @at, u.source
      FROM units u JOIN (${langs}) l
      WHERE u.obsolete = 0 AND (u.position + l.k) % 2 = 0
      ORDER BY u.article_id, u.id, l.lang`).run({ at })
    db.prepare(`
      INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state,
        new_state, author, at)
      SELECT article_id, unit_id, lang, version, NULL, text, 'initial', state, author, updated_at
      FROM translations ORDER BY article_id, unit_id, lang`).run()
    // Each translation row names its latest history entry (schema 9), as a write would.
    db.prepare(`
      UPDATE translations SET history_seq = h.seq
      FROM (SELECT article_id, unit_id, lang, max(seq) AS seq FROM history GROUP BY article_id, unit_id, lang) h
      WHERE h.article_id = translations.article_id AND h.unit_id = translations.unit_id AND h.lang = translations.lang`).run()
  }).immediate()
  const translatedMs = performance.now() - t1
  const n = db.prepare('SELECT count(*) FROM translations').pluck().get()
  log(`  ${n.toLocaleString('en-US')} translations + history rows in one transaction: ${(translatedMs / 1000).toFixed(1)} s`)

  // The counters the triggers kept, against a recount from the rows.
  const t2 = performance.now()
  const recount = `
    SELECT t.article_id, t.lang, t.state, count(*) AS units, sum(u.words) AS words,
      sum(t.stale) AS stale_units, sum(t.stale * u.words) AS stale_words
    FROM translations t JOIN units u ON u.article_id = t.article_id AND u.id = t.unit_id
    WHERE u.obsolete = 0 GROUP BY t.article_id, t.lang, t.state`
  const counters = `
    SELECT article_id, lang, state, units, words, stale_units, stale_words FROM coverage_counts
    WHERE units <> 0 OR words <> 0 OR stale_units <> 0 OR stale_words <> 0`
  const onlyRecount = db.prepare(`SELECT count(*) FROM (${recount} EXCEPT ${counters})`).pluck().get()
  const onlyCounters = db.prepare(`SELECT count(*) FROM (${counters} EXCEPT ${recount})`).pluck().get()
  const rows = db.prepare('SELECT count(*) FROM coverage_counts').pluck().get()
  const check = { counterRows: rows, onlyRecount, onlyCounters, ok: onlyRecount === 0 && onlyCounters === 0, ms: performance.now() - t2 }
  log(`  counters vs recount: ${rows.toLocaleString('en-US')} counter rows, ${onlyRecount} only in the recount, ${onlyCounters} only in the counters -> ${check.ok ? 'AGREE' : 'DISAGREE'} (${(check.ms / 1000).toFixed(1)} s)`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  if (!check.ok) throw new Error('the coverage counters disagree with a recount of the rows; not caching this database')
  rmSync(`${tmp}-wal`, { force: true })
  rmSync(`${tmp}-shm`, { force: true })
  renameSync(tmp, file)
  const builtMs = performance.now() - t0
  log(`  built in ${(builtMs / 1000).toFixed(1)} s`)
  return { file, builtMs, check }
}
