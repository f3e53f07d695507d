import { Archived, InvalidInput, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { type StoredUnit, type Translation, untranslated } from '../../model/translation.js'
import { checkLimit, checkPageQuery, type Direction, historyPageOf, parseHistoryCursor } from '../sqlite/unit-pages.js'
import { MAX_HISTORY_PAGE, UNIT_PAGE_SCAN, type HistoryPage, type HistoryPageQuery, type UnitPage, type UnitPageQuery } from '../types.js'
import { type Db, notArchived, row, rows } from './db.js'
import { rejectionOf } from '../sqlite/rows.js'
import { HISTORY_COLUMNS, type PgArticleSummaryRow, type PgHistoryRow, type PgUnitRow, SUMMARY_COLUMNS, toArticleSummary, toHistory, toUnit } from './rows.js'
import { appliesSql, writableSql } from './translations.js'

type PageRow = PgUnitRow & {
  t_text: string | null
  t_state: Translation['state'] | null
  t_stale: boolean | null
  t_version: number | null
  t_author: string | null
  t_updated_at: string | null
  t_made_from: string | null
  t_reason: string | null
  t_translator: string | null
  applies: boolean
}

// $1 article, $2 lang (null: none), $3 cursor position, $4 rows to read, $5 units a filtered page examines.
const APPLIES = appliesSql('u', '$2::text')
const COLUMNS = `u.*, t.text AS t_text, t.state AS t_state, t.stale AS t_stale, t.version AS t_version,
  t.author AS t_author, t.updated_at AS t_updated_at, t.made_from AS t_made_from, t.reason AS t_reason, t.translator AS t_translator, ${writableSql('u', '$2::text')} AS applies`

/** The SQL condition of a filter on the joined translation `t`; `own`: the language's units. */
const FILTERS: Record<string, string> = {
  own: APPLIES,
  initial: `coalesce(t.state, 'initial') = 'initial' AND ${APPLIES}`,
  translated: `t.state = 'translated' AND ${APPLIES}`,
  reviewed: `t.state = 'reviewed' AND ${APPLIES}`,
  final: `t.state = 'final' AND ${APPLIES}`,
  rejected: `t.state = 'rejected' AND ${APPLIES}`,
  stale: `t.stale AND ${APPLIES}`,
}
const CMP = { after: '>', before: '<' } as const
const ORDER = { after: 'ASC', before: 'DESC' } as const

/**
 * The SQL of a unit page read in one direction with one filter: a keyset read on the partial index
 * of live positions (`units_live_position`), from the cursor, stopped by LIMIT; exported for the
 * test that reads its plan.
 */
export function pgUnitPageSql(dir: Direction, filter: string): string {
  if (filter === 'all') {
    return `
      SELECT ${COLUMNS} FROM units u
      LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = $2::text
      WHERE u.article_id = $1 AND NOT u.obsolete AND u.position ${CMP[dir]} $3::bigint
      ORDER BY u.position ${ORDER[dir]} LIMIT $4`
  }
  const where = FILTERS[filter]
  if (where === undefined) throw new InvalidInput(`unknown filter ${printable(filter)}`)
  // Of the next UNIT_PAGE_SCAN units at most (read from the index alone, which holds the id),
  // those whose translation matches.
  return `
    SELECT ${COLUMNS} FROM (
      SELECT id AS scan_id, position AS scan_position FROM units
      WHERE article_id = $1 AND NOT obsolete AND position ${CMP[dir]} $3::bigint
      ORDER BY position ${ORDER[dir]} LIMIT $5) s
    LEFT JOIN translations t ON t.article_id = $1 AND t.unit_id = s.scan_id AND t.lang = $2::text
    JOIN units u ON u.article_id = $1 AND u.id = s.scan_id
    WHERE ${where}
    ORDER BY s.scan_position ${ORDER[dir]} LIMIT $4`
}

/** A unit's history chains walked back at most $4 steps each, from `start`. */
const walk = (start: string) => `
  WITH RECURSIVE chain (seq, n) AS (
    ${start}
    UNION ALL
    SELECT h.prev_seq, chain.n + 1 FROM chain JOIN history h ON h.seq = chain.seq
    WHERE h.prev_seq IS NOT NULL AND chain.n < $4
  )
  SELECT h.seq, h.lang, h.prev_seq FROM chain JOIN history h ON h.seq = chain.seq`
const FROM_LATEST = walk(`SELECT history_seq, 1 FROM translations
  WHERE article_id = $1 AND unit_id = $2 AND ($3::text IS NULL OR lang = $3::text) AND history_seq IS NOT NULL`)
// A cursor's entries count only when they are this unit's (and language's).
const FROM_CURSOR = walk(`SELECT h.seq, 1 FROM unnest($5::bigint[]) j (seq) JOIN history h ON h.seq = j.seq
  WHERE h.article_id = $1 AND h.unit_id = $2 AND ($3::text IS NULL OR h.lang = $3::text)`)

/** The paged reads of the PostgreSQL store: a page costs its own rows, however large the article. */
export function createPgUnitPageOps(db: Db) {
  const liveArticle = async (articleId: string) => {
    const a = await row<PgArticleSummaryRow & { lead: string; archived: boolean }>(
      db,
      `SELECT ${SUMMARY_COLUMNS}, a.lead, NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = $1`,
      [articleId],
    )
    if (!a) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
    if (a.archived) throw new Archived(articleId, 'read')
    return a
  }

  return {
    async unitPage(articleId: string, q: UnitPageQuery): Promise<UnitPage> {
      checkPageQuery(q)
      const a = await liveArticle(articleId)
      const dir: Direction = q.before === undefined ? 'after' : 'before'
      const at = q.before ?? q.after ?? 0
      const filter = q.state ?? (q.ownOnly && q.lang !== undefined ? 'own' : 'all')
      const lang = q.lang ?? null
      const params: unknown[] = [articleId, lang, at, q.limit + 1]
      if (filter !== 'all') params.push(UNIT_PAGE_SCAN)
      const found = await rows<PageRow>(db, pgUnitPageSql(dir, filter), params)
      let next: number | null = null
      if (found.length > q.limit) {
        found.length = q.limit
        next = found[found.length - 1]!.position
      } else if (filter !== 'all') {
        // Fewer matches than asked: the scan may have stopped short of the article's end.
        const end = await row<{ position: number }>(
          db,
          `SELECT position FROM units WHERE article_id = $1 AND NOT obsolete AND position ${CMP[dir]} $2::bigint
           ORDER BY position ${ORDER[dir]} LIMIT 1 OFFSET $3`,
          [articleId, at, UNIT_PAGE_SCAN - 1],
        )
        next = end?.position ?? null
      }
      if (dir === 'before') found.reverse()
      return {
        article: toArticleSummary(a),
        lead: a.lead,
        rows: found.map((r) => {
          const unit = toUnit(r, a)
          if (lang === null || !r.applies) return { unit }
          return { unit, translation: pageTranslation(r, articleId, lang) }
        }),
        next,
      }
    },
    async getUnit(articleId: string, unitId: string): Promise<StoredUnit | undefined> {
      const a = await liveArticle(articleId)
      const r = await row<PgUnitRow>(db, 'SELECT * FROM units WHERE article_id = $1 AND id = $2', [articleId, unitId])
      return r ? toUnit(r, a) : undefined
    },
    async historyPage(articleId: string, unitId: string, q: HistoryPageQuery): Promise<HistoryPage> {
      checkLimit(q.limit, MAX_HISTORY_PAGE)
      const starts = q.cursor === undefined ? undefined : parseHistoryCursor(q.cursor)
      await liveArticle(articleId)
      if (!(await row(db, 'SELECT 1 FROM units WHERE article_id = $1 AND id = $2', [articleId, unitId]))) {
        throw new NotFound(`article ${printable(articleId)} has no unit ${printable(unitId)}`, 'unknown-unit')
      }
      const params = [articleId, unitId, q.lang ?? null, q.limit]
      const walked = starts
        ? await rows<{ seq: number; lang: string; prev_seq: number | null }>(db, FROM_CURSOR, [...params, starts])
        : await rows<{ seq: number; lang: string; prev_seq: number | null }>(db, FROM_LATEST, params)
      const { served, next } = historyPageOf(walked.map((w) => [w.seq, w.lang, w.prev_seq]), q.limit)
      const entries = await rows<PgHistoryRow>(db, `SELECT ${HISTORY_COLUMNS} FROM history h WHERE h.seq = ANY($1::bigint[]) ORDER BY h.seq`, [served])
      return { entries: entries.map(toHistory), next }
    },
  }
}

/** The translation of a page row: its row's columns, or version 0 where never written. */
function pageTranslation(r: PageRow, articleId: string, lang: string): Translation {
  if (r.t_version === null) return untranslated(articleId, r.id, lang)
  return {
    articleId,
    unitId: r.id,
    lang,
    text: r.t_text as string,
    state: r.t_state as Translation['state'],
    stale: r.t_stale === true,
    version: r.t_version,
    author: r.t_author as string,
    updatedAt: r.t_updated_at as string,
    madeFrom: r.t_made_from,
    ...rejectionOf({ state: r.t_state as string, reason: r.t_reason, translator: r.t_translator }),
  }
}
