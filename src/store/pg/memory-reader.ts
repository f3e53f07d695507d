/**
 * The matcher (src/tm/matcher.ts, the same code SQLite's memory runs) over PostgreSQL. The matcher
 * reads its index synchronously; a PostgreSQL read is a round trip. So the reads are made before:
 * every posting list a query can ask for (its words', or its trigrams', up to the posting cap) and
 * its exact-hash entries, in one round trip; then the matcher runs over what was read. Entries it
 * asks for that were not read stop the run (`Missing`); they are read, and the run starts again,
 * which gives the same answer as a run that had them from the start (the matcher is deterministic
 * in what its reader answers). A query takes a round trip or two more that way, a batch the same.
 *
 * Long posting lists and entries are kept between queries while the memory's version stays put.
 */
import type pg from 'pg'
import { isUnspaced } from '../../model/text.js'
import { foldTrigram, ftsTokens } from '../../tm/fts-words.js'
import { findMatches, type IndexedEntry, type IndexReader } from '../../tm/matcher.js'
import { MATCH_LIMITS } from '../../tm/limits.js'
import { primaryLanguage } from '../../tm/regions.js'
import { prepare } from '../../tm/score.js'
import { indexWords } from '../../tm/tokens.js'
import type { MatchQuery, MemoryMatch } from '../../tm/types.js'
import { sourceHash } from '../sqlite/source-hash.js'
import { KEY } from './memory-index.js'
import { BEHIND } from './memory-sync.js'

/** The columns of an entry as the reader maps them. */
export const ENTRY_COLUMNS = `id, origin, src_lang, tgt_lang, tag, prev_hash, next_hash, article_id, unit_id,
  author, updated_at, source, target`

/** An entry row (ENTRY_COLUMNS). */
export interface EntryRow {
  id: number
  origin: 'article' | 'tmx'
  src_lang: string
  tgt_lang: string
  tag: string | null
  prev_hash: string | null
  next_hash: string | null
  article_id: string | null
  unit_id: string | null
  author: string | null
  updated_at: string | null
  source: string
  target: string
}

export function toEntry(r: EntryRow): IndexedEntry {
  return {
    id: r.id,
    origin: r.origin,
    srcLang: r.src_lang,
    tgtLang: r.tgt_lang,
    tag: r.tag,
    source: r.source,
    target: r.target,
    articleId: r.article_id,
    unitId: r.unit_id,
    author: r.author,
    updatedAt: r.updated_at,
    prevHash: r.prev_hash,
    nextHash: r.next_hash,
  }
}

/** What the first read of a batch answers (see firstRead). */
interface FirstRead {
  version: number
  behind: boolean
  pending: boolean
  has_pair: boolean
  lists: [string, string | null][] | null
  phrases: [string, string | null][] | null
  exact: EntryJson[] | null
}

/** An entry as json_build_array(ENTRY_COLUMNS, src_hash) gives it. */
type EntryJson = [number, 'article' | 'tmx', string, string, string | null, string | null, string | null,
  string | null, string | null, string | null, string | null, string, string, string]

function entryOfJson(j: EntryJson): EntryRow {
  const [id, origin, src_lang, tgt_lang, tag, prev_hash, next_hash, article_id, unit_id, author, at, source, target] = j
  // JSON has the time as PostgreSQL prints it; the pool reads it as a UTC ISO string with ms.
  const updated_at = at === null ? null : new Date(at).toISOString()
  return { id, origin, src_lang, tgt_lang, tag, prev_hash, next_hash, article_id, unit_id, author, updated_at, source, target }
}

/** Entries, and the rest of posting lists, the matcher asked for that were not read yet. */
class Missing extends Error {
  constructor(
    readonly ids: number[],
    readonly lists: string[] = [],
  ) {
    super('entries not read yet')
  }
}

/**
 * A posting list as read so far. For one query, the first read takes each list up to the
 * frequency cap (all the matcher needs of most words, to rank them), and the rest up to the
 * posting cap only for the words whose lists the matcher goes on to read (its rarest, seldom that
 * long). A batch reads them whole at once: a run started again costs a whole batch its CPU.
 */
interface List {
  ids: Int32Array
  /** Nothing more to read: the list is shorter than what was asked, or read to the posting cap. */
  complete: boolean
}
const HEAD = MATCH_LIMITS.frequencyCap

/**
 * Posting lists at least this long are kept between queries, up to KEPT_IDS ids in all (4 bytes
 * each); once full, the lists kept stay and new ones are not kept (dropping them all, as SQLite's
 * memory does, made a million segments' ~1,100 common words' lists, 5.6 million ids, come and go).
 */
const KEEP_FROM = 1000
const KEPT_IDS = 6_000_000
/** Entries kept between queries. */
const KEPT_ENTRIES = 200_000

/** Matching over one pool, with what it keeps between queries. */
export function createPgMatcher(pool: pg.Pool) {
  let version: number | undefined
  /** Posting lists by key (KEY.source + word, or KEY.gram + trigram). */
  const kept = new Map<string, List>()
  let keptIds = 0
  /** Entries by id; null for an id that has no entry (any more). */
  const entries = new Map<number, IndexedEntry | null>()

  const forget = () => {
    kept.clear()
    keptIds = 0
    entries.clear()
  }

  /** Keep a list read, if long (in place of what was kept of it). */
  const keep = (key: string, list: List): List => {
    const before = kept.get(key)
    if (before) keptIds -= before.ids.length
    if (list.ids.length >= KEEP_FROM && keptIds + list.ids.length <= KEPT_IDS) {
      kept.set(key, list)
      keptIds += list.ids.length
    } else if (before) kept.delete(key)
    return list
  }
  const idsOf = (text: string | null) => (text ? Int32Array.from(text.split(','), Number) : new Int32Array(0))

  /** Read the rest of `keys`' lists, up to the posting cap, into `lists`. */
  const readMore = async (keys: string[], lists: Map<string, List>) => {
    const { rows } = await pool.query<{ key: string; ids: string | null }>({
      name: 'tolk-memory-more',
      text: `SELECT w.key, (SELECT string_agg(entry_id::text, ',') FROM (SELECT entry_id FROM tm_words t
               WHERE t.key = w.key AND t.entry_id > w.after ORDER BY entry_id LIMIT $3) s) AS ids
             FROM unnest($1::text[], $2::bigint[]) AS w (key, after)`,
      values: [keys, keys.map((k) => lists.get(k)!.ids.at(-1) ?? 0), MATCH_LIMITS.postingCap - HEAD],
    })
    for (const r of rows) {
      const head = lists.get(r.key)!.ids
      const rest = idsOf(r.ids)
      const ids = new Int32Array(head.length + rest.length)
      ids.set(head)
      ids.set(rest, head.length)
      lists.set(r.key, keep(r.key, { ids, complete: true }))
    }
  }

  const readEntries = async (ids: number[]) => {
    const { rows } = await pool.query<EntryRow>({
      name: 'tolk-memory-entries',
      text: `SELECT ${ENTRY_COLUMNS} FROM tm_entries WHERE id = ANY ($1::bigint[])`,
      values: [ids],
    })
    for (const id of ids) entries.set(id, null)
    for (const r of rows) entries.set(r.id, toEntry(r))
  }

  /** What one query may read: its list keys and its source hash. */
  const needs = (q: MatchQuery, keys: Set<string>, hashes: Set<string>) => {
    if (typeof q.text !== 'string' || q.text.trim() === '' || q.text.length > MATCH_LIMITS.maxChars) return
    hashes.add(sourceHash(q.text))
    const seg = prepare(q.text)
    if (isUnspaced(q.srcLang)) {
      const chars = [...seg.normalized.toLowerCase()]
      for (let i = 0; i + 3 <= chars.length; i++) keys.add(KEY.gram + foldTrigram(chars.slice(i, i + 3).join('')))
    }
    for (const w of indexWords(seg.tokens)) keys.add(KEY.source + ftsTokens(w).join(' '))
  }

  /**
   * The first read of a batch, in one round trip: the memory's state (version, whether history or
   * entries wait to be taken in, whether it holds the pair asked about), the posting lists of
   * `keys` not kept (a word FTS5 reads as several, `don't`, is a phrase: entries whose source
   * holds those words one after the other), and the entries of `hashes`.
   */
  const firstRead = async (keys: Set<string>, hashes: Set<string>, head: number, pair?: { srcLang: string; tgtLang: string }) => {
    const single: string[] = []
    const phrases: string[] = []
    for (const k of keys) {
      if (kept.has(k)) continue
      if (k[0] === KEY.source && k.includes(' ')) phrases.push(k)
      else single.push(k)
    }
    // Named: prepared once per connection, not planned again for every query (planning this
    // statement took longer than running it).
    const { rows } = await pool.query<FirstRead>({
      name: 'tolk-memory-first-read',
      text: `SELECT (SELECT version FROM tm_state WHERE id = 1) AS version, ${BEHIND} AS behind,
         EXISTS (SELECT 1 FROM tm_entries WHERE index_keys IS NULL) AS pending,
         ($4::text IS NULL OR EXISTS (SELECT 1 FROM tm_entries WHERE (tgt_lang = $4 OR tgt_lang LIKE $4 || '-%')
            AND (src_lang = $5 OR src_lang LIKE $5 || '-%'))) AS has_pair,
         (SELECT json_agg(json_build_array(w.key, (SELECT string_agg(entry_id::text, ',') FROM
            (SELECT entry_id FROM tm_words t WHERE t.key = w.key ORDER BY entry_id LIMIT $7) s)))
          FROM unnest($1::text[]) AS w (key)) AS lists,
         (SELECT json_agg(json_build_array(p.key, (SELECT string_agg(id::text, ',') FROM
            (SELECT id FROM tm_entries
             WHERE index_keys @> array(SELECT '${KEY.source}' || x FROM unnest(string_to_array(substr(p.key, 2), ' ')) x)
               AND strpos(src_words, ' ' || substr(p.key, 2) || ' ') > 0
             ORDER BY id LIMIT $6) s)))
          FROM unnest($2::text[]) AS p (key)) AS phrases,
         (SELECT json_agg(json_build_array(${ENTRY_COLUMNS}, src_hash)) FROM tm_entries
          WHERE src_hash = ANY ($3::text[])) AS exact`,
      // The pair in any region of its languages, as SQLite's hasPair answers (#23).
      values: [single, phrases, [...hashes], pair ? primaryLanguage(pair.tgtLang) : null, pair ? primaryLanguage(pair.srcLang) : null, MATCH_LIMITS.postingCap, head],
    })
    return rows[0]!
  }

  return {
    /**
     * The matches of each query, as findMatches over SQLite's index would give them; or, without
     * an answer, why not: history or entries wait to be taken in (unless `anyway`), or the memory
     * does not hold `pair`.
     */
    async matchAll(
      queries: MatchQuery[],
      opts: { pair?: { srcLang: string; tgtLang: string }; anyway?: boolean } = {},
    ): Promise<{ stale: true } | { noPair: true } | { matches: MemoryMatch[][] }> {
      // Dropped between batches only: a run started again needs what the runs before it read.
      if (entries.size > KEPT_ENTRIES) entries.clear()
      const keys = new Set<string>()
      const hashes = new Set<string>()
      const keysOf = queries.map((q) => {
        const own = new Set<string>()
        needs(q, own, hashes)
        for (const k of own) keys.add(k)
        return own
      })
      const firstCap = queries.length > 1 ? MATCH_LIMITS.postingCap : HEAD
      let read = await firstRead(keys, hashes, firstCap, opts.pair)
      if (!opts.anyway && (read.behind || read.pending)) return { stale: true }
      if (!read.has_pair) return { noPair: true }
      if (read.version !== version) {
        // The memory moved: what was kept is out of date, and so may be what this read took from it.
        const used = kept.size > 0
        forget()
        version = read.version
        if (used) read = await firstRead(keys, hashes, firstCap, opts.pair)
      }
      const lists = new Map<string, List>()
      for (const k of keys) {
        const have = kept.get(k)
        if (have) lists.set(k, have)
      }
      for (const [key, text] of read.lists ?? []) {
        const ids = idsOf(text)
        lists.set(key, keep(key, { ids, complete: ids.length < firstCap }))
      }
      for (const [key, text] of read.phrases ?? []) lists.set(key, keep(key, { ids: idsOf(text), complete: true }))
      const exact = new Map<string, IndexedEntry[]>()
      for (const row of read.exact ?? []) {
        const e = toEntry(entryOfJson(row))
        const h = row[13]
        ;(exact.get(h) ?? exact.set(h, []).get(h)!).push(e)
      }
      const none: List = { ids: new Int32Array(0), complete: true }
      /** The first `cap` ids of a list, or a stop to read more of it. */
      const head = (key: string, cap: number) => {
        const l = lists.get(key) ?? none
        if (!l.complete && cap > l.ids.length) throw new Missing([], [key])
        return l.ids.subarray(0, cap)
      }
      const wordKey = (word: string) => KEY.source + ftsTokens(word).join(' ')
      const reader: IndexReader = {
        // Any region of the two languages (#23), as SQLite's statement reads them: the matcher
        // keeps those that fit (tm/regions.ts).
        exact: (h, s, t) => (exact.get(h) ?? []).filter((e) => primaryLanguage(e.srcLang) === s && primaryLanguage(e.tgtLang) === t),
        frequency: (word, cap) => head(wordKey(word), cap).length,
        postings: (word, cap) => head(wordKey(word), cap),
        gramPostings: (gram, cap) => head(KEY.gram + foldTrigram(gram), cap),
        entries(ids) {
          const missing = ids.filter((id) => !entries.has(id))
          if (missing.length > 0) throw new Missing(missing)
          const out: IndexedEntry[] = []
          for (const id of ids) {
            const e = entries.get(id)
            if (e) out.push(e)
          }
          return out
        },
      }
      const out: MemoryMatch[][] = new Array(queries.length)
      let todo = queries.map((_, i) => i)
      while (todo.length > 0) {
        const again: number[] = []
        const wanted = new Set<number>()
        const more = new Set<string>()
        for (const i of todo) {
          try {
            out[i] = findMatches(reader, queries[i]!)
          } catch (err) {
            if (!(err instanceof Missing)) throw err
            again.push(i)
            for (const id of err.ids) wanted.add(id)
            // The matcher reads lists rarest first, and cut lists are the commonest: the one it
            // stopped at is likely the first of several. The rest of all of them, in one trip.
            if (err.lists.length > 0) for (const key of keysOf[i]!) if (lists.get(key)?.complete === false) more.add(key)
          }
        }
        await Promise.all([wanted.size > 0 && readEntries([...wanted]), more.size > 0 && readMore([...more], lists)])
        todo = again
      }
      return { matches: out }
    },
  }
}
