import type Database from 'better-sqlite3'
import { NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { Article, StoredUnit } from '../../model/translation.js'
import { type ArticleRow, type UnitRow, toArticle, toUnit } from './rows.js'

/** The article and unit reads of the SQLite store, over one connection. */
export interface ArticleOps {
  get(id: string): Article | undefined
  list(): Article[]
  units(articleId: string, includeObsolete: boolean): StoredUnit[]
}

/** Build article and unit reads. */
export function createArticleOps(db: Database.Database): ArticleOps {
  const one = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
  const all = db.prepare<[], ArticleRow>('SELECT * FROM articles ORDER BY id')
  const live = db.prepare<[string], UnitRow>(
    'SELECT * FROM units WHERE article_id = ? AND obsolete = 0 ORDER BY position',
  )
  // Obsolete units keep their last position, so they sort in where they used to be.
  const withObsolete = db.prepare<[string], UnitRow>(
    'SELECT * FROM units WHERE article_id = ? ORDER BY position, obsolete',
  )
  const units = db.transaction((articleId: string, includeObsolete: boolean): StoredUnit[] => {
    const article = one.get(articleId)
    if (!article) throw new NotFound(`no article ${printable(articleId)}`)
    return (includeObsolete ? withObsolete : live).all(articleId).map((r) => toUnit(r, article))
  })
  return {
    get: (id) => {
      const row = one.get(id)
      return row && toArticle(row)
    },
    list: () => all.all().map(toArticle),
    units: (articleId, includeObsolete) => units(articleId, includeObsolete),
  }
}
