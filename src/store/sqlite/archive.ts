import type Database from 'better-sqlite3'
import { Archived, NotFound, TolkError } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import type { ArticleSummary } from '../../model/translation.js'
import type { ArchivedArticle } from '../types.js'
import { type ArticleRow, toArticleSummary } from './rows.js'

/**
 * SQL that holds for an `articles` row (under `alias`) that is not archived (schema 15): one
 * primary-key probe in a table of the archived only.
 */
export const notArchived = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = ${alias}.id)`

/** The archive functions of the SQLite store, over one connection. */
export interface ArchiveOps {
  archive(id: string, by: string): ArchivedArticle
  restore(id: string, by: string): ArticleSummary
  get(id: string): ArchivedArticle | undefined
  list(): ArchivedArticle[]
  /** Whether the id is archived (a cheap probe for the paths that refuse it). */
  isArchived(id: string): boolean
}

type ArchivedRow = Omit<ArticleRow, 'source' | 'lead'> & { archived_at: string; archived_by: string; is_set: 0 | 1 }

const COLUMNS = `a.id, a.tag, a.lang, a.title, a.revision, a.targets, a.live_units, a.live_words,
  a.created_at, a.updated_at, x.archived_at, x.archived_by,
  EXISTS (SELECT 1 FROM resource_sets s WHERE s.article_id = a.id) AS is_set`

/**
 * Build archive and restore. Both are one IMMEDIATE transaction that writes an `archived_articles`
 * row (or deletes it) and appends to `archive_log`; nothing else changes, so the coverage
 * counters, kept per article, are exactly what they were when the article comes back.
 */
export function createArchiveOps(db: Database.Database, now: () => string): ArchiveOps {
  const exists = db.prepare<[string], string>('SELECT id FROM articles WHERE id = ?').pluck()
  const probe = db.prepare<[string], number>('SELECT 1 FROM archived_articles WHERE article_id = ?').pluck()
  const one = db.prepare<[string], ArchivedRow>(
    `SELECT ${COLUMNS} FROM archived_articles x JOIN articles a ON a.id = x.article_id WHERE x.article_id = ?`,
  )
  const all = db.prepare<[], ArchivedRow>(
    `SELECT ${COLUMNS} FROM archived_articles x JOIN articles a ON a.id = x.article_id ORDER BY x.article_id`,
  )
  const live = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?')
  const insert = db.prepare('INSERT INTO archived_articles (article_id, archived_at, archived_by) VALUES (?, ?, ?)')
  const remove = db.prepare('DELETE FROM archived_articles WHERE article_id = ?')
  const log = db.prepare("INSERT INTO archive_log (article_id, action, author, at) VALUES (?, ?, ?, ?)")

  const archive = db.transaction((id: string, by: string): ArchivedArticle => {
    if (exists.get(id) === undefined) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (probe.get(id) !== undefined) throw new Archived(id, 'write')
    const at = now()
    insert.run(id, at, by)
    log.run(id, 'archive', by, at)
    return toArchived(one.get(id)!)
  })
  const restore = db.transaction((id: string, by: string): ArticleSummary => {
    if (exists.get(id) === undefined) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (probe.get(id) === undefined) {
      throw new TolkError('not-archived', `${printable(id)} is not archived: there is nothing to restore`, 409)
    }
    remove.run(id)
    log.run(id, 'restore', by, now())
    return toArticleSummary(live.get(id)!)
  })

  return {
    archive: (id, by) => archive.immediate(id, by),
    restore: (id, by) => restore.immediate(id, by),
    get: (id) => {
      const row = one.get(id)
      return row && toArchived(row)
    },
    list: () => all.all().map(toArchived),
    isArchived: (id) => probe.get(id) !== undefined,
  }
}

function toArchived(r: ArchivedRow): ArchivedArticle {
  return {
    ...toArticleSummary(r),
    kind: r.is_set ? 'resource-set' : 'article',
    archivedAt: r.archived_at,
    archivedBy: r.archived_by,
  }
}
