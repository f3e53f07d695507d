import type Database from 'better-sqlite3'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { State } from '../../model/translation.js'
import { type ArticleCoverage, COUNTS_PER_TARGET, type PendingJson, type PendingList, type PendingUnit } from '../types.js'
import { notArchived } from './archive.js'

/** The whole-database report reads of the SQLite store, over one connection. */
export interface ArticleCoverageOps {
  articleCoverage(opts?: { articles?: string[]; after?: string; limit?: number }): ArticleCoverage[]
  pendingByLang(articleId: string, langs: string[]): PendingUnit[][]
  pendingJson(articleId: string, langs: string[]): PendingJson[]
  pendingJsonPage(articleId: string, lang: string, list: PendingList, after: number, limit: number): { json: string; next: number | null }
}

// The live plural units (or words) of an article whose form a target language lacks: they are
// none of that language's units (schema 10). Read only for articles that have plural units.
const lacking = (col: 'units' | 'words') => `coalesce((SELECT sum(p.${col}) FROM plural_counts p
  WHERE p.article_id = a.id AND p.plural NOT IN (SELECT r.plural FROM plural_rules r WHERE r.lang = j.value)), 0)`

// One text per article: a JSON array of its listing fields, its targets (stored as JSON already)
// and its counter rows flattened to [lang, slot, units, words, stale units, stale words, …],
// slot being where the state's units go among the ten counts (-1 for initial). SQLite writes
// the text and JSON.parse reads it: for 25,000 articles and 225,000 counter rows that is a third
// of the cost of driver rows, and of json_group_array (whose JSON functions escape and re-parse
// every value). The counter rows come from the counters' primary key, so this reads no unit.
const COVERAGE = `
  SELECT '[' || json_quote(a.id) || ',' || json_quote(a.tag) || ',' || json_quote(a.lang) || ','
    || json_quote(a.title) || ',' || a.revision || ',' || a.targets || ',' || a.live_units || ','
    || a.live_words || ',[' || coalesce((
      SELECT group_concat(json_quote(c.lang) || ',' || CASE c.state WHEN 'translated' THEN 0
          WHEN 'reviewed' THEN 2 WHEN 'final' THEN 4 WHEN 'rejected' THEN 8 ELSE -1 END || ',' || c.units
        || ',' || c.words || ',' || c.stale_units || ',' || c.stale_words, ',')
      FROM coverage_counts c WHERE c.article_id = a.id), '') || '],[' || coalesce((
      SELECT group_concat(json_quote(j.value) || ',' || ${lacking('units')} || ',' || ${lacking('words')}, ',')
      FROM json_each(a.targets) j
      WHERE EXISTS (SELECT 1 FROM plural_counts p WHERE p.article_id = a.id)), '') || ']]'
  FROM articles a INDEXED BY articles_listing`

type CoverageRow = [string, string, string, string, number, string[], number, number, (string | number)[], (string | number)[]]

/** The unit `u` counts in the language `l.value`: it is no plural form, or one the language has. */
const APPLIES = `(u.plural IS NULL OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = l.value))`

/** Build the whole-database report reads. */
export function createArticleCoverageOps(db: Database.Database): ArticleCoverageOps {
  // Archived articles are in no report (schema 15); named, they are refused.
  const all = db.prepare<[], string>(`${COVERAGE} WHERE ${notArchived('a')} ORDER BY a.id`).pluck()
  const page = db
    .prepare<[string, number], string>(`${COVERAGE} WHERE a.id > ? AND ${notArchived('a')} ORDER BY a.id LIMIT ?`)
    .pluck()
  // The chosen articles travel as one JSON array: one statement however many are asked for.
  const some = db
    .prepare<[string], string>(`${COVERAGE} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .pluck()
  // The first named article that is unknown (archived 0) or archived (1), if any.
  const missing = db.prepare<[string], { id: string; archived: 0 | 1 }>(`
    SELECT value AS id, value IN (SELECT article_id FROM archived_articles) AS archived FROM json_each(?)
    WHERE value NOT IN (SELECT id FROM articles) OR value IN (SELECT article_id FROM archived_articles)
    LIMIT 1`)
  const live = db.prepare<[string], 0 | 1>(`SELECT ${notArchived('a')} FROM articles a WHERE a.id = ?`).pluck()
  const checkLive = (articleId: string) => {
    const isLive = live.get(articleId)
    if (isLive === undefined) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
    if (!isLive) throw new Archived(articleId, 'read')
  }
  // The units once per language, each language's in position order (the partial index on live
  // positions gives them sorted); a translation row only where it says initial, rejected or stale.
  // A plural form the language's CLDR rules lack is none of its units (schema 10).
  const pending = db.prepare<[string, string], [number, string, number, string, number, 0 | 1, State, string | null, string | null]>(`
    SELECT l.key, u.id, u.position, u.source, u.words, coalesce(t.stale, 0),
      coalesce(t.state, 'initial'), u.plural, u.key
    FROM json_each(?) l
    JOIN units u INDEXED BY units_live_position ON u.article_id = ? AND u.obsolete = 0
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = l.value
    WHERE (t.state IS NULL OR t.state IN ('initial', 'rejected') OR t.stale = 1) AND ${APPLIES}
    ORDER BY l.key, u.position`).raw()

  // The same units, written as the report's JSON by SQLite: json_quote escapes exactly as
  // JSON.stringify does for the valid UTF-8 the database holds (", \, \b \t \n \f \r, other
  // controls as \u00xx), and a listing of a million units then builds no object per unit.
  const item = `'{"id":' || json_quote(u.id) || ',"position":' || u.position || ',"source":' || json_quote(u.source)
    || CASE WHEN u.plural IS NULL THEN '' ELSE ',"plural":' || json_quote(u.plural) END
    || CASE WHEN u.key IS NULL THEN '' ELSE ',"key":' || json_quote(u.key) END || '}'`
  const pendingText = db.prepare<[string, string], [number, string | null, string | null, string | null]>(`
    SELECT l.key,
      group_concat(CASE WHEN t.stale IS NOT 1 AND t.state IS NOT 'rejected' THEN ${item} END, ',' ORDER BY u.position),
      group_concat(CASE WHEN t.stale = 1 THEN ${item} END, ',' ORDER BY u.position),
      group_concat(CASE WHEN t.stale = 0 AND t.state = 'rejected' THEN ${item} END, ',' ORDER BY u.position)
    FROM units u CROSS JOIN json_each(?) l
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = l.value
    WHERE u.article_id = ? AND u.obsolete = 0
      AND (t.state IS NULL OR t.state IN ('initial', 'rejected') OR t.stale = 1) AND ${APPLIES}
    GROUP BY l.key`).raw()

  // One stretch of live units (from the position index alone), and of it the items of one list
  // in one language, as the report writes them; a unit's row is read only once it is pending.
  const stretchEnd = db.prepare<[string, number, number], [number | null, number]>(`
    SELECT max(position), count(*) FROM (SELECT position FROM units INDEXED BY units_live_position
      WHERE article_id = ? AND obsolete = 0 AND position > ? ORDER BY position LIMIT ?)`).raw()
  const listPage = (where: string) =>
    db.prepare<{ id: string; lang: string; after: number; limit: number }, string | null>(`
      SELECT group_concat(${item}, ',' ORDER BY s.position) FROM (
        SELECT id, position FROM units INDEXED BY units_live_position
        WHERE article_id = @id AND obsolete = 0 AND position > @after ORDER BY position LIMIT @limit) s
      LEFT JOIN translations t ON t.article_id = @id AND t.unit_id = s.id AND t.lang = @lang
      CROSS JOIN units u ON u.article_id = @id AND u.id = s.id
      CROSS JOIN (SELECT @lang AS value) l
      WHERE ${where} AND ${APPLIES}`).pluck()
  const lists = {
    untranslated: listPage(`(t.state IS NULL OR t.state = 'initial') AND t.stale IS NOT 1`),
    stale: listPage('t.stale = 1'),
    rejected: listPage(`t.state = 'rejected' AND t.stale = 0`),
  }
  const pageRead = db.transaction((articleId: string, lang: string, list: PendingList, after: number, limit: number) => {
    checkLive(articleId)
    const [last, count] = stretchEnd.get(articleId, after, limit) as [number | null, number]
    const json = lists[list].get({ id: articleId, lang, after, limit }) ?? ''
    return { json, next: count < limit ? null : last }
  })

  const read = db.transaction((articles: string[] | undefined): CoverageRow[] => {
    if (!articles) return parseRows(all.all())
    const json = JSON.stringify(articles)
    const unknown = missing.get(json)
    if (unknown?.archived) throw new Archived(unknown.id, 'read')
    if (unknown) throw new NotFound(`no article ${printable(unknown.id)}`, 'unknown-article')
    return parseRows(some.all(json))
  })

  return {
    articleCoverage({ articles, after, limit } = {}) {
      if (!articles && (after !== undefined || limit !== undefined)) {
        return parseRows(page.all(after ?? '', limit ?? -1)).map(toCoverage)
      }
      const rows = read(articles).map(toCoverage)
      if (!articles) return rows
      const byId = new Map(rows.map((r) => [r.id, r]))
      return articles.map((id) => byId.get(id) as ArticleCoverage)
    },
    pendingByLang(articleId, langs) {
      checkLive(articleId)
      const out: PendingUnit[][] = langs.map(() => [])
      for (const [k, id, position, source, words, stale, state, plural, key] of pending.all(JSON.stringify(langs), articleId)) {
        out[k]?.push({ id, position, source, words, stale: stale === 1, state, plural, key })
      }
      return out
    },
    pendingJsonPage: (articleId, lang, list, after, limit) => pageRead(articleId, lang, list, after, limit),
    pendingJson(articleId, langs) {
      checkLive(articleId)
      const out: PendingJson[] = langs.map(() => ({ untranslated: '', stale: '', rejected: '' }))
      for (const [k, untranslated, stale, rejected] of pendingText.all(JSON.stringify(langs), articleId)) {
        out[k] = { untranslated: untranslated ?? '', stale: stale ?? '', rejected: rejected ?? '' }
      }
      return out
    },
  }
}

/** Many short JSON texts, parsed as one. */
function parseRows(texts: string[]): CoverageRow[] {
  return JSON.parse(`[${texts.join(',')}]`) as CoverageRow[]
}

/** Fold an article's counter rows into ten numbers per target; rows of former targets drop. */
function toCoverage([id, tag, lang, title, revision, targets, units, words, rows, lacks]: CoverageRow): ArticleCoverage {
  const counts = new Array<number>(targets.length * COUNTS_PER_TARGET).fill(0)
  for (let i = 0; i < rows.length; i += 6) {
    const k = targets.indexOf(rows[i] as string)
    if (k < 0) continue
    const at = k * COUNTS_PER_TARGET
    const slot = rows[i + 1] as number
    if (slot >= 0) {
      counts[at + slot] = counts[at + slot]! + (rows[i + 2] as number)
      counts[at + slot + 1] = counts[at + slot + 1]! + (rows[i + 3] as number)
    }
    counts[at + 6] = counts[at + 6]! + (rows[i + 4] as number)
    counts[at + 7] = counts[at + 7]! + (rows[i + 5] as number)
  }
  const out: ArticleCoverage = { id, tag, lang, title, revision, targets, units, words, counts }
  if (lacks.length > 0) {
    out.lacks = new Array<number>(targets.length * 2).fill(0)
    for (let i = 0; i < lacks.length; i += 3) {
      const k = targets.indexOf(lacks[i] as string)
      out.lacks[k * 2] = lacks[i + 1] as number
      out.lacks[k * 2 + 1] = lacks[i + 2] as number
    }
  }
  return out
}
