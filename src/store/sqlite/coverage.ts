import type Database from 'better-sqlite3'
import { NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { State } from '../../model/translation.js'
import type { CoverageCounts, PendingUnit } from '../types.js'

interface CountRow {
  article_id: string
  lang: string
  live_units: number
  live_words: number
  state: State | null
  units: number | null
  words: number | null
  stale_units: number | null
  stale_words: number | null
}

/** The report functions of the SQLite store, over one connection. */
export interface CoverageOps {
  coverage(opts?: { articles?: string[]; langs?: string[] }): CoverageCounts[]
  pending(articleId: string, lang: string): PendingUnit[]
}

// One row per article × target × state that has translation rows; reads the counters the write
// paths keep, never the units, so a million units cost as much as their articles.
const COUNTS = `
  SELECT a.id AS article_id, j.value AS lang, a.live_units, a.live_words,
    c.state, c.units, c.words, c.stale_units, c.stale_words
  FROM articles a JOIN json_each(a.targets) j
  LEFT JOIN coverage_counts c ON c.article_id = a.id AND c.lang = j.value`

/** Build coverage and pending-unit queries. */
export function createCoverageOps(db: Database.Database): CoverageOps {
  const all = db.prepare<[], CountRow>(`${COUNTS} ORDER BY a.id, j.key`)
  // The chosen articles travel as one JSON array: one statement however many are asked for.
  const some = db.prepare<[string], CountRow>(
    `${COUNTS} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id, j.key`,
  )
  const missing = db.prepare<[string], { id: string }>(
    'SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM articles) LIMIT 1',
  )
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE id = ?')
  const pending = db.prepare<[string, string], PendingRow>(`
    SELECT u.id, u.position, u.source, u.words, coalesce(t.stale, 0) AS stale,
      coalesce(t.state, 'initial') AS state
    FROM units u
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = ?
    WHERE u.article_id = ? AND u.obsolete = 0
      AND (t.state IS NULL OR t.state = 'initial' OR t.stale = 1)
    ORDER BY u.position`)

  const read = db.transaction((articles: string[] | undefined): CountRow[] => {
    if (!articles) return all.all()
    const json = JSON.stringify(articles)
    const unknown = missing.get(json)
    if (unknown) throw new NotFound(`no article ${printable(unknown.id)}`)
    return some.all(json)
  })

  return {
    coverage(opts = {}) {
      const langs = opts.langs ? new Set(opts.langs) : undefined
      return summarise(read(opts.articles), langs)
    },
    pending(articleId, lang) {
      if (!exists.get(articleId)) throw new NotFound(`no article ${printable(articleId)}`)
      return pending.all(lang, articleId).map((r) => ({ ...r, stale: r.stale === 1 }))
    },
  }
}

interface PendingRow {
  id: string
  position: number
  source: string
  words: number
  stale: 0 | 1
  state: State
}

/** Fold counter rows into one CoverageCounts per article × language; units without rows: initial. */
function summarise(rows: readonly CountRow[], langs: Set<string> | undefined): CoverageCounts[] {
  const out: CoverageCounts[] = []
  let cur: (CoverageCounts & { liveUnits: number; liveWords: number }) | undefined
  const flush = (): void => {
    if (!cur) return
    const { liveUnits, liveWords, ...counts } = cur
    const u = counts.units
    const w = counts.words
    // Rows in state initial were counted already; units without a row make up the rest.
    u.initial = liveUnits - u.translated - u.reviewed - u.final
    w.initial = liveWords - w.translated - w.reviewed - w.final
    out.push(counts)
  }
  for (const r of rows) {
    if (langs && !langs.has(r.lang)) continue
    if (!cur || cur.articleId !== r.article_id || cur.lang !== r.lang) {
      flush()
      cur = {
        articleId: r.article_id,
        lang: r.lang,
        units: { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 },
        words: { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 },
        liveUnits: r.live_units,
        liveWords: r.live_words,
      }
    }
    if (r.state === null) continue
    cur.units[r.state] += r.units ?? 0
    cur.words[r.state] += r.words ?? 0
    cur.units.stale += r.stale_units ?? 0
    cur.words.stale += r.stale_words ?? 0
  }
  flush()
  return out
}
