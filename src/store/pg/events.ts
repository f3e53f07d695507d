import type pg from 'pg'
import type { State } from '../../model/translation.js'
import type { Presence, TranslationEvent } from '../types.js'
import { originOf } from '../sqlite/rows.js'
import { row, rows } from './db.js'

/** The advisory locks of the event sequencer and of presence reports ("tolk" + 1, + 2), each with the schema's hash. */
export const EVENT_LOCK = 0x746f6c6b + 1
export const PRESENCE_LOCK = 0x746f6c6b + 2

/**
 * Give every history entry committed since the last run an event id, in one run per database at a
 * time. Why not the history's `seq`: sequence values are taken in one order and committed in
 * another, so a stream that has sent seq 7 could later meet seq 6, committed after it, and never
 * send it. An event id is handed out when the entry is seen committed, by a run that holds an
 * advisory lock to its commit, so ids become visible in the order they grow: an entry committed
 * late gets a later id, never one below what a stream has sent, and a reader that sees an id sees
 * every id below it.
 *
 * Which entries a run looks at: those of transactions from `done` on (each history row records its
 * transaction, `xact`), less those that have an id. Every transaction older than `done` had ended
 * when `done` was set (it is the oldest transaction then running, pg_snapshot_xmin), so all of
 * their entries have ids; a transaction running now, however old, is at `done` or after.
 *
 * The cost lands on the readers (the editor's live streams, polling), never on a write, whose
 * only part in this is the `xact` column's default.
 */
export async function sequenceEvents(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // One run at a time per schema; a statement of its own, so that the run's snapshot, taken
    // after the lock, sees what the run before it wrote.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [EVENT_LOCK])
    await client.query(`
      WITH s AS (SELECT done FROM event_sequencer),
      x AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
      fresh AS (
        SELECT h.seq, h.article_id, h.lang, row_number() OVER (ORDER BY h.seq) AS k
        FROM history h, s WHERE h.xact >= s.done AND NOT EXISTS (SELECT 1 FROM events e WHERE e.seq = h.seq)
      ),
      base AS (SELECT coalesce(max(id), 0) AS id FROM events),
      ins AS (
        INSERT INTO events (id, seq, article_id, lang)
        SELECT base.id + fresh.k, fresh.seq, fresh.article_id, fresh.lang FROM fresh, base
      )
      -- Moved only with new ids: a poll that finds nothing writes nothing (and commits no WAL).
      UPDATE event_sequencer SET done = x.xmin FROM x WHERE event_sequencer.done < x.xmin AND EXISTS (SELECT 1 FROM fresh)`)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

interface EventRow {
  id: number
  unit_id: string
  lang: string
  new_text: string
  new_state: State
  version: number
  author: string
  memory_score: number | null
  mt_engine: string | null
  origin_edited: boolean
  aligned_confidence: number | null
  reason: string | null
  stale: boolean | null
}

/** The history read as events in commit order (see sequenceEvents), shared by every server. */
export function createPgEventOps(pool: pg.Pool) {
  return {
    async translationEvents(articleId: string, lang: string, after: number, limit: number): Promise<TranslationEvent[]> {
      await sequenceEvents(pool)
      const found = await rows<EventRow>(
        pool,
        `SELECT e.id, h.unit_id, h.lang, h.new_text, h.new_state, h.version, h.author, h.memory_score,
           h.mt_engine, h.origin_edited, h.aligned_confidence, h.reason, t.stale
         FROM events e JOIN history h ON h.seq = e.seq
         LEFT JOIN translations t ON t.article_id = h.article_id AND t.unit_id = h.unit_id AND t.lang = h.lang
         WHERE e.article_id = $1 AND e.lang = $2 AND e.id > $3
         ORDER BY e.id LIMIT $4`,
        [articleId, lang, after, limit],
      )
      return found.map((r) => ({
        id: r.id,
        unit: r.unit_id,
        lang: r.lang,
        text: r.new_text,
        state: r.new_state,
        stale: r.stale === true,
        version: r.version,
        author: r.author,
        // Every kind of origin, as history gives it.
        origin: originOf({ ...r, origin_edited: r.origin_edited ? 1 : 0 }),
        ...(r.reason === null ? {} : { reason: r.reason }),
      }))
    },
    async lastEventId(): Promise<number> {
      await sequenceEvents(pool)
      return (await row<{ id: number | null }>(pool, 'SELECT max(id) AS id FROM events'))?.id ?? 0
    },
  }
}

interface PresenceRow {
  article_id: string
  lang: string
  account: string
  unit_id: string
  typing: boolean
  seen_at: string
  seq: number
}

/**
 * Presence reports: one row per person and document. Its `seq` is taken under an advisory lock
 * held to the report's commit, so seqs become visible in the order they grow and a reader that
 * has seen one never misses a lower one (a report is rare beside writes; the lock costs little).
 */
export function createPgPresenceOps(pool: pg.Pool, now: () => string) {
  return {
    async report(p: { articleId: string; lang: string; user: string; unit: string; typing: boolean }, at?: Date): Promise<void> {
      await pool.query(
        `WITH l AS (SELECT pg_advisory_xact_lock($7, hashtext(current_schema())))
         INSERT INTO presence (article_id, lang, account, unit_id, typing, seen_at, seq)
         SELECT $1, $2, $3, $4, $5, $6::timestamptz, nextval('presence_seq_seq') FROM l
         ON CONFLICT (article_id, lang, account) DO UPDATE SET
           unit_id = excluded.unit_id, typing = excluded.typing, seen_at = excluded.seen_at, seq = excluded.seq`,
        [p.articleId, p.lang, p.user, p.unit, p.typing, at ? at.toISOString() : now(), PRESENCE_LOCK],
      )
    },
    async after(articleId: string, lang: string, from: number): Promise<Presence[]> {
      const found = await rows<PresenceRow>(pool, 'SELECT * FROM presence WHERE article_id = $1 AND lang = $2 AND seq > $3 ORDER BY seq', [articleId, lang, from])
      return found.map((r) => ({ articleId: r.article_id, lang: r.lang, user: r.account, unit: r.unit_id, typing: r.typing, at: r.seen_at, seq: r.seq }))
    },
    last: async (): Promise<number> => (await row<{ seq: number | null }>(pool, 'SELECT max(seq) AS seq FROM presence'))?.seq ?? 0,
  }
}
