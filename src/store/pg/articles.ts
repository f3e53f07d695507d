import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { Article, ArticleSummary, StoredUnit } from '../../model/translation.js'
import { type Db, notArchived, row, rows } from './db.js'
import { type PgArticleRow, type PgArticleSummaryRow, type PgUnitRow, SUMMARY_COLUMNS, toArticle, toArticleSummary, toUnit } from './rows.js'

/** The article and unit reads of the PostgreSQL store; archived articles are none of them. */
export function createPgArticleOps(db: Db) {
  return {
    async get(id: string): Promise<Article | undefined> {
      const r = await row<PgArticleRow & { archived: boolean }>(db, `SELECT a.*, NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = $1`, [id])
      return r && !r.archived ? toArticle(r) : undefined
    },
    // Listings leave the source text behind: a large database holds many megabytes of it.
    async list(): Promise<ArticleSummary[]> {
      return (await rows<PgArticleSummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${notArchived('a')} ORDER BY a.id`)).map(toArticleSummary)
    },
    /** Units in position order; obsolete ones (at their last position) only when asked. */
    async units(articleId: string, includeObsolete: boolean): Promise<StoredUnit[]> {
      // One statement: the article's check and its units read in one snapshot.
      const found = await rows<PgUnitRow & { a_tag: string; a_lang: string; archived: boolean }>(
        db,
        `SELECT a.tag AS a_tag, a.lang AS a_lang, NOT ${notArchived('a')} AS archived, u.*
         FROM articles a LEFT JOIN units u ON u.article_id = a.id ${includeObsolete ? '' : 'AND NOT u.obsolete'}
         WHERE a.id = $1
         ORDER BY u.position, u.obsolete`,
        [articleId],
      )
      const first = found[0]
      if (!first) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
      if (first.archived) throw new Archived(articleId, 'read')
      if (first.id === null) return []
      const article = { tag: first.a_tag, lang: first.a_lang }
      return found.map((r) => toUnit(r, article))
    },
  }
}
