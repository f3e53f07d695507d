import { type IndexedEntry, type IndexReader } from '../../src/tm/matcher.js'
import { prepare } from '../../src/tm/score.js'
import { indexWords } from '../../src/tm/tokens.js'
import { sourceHash } from '../../src/store/sqlite/import.js'

/**
 * An exact in-memory index: every posting list complete, in id order, cut at the cap asked for
 * (as the word index returns them), and every frequency counted up to its cap.
 */
export function memoryIndex(entries: IndexedEntry[]): IndexReader {
  const lists = new Map<string, number[]>()
  for (const e of entries) {
    for (const w of indexWords(prepare(e.source).tokens)) {
      let l = lists.get(w)
      if (!l) lists.set(w, (l = []))
      l.push(e.id)
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]))
  const hashes = entries.map((e) => sourceHash(e.source))
  return {
    exact: (h) => entries.filter((_e, i) => hashes[i] === h),
    frequency: (w, cap) => Math.min(cap, lists.get(w)?.length ?? 0),
    postings: (w, cap) => (lists.get(w) ?? []).slice(0, cap),
    entries: (ids) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
  }
}
