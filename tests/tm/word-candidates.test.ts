/**
 * The word path's candidate search counts each posting list once per query and keeps the counts
 * from stage to stage; every stage must still give what a search counting its lists afresh gives:
 * the same ids in the same order (the order decides ties at the cut), on a memory where more
 * entries qualify than are scored and some lists are longer than the posting cap (then entries
 * that only the lists past the prefix bring may share enough words, and must still be left out).
 */
import { describe, expect, it } from 'vitest'
import { type IndexedEntry, MATCH_LIMITS } from '../../src/tm/matcher.js'
import { prepare } from '../../src/tm/score.js'
import { wordCandidates } from '../../src/tm/word-candidates.js'
import { memoryIndex } from './_memory-index.js'
import { rng } from './_rng.js'

const VOCAB = Array.from({ length: 150 }, (_, i) => `w${i.toString(36)}z`)

describe('staged word candidates', () => {
  const r = rng(3)
  const sentence = () =>
    Array.from({ length: r.int(4, 12) }, () => VOCAB[Math.floor(VOCAB.length * r.next() ** 2)]!).join(' ') +
    (r.next() < 0.2 ? ` ${r.int(1, 99)}.` : '.')
  // `alpha` is in every entry, `beta` in two of three: both lists are cut at the posting cap.
  const common = (i: number) => (i % 3 === 0 ? 'alpha ' : 'alpha beta ')
  const entries: IndexedEntry[] = Array.from({ length: MATCH_LIMITS.postingCap + 3000 }, (_, i) => ({
    id: i + 1,
    origin: 'tmx',
    srcLang: 'en',
    tgtLang: 'sv',
    tag: null,
    source: common(i) + sentence(),
    target: 'x',
    articleId: null,
    unitId: null,
    author: null,
    updatedAt: null,
    prevHash: null,
    nextHash: null,
  }))
  const index = memoryIndex(entries)

  it('gives at each floor the ids, in order, that counting afresh gives', () => {
    let capped = 0
    for (let q = 0; q < 150; q++) {
      const seg = prepare(q % 3 === 0 ? sentence() : entries[r.int(0, entries.length - 1)]!.source.replace(/^\S+/, 'other'))
      for (const byCount of [true, false]) {
        // Staged, as the matcher runs it: the ids of each stage are scored (skipped after).
        const skips: Map<number, true>[] = []
        const staged: number[][] = []
        const skip = new Map<number, true>()
        const search = wordCandidates(index, seg)
        for (const floor of [95, 85, 75, 50]) {
          skips.push(new Map(skip))
          const ids = search.stage(floor, 20, skip, byCount)
          staged.push(ids)
          for (const id of ids) skip.set(id, true)
        }
        search.done()
        ;[95, 85, 75, 50].forEach((floor, k) => {
          const fresh = wordCandidates(index, seg)
          expect(staged[k], `${seg.normalized} @${floor}`).toEqual(fresh.stage(floor, 20, skips[k]!, byCount))
          fresh.done()
          if (staged[k]!.length === 20) capped++
        })
      }
    }
    // The cut at 20 was reached often: ties and order mattered.
    expect(capped).toBeGreaterThan(100)
  })
})
