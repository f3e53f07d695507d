import type { Database } from 'better-sqlite3'
import type { State } from '../../model/translation.js'
import type { TranslationEvent } from '../types.js'

interface EventRow {
  seq: number
  unit_id: string
  lang: string
  new_text: string
  new_state: State
  version: number
  author: string
  memory_score: number | null
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
            t.stale
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
        origin: r.memory_score === null ? null : { kind: 'memory', score: r.memory_score },
      }))
    },
    lastEventId(): number {
      return last.get()?.seq ?? 0
    },
  }
}
