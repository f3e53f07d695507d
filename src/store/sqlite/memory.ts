/**
 * The translation memory on SQLite: `tm_entries` (schema 4) with its FTS5 word index. Entries
 * from articles follow the history (schema 6, `memory-sync.ts`): every read first takes in what
 * was written since, so translation writes never pay for the memory. This module reads entries,
 * imports and exports TMX, and answers matches and concordance searches.
 */
import type Database from 'better-sqlite3'
import { NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { findMatches, type IndexedEntry, type IndexReader } from '../../tm/matcher.js'
import { checkSearch, onePerPair, publicOf } from '../../tm/concordance.js'
import { primaryLanguage } from '../../tm/regions.js'
import { readTmxEntries, type TmxRow } from '../../tm/tmx-entries.js'
import { TMX_TAIL, tmxHead, tmxUnit } from '../../tm/tmx-write.js'
import type { MemoryPair, TmxImportSummary, TranslationMemory } from '../../tm/types.js'
import { busyRetry, isBusy, type WhenFree } from './busy.js'
import { createMemorySync } from './memory-sync.js'
import { createWordIndex, phrase } from './memory-index.js'

/**
 * An entry row in COLUMNS order. Entry statements return rows as arrays (better-sqlite3's `raw`):
 * an analysis reads tens of thousands of candidate rows, and an object per row, its properties
 * set one by one, cost a third of reading them.
 */
type EntryRow = [
  id: number,
  origin: 'article' | 'tmx',
  srcLang: string,
  tgtLang: string,
  tag: string | null,
  prevHash: string | null,
  nextHash: string | null,
  articleId: string | null,
  unitId: string | null,
  author: string | null,
  updatedAt: string | null,
  source: string,
  target: string,
]

const COLUMNS = `id, origin, src_lang, tgt_lang, tag, prev_hash, next_hash, article_id, unit_id,
  author, updated_at, source, target`

/** Entries added by one import after which the word index is merged. */
const OPTIMIZE_AFTER = 50_000

/**
 * Bytes of the file the memory's connection reads through a memory map. Matching reads rows and
 * index pages spread over the whole file; mapped, a page is read where it lies instead of being
 * copied into SQLite's small page cache by a system call each time (an analysis spent about a
 * tenth of its time in those calls).
 */
const MMAP_BYTES = 1 << 30

/** Build the memory over one connection; `now` stamps imported entries that carry no date. */
export function createSqliteMemory(db: Database.Database, now: () => string, whenFree: WhenFree = busyRetry()): TranslationMemory {
  db.pragma(`mmap_size = ${MMAP_BYTES}`)
  const sync = createMemorySync(db)
  const exact = db
    .prepare<[{ hash: string; src: string; tgt: string }], EntryRow>(
      // Any region of the two languages (#23): the matcher keeps those that fit (tm/regions.ts).
      `SELECT ${COLUMNS} FROM tm_entries WHERE src_hash = @hash
        AND (src_lang = @src OR src_lang LIKE @src || '-%') AND (tgt_lang = @tgt OR tgt_lang LIKE @tgt || '-%')`,
    )
    .raw()
  const gramPostings = db
    .prepare<[string, number], number>('SELECT rowid FROM tm_grams WHERE tm_grams MATCH ? LIMIT ?')
    .pluck()
  const byId = db
    .prepare<[string], EntryRow>(
      `SELECT ${COLUMNS} FROM tm_entries WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
  const pairCount = db.prepare<[], { src_lang: string; tgt_lang: string; n: number }>(
    'SELECT src_lang, tgt_lang, count(*) AS n FROM tm_entries GROUP BY src_lang, tgt_lang ORDER BY 1, 2',
  )
  const hasTarget = db.prepare<[string], { x: number }>(
    'SELECT 1 AS x FROM tm_entries WHERE tgt_lang = ? LIMIT 1',
  )
  const hasBoth = db.prepare<[string, string], { x: number }>(
    'SELECT 1 AS x FROM tm_entries WHERE src_lang = ? AND tgt_lang = ? LIMIT 1',
  )
  // A pair held only in other regions of its languages (en-US → de-DE for en → de) counts too.
  const hasTargetRegion = db.prepare<[string], { x: number }>(
    "SELECT 1 AS x FROM tm_entries WHERE tgt_lang LIKE ? || '-%' LIMIT 1",
  )
  const hasBothRegion = db.prepare<[{ src: string; tgt: string }], { x: number }>(
    `SELECT 1 AS x FROM tm_entries WHERE (src_lang = @src OR src_lang LIKE @src || '-%')
      AND (tgt_lang = @tgt OR tgt_lang LIKE @tgt || '-%') LIMIT 1`,
  )
  const search = db
    .prepare<[string, string, string | null, string | null, number], EntryRow>(`
      SELECT ${COLUMNS.replace(/(\w+)/g, 'e.$1')} FROM tm_fts f JOIN tm_entries e ON e.id = f.rowid
      WHERE tm_fts MATCH ? AND e.tgt_lang = ? AND (? IS NULL OR e.src_lang = ?)
      ORDER BY f.rowid DESC LIMIT ?`)
    .raw()
  const insertTmx = db.prepare(`
    INSERT OR IGNORE INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, tmx_key, author,
      updated_at, source, target)
    VALUES ('tmx', @srcLang, @tgtLang, @tag, @srcHash, @key, @author, @at, @source, @target)`)
  // A pair the workbench's own translations already hold: by the source's hash, or by the text
  // itself for an entry made from an older source (which has no hash; see migration 017).
  const heldByHash = db.prepare<[string, string, string, string], number>(
    `SELECT 1 FROM tm_entries WHERE src_hash = ? AND src_lang = ? AND tgt_lang = ? AND target = ? AND origin = 'article' LIMIT 1`,
  ).pluck()
  const heldByText = db.prepare<[string, string, string, string], number>(
    `SELECT 1 FROM tm_entries WHERE src_hash IS NULL AND source = ? AND src_lang = ? AND tgt_lang = ? AND target = ? LIMIT 1`,
  ).pluck()
  const page = db
    .prepare<[number, number], EntryRow>(`SELECT ${COLUMNS} FROM tm_entries WHERE id > ? ORDER BY id LIMIT ?`)
    .raw()

  // A read never waits on a writer: with the database locked by another connection, the memory
  // is read as it is (a few writes behind) and taken up to date by a later read.
  const syncUnlessBusy = (limit?: number): number => {
    try {
      return sync(limit)
    } catch (err) {
      if (isBusy(err)) return 0
      throw err
    }
  }
  const index = createWordIndex(db)
  let keptVersion: unknown
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  /** Bring the memory up to date, and drop kept lists if anything could have changed. */
  const current = (limit?: number): number => {
    const taken = syncUnlessBusy(limit)
    const version = dataVersion.get()
    if (taken > 0 || version !== keptVersion) index.forget()
    keptVersion = version
    return taken
  }
  const reader: IndexReader = {
    exact: (hash, src, tgt) => exact.all({ hash, src, tgt }).map(toEntry),
    frequency: index.frequency,
    postings: index.postings,
    entries: (ids) => (ids.length === 0 ? [] : byId.all(JSON.stringify(ids)).map(toEntry)),
    gramPostings: (gram, cap) => gramPostings.all(phrase(gram), cap),
  }

  const insertAll = db.transaction((rows: TmxRow[], summary: TmxImportSummary) => {
    for (const r of rows) {
      const held =
        heldByHash.get(r.srcHash, r.srcLang, r.tgtLang, r.target) !== undefined ||
        heldByText.get(r.source, r.srcLang, r.tgtLang, r.target) !== undefined
      if (held) summary.duplicates++
      else if (insertTmx.run(r).changes) summary.added++
      else summary.duplicates++
    }
    return summary
  })

  return {
    async sync(limit) {
      return current(limit)
    },
    async matches(q) {
      current()
      if (!(await this.hasPair(q.tgtLang, q.srcLang))) {
        throw new NotFound(
          `the memory has no ${printable(q.srcLang)} → ${printable(q.tgtLang)} entries yet`,
          'unknown-language-pair',
        )
      }
      return index.reading(() => findMatches(reader, q))
    },
    async matchMany(queries) {
      current()
      // One read transaction: every match sees the same memory, and SQLite takes its lock once;
      // so a word's posting list, read once, serves every segment of the batch (an article's
      // common words recur in most of its sentences).
      const session = cachedPostings(reader, POSTINGS_CACHED)
      return index.reading(() => queries.map((q) => findMatches(session, q)))
    },
    async search(q) {
      const { text, limit } = checkSearch(q)
      current()
      if (!(await this.hasPair(q.tgtLang, q.srcLang))) {
        throw new NotFound(`the memory has no entries in ${printable(q.tgtLang)} yet`, 'unknown-language-pair')
      }
      const src = q.srcLang ?? null
      // A pair held twice (imported from TMX before the workbench translated it the same way)
      // is shown once, as the workbench's entry, which names its unit; read enough to fill the page.
      const rows = search.all(phrase(text), q.tgtLang, src, src, limit * 2).map(toEntry)
      return onePerPair(rows).slice(0, limit).map(publicOf)
    },
    async pairs(): Promise<MemoryPair[]> {
      current()
      return pairCount.all().map((r) => ({ srcLang: r.src_lang, tgtLang: r.tgt_lang, entries: r.n }))
    },
    async hasPair(tgtLang, srcLang) {
      current()
      const tgt = primaryLanguage(tgtLang)
      return srcLang === undefined
        ? hasTarget.get(tgtLang) !== undefined || hasTarget.get(tgt) !== undefined || hasTargetRegion.get(tgt) !== undefined
        : hasBoth.get(srcLang, tgtLang) !== undefined || hasBothRegion.get({ src: primaryLanguage(srcLang), tgt }) !== undefined
    },
    async importTmx(file, opts) {
      // Read and checked before the transaction opens, so the write lock is held for the inserts only.
      const { summary, rows } = readTmxEntries(file, opts?.name ?? file, opts?.srcLang, now(), opts?.map)
      // The workbench's own translations in first, so a pair they hold counts as held.
      current()
      await whenFree(() => insertAll.immediate(rows, summary))
      // A large import leaves the word index in many segments; merged, each lookup reads one.
      if (summary.added >= OPTIMIZE_AFTER) optimizeMemoryIndex(db)
      index.forgetAll()
      return summary
    },
    async *exportTmx(opts) {
      current()
      const srcLangs = new Set<string>()
      for (const p of pairCount.all()) if (!opts?.tgtLang || p.tgt_lang === opts.tgtLang) srcLangs.add(p.src_lang)
      const head = opts?.srcLang ?? (srcLangs.size === 1 ? [...srcLangs][0]! : '*all*')
      yield tmxHead(head, now())
      // Pages by id: no read transaction held open across the consumer's awaits.
      let after = 0
      for (;;) {
        const rows = page.all(after, 1000)
        if (rows.length === 0) break
        let chunk = ''
        for (const r of rows) {
          const e = toEntry(r)
          after = e.id
          if (opts?.srcLang && e.srcLang !== opts.srcLang) continue
          if (opts?.tgtLang && e.tgtLang !== opts.tgtLang) continue
          chunk += tmxUnit(publicOf(e))
        }
        if (chunk) yield chunk
      }
      yield TMX_TAIL
    },
  }
}

/** Posting ids kept by one matchMany batch (about 8 bytes each). */
const POSTINGS_CACHED = 4_000_000

/** `reader` with posting lists kept (up to `budget` ids in all) for one read transaction. */
function cachedPostings(reader: IndexReader, budget: number): IndexReader {
  const lists = new Map<string, ArrayLike<number>>()
  let held = 0
  return {
    ...reader,
    postings(word, cap) {
      const key = `${cap}\u0000${word}`
      let ids = lists.get(key)
      if (!ids) {
        ids = reader.postings(word, cap)
        if (held + ids.length <= budget) {
          lists.set(key, ids)
          held += ids.length
        }
      }
      return ids
    },
  }
}

/** Merge the word index's segments into one: faster lookups after a large import. */
export function optimizeMemoryIndex(db: Database.Database): void {
  db.exec("INSERT INTO tm_fts (tm_fts) VALUES ('optimize')")
}

function toEntry(r: EntryRow): IndexedEntry {
  return {
    id: r[0],
    origin: r[1],
    srcLang: r[2],
    tgtLang: r[3],
    tag: r[4],
    source: r[11],
    target: r[12],
    articleId: r[7],
    unitId: r[8],
    author: r[9],
    updatedAt: r[10],
    prevHash: r[5],
    nextHash: r[6],
  }
}
