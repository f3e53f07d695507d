import type Database from 'better-sqlite3'
import { NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { State } from '../../model/translation.js'
import type { CoverageCounts, PendingUnit } from '../types.js'

// article id, lang, live units, live words, then one state's counters (null when none).
type CountRow = [
  string,
  string,
  number,
  number,
  State | null,
  number | null,
  number | null,
  number | null,
  number | null,
]

/** The report functions of the SQLite store, over one connection. */
export interface CoverageOps {
  coverage(opts?: { articles?: string[]; langs?: string[] }): CoverageCounts[]
  pending(articleId: string, lang: string): PendingUnit[]
}

// One row per article × target × state that has translation rows; reads the counters the write
// paths keep, never the units, so a million units cost as much as their articles. Rows leave
// SQLite as one JSON array: building 100,000 row objects through the driver costs twice as much
// as JSON.parse.
const counts = (where: string): string => `
  SELECT json_group_array(json_array(article_id, lang, live_units, live_words, state, units, words,
    stale_units, stale_words))
  FROM (SELECT a.id AS article_id, j.value AS lang, a.live_units, a.live_words,
      c.state, c.units, c.words, c.stale_units, c.stale_words
    FROM articles a INDEXED BY articles_coverage JOIN json_each(a.targets) j
    LEFT JOIN coverage_counts c ON c.article_id = a.id AND c.lang = j.value
    ${where})`

/** Build coverage and pending-unit queries. */
export function createCoverageOps(db: Database.Database): CoverageOps {
  const all = db.prepare<[], string>(counts('')).pluck()
  // The chosen articles travel as one JSON array: one statement however many are asked for.
  const some = db
    .prepare<[string], string>(counts('WHERE a.id IN (SELECT value FROM json_each(?))'))
    .pluck()
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
    if (!articles) return JSON.parse(all.get() ?? '[]') as CountRow[]
    const json = JSON.stringify(articles)
    const unknown = missing.get(json)
    if (unknown) throw new NotFound(`no article ${printable(unknown.id)}`)
    return JSON.parse(some.get(json) ?? '[]') as CountRow[]
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

/**
 * Fold counter rows into one CoverageCounts per article × language; units without rows: initial.
 * Rows are grouped with a map rather than by order: sorting them in SQL cost a temporary B-tree.
 */
function summarise(rows: readonly CountRow[], langs: Set<string> | undefined): CoverageCounts[] {
  const groups = new Map<string, CoverageCounts & { liveUnits: number; liveWords: number }>()
  for (const [articleId, lang, liveUnits, liveWords, state, ...n] of rows) {
    if (langs && !langs.has(lang)) continue
    const key = `${articleId}\n${lang}`
    let cur = groups.get(key)
    if (!cur) {
      cur = {
        articleId,
        lang,
        units: { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 },
        words: { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 },
        liveUnits,
        liveWords,
      }
      groups.set(key, cur)
    }
    if (state === null) continue
    cur.units[state] += n[0] ?? 0
    cur.words[state] += n[1] ?? 0
    cur.units.stale += n[2] ?? 0
    cur.words.stale += n[3] ?? 0
  }
  const out: CoverageCounts[] = []
  for (const { liveUnits, liveWords, ...counts } of groups.values()) {
    const u = counts.units
    const w = counts.words
    // Rows in state initial were counted already; units without a row make up the rest.
    u.initial = liveUnits - u.translated - u.reviewed - u.final
    w.initial = liveWords - w.translated - w.reviewed - w.final
    out.push(counts)
  }
  return out
}
