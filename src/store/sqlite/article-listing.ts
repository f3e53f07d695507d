import type Database from 'better-sqlite3'
import { InvalidInput } from '../../model/errors.js'
import type { ArticleListPage, ArticleListQuery, ArticleSort } from '../types.js'
import { notArchived } from './archive.js'
import { type ArticleRow, toArticleSummary } from './rows.js'

type ListingRow = Omit<ArticleRow, 'source' | 'lead' | 'format' | 'skeleton'> & { m: number; k: number | string; changed_at: string }

/** Case folding for search and the name order: SQLite's own lower() folds ASCII only. */
export const fold = (s: string) => s.normalize('NFC').toLowerCase()

// Words done in the languages counted: every state but initial, less the stale ones.
const DONE = `(SELECT coalesce(sum(c.words - c.stale_words), 0) FROM coverage_counts c
  WHERE c.article_id = a.id AND c.state IN ('translated', 'reviewed', 'final')
    AND CASE WHEN @lang IS NULL THEN c.lang IN (SELECT value FROM json_each(a.targets)) ELSE c.lang = @lang END)`
const TOTAL = `(a.live_words * CASE WHEN @lang IS NULL THEN json_array_length(a.targets) ELSE 1 END)`
// The last change: the article's import, or the newest write in any target language (one index
// seek per language: history_by_document is by article, language and sequence).
const CHANGED = (alias: string) => `max(${alias}.updated_at, coalesce((SELECT max((SELECT h.at FROM history h
  WHERE h.article_id = ${alias}.id AND h.lang = j.value ORDER BY h.seq DESC LIMIT 1)) FROM json_each(${alias}.targets) j), ''))`

// Each order as one ascending key (descending ones negated), so one keyset condition serves all.
const KEYS: Record<ArticleSort, string> = {
  name: `tolk_fold(coalesce(nullif(a.title, ''), a.id))`,
  progress: `CASE WHEN ${TOTAL} = 0 THEN 1.0 ELSE ${DONE} * 1.0 / ${TOTAL} END`,
  left: `-(${TOTAL} - ${DONE})`,
  changed: `-julianday(${CHANGED('a')})`,
}

const listing = (key: string) => `
  WITH s AS (
    SELECT a.id, a.tag, a.lang, a.title, a.revision, a.targets, a.live_units, a.live_words,
      a.created_at, a.updated_at,
      CASE WHEN EXISTS (SELECT 1 FROM json_each(a.targets) j
        WHERE j.value IN (SELECT value FROM json_each(@first))) THEN 0 ELSE 1 END AS m,
      ${key} AS k
    FROM articles a INDEXED BY articles_listing
    WHERE ${notArchived('a')}
      AND (@tag IS NULL OR a.tag = @tag)
      AND (@lang IS NULL OR EXISTS (SELECT 1 FROM json_each(a.targets) j WHERE j.value = @lang))
      AND (@search IS NULL OR instr(tolk_fold(a.title), @search) > 0 OR instr(tolk_fold(a.id), @search) > 0)
  )
  SELECT s.*, ${CHANGED('s')} AS changed_at FROM s WHERE @aid IS NULL OR (m, k, id) > (@am, @ak, @aid)
  ORDER BY m, k, id LIMIT @limit`

/** The dashboard's listing on SQLite: see Store.listArticlesPage. */
export function createArticleListing(db: Database.Database) {
  db.function('tolk_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : null))
  const statements = new Map<ArticleSort, Database.Statement<Record<string, unknown>, ListingRow>>()
  const statement = (sort: ArticleSort) => {
    let st = statements.get(sort)
    if (!st) statements.set(sort, (st = db.prepare<Record<string, unknown>, ListingRow>(listing(KEYS[sort]))))
    return st
  }
  return (q: ArticleListQuery): ArticleListPage => {
    const after = q.after === undefined ? undefined : readCursor(q.after, q.sort)
    const rows = statement(q.sort).all({
      first: JSON.stringify(q.first ?? []),
      tag: q.tag ?? null,
      lang: q.lang ?? null,
      search: q.search ? fold(q.search) : null,
      am: after?.[0] ?? null,
      ak: after?.[1] ?? null,
      aid: after?.[2] ?? null,
      // One more than asked: whether a next page exists, without counting.
      limit: q.limit + 1,
    })
    const page = rows.slice(0, q.limit)
    const last = page[page.length - 1]
    const next = rows.length > q.limit && last ? writeCursor(q.sort, [last.m, last.k, last.id]) : null
    return { articles: page.map((r) => ({ ...toArticleSummary(r), changedAt: r.changed_at })), next }
  }
}

/** A listing's keyset position: first-languages mark, sort key, id (the cursor's content). */
export type Key = [number, number | string, string]

export function writeCursor(sort: ArticleSort, key: Key): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url')
}

export function readCursor(cursor: string, sort: ArticleSort): Key {
  let v: unknown
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    v = undefined
  }
  const ok =
    Array.isArray(v) && v.length === 4 && v[0] === sort && (v[1] === 0 || v[1] === 1) &&
    (sort === 'name' ? typeof v[2] === 'string' : typeof v[2] === 'number') && typeof v[3] === 'string'
  if (!ok) throw new InvalidInput('not a cursor of this listing: start again from the first page', 'invalid-cursor')
  return (v as unknown[]).slice(1) as Key
}
