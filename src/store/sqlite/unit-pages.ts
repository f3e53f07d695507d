import type Database from 'better-sqlite3'
import { Archived, InvalidInput, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import { STATES, type StoredUnit, type Translation, untranslated } from '../../model/translation.js'
import {
  MAX_HISTORY_PAGE,
  MAX_UNIT_PAGE,
  UNIT_PAGE_SCAN,
  type HistoryPage,
  type HistoryPageQuery,
  type UnitPage,
  type UnitPageQuery,
} from '../types.js'
import { type ArticleRow, type HistoryRow, type UnitRow, rejectionOf, toArticleSummary, toHistory, toUnit } from './rows.js'
import { notArchived } from './archive.js'
import type { CodeData } from '../../codes/types.js'

/** The paged reads of the SQLite store: a page costs its own rows, however large the article. */
export interface UnitPageOps {
  unitPage(articleId: string, query: UnitPageQuery): UnitPage
  getUnit(articleId: string, unitId: string): StoredUnit | undefined
  historyPage(articleId: string, unitId: string, query: HistoryPageQuery): HistoryPage
}

/**
 * A unit with its translation's columns (null without one) and whether it is the language's, as
 * an array: better-sqlite3 builds arrays at half the cost of objects, and a page is all rows.
 */
type PageRow = [
  id: string,
  position: number,
  block: number,
  kind: UnitRow['kind'],
  source: string,
  trailing: string,
  words: number,
  characters: number | null,
  plural: string | null,
  borrowed: 0 | 1,
  key: string | null,
  text: string | null,
  state: Translation['state'] | null,
  stale: 0 | 1 | null,
  version: number | null,
  author: string | null,
  updatedAt: string | null,
  madeFrom: string | null,
  applies: 0 | 1,
  /** Schema 16: the unit's codes as JSON, else null. */
  codes: string | null,
  /** Schema 20: a document unit's role, else null. */
  role: string | null,
  /** Schema 23: while rejected, the reason and whose text was sent back. */
  reason: string | null,
  translator: string | null,
]
const POSITION = 1
const APPLIES = 18
const CODES = 19
const ROLE = 20
const REASON = 21
const TRANSLATOR = 22

export type Direction = 'after' | 'before'

// The article without its source text: a 100,000-unit article's source is megabytes, and a page
// needs its targets only. The source is the row's last column, so its overflow pages stay unread.
// An archived one (schema 15) is named as such, as every read of it is.
const ARTICLE = `SELECT id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at,
  lead, NOT ${notArchived('a')} AS archived FROM articles a WHERE id = ?`

// A unit counts in `@lang` unless it is a plural form the language's CLDR rules lack (schema 10).
const APPLIES_SQL = `(u.plural IS NULL OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = @lang))`

// A unit may be written in `@lang`: it counts there, or it is a `_zero` form, which i18next uses
// for a count of 0 in every language (optional where CLDR has no zero category: #23.8).
const WRITABLE_SQL = `(u.plural = 'zero' OR ${APPLIES_SQL})`

// What a unit page selects of each unit and its translation; `applies` is 0 for a plural form the
// language's CLDR rules lack (schema 10), `_zero` aside, whose translation a page carries in every
// language; the filters still count only the language's own forms. Without a language, `@lang`
// is null and joins nothing.
const COLUMNS = `u.id, u.position, u.block, u.kind, u.source, u.trailing, u.words, u.characters, u.plural,
  u.borrowed, u.key, t.text AS t_text, t.state AS t_state, t.stale AS t_stale, t.version AS t_version,
  t.author AS t_author, t.updated_at AS t_updated_at, t.made_from AS t_made_from,
  ${WRITABLE_SQL} AS applies, u.codes, u.role, t.reason AS t_reason, t.translator AS t_translator`
const JOIN = `LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = @lang`

/** The SQL condition of a filter on the joined translation `t`; `own`: the language's units. */
const FILTERS: Record<string, string> = {
  own: APPLIES_SQL,
  initial: `coalesce(t.state, 'initial') = 'initial' AND ${APPLIES_SQL}`,
  translated: `t.state = 'translated' AND ${APPLIES_SQL}`,
  reviewed: `t.state = 'reviewed' AND ${APPLIES_SQL}`,
  final: `t.state = 'final' AND ${APPLIES_SQL}`,
  rejected: `t.state = 'rejected' AND ${APPLIES_SQL}`,
  stale: `t.stale = 1 AND ${APPLIES_SQL}`,
}

const CMP = { after: '>', before: '<' } as const
const ORDER = { after: 'ASC', before: 'DESC' } as const

/**
 * The SQL of a unit page read in one direction with one filter (`all`, `own`, a state or
 * `stale`); exported for the test that reads its query plan.
 */
export function unitPageSql(dir: Direction, filter: string): string {
  // Unfiltered: the page's units and one more (to know whether another page follows).
  if (filter === 'all') {
    return `
      SELECT ${COLUMNS} FROM units u INDEXED BY units_live_position ${JOIN}
      WHERE u.article_id = @id AND u.obsolete = 0 AND u.position ${CMP[dir]} @at
      ORDER BY u.position ${ORDER[dir]} LIMIT @limit`
  }
  const where = FILTERS[filter]
  if (where === undefined) throw new InvalidInput(`unknown filter ${printable(filter)}`)
  // Filtered: of the next UNIT_PAGE_SCAN units at most (read from the index alone), those whose
  // translation matches; CROSS JOIN reads a unit's row only once its translation has matched.
  return `
    SELECT ${COLUMNS} FROM (
      SELECT id AS scan_id, position AS scan_position FROM units INDEXED BY units_live_position
      WHERE article_id = @id AND obsolete = 0 AND position ${CMP[dir]} @at
      ORDER BY position ${ORDER[dir]} LIMIT @scan) s
    LEFT JOIN translations t ON t.article_id = @id AND t.unit_id = s.scan_id AND t.lang = @lang
    CROSS JOIN units u ON u.article_id = @id AND u.id = s.scan_id
    WHERE ${where}
    ORDER BY s.scan_position ${ORDER[dir]} LIMIT @limit`
}

/**
 * Build the paged reads. A page is a keyset read on the partial index of live positions
 * (`units_live_position`): a search from the cursor, in index order, stopped by LIMIT, each
 * unit's translation found by its primary key. An unfiltered page reads `limit + 1` units; a
 * filtered one reads at most {@link UNIT_PAGE_SCAN} units past the cursor, whatever it finds.
 */
export function createUnitPageOps(db: Database.Database): UnitPageOps {
  const article = db.prepare<[string], Omit<ArticleRow, 'source'> & { archived: 0 | 1 }>(ARTICLE)
  const statement_ = (dir: Direction, filter: string) =>
    db.prepare<Record<string, unknown>, PageRow>(unitPageSql(dir, filter)).raw()
  // The last unit a filtered page examined, when it examined all it may: the page goes on from it.
  const scanEnd = (dir: Direction) =>
    db
      .prepare<Record<string, unknown>, number>(`
        SELECT position FROM units INDEXED BY units_live_position
        WHERE article_id = @id AND obsolete = 0 AND position ${CMP[dir]} @at
        ORDER BY position ${ORDER[dir]} LIMIT 1 OFFSET @skip`)
      .pluck()
  const statements = new Map<string, Database.Statement<Record<string, unknown>, PageRow>>()
  const statement = (dir: Direction, filter: string) => {
    const key = `${dir} ${filter}`
    let s = statements.get(key)
    if (!s) {
      s = statement_(dir, filter)
      statements.set(key, s)
    }
    return s
  }
  const ends = { after: scanEnd('after'), before: scanEnd('before') }

  const oneUnit = db.prepare<[string, string], UnitRow>('SELECT * FROM units WHERE article_id = ? AND id = ?')
  const unitExists = db.prepare<[string, string], string>('SELECT id FROM units WHERE article_id = ? AND id = ?').pluck()

  // A unit's history (schema 9) is one chain per language, from its latest entry back along
  // prev_seq. A page walks each chain back from where the cursor left it (or from its latest entry)
  // at most `limit` steps, reading seq, language and link only; CROSS JOIN keeps SQLite walking
  // the chains rather than scanning history.
  const walk = (start: string) =>
    db
      .prepare<Record<string, unknown>, [number, string, number | null]>(`
        WITH RECURSIVE chain (seq, n) AS (
          ${start}
          UNION ALL
          SELECT h.prev_seq, chain.n + 1 FROM chain JOIN history h ON h.seq = chain.seq
          WHERE h.prev_seq IS NOT NULL AND chain.n < @limit
        )
        SELECT h.seq, h.lang, h.prev_seq FROM chain CROSS JOIN history h ON h.seq = chain.seq`)
      .raw()
  const fromLatest = walk(`SELECT history_seq, 1 FROM translations
    WHERE article_id = @id AND unit_id = @unit AND (@lang IS NULL OR lang = @lang) AND history_seq IS NOT NULL`)
  // A cursor's entries count only when they are this unit's (and language's): a made-up cursor
  // reads nothing of another unit.
  const fromCursor = walk(`SELECT h.seq, 1 FROM json_each(@starts) j CROSS JOIN history h ON h.seq = j.value
    WHERE h.article_id = @id AND h.unit_id = @unit AND (@lang IS NULL OR h.lang = @lang)`)
  const entriesBySeq = db.prepare<[string], HistoryRow>(
    'SELECT h.* FROM json_each(?) j CROSS JOIN history h ON h.seq = j.value ORDER BY h.seq',
  )

  // Unknown (or archived) article, or unknown unit: NotFound (or Archived), as every read says it.
  const liveArticle = (articleId: string) => {
    const a = article.get(articleId)
    if (!a) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
    if (a.archived) throw new Archived(articleId, 'read')
    return a
  }
  const checkUnit = (articleId: string, unitId: string) => {
    liveArticle(articleId)
    if (unitExists.get(articleId, unitId) !== undefined) return
    throw new NotFound(`article ${printable(articleId)} has no unit ${printable(unitId)}`, 'unknown-unit')
  }

  const page = db.transaction((articleId: string, q: UnitPageQuery): UnitPage => {
    checkPageQuery(q)
    const a = liveArticle(articleId)
    const dir: Direction = q.before === undefined ? 'after' : 'before'
    const at = q.before ?? q.after ?? 0
    const filter = q.state ?? (q.ownOnly && q.lang !== undefined ? 'own' : 'all')
    const lang = q.lang ?? null
    const params = { id: articleId, lang, at, limit: q.limit + 1, scan: UNIT_PAGE_SCAN }
    const found = statement(dir, filter).all(params)
    let next: number | null = null
    if (found.length > q.limit) {
      found.length = q.limit
      next = (found[found.length - 1] as PageRow)[POSITION]
    } else if (filter !== 'all') {
      // Fewer matches than asked: the scan may have stopped short of the article's end.
      next = ends[dir].get({ id: articleId, at, skip: UNIT_PAGE_SCAN - 1 }) ?? null
    }
    if (dir === 'before') found.reverse()
    return {
      article: toArticleSummary(a),
      lead: a.lead,
      rows: found.map((r) => {
        const unit = pageUnit(r, articleId, a)
        if (lang === null || r[APPLIES] !== 1) return { unit }
        return { unit, translation: pageTranslation(r, articleId, lang) }
      }),
      next,
    }
  })

  return {
    unitPage: (articleId, q) => page(articleId, q),
    getUnit(articleId, unitId) {
      const a = liveArticle(articleId)
      const row = oneUnit.get(articleId, unitId)
      return row ? toUnit(row, a) : undefined
    },
    historyPage(articleId, unitId, q) {
      checkLimit(q.limit, MAX_HISTORY_PAGE)
      const starts = q.cursor === undefined ? undefined : parseHistoryCursor(q.cursor)
      checkUnit(articleId, unitId)
      const params = { id: articleId, unit: unitId, lang: q.lang ?? null, limit: q.limit }
      const walked = starts ? fromCursor.all({ ...params, starts: JSON.stringify(starts) }) : fromLatest.all(params)
      const { served, next } = historyPageOf(walked, q.limit)
      return { entries: entriesBySeq.all(JSON.stringify(served)).map(toHistory), next }
    },
  }
}

/**
 * Of the entries walked back along a unit's chains ([seq, lang, prev_seq]), the newest `limit`
 * (their seqs) and the cursor of the page before them: each chain's next entry to serve is the
 * newest it has left, or the one before the last it served. Shared by both backends.
 */
export function historyPageOf(walked: [number, string, number | null][], limit: number): { served: number[]; next: string | null } {
  walked.sort((x, y) => y[0] - x[0])
  const served = walked.slice(0, limit)
  const frontier = new Map<string, number | null>()
  for (const [seq, lang] of walked.slice(limit)) if (!frontier.has(lang)) frontier.set(lang, seq)
  for (const [, lang, prev] of [...served].reverse()) if (!frontier.has(lang)) frontier.set(lang, prev)
  const left = [...frontier].filter(([, seq]) => seq !== null).sort(([x], [y]) => (x < y ? -1 : 1))
  return { served: served.map(([seq]) => seq), next: left.length === 0 ? null : left.map(([lang, seq]) => `${lang}:${seq}`).join(',') }
}

/** The chain starts a history cursor names (`sv:812,de:77`), or InvalidInput. */
export function parseHistoryCursor(cursor: string): number[] {
  const parts = cursor.split(',')
  if (cursor.length > 2000 || parts.length > 100 || !parts.every((p) => /^[A-Za-z0-9-]{1,100}:\d{1,15}$/.test(p))) {
    throw new InvalidInput('use the `next` cursor of the previous history page', 'invalid-cursor')
  }
  return parts.map((p) => Number(p.slice(p.indexOf(':') + 1)))
}

/** The unit of a page row, as toUnit makes it. */
function pageUnit(r: PageRow, articleId: string, a: { tag: string; lang: string }): StoredUnit {
  const [id, position, block, kind, source, trailing, words, characters, plural, borrowed, key] = r
  const unit: StoredUnit = { id, articleId, tag: a.tag, lang: a.lang, position, block, kind, source, trailing, words, obsolete: false }
  if (characters !== null) unit.characters = characters
  if (plural !== null) unit.plural = plural
  if (borrowed === 1) unit.borrowed = true
  if (key !== null) unit.key = key
  const codes = r[CODES]
  if (codes !== null) unit.codes = JSON.parse(codes) as CodeData[]
  const role = r[ROLE]
  if (role !== null) unit.role = role
  return unit
}

/** The translation of a page row: its row's columns, or version 0 where never written. */
function pageTranslation(r: PageRow, articleId: string, lang: string): Translation {
  const [unitId, , , , , , , , , , , text, state, stale, version, author, updatedAt, madeFrom] = r
  if (version === null) return untranslated(articleId, unitId, lang)
  const t: Translation = { articleId, unitId, lang, text: text as string, state: state as Translation['state'], stale: stale === 1, version, author, updatedAt, madeFrom }
  return Object.assign(t, rejectionOf({ state: t.state, reason: r[REASON], translator: r[TRANSLATOR] }))
}

export function checkLimit(limit: number, max: number): void {
  if (!(Number.isSafeInteger(limit) && limit >= 1 && limit <= max)) {
    throw new InvalidInput(`limit ${String(limit)} is out of range: use 1 to ${max}`, 'invalid-limit')
  }
}

export function checkPageQuery(q: UnitPageQuery): void {
  checkLimit(q.limit, MAX_UNIT_PAGE)
  if (q.after !== undefined && q.before !== undefined) {
    throw new InvalidInput('a page reads after a position or before one, not both', 'invalid-cursor')
  }
  for (const at of [q.after, q.before]) {
    if (at !== undefined && !(Number.isSafeInteger(at) && at >= 0)) {
      throw new InvalidInput(`cursor ${String(at)} is not a whole number ≥ 0`, 'invalid-cursor')
    }
  }
  if (q.state !== undefined) {
    if (q.lang === undefined) throw new InvalidInput('filtering by state needs a language', 'state-needs-lang')
    if (!([...STATES, 'stale'] as string[]).includes(q.state)) {
      throw new InvalidInput(`unknown state "${printable(String(q.state))}": use ${STATES.join(', ')} or stale`, 'invalid-state')
    }
  }
}
