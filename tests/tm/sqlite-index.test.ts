/**
 * The SQLite memory reads its word index in ways that save work (a word's list read for its
 * frequency serves as its posting list, a list cut at the frequency cap is continued rather than
 * read again, common words' lists are kept between queries): whatever it reads must be what a
 * complete index cut at the same caps gives. On a memory where some words are in more entries
 * than the caps, its matches must equal the matcher's over an exact in-memory index.
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { findMatches, type IndexedEntry, MATCH_LIMITS } from '../../src/tm/matcher.js'
import type { MatchQuery, MemoryMatch } from '../../src/tm/types.js'
import { memoryIndex } from './_memory-index.js'
import { rng } from './_rng.js'
import { freshStore, tempPath } from './_setup.js'

const VOCAB = Array.from({ length: 300 }, (_, i) => `v${i.toString(36)}q`)

/** Entry `i`'s words: `alpha` in all, `beta` in every 2nd, `gamma` in every 4th, then a few more. */
function words(i: number, r: ReturnType<typeof rng>): string[] {
  const out = ['alpha']
  if (i % 2 === 0) out.push('beta')
  if (i % 4 === 0) out.push('gamma')
  for (let k = r.int(3, 7); k > 0; k--) out.push(VOCAB[Math.floor(VOCAB.length * r.next() ** 2)]!)
  if (r.next() < 0.2) out.splice(r.int(1, out.length), 0, String(r.int(1, 999)))
  // A different order each time, so entries sharing words still differ.
  for (let k = out.length - 1; k > 0; k--) {
    const j = r.int(0, k)
    ;[out[k], out[j]] = [out[j]!, out[k]!]
  }
  return out
}

const sentence = (ws: string[]) => `${ws.join(' ')}.`

function writeTmx(sources: string[]): string {
  const file = tempPath('index.tmx')
  const units = sources.map(
    (s) => `<tu><tuv xml:lang="en"><seg>${s}</seg></tuv><tuv xml:lang="sv"><seg>sv ${s}</seg></tuv></tu>`,
  )
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>${units.join('\n')}</body></tmx>`,
  )
  return file
}

/** Every entry as the index hands it over, read straight from the file. */
function allEntries(file: string): IndexedEntry[] {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare<[], { id: number; source: string; target: string; updated_at: string }>(
        'SELECT id, source, target, updated_at FROM tm_entries ORDER BY id',
      )
      .all()
      .map((r) => ({
        id: r.id,
        origin: 'tmx',
        srcLang: 'en',
        tgtLang: 'sv',
        tag: null,
        source: r.source,
        target: r.target,
        articleId: null,
        unitId: null,
        author: null,
        updatedAt: r.updated_at,
        prevHash: null,
        nextHash: null,
      }))
  } finally {
    db.close()
  }
}

const brief = (ms: MemoryMatch[]) => ms.map((m) => [m.score, m.entry.id, m.target] as const)

describe('the SQLite word index', () => {
  it('gives the matches of a complete index cut at the same caps, batched or one by one, before and after an import', async () => {
    // More entries than the posting cap: `alpha`'s list is cut at both caps, `beta`'s at the
    // frequency cap only, `gamma`'s at neither (but is long enough to be kept between queries).
    const n = MATCH_LIMITS.postingCap + 600
    expect(n / 2).toBeGreaterThan(MATCH_LIMITS.frequencyCap)
    const r = rng(5)
    const sources = Array.from({ length: n }, (_, i) => sentence(words(i, r)))
    const file = tempPath('index.sqlite')
    const { createSqliteStore } = await import('../../src/store/sqlite/create-sqlite-store.js')
    const store = createSqliteStore({ file })
    await store.memory.importTmx(writeTmx(sources))

    const queries: MatchQuery[] = Array.from({ length: 80 }, (_, k) => {
      const ws = sources[r.int(0, n - 1)]!.slice(0, -1).split(' ')
      if (k % 5 === 0) ws[r.int(0, ws.length - 1)] = VOCAB[r.int(0, VOCAB.length - 1)]!
      else if (k % 5 === 1) ws.splice(r.int(0, ws.length - 1), 1)
      else if (k % 5 === 2) ws.push(['alpha', 'beta', 'gamma'][k % 3]!)
      else if (k % 5 === 3) return { text: sentence(['alpha', 'beta', 'gamma', ...ws.slice(0, 2)]), srcLang: 'en', tgtLang: 'sv' }
      return { text: sentence(ws), srcLang: 'en', tgtLang: 'sv' }
    })
    const check = async () => {
      const index = memoryIndex(allEntries(file))
      const best = queries.map((q) => ({ ...q, threshold: 50, limit: 1 }))
      const want = best.map((q) => brief(findMatches(index, q)))
      expect((await store.memory.matchMany(best)).map(brief)).toEqual(want)
      // The editor's top 3, twice: the second pass reads the common words' kept lists.
      for (let pass = 0; pass < 2; pass++) {
        for (const q of queries) {
          expect(brief(await store.memory.matches(q)), q.text).toEqual(brief(findMatches(index, q)))
        }
      }
      // The data reach past the caps and find fuzzy matches, not only nothing.
      expect(want.filter((m) => (m[0]?.[0] ?? 100) < 100).length).toBeGreaterThan(20)
    }
    await check()
    // New entries (ids past the old ones) holding the common words: what was kept is stale.
    const more = Array.from({ length: 300 }, (_, i) => sentence(words(i, r)))
    await store.memory.importTmx(writeTmx(more))
    await check()
    await store.close()
  })
})
