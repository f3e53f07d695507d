import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { State } from '../../model/translation.js'
import { type ArticleCoverage, COUNTS_PER_TARGET, type CoverageCounts, type OriginWords, type PendingJson, type PendingList, type PendingUnit } from '../types.js'
import { type Db, liveArticleOrThrow, notArchived, row, rows } from './db.js'
import type { PgArticleSummaryRow } from './rows.js'
import { appliesSql } from './translations.js'

/** An article's listing fields (without its times) and its counters, as COVERAGE reads them. */
interface CoverageRow extends Omit<PgArticleSummaryRow, 'created_at' | 'updated_at'> {
  /** [lang, state, units, words, stale units, stale words] per counter row. */
  counts: [string, State, number, number, number, number][]
  /** [lang, units, words] per target: the live plural units and words whose form it lacks; null without plural units. */
  lacks: [string, number, number][] | null
}

// An article's listing fields, its counter rows (from the counters' primary key: no unit is read)
// and, only for a document with plural units, what each target lacks of them.
const COVERAGE = /* sql */ `
  SELECT a.id, a.tag, a.lang, a.title, a.revision, a.targets, a.live_units, a.live_words,
    (SELECT coalesce(json_agg(json_build_array(c.lang, c.state, c.units, c.words, c.stale_units, c.stale_words)), '[]')
     FROM coverage_counts c WHERE c.article_id = a.id) AS counts,
    CASE WHEN EXISTS (SELECT 1 FROM plural_counts p WHERE p.article_id = a.id) THEN (
      SELECT json_agg(json_build_array(j.lang,
        coalesce((SELECT sum(p.units) FROM plural_counts p WHERE p.article_id = a.id
          AND p.plural NOT IN (SELECT r.plural FROM plural_rules r WHERE r.lang = j.lang)), 0),
        coalesce((SELECT sum(p.words) FROM plural_counts p WHERE p.article_id = a.id
          AND p.plural NOT IN (SELECT r.plural FROM plural_rules r WHERE r.lang = j.lang)), 0)))
      FROM jsonb_array_elements_text(a.targets) j (lang)) END AS lacks
  FROM articles a`

const SLOT: Record<string, number> = { translated: 0, reviewed: 2, final: 4, rejected: 8 }

/** Fold an article's counter rows into ten numbers per target; rows of former targets drop. */
function toCoverage(r: CoverageRow): ArticleCoverage {
  const { targets } = r
  const counts = new Array<number>(targets.length * COUNTS_PER_TARGET).fill(0)
  for (const [lang, state, units, words, su, sw] of r.counts) {
    const k = targets.indexOf(lang)
    if (k < 0) continue
    const at = k * COUNTS_PER_TARGET
    const slot = SLOT[state]
    if (slot !== undefined) {
      counts[at + slot]! += units
      counts[at + slot + 1]! += words
    }
    counts[at + 6]! += su
    counts[at + 7]! += sw
  }
  const out: ArticleCoverage = { id: r.id, tag: r.tag, lang: r.lang, title: r.title, revision: r.revision, targets, units: r.live_units, words: r.live_words, counts }
  if (r.lacks) {
    out.lacks = new Array<number>(targets.length * 2).fill(0)
    for (const [lang, units, words] of r.lacks) {
      const k = targets.indexOf(lang)
      out.lacks[k * 2] = units
      out.lacks[k * 2 + 1] = words
    }
  }
  return out
}

/** An article's coverage per target as CoverageCounts; units without a row (or in `initial`) are initial. */
function toCounts(a: ArticleCoverage): CoverageCounts[] {
  return a.targets.map((lang, k) => {
    const at = k * COUNTS_PER_TARGET
    const c = (i: number): number => a.counts[at + i] ?? 0
    const units = a.units - (a.lacks?.[k * 2] ?? 0)
    const words = a.words - (a.lacks?.[k * 2 + 1] ?? 0)
    return {
      articleId: a.id,
      lang,
      units: { initial: units - c(0) - c(2) - c(4) - c(8), translated: c(0), reviewed: c(2), final: c(4), rejected: c(8), stale: c(6) },
      words: { initial: words - c(1) - c(3) - c(5) - c(9), translated: c(1), reviewed: c(3), final: c(5), rejected: c(9), stale: c(7) },
    }
  })
}

// A unit as the report's JSON writes it, built by PostgreSQL: to_json escapes text exactly as
// JSON.stringify does for the text the rule lets in (", \, \b \t \n \f \r, other controls as
// \u00xx), so a listing of a million units builds no object per unit.
const ITEM = `'{"id":' || to_json(u.id)::text || ',"position":' || u.position || ',"source":' || to_json(u.source)::text
  || CASE WHEN u.plural IS NULL THEN '' ELSE ',"plural":' || to_json(u.plural)::text END
  || CASE WHEN u.key IS NULL THEN '' ELSE ',"key":' || to_json(u.key)::text END || '}'`

const PENDING = `(t.state IS NULL OR t.state IN ('initial', 'rejected') OR t.stale)`
/** Each pending unit in one list: stale first, then rejected, else untranslated. */
const LISTS: Record<PendingList, string> = {
  untranslated: `(t.state IS NULL OR t.state = 'initial') AND t.stale IS NOT TRUE`,
  stale: 't.stale',
  rejected: `t.state = 'rejected' AND NOT t.stale`,
}

interface PendingRow {
  k: number
  id: string
  position: number
  source: string
  words: number
  stale: boolean
  state: State
  plural: string | null
  key: string | null
}

/** The report reads of the PostgreSQL store: coverage from the counters, pending units from the units. */
export function createPgCoverageOps(db: Db) {
  /** The first named article that is unknown or archived refuses the read. */
  const checkNamed = async (ids: string[]): Promise<void> => {
    const bad = await row<{ id: string; archived: boolean }>(
      db,
      `SELECT n.id, EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = n.id) AS archived
       FROM unnest($1::text[]) WITH ORDINALITY n (id, k)
       WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.id)
         OR EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = n.id)
       ORDER BY n.k LIMIT 1`,
      [ids],
    )
    if (bad?.archived) throw new Archived(bad.id, 'read')
    if (bad) throw new NotFound(`no article ${printable(bad.id)}`, 'unknown-article')
  }

  const articleCoverage = async (opts: { articles?: string[]; after?: string; limit?: number } = {}): Promise<ArticleCoverage[]> => {
    const { articles, after, limit } = opts
    if (articles) {
      await checkNamed(articles)
      const found = (await rows<CoverageRow>(db, `${COVERAGE} WHERE a.id = ANY($1::text[])`, [articles])).map(toCoverage)
      const byId = new Map(found.map((r) => [r.id, r]))
      return articles.map((id) => byId.get(id) as ArticleCoverage)
    }
    if (after !== undefined || limit !== undefined) {
      const page = await rows<CoverageRow>(db, `${COVERAGE} WHERE a.id > $1 AND ${notArchived('a')} ORDER BY a.id LIMIT $2`, [after ?? '', limit !== undefined && limit >= 0 ? limit : null])
      return page.map(toCoverage)
    }
    return (await rows<CoverageRow>(db, `${COVERAGE} WHERE ${notArchived('a')} ORDER BY a.id`)).map(toCoverage)
  }

  const pendingRows = async (articleId: string, langs: string[]): Promise<PendingRow[]> =>
    rows<PendingRow>(
      db,
      `SELECT l.k, u.id, u.position, u.source, u.words, coalesce(t.stale, false) AS stale,
         coalesce(t.state, 'initial') AS state, u.plural, u.key
       FROM unnest($2::text[]) WITH ORDINALITY l (lang, k)
       JOIN units u ON u.article_id = $1 AND NOT u.obsolete
       LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = l.lang
       WHERE ${PENDING} AND ${appliesSql('u', 'l.lang')}
       ORDER BY l.k, u.position`,
      [articleId, langs],
    )
  const toPending = (r: PendingRow): PendingUnit => ({ id: r.id, position: r.position, source: r.source, words: r.words, stale: r.stale, state: r.state, plural: r.plural, key: r.key })

  return {
    articleCoverage,
    async coverage(opts: { articles?: string[]; langs?: string[] } = {}): Promise<CoverageCounts[]> {
      const sheet = await articleCoverage(opts.articles ? { articles: [...new Set(opts.articles)].sort() } : {})
      const langs = opts.langs ? new Set(opts.langs) : undefined
      return sheet.flatMap(toCounts).filter((c) => !langs || langs.has(c.lang))
    },
    async pending(articleId: string, lang: string): Promise<PendingUnit[]> {
      await liveArticleOrThrow(db, articleId)
      return (await pendingRows(articleId, [lang])).map(toPending)
    },
    async pendingByLang(articleId: string, langs: string[]): Promise<PendingUnit[][]> {
      await liveArticleOrThrow(db, articleId)
      const out: PendingUnit[][] = langs.map(() => [])
      for (const r of await pendingRows(articleId, langs)) out[r.k - 1]?.push(toPending(r))
      return out
    },
    async pendingJson(articleId: string, langs: string[]): Promise<PendingJson[]> {
      await liveArticleOrThrow(db, articleId)
      const found = await rows<{ k: number; untranslated: string | null; stale: string | null; rejected: string | null }>(
        db,
        `SELECT l.k,
           string_agg(CASE WHEN ${LISTS.untranslated} THEN ${ITEM} END, ',' ORDER BY u.position) AS untranslated,
           string_agg(CASE WHEN ${LISTS.stale} THEN ${ITEM} END, ',' ORDER BY u.position) AS stale,
           string_agg(CASE WHEN ${LISTS.rejected} THEN ${ITEM} END, ',' ORDER BY u.position) AS rejected
         FROM unnest($2::text[]) WITH ORDINALITY l (lang, k)
         JOIN units u ON u.article_id = $1 AND NOT u.obsolete
         LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = l.lang
         WHERE ${PENDING} AND ${appliesSql('u', 'l.lang')}
         GROUP BY l.k`,
        [articleId, langs],
      )
      const out: PendingJson[] = langs.map(() => ({ untranslated: '', stale: '', rejected: '' }))
      for (const r of found) out[r.k - 1] = { untranslated: r.untranslated ?? '', stale: r.stale ?? '', rejected: r.rejected ?? '' }
      return out
    },
    async pendingJsonPage(articleId: string, lang: string, list: PendingList, after: number, limit: number): Promise<{ json: string; next: number | null }> {
      await liveArticleOrThrow(db, articleId)
      const where = LISTS[list]
      // One stretch of live units (from the position index alone), and of it the items of one
      // list in one language; a unit's row is read only once it is pending.
      const r = await row<{ last: number | null; n: number; json: string | null }>(
        db,
        `WITH s AS (SELECT id, position FROM units WHERE article_id = $1 AND NOT obsolete AND position > $3::bigint
                    ORDER BY position LIMIT $4)
         SELECT (SELECT max(position) FROM s) AS last, (SELECT count(*) FROM s) AS n,
           (SELECT string_agg(${ITEM}, ',' ORDER BY s.position) FROM s
              JOIN units u ON u.article_id = $1 AND u.id = s.id
              LEFT JOIN translations t ON t.article_id = $1 AND t.unit_id = s.id AND t.lang = $2
              WHERE ${where} AND ${appliesSql('u', '$2')}) AS json`,
        [articleId, lang, after, limit],
      )
      return { json: r?.json ?? '', next: (r?.n ?? 0) < limit ? null : (r?.last ?? null) }
    },
    /** Words of done translations by the origin of their text (see src/store/sqlite/origin-words.ts). */
    async originWords(ids: string[]): Promise<OriginWords[]> {
      const found = await rows<{ article_id: string; lang: string; total: number; memory: number; mt: number; aligned: number }>(
        db,
        `WITH RECURSIVE setter (article_id, unit_id, lang, seq) AS (
           SELECT t.article_id, t.unit_id, t.lang, t.history_seq FROM translations t
           WHERE t.article_id = ANY($1::text[]) AND t.state IN ('translated', 'reviewed', 'final')
           UNION ALL
           SELECT s.article_id, s.unit_id, s.lang, h.prev_seq FROM setter s JOIN history h ON h.seq = s.seq
           WHERE h.old_text = h.new_text AND h.prev_seq IS NOT NULL
         )
         SELECT s.article_id, s.lang, sum(u.words) AS total,
           sum(CASE WHEN w.memory_score IS NOT NULL AND NOT w.origin_edited THEN u.words ELSE 0 END) AS memory,
           sum(CASE WHEN w.mt_engine IS NOT NULL AND NOT w.origin_edited THEN u.words ELSE 0 END) AS mt,
           sum(CASE WHEN w.aligned_confidence IS NOT NULL AND NOT w.origin_edited THEN u.words ELSE 0 END) AS aligned
         FROM setter s
         JOIN history w ON w.seq = s.seq
         JOIN units u ON u.article_id = s.article_id AND u.id = s.unit_id AND NOT u.obsolete
         WHERE w.old_text IS NULL OR w.old_text <> w.new_text
         GROUP BY s.article_id, s.lang
         ORDER BY s.article_id, s.lang`,
        [ids],
      )
      return found.map((r) => ({ articleId: r.article_id, lang: r.lang, human: r.total - r.memory - r.mt - r.aligned, memory: r.memory, mt: r.mt, aligned: r.aligned }))
    },
  }
}
