/**
 * The translation memory on PostgreSQL (schema 3), with the SQLite memory's semantics: entries
 * from articles follow the history (memory-sync.ts), every read first takes in what was written
 * since and indexes new entries (memory-index.ts); matches run the shared matcher over Tolk's own
 * word index (memory-reader.ts), so both backends score the same entries the same way.
 */
import type pg from 'pg'
import { NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { ftsTokens } from '../../tm/fts-words.js'
import { checkSearch, onePerPair, publicOf } from '../../tm/concordance.js'
import { primaryLanguage } from '../../tm/regions.js'
import { readTmxEntries } from '../../tm/tmx-entries.js'
import { TMX_TAIL, tmxHead, tmxUnit } from '../../tm/tmx-write.js'
import type { MatchQuery, MemoryPair, TranslationMemory } from '../../tm/types.js'
import { foldedWords, indexPending, KEY } from './memory-index.js'
import { createPgMatcher, ENTRY_COLUMNS, type EntryRow, toEntry } from './memory-reader.js'
import { BEHIND, syncMemory } from './memory-sync.js'
import { inTransaction } from './pool.js'

/** TMX entries sent to the database per statement. */
const IMPORT_BATCH = 5000

/** The memory over a migrated database's pool; `now` stamps imported entries that carry no date. */
export function createPgMemory(pool: pg.Pool, now: () => string): TranslationMemory {
  const matcher = createPgMatcher(pool)

  /**
   * Bring the memory up to date (history, then the word index); the history entries taken in.
   * A read waits for another server's catch-up (it must see every write before it); the
   * background catch-up (`sync`) leaves the work to the server at it.
   */
  const current = async (limit?: number, wait = true): Promise<number> => {
    const { rows } = await pool.query<{ behind: boolean; pending: boolean }>(
      `SELECT ${BEHIND} AS behind, EXISTS (SELECT 1 FROM tm_entries WHERE index_keys IS NULL) AS pending`,
    )
    const first = rows[0]!
    let taken = 0
    if (first.behind) taken = await syncMemory(pool, { limit, wait })
    if (first.behind || first.pending) await indexPending(pool)
    return taken
  }

  const pairCounts = async () =>
    (
      await pool.query<{ src_lang: string; tgt_lang: string; n: number }>(
        'SELECT src_lang, tgt_lang, count(*) AS n FROM tm_entries GROUP BY src_lang, tgt_lang ORDER BY 1, 2',
      )
    ).rows

  // The pair in its exact tags or in any region of its languages, as on SQLite (#23).
  const hasPair = async (tgtLang: string, srcLang?: string) => {
    const tgt = primaryLanguage(tgtLang)
    const { rows } = await pool.query(
      srcLang === undefined
        ? `SELECT 1 FROM tm_entries WHERE tgt_lang = $1 OR tgt_lang = $2 OR tgt_lang LIKE $2 || '-%' LIMIT 1`
        : `SELECT 1 FROM tm_entries WHERE (tgt_lang = $1 OR tgt_lang = $2 OR tgt_lang LIKE $2 || '-%')
             AND (src_lang = $3 OR src_lang = $4 OR src_lang LIKE $4 || '-%') LIMIT 1`,
      srcLang === undefined ? [tgtLang, tgt] : [tgtLang, tgt, srcLang, primaryLanguage(srcLang)],
    )
    return rows.length > 0
  }

  /**
   * Matches for `queries`, the memory checked and read in the same round trip; brought up to date
   * first when it is behind, and refused when it does not hold `pair`.
   */
  const answer = async (queries: MatchQuery[], pair?: { srcLang: string; tgtLang: string }) => {
    for (let anyway = false; ; anyway = true) {
      const r = await matcher.matchAll(queries, { pair, anyway })
      if ('matches' in r) return r.matches
      if ('noPair' in r) {
        throw new NotFound(
          `the memory has no ${printable(pair!.srcLang)} → ${printable(pair!.tgtLang)} entries yet`,
          'unknown-language-pair',
        )
      }
      await current()
    }
  }

  return {
    sync: (limit) => current(limit, false),
    async matches(q) {
      const [found] = await answer([q], { srcLang: q.srcLang, tgtLang: q.tgtLang })
      return found!
    },
    matchMany: (queries) => answer(queries),
    async search(q) {
      const { text, limit } = checkSearch(q)
      await current()
      if (!(await hasPair(q.tgtLang, q.srcLang))) {
        throw new NotFound(`the memory has no entries in ${printable(q.tgtLang)} yet`, 'unknown-language-pair')
      }
      const words = ftsTokens(text)
      if (words.length === 0) return []
      // The phrase's words, in order, in the source or in the target (FTS5's phrase query).
      const { rows } = await pool.query<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM tm_entries
         WHERE ((index_keys @> $1::text[] AND strpos(src_words, $3) > 0)
             OR (index_keys @> $2::text[] AND strpos(tgt_words, $3) > 0))
           AND tgt_lang = $4 AND ($5::text IS NULL OR src_lang = $5)
         ORDER BY id DESC LIMIT $6`,
        [
          words.map((w) => KEY.source + w),
          words.map((w) => KEY.target + w),
          foldedWords(words),
          q.tgtLang,
          q.srcLang ?? null,
          limit * 2,
        ],
      )
      return onePerPair(rows.map(toEntry)).slice(0, limit).map(publicOf)
    },
    async pairs(): Promise<MemoryPair[]> {
      await current()
      return (await pairCounts()).map((r) => ({ srcLang: r.src_lang, tgtLang: r.tgt_lang, entries: r.n }))
    },
    async hasPair(tgtLang, srcLang) {
      await current()
      return hasPair(tgtLang, srcLang)
    },
    async importTmx(file, opts) {
      const { summary, rows } = readTmxEntries(file, opts?.name ?? file, opts?.srcLang, now(), opts?.map)
      // The workbench's own translations in first, so a pair they hold counts as held.
      await current()
      summary.added = await inTransaction(pool, async (client) => {
        await client.query(`CREATE TEMP TABLE tm_import (ord integer, src_lang text, tgt_lang text, tag text,
          src_hash text, tmx_key text, author text, updated_at timestamptz, source text, target text) ON COMMIT DROP`)
        for (let at = 0; at < rows.length; at += IMPORT_BATCH) {
          const part = rows.slice(at, at + IMPORT_BATCH)
          const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k])
          await client.query(
            `INSERT INTO tm_import SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::text[],
               $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::text[])`,
            [part.map((_, i) => at + i), col('srcLang'), col('tgtLang'), col('tag'), col('srcHash'), col('key'),
              col('author'), col('at'), col('source'), col('target')],
          )
        }
        // A pair the workbench's own translations already hold (by the source's hash, or by the
        // text for an entry made from an older source, which has no hash) is a duplicate.
        const { rowCount } = await client.query(`
          INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, tmx_key, author, updated_at, source, target)
          SELECT 'tmx', i.src_lang, i.tgt_lang, i.tag, i.src_hash, i.tmx_key, i.author, i.updated_at, i.source, i.target
          FROM tm_import i
          WHERE NOT EXISTS (SELECT 1 FROM tm_entries e WHERE e.origin = 'article' AND e.src_lang = i.src_lang
              AND e.tgt_lang = i.tgt_lang AND e.target = i.target
              AND (e.src_hash = i.src_hash OR (e.src_hash IS NULL AND e.source = i.source)))
          ORDER BY i.ord
          ON CONFLICT (tmx_key) WHERE origin = 'tmx' DO NOTHING`)
        return rowCount ?? 0
      })
      summary.duplicates = rows.length - summary.added
      await indexPending(pool)
      return summary
    },
    async *exportTmx(opts) {
      await current()
      const srcLangs = new Set<string>()
      for (const p of await pairCounts()) if (!opts?.tgtLang || p.tgt_lang === opts.tgtLang) srcLangs.add(p.src_lang)
      const head = opts?.srcLang ?? (srcLangs.size === 1 ? [...srcLangs][0]! : '*all*')
      yield tmxHead(head, now())
      // Pages by id: no transaction held open across the consumer's awaits.
      let after = 0
      for (;;) {
        const { rows } = await pool.query<EntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM tm_entries WHERE id > $1 AND ($2::text IS NULL OR src_lang = $2)
             AND ($3::text IS NULL OR tgt_lang = $3) ORDER BY id LIMIT 1000`,
          [after, opts?.srcLang ?? null, opts?.tgtLang ?? null],
        )
        if (rows.length === 0) break
        after = rows.at(-1)!.id
        yield rows.map((r) => tmxUnit(publicOf(toEntry(r)))).join('')
      }
      yield TMX_TAIL
    },
  }
}
