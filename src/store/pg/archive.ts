import type pg from 'pg'
import { Archived, NotFound, TolkError } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { ArticleSummary } from '../../model/translation.js'
import type { ArchivedArticle } from '../types.js'
import { row, rows, transaction } from './db.js'
import { type PgArticleSummaryRow, SUMMARY_COLUMNS, toArticleSummary } from './rows.js'

type ArchivedRow = PgArticleSummaryRow & { archived_at: string; archived_by: string; is_set: boolean }

const ARCHIVED = `SELECT ${SUMMARY_COLUMNS}, x.archived_at, x.archived_by,
  EXISTS (SELECT 1 FROM resource_sets s WHERE s.article_id = a.id) AS is_set
  FROM archived_articles x JOIN articles a ON a.id = x.article_id`

function toArchived(r: ArchivedRow): ArchivedArticle {
  return { ...toArticleSummary(r), kind: r.is_set ? 'resource-set' : 'article', archivedAt: r.archived_at, archivedBy: r.archived_by }
}

/**
 * Archive and restore, as on SQLite (src/store/sqlite/archive.ts): one transaction that writes an
 * `archived_articles` row (or deletes it) and appends to `archive_log`, the article row locked
 * so that two servers archiving or restoring it at once take turns.
 */
export function createPgArchiveOps(pool: pg.Pool, now: () => string) {
  return {
    archive: (id: string, by: string): Promise<ArchivedArticle> =>
      transaction(pool, async (db) => {
        if (!(await row(db, 'SELECT 1 FROM articles WHERE id = $1 FOR UPDATE', [id]))) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
        if (await row(db, 'SELECT 1 FROM archived_articles WHERE article_id = $1', [id])) throw new Archived(id, 'write')
        const at = now()
        await db.query('INSERT INTO archived_articles (article_id, archived_at, archived_by) VALUES ($1, $2, $3)', [id, at, by])
        await db.query(`INSERT INTO archive_log (article_id, action, author, at) VALUES ($1, 'archive', $2, $3)`, [id, by, at])
        return toArchived((await row<ArchivedRow>(db, `${ARCHIVED} WHERE x.article_id = $1`, [id]))!)
      }),
    restore: (id: string, by: string): Promise<ArticleSummary> =>
      transaction(pool, async (db) => {
        const a = await row<PgArticleSummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id = $1 FOR UPDATE`, [id])
        if (!a) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
        const removed = await db.query('DELETE FROM archived_articles WHERE article_id = $1', [id])
        if (removed.rowCount === 0) throw new TolkError('not-archived', `${printable(id)} is not archived: there is nothing to restore`, 409)
        await db.query(`INSERT INTO archive_log (article_id, action, author, at) VALUES ($1, 'restore', $2, $3)`, [id, by, now()])
        return toArticleSummary(a)
      }),
    async get(id: string): Promise<ArchivedArticle | undefined> {
      const r = await row<ArchivedRow>(pool, `${ARCHIVED} WHERE x.article_id = $1`, [id])
      return r && toArchived(r)
    },
    list: async (): Promise<ArchivedArticle[]> => (await rows<ArchivedRow>(pool, `${ARCHIVED} ORDER BY x.article_id`)).map(toArchived),
  }
}
