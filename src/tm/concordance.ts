/** What both backends share of a concordance search: checking the query, and one hit per pair. */
import { InvalidInput } from '../model/errors.js'
import { normalizeForCompare } from '../model/text.js'
import type { IndexedEntry } from './matcher.js'
import type { MemoryEntry, SearchQuery } from './types.js'

/** Longest concordance query, in characters. */
export const MAX_SEARCH_CHARS = 500

/** The query's trimmed text and page size; throws InvalidInput for an empty or oversized query. */
export function checkSearch(q: SearchQuery): { text: string; limit: number } {
  const text = typeof q.query === 'string' ? q.query.trim() : ''
  if (text === '') throw new InvalidInput('the search is empty: give a word or a phrase', 'empty-query')
  if (text.length > MAX_SEARCH_CHARS) {
    throw new InvalidInput(
      `the search has ${text.length} characters; search for at most ${MAX_SEARCH_CHARS}`,
      'query-too-long',
    )
  }
  return { text, limit: Math.min(Math.max(1, q.limit ?? 20), 200) }
}

/** Entries with one per language pair and texts, in the order read; an article's entry wins. */
export function onePerPair(entries: IndexedEntry[]): IndexedEntry[] {
  const kept = new Map<string, number>()
  const out: IndexedEntry[] = []
  for (const e of entries) {
    const key = `${e.srcLang}\u0000${e.tgtLang}\u0000${normalizeForCompare(e.source)}\u0000${e.target}`
    const at = kept.get(key)
    if (at === undefined) {
      kept.set(key, out.length)
      out.push(e)
    } else if (e.origin === 'article' && out[at]!.origin === 'tmx') {
      out[at] = e
    }
  }
  return out
}

/** An entry without its context hashes, as readers see it. */
export function publicOf(e: IndexedEntry): MemoryEntry {
  const { prevHash: _p, nextHash: _n, ...entry } = e
  return entry
}
