import type { Database } from 'better-sqlite3'
import type { State } from '../../model/translation.js'
import type { TranslationEvent } from '../types.js'
import { originOf } from './rows.js'

interface EventRow {
  seq: number
  unit_id: string
  lang: string
  new_text: string
  new_state: State
  version: number
  author: string
  memory_score: number | null
  mt_engine: string | null
  origin_edited: number
  aligned_confidence: number | null
  reason: string | null
  stale: number | null
}

/**
 * The history read as events (schema 18's index): every write of a translation, from any process
 * on this database, in `seq` order. Stale is today's flag of that translation: the entry itself
 * does not record it.
 */
export function createEventOps(db: Database) {
  const after = db.prepare<[string, string, number, number], EventRow>(
    `SELECT h.seq, h.unit_id, h.lang, h.new_text, h.new_state, h.version, h.author, h.memory_score,
            h.mt_engine, h.origin_edited, h.aligned_confidence, h.reason, t.stale
       FROM history h
       LEFT JOIN translations t
         ON t.article_id = h.article_id AND t.unit_id = h.unit_id AND t.lang = h.lang
      WHERE h.article_id = ? AND h.lang = ? AND h.seq > ?
      ORDER BY h.seq
      LIMIT ?`,
  )
  const last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM history')
  return {
    translationEvents(articleId: string, lang: string, from: number, limit: number): TranslationEvent[] {
      return after.all(articleId, lang, from, limit).map((r) => ({
        id: r.seq,
        unit: r.unit_id,
        lang: r.lang,
        text: r.new_text,
        state: r.new_state,
        stale: r.stale === 1,
        version: r.version,
        author: r.author,
        // Every kind of origin, as history gives it (schemas 11, 19 and 28).
        origin: originOf(r),
        ...(r.reason === null ? {} : { reason: r.reason }),
      }))
    },
    lastEventId(): number {
      return last.get()?.seq ?? 0
    },
  }
}

interface PresenceRow {
  article_id: string
  lang: string
  account: string
  unit_id: string
  typing: number
  seen_at: string
  seq: number
}

/** Presence reports (schema 18): one row per person and document, `seq` growing database-wide. */
export function createPresenceOps(db: Database, now: () => string) {
  const report = db.prepare(
    `INSERT INTO presence (article_id, lang, account, unit_id, typing, seen_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM presence))
     ON CONFLICT (article_id, lang, account) DO UPDATE SET
       unit_id = excluded.unit_id, typing = excluded.typing, seen_at = excluded.seen_at,
       seq = excluded.seq`,
  )
  const after = db.prepare<[string, string, number], PresenceRow>(
    'SELECT * FROM presence WHERE article_id = ? AND lang = ? AND seq > ? ORDER BY seq',
  )
  const last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM presence')
  return {
    report(p: { articleId: string; lang: string; user: string; unit: string; typing: boolean }, at?: Date) {
      report.run(p.articleId, p.lang, p.user, p.unit, p.typing ? 1 : 0, at ? at.toISOString() : now())
    },
    after(articleId: string, lang: string, from: number) {
      return after.all(articleId, lang, from).map((r) => ({
        articleId: r.article_id,
        lang: r.lang,
        user: r.account,
        unit: r.unit_id,
        typing: r.typing === 1,
        at: r.seen_at,
        seq: r.seq,
      }))
    },
    last: () => last.get()?.seq ?? 0,
  }
}
