import type Database from 'better-sqlite3'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { State } from '../../model/translation.js'
import type { CoverageCounts, PendingUnit } from '../types.js'
import { notArchived } from './archive.js'

// article id, lang, live units, live words, then units and words in translated, reviewed, final,
// and stale units and words (over all states), then the live plural units and words whose form the
// language lacks (schema 10), then rejected units and words (schema 23). Null where no translation
// row has that state.
type CountRow = [string, string, number, number, ...(number | null)[]]

/** The report functions of the SQLite store, over one connection. */
export interface CoverageOps {
  coverage(opts?: { articles?: string[]; langs?: string[] }): CoverageCounts[]
  pending(articleId: string, lang: string): PendingUnit[]
}

// One row per article × target language; reads the counters the write paths keep, never the
// units, so a million units cost as much as their articles. Each state's counter is one lookup
// on the counters' primary key, so the rows come out whole (no grouping in SQL or in JS). Rows
// leave SQLite as one JSON array: building 75,000 row objects through the driver costs twice
// as much as JSON.parse.
const STATE_JOINS = ['initial', 'translated', 'reviewed', 'final', 'rejected']
  .map(
    (s, i) =>
      `LEFT JOIN coverage_counts c${i} ON c${i}.article_id = a.id AND c${i}.lang = j.value AND c${i}.state = '${s}'`,
  )
  .join('\n    ')
// The plural forms of a document that the language lacks: they count nowhere for it (schema 10).
const LACKS = `p.article_id = a.id AND p.plural NOT IN (SELECT r.plural FROM plural_rules r WHERE r.lang = j.value)`
const counts = (where: string): string => `
  SELECT json_group_array(json_array(a.id, j.value, a.live_units, a.live_words,
      c1.units, c1.words, c2.units, c2.words, c3.units, c3.words,
      coalesce(c0.stale_units, 0) + coalesce(c1.stale_units, 0) + coalesce(c2.stale_units, 0)
        + coalesce(c3.stale_units, 0) + coalesce(c4.stale_units, 0),
      coalesce(c0.stale_words, 0) + coalesce(c1.stale_words, 0) + coalesce(c2.stale_words, 0)
        + coalesce(c3.stale_words, 0) + coalesce(c4.stale_words, 0),
      (SELECT sum(p.units) FROM plural_counts p WHERE ${LACKS}),
      (SELECT sum(p.words) FROM plural_counts p WHERE ${LACKS}),
      c4.units, c4.words))
  FROM articles a INDEXED BY articles_coverage JOIN json_each(a.targets) j
    ${STATE_JOINS}
  ${where}`

/** Build coverage and pending-unit queries. */
export function createCoverageOps(db: Database.Database): CoverageOps {
  const all = db.prepare<[], string>(counts(`WHERE ${notArchived('a')}`)).pluck()
  // The chosen articles travel as one JSON array: one statement however many are asked for.
  const some = db
    .prepare<[string], string>(counts('WHERE a.id IN (SELECT value FROM json_each(?))'))
    .pluck()
  // The first named article that is unknown (archived 0) or archived (1), if any.
  const missing = db.prepare<[string], { id: string; archived: 0 | 1 }>(`
    SELECT value AS id, value IN (SELECT article_id FROM archived_articles) AS archived FROM json_each(?)
    WHERE value NOT IN (SELECT id FROM articles) OR value IN (SELECT article_id FROM archived_articles)
    LIMIT 1`)
  const live = db.prepare<[string], 0 | 1>(`SELECT ${notArchived('a')} FROM articles a WHERE a.id = ?`).pluck()
  const pending = db.prepare<[{ lang: string; id: string }], PendingRow>(`
    SELECT u.id, u.position, u.source, u.words, coalesce(t.stale, 0) AS stale,
      coalesce(t.state, 'initial') AS state, u.plural, u.key
    FROM units u
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = @lang
    WHERE u.article_id = @id AND u.obsolete = 0
      AND (u.plural IS NULL OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = @lang))
      AND (t.state IS NULL OR t.state IN ('initial', 'rejected') OR t.stale = 1)
    ORDER BY u.position`)

  const read = db.transaction((articles: string[] | undefined): CountRow[] => {
    if (!articles) return JSON.parse(all.get() ?? '[]') as CountRow[]
    const json = JSON.stringify(articles)
    const unknown = missing.get(json)
    if (unknown?.archived) throw new Archived(unknown.id, 'read')
    if (unknown) throw new NotFound(`no article ${printable(unknown.id)}`, 'unknown-article')
    return JSON.parse(some.get(json) ?? '[]') as CountRow[]
  })

  return {
    coverage(opts = {}) {
      const langs = opts.langs ? new Set(opts.langs) : undefined
      return summarise(read(opts.articles), langs)
    },
    pending(articleId, lang) {
      const isLive = live.get(articleId)
      if (isLive === undefined) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
      if (!isLive) throw new Archived(articleId, 'read')
      return pending.all({ lang, id: articleId }).map((r) => ({ ...r, stale: r.stale === 1 }))
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
  plural: string | null
  key: string | null
}

/** One CoverageCounts per row; units without a translation row (or in `initial`) are initial. */
function summarise(rows: readonly CountRow[], langs: Set<string> | undefined): CoverageCounts[] {
  const out: CoverageCounts[] = []
  for (const [articleId, lang, live, liveW, tu, tw, ru, rw, fu, fw, su, sw, xu, xw, ju, jw] of rows) {
    if (langs && !langs.has(lang)) continue
    const liveUnits = live - (xu ?? 0)
    const liveWords = liveW - (xw ?? 0)
    const translated = tu ?? 0
    const reviewed = ru ?? 0
    const final = fu ?? 0
    const translatedWords = tw ?? 0
    const reviewedWords = rw ?? 0
    const finalWords = fw ?? 0
    const rejected = ju ?? 0
    const rejectedWords = jw ?? 0
    out.push({
      articleId,
      lang,
      units: { initial: liveUnits - translated - reviewed - final - rejected, translated, reviewed, final, rejected, stale: su ?? 0 },
      words: {
        initial: liveWords - translatedWords - reviewedWords - finalWords - rejectedWords,
        translated: translatedWords,
        reviewed: reviewedWords,
        final: finalWords,
        rejected: rejectedWords,
        stale: sw ?? 0,
      },
    })
  }
  return out
}
