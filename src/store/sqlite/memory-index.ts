/**
 * The memory's word index (tm_fts) as the matcher reads it: how many entries hold a word, and
 * which. Lists are read as one JSON array per list (one row and one string, not a row per id:
 * reading lists row by row was the largest part of an article's analysis), and what one read
 * learns serves the next where it can (see the notes on each cache below).
 */
import type Database from 'better-sqlite3'
import type { IndexReader } from '../../tm/matcher.js'

/** The word index's reads, with what they keep. */
export interface WordIndex {
  frequency: IndexReader['frequency']
  postings: IndexReader['postings']
  /** Run `f` in one read transaction; lists read for frequencies serve only inside it. */
  reading<T>(f: () => T): T
  /** Drop the lists kept between queries (the memory may have changed). */
  forget(): void
  /** Drop everything kept, frequencies too (after an import). */
  forgetAll(): void
}

/** Posting lists at least this long are kept between queries… */
const KEEP_FROM = 1000
/** …up to this many ids in all (4 bytes each); past it, all are dropped and kept afresh. */
const KEPT_IDS = 2_000_000

/** A list read for a word's frequency, cut at `cap` or complete. */
interface Counted {
  ids: Int32Array
  complete: boolean
}

/** Read the word index of `db` (tm_fts, schema 4). */
export function createWordIndex(db: Database.Database): WordIndex {
  // Ascending ids past `after`: a list cut at one cap is continued, not read again, for a larger.
  const list = db
    .prepare<[string, number, number], string>(
      `SELECT json_group_array(rowid) FROM
         (SELECT rowid FROM tm_fts WHERE tm_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?)`,
    )
    .pluck()
  // Always an Int32Array: the matcher's counting loop then sees one kind of list, not two.
  const read = (word: string, after: number, cap: number): Int32Array =>
    Int32Array.from(JSON.parse(list.get(sourceWord(word), after, cap)!) as number[])

  // Word frequencies steer which posting lists are read first; they only need to be roughly
  // right, so they are kept for the life of the connection (a changed frequency costs speed,
  // never a match: candidate lists themselves are always read fresh).
  const frequencies = new Map<string, number>()
  // A word is counted by reading its list up to the frequency cap. That list is kept for the
  // rest of the read transaction (a query, or a whole batch): complete (shorter than the cap),
  // it is the posting list the matcher asks for next, so a rare word is read once, not twice;
  // cut at the cap, a longer posting list of the same word starts with it.
  const counted = new Map<string, Counted>()
  // Long posting lists (common words) are kept from one query to the next: the same few common
  // words are in most sentences, and reading their lists again was most of a query's work. They
  // are dropped whenever the memory may have changed (see `forget`).
  const kept = new Map<string, Int32Array>()
  let keptIds = 0
  const forget = () => {
    kept.clear()
    keptIds = 0
  }

  return {
    frequency(word, cap) {
      let n = frequencies.get(word)
      if (n === undefined) {
        const ids = read(word, 0, cap)
        n = ids.length
        counted.set(word, { ids, complete: n < cap })
        if (frequencies.size > 200_000) frequencies.clear()
        frequencies.set(word, n)
      }
      return n
    },
    postings(word, cap) {
      const head = counted.get(word)
      if (head !== undefined && (head.complete || head.ids.length >= cap)) {
        return head.ids.length <= cap ? head.ids : head.ids.subarray(0, cap)
      }
      const key = `${cap}\u0000${word}`
      let ids = kept.get(key)
      if (ids === undefined) {
        ids = head === undefined ? read(word, 0, cap) : concat(head.ids, read(word, head.ids.at(-1)!, cap - head.ids.length))
        if (ids.length < KEEP_FROM) return ids
        if (keptIds + ids.length > KEPT_IDS) forget()
        kept.set(key, ids)
        keptIds += ids.length
      }
      return ids
    },
    reading(f) {
      try {
        return db.transaction(f).deferred()
      } finally {
        counted.clear()
      }
    },
    forget,
    forgetAll() {
      frequencies.clear()
      forget()
    },
  }
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** An FTS5 query for one word in the source column. */
function sourceWord(word: string): string {
  return `source : ${phrase(word)}`
}

/** An FTS5 phrase: the words in order, any quotes doubled, no operator syntax. */
export function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}
