/**
 * The translation memory's types: what it holds, what a match and a concordance hit look like,
 * and the TranslationMemory interface a store exposes as `store.memory`. Asynchronous like Store,
 * so a PostgreSQL store can implement it later.
 */

/** Where a memory entry came from. */
export type EntryOrigin = 'article' | 'tmx'

/** One (source, target) pair of the memory. */
export interface MemoryEntry {
  id: number
  origin: EntryOrigin
  /** Text language of the source (BCP 47). */
  srcLang: string
  tgtLang: string
  /** Collection tag (`sv-general`) the entry was translated in; null when unknown (TMX). */
  tag: string | null
  source: string
  target: string
  /** For entries from articles: which unit of which article. */
  articleId: string | null
  unitId: string | null
  author: string | null
  updatedAt: string | null
}

/** One piece of a word diff: text both share, or text only the entry (removed) or the segment (added) has. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added'
  text: string
}

/** A memory match for one segment. */
export interface MemoryMatch {
  /** 0–100, or 101 for a context match (same text, same neighbours); see src/tm/score.ts. */
  score: number
  /** Numbers, dates or tags differed only in value and were substituted in `target`. */
  autoFixed: boolean
  /**
   * The entry's codes differed from the segment's and were put back from the segment in `target`
   * (renumbered, missing ones added at the end, others dropped; see src/tm/code-fix.ts): what the
   * memory matches on is the words, never what a code holds.
   */
  codesFixed: boolean
  /** The entry's source. */
  source: string
  /** The entry's target, with values substituted when auto-fixed and codes fitting the segment's: what to insert. */
  target: string
  /** How the entry's source (removed) differs from the segment (added), word by word. */
  diff: DiffPart[]
  entry: MemoryEntry
  /**
   * The entry's tags when they differ from the query's in region only (`en-US` for `en`): the
   * match then scores one point lower. Absent for an entry in the query's own tags.
   */
  regions?: { source: string; target: string }
}

/** What to match: a segment in its text language, the target language, and its context. */
export interface MatchQuery {
  text: string
  srcLang: string
  tgtLang: string
  /** The segment's collection tag: entries of the same tag rank first among equal scores. */
  tag?: string
  /** sourceHash of the units before and after, for context (101) matches; null at an edge. */
  prevHash?: string | null
  nextHash?: string | null
  /** Lowest score returned (default 70). */
  threshold?: number
  /** Most matches returned (default 3). */
  limit?: number
}

/** One concordance hit: an entry whose source or target holds the searched words. */
export type ConcordanceHit = MemoryEntry

/** A concordance search. */
export interface SearchQuery {
  /** Words or a phrase, 1–500 characters. */
  query: string
  tgtLang: string
  srcLang?: string
  /** Most hits (default 20, at most 200). */
  limit?: number
}

/** What a TMX import did. */
export interface TmxImportSummary {
  /** Translation units read. */
  units: number
  /** Entries added (one per source/target language pair of a unit). */
  added: number
  /**
   * Entries already in the memory (same languages and texts), whether imported before or held
   * from the workbench's own translations (an article exported as TMX and imported adds nothing).
   */
  duplicates: number
  /** Units skipped: no source-language variant, or one variant only. */
  skipped: number
}

/** Options of a TMX import. */
export interface TmxImportOptions {
  /** Read this source language when the header says `*all*` or nothing. */
  srcLang?: string
  /** Tags to fold at import (canonical → canonical): `{ 'en-US': 'en' }`. */
  map?: Readonly<Record<string, string>>
  /** A name for messages (default: the file's path). */
  name?: string
}

/** Options of a TMX export. */
export interface TmxExportOptions {
  srcLang?: string
  tgtLang?: string
}

/** The language pairs the memory holds, with their entry counts. */
export interface MemoryPair {
  srcLang: string
  tgtLang: string
  entries: number
}

/**
 * The translation memory: every translated, reviewed or final unit of every article (kept
 * current by the store with each write) plus entries imported from TMX.
 */
export interface TranslationMemory {
  /**
   * Matches for one segment, best first: score, then context, then same tag, then newest.
   * Throws InvalidInput for an empty or oversized text, NotFound for a language pair the memory
   * has never seen.
   */
  matches(query: MatchQuery): Promise<MemoryMatch[]>
  /**
   * Take in the translations written since the memory last looked (every read does this first,
   * in full; the service also calls it in the background, a slice of at most `limit` history
   * entries at a time). Resolves to the history entries taken in.
   */
  sync(limit?: number): Promise<number>
  /** Matches for many segments in one call (analysis, pre-translation); no pair check. */
  matchMany(queries: MatchQuery[]): Promise<MemoryMatch[][]>
  /** Entries whose source or target holds the words of `query` (a phrase), newest first. */
  search(query: SearchQuery): Promise<ConcordanceHit[]>
  /** The language pairs held, with counts. */
  pairs(): Promise<MemoryPair[]>
  /** Whether any entry has this target language (and this source language, when given). */
  hasPair(tgtLang: string, srcLang?: string): Promise<boolean>
  /**
   * Import a TMX 1.4b file in one transaction, reading it in bounded memory. Throws InvalidInput
   * (nothing written) when it is not well-formed XML or not TMX.
   */
  importTmx(file: string, opts?: TmxImportOptions): Promise<TmxImportSummary>
  /** The memory (or one pair of it) as a TMX 1.4b document, in pieces. */
  exportTmx(opts?: TmxExportOptions): AsyncIterable<string>
}
