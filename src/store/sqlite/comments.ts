import type Database from 'better-sqlite3'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import {
  checkCommentInput, checkCommentText, commentConflict, commentDeleted, lookupId, mentionsOf, notAQuery, unknownComment,
} from '../../team/comment-rules.js'
import type { Comment, CommentChange, CommentKind, CommentStore, CommentThread } from '../../team/comment-types.js'
import { threadsOf } from '../../team/threads.js'
import { addNotificationsSqlite } from './notifications.js'

export interface CommentRow {
  id: number; article_id: string; unit_id: string; lang: string | null; kind: CommentKind; parent_id: number | null
  author: string; text: string; mentions: string; created_at: string; updated_at: string; version: number; edited: number | boolean
  deleted_by: string | null; deleted_at: string | null; answered_at: string | null; resolved_by: string | null; resolved_at: string | null
}

/** A stored row as callers see it (a deleted comment's text is blank; its history keeps it). */
export function toComment(r: CommentRow): Comment {
  const c: Comment = {
    id: r.id, article: r.article_id, unit: r.unit_id, kind: r.kind, author: r.author,
    text: r.deleted_at !== null ? '' : r.text, mentions: r.deleted_at !== null ? [] : (JSON.parse(r.mentions) as string[]),
    createdAt: r.created_at, updatedAt: r.updated_at, version: r.version, edited: r.edited === 1 || r.edited === true,
  }
  if (r.lang !== null) c.lang = r.lang
  if (r.parent_id !== null) c.parent = r.parent_id
  if (r.deleted_by !== null && r.deleted_at !== null) c.deleted = { by: r.deleted_by, at: r.deleted_at }
  if (r.answered_at !== null) c.answeredAt = r.answered_at
  if (r.resolved_by !== null && r.resolved_at !== null) c.resolved = { by: r.resolved_by, at: r.resolved_at }
  return c
}

/** Comments and queries on SQLite (schema 24). */
export function createSqliteComments(db: Database.Database, now: () => string): CommentStore {
  const articleOf = db.prepare<[string], { archived: number }>(
    'SELECT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = a.id) AS archived FROM articles a WHERE a.id = ?',
  )
  const unitExists = db.prepare<[string, string], number>('SELECT 1 FROM units WHERE article_id = ? AND id = ?').pluck()
  const insert = db.prepare<[string, string, string | null, string, number | null, string, string, string, string, string], CommentRow>(`
    INSERT INTO comments (article_id, unit_id, lang, kind, parent_id, author, text, mentions, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`)
  const byId = db.prepare<[number], CommentRow>('SELECT * FROM comments WHERE id = ?')
  const log = db.prepare<[number, number, string, string, string, string]>(
    'INSERT INTO comment_history (comment_id, version, action, text, by, at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const historyOf = db.prepare<[number], CommentChange>(
    'SELECT version, action, text, by, at FROM comment_history WHERE comment_id = ? ORDER BY version',
  )
  const event = db.prepare<[string, string, string | null, number]>(
    'INSERT INTO comment_events (article_id, unit_id, lang, comment_id) VALUES (?, ?, ?, ?)',
  )
  const setText = db.prepare<[string, string, string, number], CommentRow>(
    'UPDATE comments SET text = ?, mentions = ?, updated_at = ?, version = version + 1, edited = 1 WHERE id = ? RETURNING *',
  )
  const setResolved = db.prepare<[string, string, string, number], CommentRow>(
    'UPDATE comments SET resolved_by = ?, resolved_at = ?, updated_at = ?, version = version + 1 WHERE id = ? RETURNING *',
  )
  const setDeleted = db.prepare<[string, string, string, number], CommentRow>(
    'UPDATE comments SET deleted_by = ?, deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? RETURNING *',
  )
  const setAnswered = db.prepare<[string, number]>('UPDATE comments SET answered_at = ? WHERE id = ? AND answered_at IS NULL')
  // The asker and whoever translated the unit (in the query's language; any, for the source).
  const notifyAnswered = db.prepare<{ article: string; unit: string; lang: string | null; asker: string; by: string; comment: number; at: string }>(`
    INSERT INTO notifications (account, kind, article_id, lang, unit_id, from_account, comment_id, at)
    SELECT who, 'answered', :article, :lang, :unit, :by, :comment, :at FROM (
      SELECT :asker AS who
      UNION SELECT t.author FROM translations t
        WHERE t.article_id = :article AND t.unit_id = :unit AND (:lang IS NULL OR t.lang = :lang)
    ) WHERE who <> :by AND who IN (SELECT name FROM accounts WHERE disabled_at IS NULL)
    ORDER BY who`)
  const ofArticle = db.prepare<[{ article: string; unit: string | null; lang: string | null }], CommentRow>(`
    SELECT c.* FROM comments c JOIN units u ON u.article_id = c.article_id AND u.id = c.unit_id
    WHERE c.article_id = @article AND (@unit IS NULL OR c.unit_id = @unit) AND (@lang IS NULL OR c.lang IS NULL OR c.lang = @lang)
    ORDER BY u.position, c.id`)
  const countsOf = db.prepare<[string, string], { unit_id: string; n: number }>(`
    SELECT unit_id, count(*) AS n FROM comments
    WHERE article_id = ? AND (lang IS NULL OR lang = ?) AND deleted_at IS NULL GROUP BY unit_id`)
  const openOf = db.prepare<[string], { lang: string; n: number }>(`
    SELECT coalesce(lang, '') AS lang, count(*) AS n FROM comments
    WHERE article_id = ? AND kind = 'query' AND parent_id IS NULL AND resolved_at IS NULL AND deleted_at IS NULL
    GROUP BY coalesce(lang, '') ORDER BY 1`)
  const openMany = db.prepare<[string], { article: string; lang: string; open: number }>(`
    SELECT c.article_id AS article, coalesce(c.lang, '') AS lang, count(*) AS open FROM comments c
    WHERE c.article_id IN (SELECT value FROM json_each(?)) AND c.kind = 'query' AND c.parent_id IS NULL
      AND c.resolved_at IS NULL AND c.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = c.article_id)
    GROUP BY c.article_id, coalesce(c.lang, '') ORDER BY 1, 2`)
  const openUnits = db.prepare<[string, string], string>(`
    SELECT DISTINCT c.unit_id FROM comments c JOIN units u ON u.article_id = c.article_id AND u.id = c.unit_id
    WHERE c.article_id = ? AND (c.lang IS NULL OR c.lang = ?) AND c.kind = 'query' AND c.parent_id IS NULL
      AND c.resolved_at IS NULL AND c.deleted_at IS NULL ORDER BY u.position`).pluck()
  const lastEvent = db.prepare<[], number>("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'comment_events'), 0)").pluck()
  const eventsOf = db.prepare<[string, string, number, number], { id: number; article_id: string; unit_id: string; lang: string | null; comment_id: number }>(`
    SELECT * FROM comment_events WHERE article_id = ? AND (lang IS NULL OR lang = ?) AND id > ? ORDER BY id LIMIT ?`)

  /** The article must exist; a write also needs it live. */
  const article = (id: string, on: 'read' | 'write'): void => {
    const a = articleOf.get(id)
    if (!a) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (on === 'write' && a.archived === 1) throw new Archived(id, 'write')
  }
  /** A comment to change: known, of a live article, not deleted, at the version asked. */
  const changeable = (id: number, ifVersion: number | undefined): CommentRow => {
    const row = byId.get(lookupId(id))
    if (!row) throw unknownComment(id)
    article(row.article_id, 'write')
    if (row.deleted_at !== null) throw commentDeleted(toComment(row))
    if (ifVersion !== undefined && row.version !== ifVersion) throw commentConflict(row.version, ifVersion)
    return row
  }
  const touched = (row: CommentRow, action: CommentChange['action'], by: string, at: string): Comment => {
    log.run(row.id, row.version, action, row.text, by, at)
    event.run(row.article_id, row.unit_id, row.lang, row.id)
    return toComment(row)
  }
  const mention = (row: CommentRow, names: string[], at: string) =>
    addNotificationsSqlite(db, names.map((account) => ({
      account, kind: 'mention' as const, article: row.article_id, lang: row.lang, unit: row.unit_id, from: row.author, comment: row.id,
    })), at)

  const addTx = db.transaction((a: string, u: string, lang: string | null, kind: CommentKind, parent: number | null, by: string, text: string) => {
    article(a, 'write')
    if (unitExists.get(a, u) === undefined) throw new NotFound(`no unit ${printable(u)} in ${printable(a)}`, 'unknown-unit')
    const at = now()
    const mentions = mentionsOf(text)
    const row = insert.get(a, u, lang, kind, parent, by, text, JSON.stringify(mentions), at, at)!
    mention(row, mentions, at)
    return touched(row, 'added', by, at)
  })

  return {
    async add(input) {
      const c = checkCommentInput(input)
      return addTx.immediate(c.article, c.unit, c.lang ?? null, c.kind, null, c.by, c.text)
    },
    async reply(parentId, { text, by }) {
      const checked = checkCommentText(text)
      return db.transaction(() => {
        let root = byId.get(lookupId(parentId))
        if (!root) throw unknownComment(parentId)
        if (root.parent_id !== null) root = byId.get(root.parent_id)!
        if (root.deleted_at !== null) throw commentDeleted(toComment(root))
        const reply = addTx(root.article_id, root.unit_id, root.lang, 'comment', root.id, by, checked)
        if (root.kind === 'query' && root.author !== by && root.answered_at === null) {
          setAnswered.run(reply.createdAt, root.id)
          notifyAnswered.run({ article: root.article_id, unit: root.unit_id, lang: root.lang, asker: root.author, by, comment: root.id, at: reply.createdAt })
          event.run(root.article_id, root.unit_id, root.lang, root.id)
        }
        return reply
      }).immediate()
    },
    async get(id) {
      const row = byId.get(lookupId(id))
      return row ? { ...toComment(row), history: historyOf.all(row.id) } : undefined
    },
    async edit(id, text, { by, ifVersion }) {
      const checked = checkCommentText(text)
      return db.transaction(() => {
        const old = changeable(id, ifVersion)
        const at = now()
        const mentions = mentionsOf(checked)
        const row = setText.get(checked, JSON.stringify(mentions), at, old.id)!
        const before = new Set(JSON.parse(old.mentions) as string[])
        mention({ ...row, author: by }, mentions.filter((m) => !before.has(m)), at)
        return touched(row, 'edited', by, at)
      }).immediate()
    },
    async resolve(id, { by, ifVersion }) {
      return db.transaction(() => {
        const old = changeable(id, ifVersion)
        if (old.kind !== 'query' || old.parent_id !== null) throw notAQuery(old.id)
        if (old.resolved_at !== null) return toComment(old)
        const at = now()
        return touched(setResolved.get(by, at, at, old.id)!, 'resolved', by, at)
      }).immediate()
    },
    async remove(id, { by, ifVersion }) {
      return db.transaction(() => {
        const found = byId.get(lookupId(id))
        if (found?.deleted_at != null) return toComment(found)
        const old = changeable(id, ifVersion)
        const at = now()
        return touched(setDeleted.get(by, at, at, old.id)!, 'deleted', by, at)
      }).immediate()
    },
    async threads(articleId, query = {}) {
      article(articleId, 'read')
      const rows = ofArticle.all({ article: articleId, unit: query.unit ?? null, lang: query.lang ?? null })
      return threadsOf(rows.map(toComment), query.open ?? false)
    },
    async counts(articleId, lang) {
      return Object.fromEntries(countsOf.all(articleId, lang).map((r) => [r.unit_id, r.n]))
    },
    async openQueries(articleId) {
      return Object.fromEntries(openOf.all(articleId).map((r) => [r.lang, r.n]))
    },
    async openQueriesOf(articles) {
      return articles.length === 0 ? [] : openMany.all(JSON.stringify(articles))
    },
    async unitsWithOpenQuery(articleId, lang) {
      return openUnits.all(articleId, lang)
    },
    async lastEventId() {
      return lastEvent.get() ?? 0
    },
    async eventsAfter(articleId, lang, after, limit) {
      return eventsOf.all(articleId, lang, after, limit).map((e) => ({
        id: e.id, article: e.article_id, unit: e.unit_id, comment: e.comment_id, ...(e.lang !== null ? { lang: e.lang } : {}),
      }))
    },
  }
}
