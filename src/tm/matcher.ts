/**
 * Finding the best memory entries for a segment without reading the whole memory.
 *
 * 1. Exact: entries whose source hash equals the segment's (100, or 101 with context).
 * 2. Fuzzy, by prefix filtering over the word index: an entry scoring at least t shares at least
 *    k = ⌈t·n/100⌉ − v − r distinct words with the segment (n tokens, v of them numbers or tags,
 *    which match any value, r repeated words), so it holds at least one of the segment's
 *    n_distinct − k + 1 rarest words. Only those words' posting lists bring candidates; the more
 *    common words, when their lists are short, only add to the shared-word counts of candidates
 *    already found.
 * 3. The candidates sharing the most words (at most VERIFY) are scored exactly (score.ts).
 *
 * A word whose list is longer than the posting cap is read only up to the cap: for segments made
 * of very common words alone, recall is best effort (the exact path still finds 100 and 101).
 */
import { sourceHash } from '../store/sqlite/import.js'
import { InvalidInput } from '../model/errors.js'
import { type Prepared, prepare, scoreEntry } from './score.js'
import { indexWords, isValue } from './tokens.js'
import type { MatchQuery, MemoryEntry, MemoryMatch } from './types.js'
import { wordDiff } from './word-diff.js'

/** An entry row as the index hands it over, with its context hashes. */
export interface IndexedEntry extends MemoryEntry {
  prevHash: string | null
  nextHash: string | null
}

/** What the matcher needs from a memory index: synchronous lookups inside one store. */
export interface IndexReader {
  /** Entries of a pair whose source has this hash. */
  exact(hash: string, srcLang: string, tgtLang: string): IndexedEntry[]
  /** How many entries' sources hold `word`, counted up to `cap`. */
  frequency(word: string, cap: number): number
  /** Ids of entries whose source holds `word`, at most `cap`. */
  postings(word: string, cap: number): number[]
  /** Entries by id (any order; unknown ids left out). */
  entries(ids: number[]): IndexedEntry[]
}

/** Tuning of the candidate search; the defaults hold for a memory of a million segments. */
export const MATCH_LIMITS = {
  /** Longest segment matched, in characters. */
  maxChars: 5000,
  /** A posting list is read up to this many ids (word frequencies are counted up to it too). */
  postingCap: 5000,
  /** Past the prefix, only lists this short are read, to sharpen the ranking… */
  extraMaxLength: 1000,
  /** …and no more than this many ids in all. */
  extraBudget: 5000,
  /** Word frequencies are counted up to this (beyond it a word is simply common). */
  frequencyCap: 2000,
  /** Candidates scored exactly… */
  verify: 150,
  /** …or when only the best match is wanted (analysis, pre-translation). */
  verifyBest: 50,
} as const

/** Default lowest score and number of matches. */
export const DEFAULT_MATCH = { threshold: 70, limit: 3 } as const

/** Refuse a text the memory cannot be asked about. */
export function checkQueryText(text: string): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InvalidInput('the text to match is empty', 'empty-query')
  }
  if (text.length > MATCH_LIMITS.maxChars) {
    throw new InvalidInput(
      `the text to match has ${text.length} characters; the memory matches segments of up to ${MATCH_LIMITS.maxChars}`,
      'query-too-long',
    )
  }
}

/** The best entries for one segment, best first (see the module comment). */
export function findMatches(index: IndexReader, q: MatchQuery): MemoryMatch[] {
  checkQueryText(q.text)
  const threshold = q.threshold ?? DEFAULT_MATCH.threshold
  const limit = q.limit ?? DEFAULT_MATCH.limit
  const seg = prepare(q.text)
  const found = new Map<number, IndexedEntry>()
  for (const e of index.exact(sourceHash(q.text), q.srcLang, q.tgtLang)) found.set(e.id, e)
  if (threshold < 100 || found.size === 0) {
    const verify = limit <= 1 ? MATCH_LIMITS.verifyBest : MATCH_LIMITS.verify
    for (const e of index.entries(fuzzyCandidates(index, seg, threshold, verify))) {
      if (e.srcLang === q.srcLang && e.tgtLang === q.tgtLang) found.set(e.id, e)
    }
  }
  const scored: Array<MemoryMatch & { context: boolean }> = []
  const cache = new Map<string, Prepared>()
  for (const e of found.values()) {
    let src = cache.get(e.source)
    if (!src) cache.set(e.source, (src = prepare(e.source)))
    const s = scoreEntry(seg, src, e.target)
    if (s.score < threshold) continue
    const context =
      s.score === 100 &&
      q.prevHash !== undefined &&
      q.nextHash !== undefined &&
      e.origin === 'article' &&
      e.prevHash === q.prevHash &&
      e.nextHash === q.nextHash
    scored.push({
      score: context ? 101 : s.score,
      autoFixed: s.autoFixed,
      source: e.source,
      target: s.target,
      diff: [],
      entry: publicEntry(e),
      context,
    })
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.entry.tag === q.tag) - Number(a.entry.tag === q.tag) ||
      (b.entry.updatedAt ?? '').localeCompare(a.entry.updatedAt ?? '') ||
      b.entry.id - a.entry.id,
  )
  // The same translation of the same source, found in several articles, is shown once.
  const seen = new Set<string>()
  const out: MemoryMatch[] = []
  for (const m of scored) {
    const key = `${m.source}\u0000${m.target}`
    if (seen.has(key)) continue
    seen.add(key)
    const { context: _context, ...match } = m
    out.push({ ...match, diff: m.score >= 100 ? [{ op: 'same', text: m.source }] : wordDiff(m.source, q.text) })
    if (out.length === limit) break
  }
  return out
}

/** Ids of the entries worth scoring exactly, most shared words first. */
function fuzzyCandidates(index: IndexReader, seg: Prepared, threshold: number, verify: number): number[] {
  const words = indexWords(seg.tokens)
  if (words.length === 0) return []
  let wordTokens = 0
  let values = 0
  for (const t of seg.tokens) {
    if (t.kind === 'word') wordTokens++
    else if (isValue(t)) values++
  }
  const n = seg.keys.length
  const k = Math.ceil((threshold * n) / 100) - values - (wordTokens - words.length)
  const prefix = k >= 1 ? Math.max(1, words.length - k + 1) : words.length
  const byRarity = words
    .map((w) => ({ w, df: index.frequency(w, MATCH_LIMITS.frequencyCap) }))
    .sort((a, b) => a.df - b.df)
  const shared = new Map<number, number>()
  let extra = 0
  for (let i = 0; i < byRarity.length; i++) {
    const { w, df } = byRarity[i]!
    const inPrefix = i < prefix
    // Past the prefix a word only sharpens the ranking; read it only when its list is short.
    if (!inPrefix && (df > MATCH_LIMITS.extraMaxLength || extra + df > MATCH_LIMITS.extraBudget)) break
    const ids = index.postings(w, MATCH_LIMITS.postingCap)
    if (!inPrefix) extra += ids.length
    for (const id of ids) {
      const c = shared.get(id)
      if (c !== undefined) shared.set(id, c + 1)
      else if (inPrefix) shared.set(id, 1)
    }
  }
  if (shared.size <= verify) return [...shared.keys()]
  // Counts are small whole numbers: find the cut-off with a histogram instead of sorting
  // tens of thousands of candidates.
  const histogram = new Array<number>(words.length + 2).fill(0)
  for (const c of shared.values()) histogram[c]!++
  let cut = histogram.length - 1
  for (let taken = 0; cut > 0; cut--) {
    taken += histogram[cut]!
    if (taken >= verify) break
  }
  const out: number[] = []
  for (const [id, c] of shared) if (c > cut) out.push(id)
  for (const [id, c] of shared) {
    if (out.length >= verify) break
    if (c === cut) out.push(id)
  }
  return out
}

function publicEntry(e: IndexedEntry): MemoryEntry {
  const { prevHash: _p, nextHash: _n, ...entry } = e
  return entry
}
