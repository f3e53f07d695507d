// The query's folding and the cursor are SQLite's: the same search, the same cursor format.
import { fold, readCursor, writeCursor } from '../sqlite/article-listing.js'
import type { ArticleListPage, ArticleListQuery, ArticleSort } from '../types.js'
import { type Db, notArchived, rows } from './db.js'
import { type PgArticleSummaryRow, SUMMARY_COLUMNS, toArticleSummary } from './rows.js'

type ListingRow = PgArticleSummaryRow & { m: number; k: number | string; changed_at: string }

// The stored side of `fold`: ICU's lower() folds every script, as JavaScript's does ("C" text would fold ASCII only); the
// result compares byte by byte again, so the name order is SQLite's.
const FOLD = (sql: string) => `(lower(normalize(${sql}, NFC) COLLATE "und-x-icu") COLLATE "C")`

// Ids are ASCII (src/model/ids.ts): the search folds them with the plain lower().
// Parameters: $1 first (text[]), $2 tag, $3 lang, $4 folded search, $5–$7 the cursor, $8 limit.
// Words done in the languages counted: every state but initial, less the stale ones.
const DONE = `(SELECT coalesce(sum(c.words - c.stale_words), 0) FROM coverage_counts c
  WHERE c.article_id = a.id AND c.state IN ('translated', 'reviewed', 'final')
    AND CASE WHEN $3::text IS NULL THEN a.targets ? c.lang ELSE c.lang = $3::text END)`
const TOTAL = `(a.live_words * CASE WHEN $3::text IS NULL THEN jsonb_array_length(a.targets) ELSE 1 END)`
// The last change: the article's import, or the newest write in any target language (one index
// seek per language: history_by_document is by article, language and sequence).
const CHANGED = (alias: string) => `greatest(${alias}.updated_at, (SELECT max(h.at) FROM jsonb_array_elements_text(${alias}.targets) j (lang)
  CROSS JOIN LATERAL (SELECT h.at FROM history h WHERE h.article_id = ${alias}.id AND h.lang = j.lang ORDER BY h.seq DESC LIMIT 1) h))`

// Each order as one ascending key (descending ones negated), so one keyset condition serves all.
// Numeric keys are float8: they go through the cursor as JSON numbers and come back exact.
const KEYS: Record<ArticleSort, string> = {
  name: FOLD(`coalesce(nullif(a.title, ''), a.id)`),
  progress: `CASE WHEN ${TOTAL} = 0 THEN 1.0::float8 ELSE ${DONE}::float8 / ${TOTAL} END`,
  left: `(-(${TOTAL} - ${DONE}))::float8`,
  changed: `(-extract(epoch FROM ${CHANGED('a')}))::float8`,
}

const listing = (sort: ArticleSort) => `
  WITH s AS (
    SELECT ${SUMMARY_COLUMNS}, CASE WHEN a.targets ?| $1::text[] THEN 0 ELSE 1 END AS m, ${KEYS[sort]} AS k
    FROM articles a
    WHERE ${notArchived('a')}
      AND ($2::text IS NULL OR a.tag = $2::text)
      AND ($3::text IS NULL OR a.targets ? $3::text)
      AND ($4::text IS NULL OR strpos(${FOLD('a.title')}, $4::text) > 0 OR strpos(lower(a.id), $4::text) > 0)
  )
  SELECT s.*, ${CHANGED('s')} AS changed_at FROM s
  WHERE $7::text IS NULL OR (s.m, s.k, s.id) > ($5::integer, $6::${sort === 'name' ? 'text COLLATE "C"' : 'float8'}, $7::text COLLATE "C")
  ORDER BY s.m, s.k, s.id LIMIT $8`

/** The dashboard's listing on PostgreSQL (the SQLite twin: src/store/sqlite/article-listing.ts). */
export function createPgArticleListing(db: Db) {
  return async (q: ArticleListQuery): Promise<ArticleListPage> => {
    const after = q.after === undefined ? undefined : readCursor(q.after, q.sort)
    const found = await rows<ListingRow>(db, listing(q.sort), [
      q.first ?? [],
      q.tag ?? null,
      q.lang ?? null,
      q.search ? fold(q.search) : null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      // One more than asked: whether a next page exists, without counting.
      q.limit + 1,
    ])
    const page = found.slice(0, q.limit)
    const last = page[page.length - 1]
    const next = found.length > q.limit && last ? writeCursor(q.sort, [last.m, last.k, last.id]) : null
    return { articles: page.map((r) => ({ ...toArticleSummary(r), changedAt: r.changed_at })), next }
  }
}
