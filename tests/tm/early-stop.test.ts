/**
 * The matcher's shortcuts (staged floors that stop once nothing unseen can outrank what was
 * found, the exact path skipping the fuzzy search, the shared-word bound that skips entries
 * which cannot reach a floor) must give the same best matches as scoring every entry. On a small
 * memory, where no posting list is cut short and no candidate list is capped, they must agree
 * exactly with a brute-force scan.
 */
import { describe, expect, it } from 'vitest'
import { analyseArticle, BANDS } from '../../src/tm/analyse.js'
import { findMatches, type IndexedEntry } from '../../src/tm/matcher.js'
import { prepare, scoreEntry } from '../../src/tm/score.js'
import { sourceHash } from '../../src/store/sqlite/import.js'
import { addArticle, freshStore, translateAll } from './_setup.js'
import { memoryIndex } from './_memory-index.js'
import { rng } from './_rng.js'

const VOCAB = Array.from({ length: 120 }, (_, i) => `w${i.toString(36)}x`)

function sentence(r: ReturnType<typeof rng>): string[] {
  const n = r.int(3, 10)
  // Skewed: low ranks are common, as words are.
  return Array.from({ length: n }, () => VOCAB[Math.floor(VOCAB.length * r.next() ** 2)]!)
}

function edit(r: ReturnType<typeof rng>, ws: string[]): string[] {
  const out = [...ws]
  for (let e = r.int(0, 3); e > 0; e--) {
    const op = r.next()
    if (op < 0.4) out[r.int(0, out.length - 1)] = VOCAB[r.int(0, VOCAB.length - 1)]!
    else if (op < 0.6 && out.length > 1) out.splice(r.int(0, out.length - 1), 1)
    else if (op < 0.8) out.splice(r.int(0, out.length), 0, VOCAB[r.int(0, VOCAB.length - 1)]!)
    else out.splice(r.int(0, out.length), 0, String(r.int(1, 99)))
  }
  return out
}

const text = (ws: string[]) => `${ws.join(' ')}.`

function entry(id: number, source: string, prev: string | null, next: string | null): IndexedEntry {
  return {
    id,
    origin: 'article',
    srcLang: 'en',
    tgtLang: 'sv',
    tag: null,
    source,
    target: `sv ${source}`,
    articleId: 'a',
    unitId: `u${id}`,
    author: null,
    updatedAt: null,
    prevHash: prev,
    nextHash: next,
  }
}

describe('matcher shortcuts agree with a full scan', () => {
  const r = rng(7)
  const sources = Array.from({ length: 400 }, () => text(sentence(r)))
  const entries = sources.map((s, i) =>
    entry(i + 1, s, i > 0 ? sourceHash(sources[i - 1]!) : null, i + 1 < sources.length ? sourceHash(sources[i + 1]!) : null),
  )
  const index = memoryIndex(entries)
  const prepared = entries.map((e) => prepare(e.source))
  const queries = Array.from({ length: 400 }, (_, k) => {
    if (k % 5 === 0) return { text: text(sentence(r)), at: -1 }
    const at = r.int(0, sources.length - 1)
    if (k % 7 === 0) return { text: sources[at]!, at }
    // Only the case differs: a 98.
    if (k % 11 === 0) return { text: sources[at]!.toUpperCase(), at }
    return { text: text(edit(r, sources[at]!.slice(0, -1).split(' '))), at }
  })

  /** Every entry scored: the best `limit` different scores of at least `threshold`. */
  function brute(q: string, threshold: number, limit: number, prev?: string | null, next?: string | null): number[] {
    const seg = prepare(q)
    const seen = new Set<string>()
    const scored = entries
      .map((e, i) => {
        const s = scoreEntry(seg, prepared[i]!, e.target)
        const context = s.score === 100 && prev !== undefined && e.prevHash === prev && e.nextHash === next
        return { key: `${e.source}\u0000${s.target}`, score: context ? 101 : s.score }
      })
      .filter((m) => m.score >= threshold)
      .sort((a, b) => b.score - a.score)
    const out: number[] = []
    for (const m of scored) {
      if (seen.has(m.key)) continue
      seen.add(m.key)
      out.push(m.score)
      if (out.length === limit) break
    }
    return out
  }

  it('gives the best score of every segment (analysis: threshold 50, limit 1), context included', () => {
    let bands = 0
    for (const { text: q, at } of queries) {
      const prev = at > 0 && at % 2 === 0 ? sourceHash(sources[at - 1]!) : null
      const next = at >= 0 && at + 1 < sources.length && at % 2 === 0 ? sourceHash(sources[at + 1]!) : null
      const got = findMatches(index, { text: q, srcLang: 'en', tgtLang: 'sv', threshold: 50, limit: 1, prevHash: prev, nextHash: next })
      expect(got.map((m) => m.score), q).toEqual(brute(q, 50, 1, prev, next))
      if (got.length) bands++
    }
    // The data exercise every band, not only exact hits or nothing.
    const seenBands = new Set(
      queries.map(({ text: q }) => {
        const s = brute(q, 50, 1)[0] ?? 0
        return BANDS.find((b) => b.band !== 'repetitions' && s >= b.min)!.band
      }),
    )
    expect([...seenBands].sort()).toEqual(['100', '50-74', '75-84', '85-94', '95-99', 'new'].sort())
    expect(bands).toBeGreaterThan(200)
  })

  it('gives the same top 3 as a full scan (threshold 70 and 50)', () => {
    for (const threshold of [70, 50]) {
      for (const { text: q } of queries) {
        const got = findMatches(index, { text: q, srcLang: 'en', tgtLang: 'sv', threshold, limit: 3 })
        expect(got.map((m) => m.score), q).toEqual(brute(q, threshold, 3))
      }
    }
  })

  it('pre-translation thresholds (99, 100) keep their answers', () => {
    for (const threshold of [99, 100]) {
      for (const { text: q } of queries) {
        const got = findMatches(index, { text: q, srcLang: 'en', tgtLang: 'sv', threshold, limit: 1 })
        expect(got.map((m) => m.score), q).toEqual(brute(q, threshold, 1))
      }
    }
  })
})

describe('analysis on a small memory', () => {
  it('puts every unit in the band of its brute-force best score', async () => {
    const r = rng(11)
    const store = freshStore()
    const old = Array.from({ length: 60 }, () => text(sentence(r)).replace(/^w/, 'W'))
    await addArticle(store, 'sv-general-01', old)
    await translateAll(store, 'sv-general-01', old.map((s) => `sv ${s}`))
    const fresh = Array.from({ length: 60 }, (_, k) =>
      k % 4 === 0 ? text(sentence(r)).replace(/^w/, 'W') : text(edit(r, old[r.int(0, old.length - 1)]!.slice(0, -1).split(' '))).replace(/^w/, 'W'),
    )
    const units = await addArticle(store, 'sv-general-02', fresh)
    const a = await analyseArticle(store, 'sv-general-02', 'sv')
    // Expected: each unit's best score over every memory entry (repetitions first).
    const want = new Map(BANDS.map((b) => [b.band as string, 0]))
    const seen = new Set<string>()
    const olds = old.map((s) => prepare(s))
    for (const u of units) {
      const seg = prepare(u.source)
      if (seen.has(seg.normalized)) {
        want.set('repetitions', want.get('repetitions')! + 1)
        continue
      }
      seen.add(seg.normalized)
      const best = Math.max(0, ...olds.map((o, i) => scoreEntry(seg, o, `sv ${old[i]}`).score).filter((s) => s >= 50))
      const band = BANDS.find((b) => b.band !== 'repetitions' && best >= b.min)!.band
      want.set(band, want.get(band)! + 1)
    }
    // 101 needs the same neighbours: these articles share none, so 100 stays 100.
    expect(Object.fromEntries(a.bands.map((b) => [b.band, b.segments]))).toEqual(Object.fromEntries(want))
    await store.close()
  })
})

describe('candidate ranking when there are more candidates than are scored', () => {
  it("scores first the entries sharing the segment's rare words, not those sharing more common ones", () => {
    const common = Array.from({ length: 8 }, (_, i) => `common${i}`)
    // 300 decoys share all eight common words, scrambled (so they score low); the one real match
    // shares the rare word and six common words in order: fewer shared words, but the rare one.
    const decoys = Array.from({ length: 300 }, (_, i) =>
      entry(i + 1, text([...common].reverse().concat(`other${i}`)), null, null),
    )
    const match = entry(301, text(['rare', ...common.slice(0, 6), 'x', 'y']), null, null)
    const index = memoryIndex([...decoys, match])
    const q = text(['rare', ...common])
    const found = findMatches(index, { text: q, srcLang: 'en', tgtLang: 'sv' })
    expect(found.map((m) => [m.source, m.score])).toEqual([[match.source, 77]])
  })
})
