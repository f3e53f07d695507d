/**
 * Keeping the PostgreSQL memory's word index (schema 3) current: entries are written with
 * `index_keys` NULL, and `indexPending` computes their words (src/tm/fts-words.ts, the words
 * SQLite's FTS5 index holds) and writes them. Batches are claimed with SKIP LOCKED, so servers
 * sharing the database index each entry once, side by side, never waiting on each other.
 */
import type pg from 'pg'
import { isUnspaced } from '../../model/text.js'
import { ftsTokens, trigrams } from '../../tm/fts-words.js'
import { inTransaction } from './pool.js'

/** Key prefixes of tm_words and index_keys. */
export const KEY = { source: '0', target: '1', gram: '2' } as const

/** Entries indexed per transaction. */
const BATCH = 2000

/** An entry's index keys and folded word strings (' w1 w2 … ', for phrase checks). */
export function entryKeys(srcLang: string, source: string, target: string) {
  const src = ftsTokens(source)
  const tgt = ftsTokens(target)
  const keys = new Set<string>()
  for (const w of src) keys.add(KEY.source + w)
  for (const w of tgt) keys.add(KEY.target + w)
  if (isUnspaced(srcLang)) for (const g of trigrams(source)) keys.add(KEY.gram + g)
  return { keys: [...keys], srcWords: foldedWords(src), tgtWords: foldedWords(tgt) }
}

/** Words as the phrase columns hold them: each between spaces. */
export function foldedWords(words: string[]): string {
  return ` ${words.join(' ')} `
}

/** Index every entry not indexed yet (but those another server is indexing now); how many. */
export async function indexPending(pool: pg.Pool): Promise<number> {
  let done = 0
  for (;;) {
    const n = await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ id: number; src_lang: string; source: string; target: string }>(
        `SELECT id, src_lang, source, target FROM tm_entries WHERE index_keys IS NULL
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )
      if (rows.length === 0) return 0
      const entries = rows.map((r) => ({ id: r.id, ...entryKeys(r.src_lang, r.source, r.target) }))
      // In key order: the rows go into the B-tree one leaf after another, not all over it.
      const pairs: [string, number][] = []
      for (const e of entries) for (const k of e.keys) if (k[0] !== KEY.target) pairs.push([k, e.id])
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]))
      const words = pairs.map((p) => p[0])
      const ids = pairs.map((p) => p[1])
      await client.query(
        `INSERT INTO tm_words (key, entry_id) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`,
        [words, ids],
      )
      await client.query(
        `UPDATE tm_entries e SET index_keys = k.keys, src_words = k."srcWords", tgt_words = k."tgtWords"
         FROM jsonb_to_recordset($1::jsonb) AS k (id bigint, keys text[], "srcWords" text, "tgtWords" text)
         WHERE e.id = k.id`,
        [JSON.stringify(entries)],
      )
      return rows.length
    })
    if (n === 0) return done
    done += n
  }
}
