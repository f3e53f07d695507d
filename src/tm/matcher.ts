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
 * 3. The candidates sharing the rarest words (at most VERIFY; each shared word weighs more the
 *    rarer it is, see rarityWeight), or for the staged search of step 4 those sharing the most
 *    words, are scored exactly (score.ts), except those that cannot reach the floor: missing a
 *    word whose whole list was read costs a token.
 * 4. When only the best match is wanted (analysis, pre-translation), steps 2–3 run in stages with
 *    floors 95, 85, 75, then the threshold: a stage's prefix holds every entry scoring at least its
 *    floor, so a best match found at or above it ends the search, and only segments without a
 *    good match read the longer lists of the lower floors. An exact 100 or 101 skips them all.
 *
 * A word whose list is longer than the posting cap is read only up to the cap: for segments made
 * of very common words alone, recall is best effort (the exact path still finds 100 and 101).
 */
import { isUnspaced } from '../model/text.js'
import { sourceHash } from '../store/sqlite/source-hash.js'
import { InvalidInput } from '../model/errors.js'
import { type Prepared, prepare, scoreEntry } from './score.js'
import { MATCH_LIMITS, rarityWeight } from './limits.js'
import { SharedCounter } from './shared-counter.js'
import type { MatchQuery, MemoryEntry, MemoryMatch } from './types.js'
import { wordCandidates } from './word-candidates.js'
import { wordDiff } from './word-diff.js'
import { primaryLanguage, regionPenalty } from './regions.js'

export { MATCH_LIMITS, rarityWeight }

/** An entry row as the index hands it over, with its context hashes. */
export interface IndexedEntry extends MemoryEntry {
  prevHash: string | null
  nextHash: string | null
}

/** What the matcher needs from a memory index: synchronous lookups inside one store. */
export interface IndexReader {
  /**
   * Entries whose source has this hash, in a pair of these primary languages (`en`, `de`: any
   * region or script of them; the matcher keeps those that fit, see regions.ts).
   */
  exact(hash: string, srcLanguage: string, tgtLanguage: string): IndexedEntry[]
  /** How many entries' sources hold `word`, counted up to `cap`. */
  frequency(word: string, cap: number): number
  /** Ids of entries whose source holds `word`, at most `cap`. */
  postings(word: string, cap: number): ArrayLike<number>
  /** Entries by id (any order; unknown ids left out). */
  entries(ids: number[]): IndexedEntry[]
  /**
   * Ids of entries in a language written without spaces whose source holds the three characters
   * `gram`, at most `cap` (absent when the index has no trigram index).
   */
  gramPostings?(gram: string, cap: number): ArrayLike<number>
}

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
  const scored = new Map<number, Candidate>()
  const cache = new Map<string, Prepared>()
  const take = (entries: IndexedEntry[]) => {
    for (const e of entries) {
      if (scored.has(e.id)) continue
      // The exact tags, or another region of them one point lower (regions.ts).
      const penalty = regionPenalty(e, q)
      if (penalty === undefined) continue
      let src = cache.get(e.source)
      if (!src) cache.set(e.source, (src = prepare(e.source)))
      const s = scoreEntry(seg, src, e.target)
      const context =
        s.score === 100 &&
        q.prevHash !== undefined &&
        q.nextHash !== undefined &&
        e.origin === 'article' &&
        e.prevHash === q.prevHash &&
        e.nextHash === q.nextHash
      scored.set(e.id, { e, score: (context ? 101 : s.score) - penalty, autoFixed: s.autoFixed, codesFixed: s.codesFixed, target: s.target, penalty })
    }
  }
  take(index.exact(sourceHash(q.text), primaryLanguage(q.srcLang), primaryLanguage(q.tgtLang)))
  // Fuzzy search in stages, highest floor first. A stage with floor f reads the posting lists
  // of the words every entry scoring at least f must share with the segment, so once `limit`
  // different matches of at least f are in hand, nothing unseen can outrank them and the lower
  // stages are skipped (they read the more common words' long lists). Entries are scored once.
  const stages = fuzzyStages(threshold, limit, scored)
  const grams = isUnspaced(q.srcLang) ? index.gramPostings?.bind(index) : undefined
  if (grams && stages.length > 0) {
    const verify = limit <= 1 ? MATCH_LIMITS.verifyBest : MATCH_LIMITS.verify
    take(index.entries(gramCandidates(grams, seg, threshold, verify, scored)))
  } else if (stages.length > 0) {
    const verify = limit <= 1 ? MATCH_LIMITS.verifyBest : MATCH_LIMITS.verify
    const search = wordCandidates(index, seg)
    try {
      for (const floor of stages) {
        take(index.entries(search.stage(floor, verify, scored, limit <= 1)))
        if (distinctAtLeast(scored, floor, limit)) break
      }
    } finally {
      search.done()
    }
  }
  const ranked = [...scored.values()].filter((c) => c.score >= threshold)
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.e.tag === q.tag) - Number(a.e.tag === q.tag) ||
      (b.e.updatedAt ?? '').localeCompare(a.e.updatedAt ?? '') ||
      b.e.id - a.e.id,
  )
  // The same translation of the same source, found in several articles, is shown once.
  const seen = new Set<string>()
  const out: MemoryMatch[] = []
  for (const m of ranked) {
    const key = `${m.e.source}\u0000${m.target}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      score: m.score,
      autoFixed: m.autoFixed,
      codesFixed: m.codesFixed,
      source: m.e.source,
      target: m.target,
      diff:
        m.score >= 100
          ? [{ op: 'same', text: m.e.source }]
          : wordDiff(m.e.source, q.text, isUnspaced(q.srcLang)),
      entry: publicEntry(m.e),
      ...(m.penalty ? { regions: { source: m.e.srcLang, target: m.e.tgtLang } } : {}),
    })
    if (out.length === limit) break
  }
  return out
}

/** An entry scored against the segment. */
interface Candidate {
  e: IndexedEntry
  score: number
  autoFixed: boolean
  codesFixed: boolean
  target: string
  /** 1 when the entry is in another region of the query's languages. */
  penalty: 0 | 1
}

/** Fuzzy floors above the threshold at which a search may stop early, highest first. */
export const FUZZY_STAGES = [95, 85, 75] as const

/**
 * The floors of the fuzzy stages for this query (staged only when the best match alone is
 * wanted: analysis, pre-translation). With the best matches already found by the
 * exact path (a 101, or `limit` different 100s), there is nothing fuzzy to add; a 100 without its
 * context only asks whether some entry the hash index does not cover (an entry translated from an
 * earlier source has none) is the same text in the same context: the 100 stage reads one list.
 */
function fuzzyStages(threshold: number, limit: number, exact: Map<number, Candidate>): number[] {
  if (distinctAtLeast(exact, 101, limit)) return []
  if (threshold >= 100 || distinctAtLeast(exact, 100, limit)) return [100]
  // Several matches wanted (the editor's top 3): one stage. The first few matches rarely all
  // clear a high floor, so the higher stages would only add work to the search at the threshold.
  if (limit > 1) return [threshold]
  return [...FUZZY_STAGES.filter((f) => f > threshold), threshold]
}

/** Whether `limit` different (source, target) pairs score at least `floor`. */
function distinctAtLeast(scored: Map<number, Candidate>, floor: number, limit: number): boolean {
  const keys = new Set<string>()
  for (const c of scored.values()) {
    if (c.score < floor) continue
    keys.add(`${c.e.source}\u0000${c.target}`)
    if (keys.size >= limit) return true
  }
  return false
}

/**
 * Candidates for a segment written without spaces, from its character trigrams: each trigram's
 * list is read up to the frequency cap, rarest first. A sentence within d character edits of the
 * segment shares all but at most 3·d of its trigrams, so, taking d from the threshold and the
 * segment's length (a guide: a longer entry may differ by more), the rarest trigrams bring the
 * candidates and the rest only add to their weights; the heaviest `verify` are scored.
 */
function gramCandidates(
  postings: (gram: string, cap: number) => ArrayLike<number>,
  seg: Prepared,
  threshold: number,
  verify: number,
  skip: ReadonlyMap<number, unknown>,
): number[] {
  const chars = [...seg.normalized.toLowerCase()]
  const grams = new Set<string>()
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''))
  if (grams.size === 0) return []
  const lists = [...grams]
    .map((g) => postings(g, MATCH_LIMITS.frequencyCap))
    .sort((a, b) => a.length - b.length)
  const edits = Math.floor(((100 - threshold) * seg.keys.length) / 100)
  const need = Math.max(1, lists.length - 3 * edits)
  const prefix = lists.length - need + 1
  const shared = new SharedCounter()
  try {
    for (let i = 0; i < lists.length; i++) {
      const ids = lists[i]!
      const weight = rarityWeight(ids.length)
      for (let j = 0; j < ids.length; j++) shared.bump(ids[j]!, i < prefix, weight)
    }
    const ranked: { id: number; w: number }[] = []
    shared.forEach((id, _c, w) => {
      if (!skip.has(id)) ranked.push({ id, w })
    })
    ranked.sort((a, b) => b.w - a.w)
    return ranked.slice(0, verify).map((r) => r.id)
  } finally {
    shared.clear()
  }
}

function publicEntry(e: IndexedEntry): MemoryEntry {
  const { prevHash: _p, nextHash: _n, ...entry } = e
  return entry
}
