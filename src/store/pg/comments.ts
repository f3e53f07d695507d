import type pg from 'pg'
import { Archived, NotFound } from '../../model/errors.js'
import { printable } from '../../model/tags.js'
import {
  checkCommentInput, checkCommentText, commentConflict, commentDeleted, lookupId, mentionsOf, notAQuery, unknownComment,
} from '../../team/comment-rules.js'
import type { Comment, CommentChange, CommentKind, CommentStore } from '../../team/comment-types.js'
import { threadsOf } from '../../team/threads.js'
import { toComment, type CommentRow } from '../sqlite/comments.js'
import { notArchived, row, rows, transaction, type Db } from './db.js'
import { addNotificationsPg } from './notifications.js'

type PgCommentRow = Omit<CommentRow, 'mentions'> & { mentions: string[] }
const fromPg = (r: PgCommentRow): Comment => toComment({ ...r, mentions: JSON.stringify(r.mentions) })

/** Comments and queries on PostgreSQL (schema 7), as on SQLite (src/store/sqlite/comments.ts). */
export function createPgComments(pool: pg.Pool, now: () => string): CommentStore {
  const article = async (db: Db, id: string, on: 'read' | 'write'): Promise<void> => {
    const a = await row<{ live: boolean }>(db, `SELECT ${notArchived('a')} AS live FROM articles a WHERE a.id = $1`, [id])
    if (!a) throw new NotFound(`no article ${printable(id)}`, 'unknown-article')
    if (on === 'write' && !a.live) throw new Archived(id, 'write')
  }
  const byId = (db: Db, id: number, lock = false) =>
    row<PgCommentRow>(db, `SELECT * FROM comments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [lookupId(id)])
  const touched = async (db: Db, r: PgCommentRow, action: CommentChange['action'], by: string, at: string): Promise<Comment> => {
    await db.query('INSERT INTO comment_history (comment_id, version, action, text, by, at) VALUES ($1, $2, $3, $4, $5, $6)', [r.id, r.version, action, r.text, by, at])
    await db.query('INSERT INTO comment_events (article_id, unit_id, lang, comment_id) VALUES ($1, $2, $3, $4)', [r.article_id, r.unit_id, r.lang, r.id])
    return fromPg(r)
  }
  const mention = (db: Db, r: PgCommentRow, from: string, names: string[], at: string) =>
    addNotificationsPg(db, names.map((account) => ({
      account, kind: 'mention' as const, article: r.article_id, lang: r.lang, unit: r.unit_id, from, comment: r.id,
    })), at)
  const insert = async (db: Db, a: string, u: string, lang: string | null, kind: CommentKind, parent: number | null, by: string, text: string) => {
    await article(db, a, 'write')
    if (!(await row(db, 'SELECT 1 FROM units WHERE article_id = $1 AND id = $2', [a, u]))) {
      throw new NotFound(`no unit ${printable(u)} in ${printable(a)}`, 'unknown-unit')
    }
    const at = now()
    const mentions = mentionsOf(text)
    const r = (await row<PgCommentRow>(db,
      `INSERT INTO comments (article_id, unit_id, lang, kind, parent_id, author, text, mentions, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $9) RETURNING *`,
      [a, u, lang, kind, parent, by, text, JSON.stringify(mentions), at]))!
    await mention(db, r, by, mentions, at)
    return touched(db, r, 'added', by, at)
  }
  const changeable = async (db: Db, id: number, ifVersion: number | undefined): Promise<PgCommentRow> => {
    const r = await byId(db, id, true)
    if (!r) throw unknownComment(id)
    await article(db, r.article_id, 'write')
    if (r.deleted_at !== null) throw commentDeleted(fromPg(r))
    if (ifVersion !== undefined && r.version !== ifVersion) throw commentConflict(r.version, ifVersion)
    return r
  }
  const update = async (db: Db, sql: string, params: unknown[]) => (await row<PgCommentRow>(db, sql, params))!

  return {
    async add(input) {
      const c = checkCommentInput(input)
      return transaction(pool, (db) => insert(db, c.article, c.unit, c.lang ?? null, c.kind, null, c.by, c.text))
    },
    async reply(parentId, { text, by }) {
      const checked = checkCommentText(text)
      return transaction(pool, async (db) => {
        let root = await byId(db, parentId)
        if (!root) throw unknownComment(parentId)
        if (root.parent_id !== null) root = (await byId(db, root.parent_id))!
        // Locked: two first answers at once notify once.
        root = (await byId(db, root.id, true))!
        if (root.deleted_at !== null) throw commentDeleted(fromPg(root))
        const reply = await insert(db, root.article_id, root.unit_id, root.lang, 'comment', root.id, by, checked)
        if (root.kind === 'query' && root.author !== by && root.answered_at === null) {
          await db.query('UPDATE comments SET answered_at = $1 WHERE id = $2', [reply.createdAt, root.id])
          await db.query(
            `INSERT INTO notifications (account, kind, article_id, lang, unit_id, from_account, comment_id, at)
             SELECT who, 'answered', $1, $3, $2, $5, $6, $7 FROM (
               SELECT $4::text AS who
               UNION SELECT t.author FROM translations t WHERE t.article_id = $1 AND t.unit_id = $2 AND ($3::text IS NULL OR t.lang = $3)
             ) w WHERE who <> $5 AND who IN (SELECT name FROM accounts WHERE disabled_at IS NULL)
             ORDER BY who`,
            [root.article_id, root.unit_id, root.lang, root.author, by, root.id, reply.createdAt],
          )
          await db.query('INSERT INTO comment_events (article_id, unit_id, lang, comment_id) VALUES ($1, $2, $3, $4)', [root.article_id, root.unit_id, root.lang, root.id])
        }
        return reply
      })
    },
    async get(id) {
      const r = await byId(pool, id)
      if (!r) return undefined
      const history = await rows<CommentChange>(pool, 'SELECT version, action, text, by, at FROM comment_history WHERE comment_id = $1 ORDER BY version', [r.id])
      return { ...fromPg(r), history }
    },
    async edit(id, text, { by, ifVersion }) {
      const checked = checkCommentText(text)
      return transaction(pool, async (db) => {
        const old = await changeable(db, id, ifVersion)
        const at = now()
        const mentions = mentionsOf(checked)
        const r = await update(db, 'UPDATE comments SET text = $1, mentions = $2::jsonb, updated_at = $3, version = version + 1, edited = true WHERE id = $4 RETURNING *',
          [checked, JSON.stringify(mentions), at, old.id])
        await mention(db, r, by, mentions.filter((m) => !old.mentions.includes(m)), at)
        return touched(db, r, 'edited', by, at)
      })
    },
    async resolve(id, { by, ifVersion }) {
      return transaction(pool, async (db) => {
        const old = await changeable(db, id, ifVersion)
        if (old.kind !== 'query' || old.parent_id !== null) throw notAQuery(old.id)
        if (old.resolved_at !== null) return fromPg(old)
        const at = now()
        const r = await update(db, 'UPDATE comments SET resolved_by = $1, resolved_at = $2, updated_at = $2, version = version + 1 WHERE id = $3 RETURNING *', [by, at, old.id])
        return touched(db, r, 'resolved', by, at)
      })
    },
    async remove(id, { by, ifVersion }) {
      return transaction(pool, async (db) => {
        const found = await byId(db, id, true)
        if (found && found.deleted_at !== null) return fromPg(found)
        const old = await changeable(db, id, ifVersion)
        const at = now()
        const r = await update(db, 'UPDATE comments SET deleted_by = $1, deleted_at = $2, updated_at = $2, version = version + 1 WHERE id = $3 RETURNING *', [by, at, old.id])
        return touched(db, r, 'deleted', by, at)
      })
    },
    async threads(articleId, query = {}) {
      await article(pool, articleId, 'read')
      const found = await rows<PgCommentRow>(pool,
        `SELECT c.* FROM comments c JOIN units u ON u.article_id = c.article_id AND u.id = c.unit_id
         WHERE c.article_id = $1 AND ($2::text IS NULL OR c.unit_id = $2) AND ($3::text IS NULL OR c.lang IS NULL OR c.lang = $3)
         ORDER BY u.position, c.id`, [articleId, query.unit ?? null, query.lang ?? null])
      return threadsOf(found.map(fromPg), query.open ?? false)
    },
    async counts(articleId, lang) {
      const found = await rows<{ unit_id: string; n: number }>(pool,
        `SELECT unit_id, count(*)::int AS n FROM comments WHERE article_id = $1 AND (lang IS NULL OR lang = $2) AND deleted_at IS NULL GROUP BY unit_id`,
        [articleId, lang])
      return Object.fromEntries(found.map((r) => [r.unit_id, r.n]))
    },
    async openQueries(articleId) {
      const found = await rows<{ lang: string; n: number }>(pool,
        `SELECT coalesce(lang, '') AS lang, count(*)::int AS n FROM comments
         WHERE article_id = $1 AND kind = 'query' AND parent_id IS NULL AND resolved_at IS NULL AND deleted_at IS NULL
         GROUP BY 1 ORDER BY 1`, [articleId])
      return Object.fromEntries(found.map((r) => [r.lang, r.n]))
    },
    async openQueriesOf(articles) {
      if (articles.length === 0) return []
      return rows<{ article: string; lang: string; open: number }>(pool,
        `SELECT c.article_id AS article, coalesce(c.lang, '') AS lang, count(*)::int AS open FROM comments c
         WHERE c.article_id = ANY($1::text[]) AND c.kind = 'query' AND c.parent_id IS NULL
           AND c.resolved_at IS NULL AND c.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM archived_articles x WHERE x.article_id = c.article_id)
         GROUP BY 1, 2 ORDER BY 1, 2`, [articles])
    },
    async unitsWithOpenQuery(articleId, lang) {
      const found = await rows<{ unit_id: string }>(pool,
        `SELECT c.unit_id FROM comments c JOIN units u ON u.article_id = c.article_id AND u.id = c.unit_id
         WHERE c.article_id = $1 AND (c.lang IS NULL OR c.lang = $2) AND c.kind = 'query' AND c.parent_id IS NULL
           AND c.resolved_at IS NULL AND c.deleted_at IS NULL
         GROUP BY c.unit_id, u.position ORDER BY u.position`, [articleId, lang])
      return found.map((r) => r.unit_id)
    },
    async lastEventId() {
      return (await row<{ n: number }>(pool, 'SELECT coalesce(max(id), 0)::bigint AS n FROM comment_events'))?.n ?? 0
    },
    async eventsAfter(articleId, lang, after, limit) {
      const found = await rows<{ id: number; article_id: string; unit_id: string; lang: string | null; comment_id: number }>(pool,
        'SELECT * FROM comment_events WHERE article_id = $1 AND (lang IS NULL OR lang = $2) AND id > $3 ORDER BY id LIMIT $4',
        [articleId, lang, after, limit])
      return found.map((e) => ({ id: e.id, article: e.article_id, unit: e.unit_id, comment: e.comment_id, ...(e.lang !== null ? { lang: e.lang } : {}) }))
    },
  }
}
