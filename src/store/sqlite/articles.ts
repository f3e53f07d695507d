import type Database from 'better-sqlite3'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { Article, ArticleSummary, StoredUnit } from '../../model/translation.js'
import { notArchived } from './archive.js'
import { type ArticleRow, type UnitRow, toArticle, toArticleSummary, toUnit } from './rows.js'

/** The article and unit reads of the SQLite store, over one connection; archived articles are none of them. */
export interface ArticleOps {
  get(id: string): Article | undefined
  list(): ArticleSummary[]
  units(articleId: string, includeObsolete: boolean): StoredUnit[]
}

/** Build article and unit reads. */
export function createArticleOps(db: Database.Database): ArticleOps {
  const one = db.prepare<[string], ArticleRow & { archived: 0 | 1 }>(
    `SELECT a.*, NOT ${notArchived('a')} AS archived FROM articles a WHERE a.id = ?`,
  )
  // Listings leave the source text behind: a large database holds many megabytes of it.
  const all = db.prepare<[], Omit<ArticleRow, 'source' | 'lead'>>(
    `SELECT id, tag, lang, title, revision, targets, live_units, live_words, created_at, updated_at
     FROM articles a INDEXED BY articles_listing WHERE ${notArchived('a')} ORDER BY id`,
  )
  const live = db.prepare<[string], UnitRow>(
    'SELECT * FROM units WHERE article_id = ? AND obsolete = 0 ORDER BY position',
  )
  // Obsolete units keep their last position, so they sort in where they used to be.
  const withObsolete = db.prepare<[string], UnitRow>(
    'SELECT * FROM units WHERE article_id = ? ORDER BY position, obsolete',
  )
  const units = db.transaction((articleId: string, includeObsolete: boolean): StoredUnit[] => {
    const article = one.get(articleId)
    if (!article) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
    if (article.archived) throw new Archived(articleId, 'read')
    return (includeObsolete ? withObsolete : live).all(articleId).map((r) => toUnit(r, article))
  })
  return {
    get: (id) => {
      const row = one.get(id)
      return row && !row.archived ? toArticle(row) : undefined
    },
    list: () => all.all().map(toArticleSummary),
    units: (articleId, includeObsolete) => units(articleId, includeObsolete),
  }
}
