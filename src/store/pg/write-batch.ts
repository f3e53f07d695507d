/**
 * Group commit for the versioned write on PostgreSQL. Each write alone is one statement and one
 * transaction (translations.ts), and under load most of PostgreSQL's time goes to what every
 * transaction costs whatever it does: the round trip, the commit, its WAL flush. So while the
 * pool's connections are all busy, the writes that wait for one are sent together, as one
 * statement over arrays that does for each what WRITE does for one, in one transaction, as
 * Tolk's SQLite store does with its group commit.
 *
 * Each write of a batch is answered on its own. One the batch made is answered from its row; one
 * it did not make (a refusal, a race lost, codes to check) runs again alone, through WRITE, which
 * names the refusal or writes it, so that answers are those of writes sent one by one. A batch
 * that fails whole with an error worth trying again (a deadlock, a serialization failure) is tried
 * again; refused with any other error by the database, its writes run alone, each getting its own
 * answer; cut off (the connection lost, the outcome unknown), each gets that error, as alone.
 *
 * A batch holds one article's writes, each translation once (a second write of the same one waits
 * for the next batch, since one statement cannot update a row twice).
 */
import type pg from 'pg'
import { OPEN } from '../../codes/types.js'
import type { Translation, TranslationWrite } from '../../model/translation.js'
import { checkWrite } from '../sqlite/translations.js'
import { bindable, notArchived, retrying } from './db.js'
import { madeWrite, writableSql, writeParams } from './translations.js'

/** WRITE (translations.ts) for many translations: the same parameters, each an array, one element a write. */
const BATCH_WRITE = /* sql */ `
  WITH i AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::integer[], $9::integer[], $10::text[], $11::boolean[], $12::text[], $13::integer[], $14::text[],
      $15::boolean[], $16::text[])
      WITH ORDINALITY AS x (article_id, unit_id, lang, new_text, new_state, new_author, at, if_version,
        memory_score, mt_engine, origin_edited, checked_source, aligned, batch_id, confirm, reason, n)
  ), f AS (
    SELECT i.*, NOT ${notArchived('a')} AS archived, u.obsolete, u.source, a.targets,
      t.text, t.state, t.stale, t.version, t.made_from, t.history_seq, t.author,
      ${writableSql('u', 'i.lang')} AS applies,
      (i.new_text = '' OR (strpos(u.source, '${OPEN}') = 0 AND strpos(i.new_text, '${OPEN}') = 0) OR u.source = i.checked_source) AS codes_ok
    FROM i JOIN units u ON u.article_id = i.article_id AND u.id = i.unit_id
    JOIN articles a ON a.id = u.article_id
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = i.lang
  ), ok AS (
    SELECT f.*, nextval('history_seq_seq') AS seq, set_config('tolk.versioned_write', 'on', true) AS marked,
      (coalesce(f.stale, false) AND NOT f.confirm AND f.new_text = f.text AND f.new_state NOT IN ('reviewed', 'final')) AS new_stale,
      CASE WHEN f.new_state = 'rejected' THEN f.author END AS translator
    FROM f
    WHERE NOT f.archived AND NOT f.obsolete AND f.targets ? f.lang AND f.applies AND f.codes_ok
      AND (f.if_version IS NULL OR coalesce(f.version, 0) = f.if_version)
      AND (NOT f.confirm OR (f.text = f.new_text AND f.stale AND f.state = f.new_state))
      AND (f.new_state <> 'rejected' OR (f.text = f.new_text AND f.state IN ('translated', 'reviewed', 'final')))
  ), upd AS (
    UPDATE translations t SET text = ok.new_text, state = ok.new_state, stale = ok.new_stale, version = t.version + 1,
      author = ok.new_author, updated_at = ok.at::timestamptz,
      made_from = CASE WHEN ok.new_stale THEN t.made_from ELSE ok.source END,
      history_seq = ok.seq, reason = ok.reason, translator = ok.translator
    FROM ok
    WHERE t.article_id = ok.article_id AND t.unit_id = ok.unit_id AND t.lang = ok.lang
      AND t.version = ok.version AND t.stale = ok.stale
    RETURNING ok.n, t.version, t.stale, t.made_from, t.history_seq
  ), ins AS (
    INSERT INTO translations (article_id, unit_id, lang, text, state, stale, version, author, updated_at, made_from, history_seq)
    SELECT ok.article_id, ok.unit_id, ok.lang, ok.new_text, ok.new_state, false, 1, ok.new_author, ok.at::timestamptz, ok.source, ok.seq
    FROM ok WHERE ok.version IS NULL
    ON CONFLICT DO NOTHING
    RETURNING article_id, unit_id, lang, version, stale, made_from, history_seq
  ), w AS (
    SELECT n, version, stale, made_from, history_seq FROM upd
    UNION ALL
    SELECT ok.n, ins.version, ins.stale, ins.made_from, ins.history_seq
    FROM ins JOIN ok ON ok.article_id = ins.article_id AND ok.unit_id = ins.unit_id AND ok.lang = ins.lang
  ), h AS (
    INSERT INTO history (seq, article_id, unit_id, lang, version, old_text, new_text, old_state, new_state,
      author, at, prev_seq, memory_score, mt_engine, origin_edited, aligned_confidence, batch_id, confirmation, reason, translator)
    SELECT w.history_seq, ok.article_id, ok.unit_id, ok.lang, w.version, ok.text, ok.new_text, coalesce(ok.state, 'initial'),
      ok.new_state, ok.new_author, ok.at::timestamptz, ok.history_seq, ok.memory_score, ok.mt_engine, ok.origin_edited,
      ok.aligned, ok.batch_id, ok.confirm, ok.reason, ok.translator
    FROM w JOIN ok ON ok.n = w.n
  ), cleared AS (
    -- As WRITE does: a rewritten text's fault is off the list (schema 13).
    DELETE FROM text_faults tf USING ok, upd
    WHERE upd.n = ok.n AND tf.article_id = ok.article_id AND tf.unit_id = ok.unit_id AND tf.lang = ok.lang
      AND tf.what = 'translation' AND ok.text <> ok.new_text
  )
  SELECT w.n, w.version AS w_version, w.stale AS w_stale, w.made_from AS w_made_from, f.author
  FROM w JOIN f ON f.n = w.n`

/** What the batch statement answers for each write it made. */
interface BatchRow {
  n: string
  w_version: number
  w_stale: boolean
  w_made_from: string | null
  author: string | null
}

interface Waiting {
  write: TranslationWrite
  key: string
  resolve: (t: Translation) => void
  reject: (err: unknown) => void
}

/**
 * Batches of one article in flight at once, from this server: one. A batch's writes move the
 * article's counter rows in the batch's order (the counters' trigger, row by row), so two batches
 * of one article at once, moving two languages in opposite orders, can deadlock; PostgreSQL then
 * aborts one after `deadlock_timeout` (1 s) and it is tried again. Two servers' batches of one
 * article still can (docs/several-servers.md). A write can also wait on a lock an import of its
 * article holds until the import commits: an article takes at most this many of the connections,
 * so a stuck article holds up its own writes only. With 50 writers on one article, a batch carries
 * about 50 writes and one commit.
 */
const PER_ARTICLE = 1

/**
 * The store's versioned write with group commit: `write(w)` is answered as `alone(w)` (WRITE,
 * tried again on a deadlock or serialization failure) would answer it. A write is sent at once
 * while its article has no batch in flight (PER_ARTICLE) and the store fewer than `connections`;
 * past that it waits, and goes with the other waiting writes of its article (up to `most`) when
 * one comes back.
 */
export function createWriteBatcher(opts: {
  pool: pg.Pool
  connections: number
  now: () => string
  alone: (w: TranslationWrite) => Promise<Translation>
  most?: number
}) {
  const most = opts.most ?? 64
  const waiting: Waiting[] = []
  let inFlight = 0
  const articleInFlight = new Map<string, number>()

  const runBatch = async (batch: Waiting[]): Promise<void> => {
    try {
      const at = opts.now()
      const params = batch.map((b) => writeParams(b.write, at, null))
      const columns = params[0]!.map((_, c) => params.map((p) => p[c]))
      let made: Map<number, BatchRow>
      try {
        const result = await retrying(() => opts.pool.query<BatchRow>({ name: 'tolk-write-batch', text: BATCH_WRITE, values: bindable(columns) }))
        made = new Map(result.rows.map((r) => [Number(r.n), r]))
      } catch (err) {
        // The database refused the statement (an error with its SQLSTATE): nothing of it was
        // committed, and each write is sent alone for its own answer. Any other error (the
        // connection lost) leaves unknown whether it committed: each write gets that error, as
        // it would have sent alone, and is not sent again.
        if (typeof (err as { code?: unknown }).code !== 'string' || !/^[0-9A-Z]{5}$/.test((err as { code: string }).code)) throw err
        made = new Map()
      }
      // One at a time: writes sent again hold this batch's place, not the whole pool.
      for (const [i, b] of batch.entries()) {
        const row = made.get(i + 1)
        try {
          b.resolve(row ? madeWrite(b.write, at, row) : await opts.alone(b.write))
        } catch (err) {
          b.reject(err)
        }
      }
    } catch (err) {
      // Settles whatever is left (a settled promise ignores it).
      for (const b of batch) b.reject(err)
    }
  }

  /** The next batch to send: the oldest waiting write whose article has room, and its article's others. */
  const nextBatch = (): Waiting[] | undefined => {
    const first = waiting.findIndex((w) => (articleInFlight.get(w.write.articleId) ?? 0) < PER_ARTICLE)
    if (first < 0) return undefined
    const article = waiting[first]!.write.articleId
    const batch: Waiting[] = []
    const keys = new Set<string>()
    for (let i = first; i < waiting.length && batch.length < most; ) {
      const w = waiting[i]!
      // Each translation once per batch, in the order asked; the rest wait for the next one.
      if (w.write.articleId !== article || keys.has(w.key)) {
        i++
        continue
      }
      keys.add(w.key)
      batch.push(w)
      waiting.splice(i, 1)
    }
    // In key order: two batches that meet on translations lock them in one order.
    return batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  const pump = (): void => {
    while (inFlight < opts.connections) {
      const batch = nextBatch()
      if (!batch) return
      const article = batch[0]!.write.articleId
      inFlight++
      articleInFlight.set(article, (articleInFlight.get(article) ?? 0) + 1)
      const sent = batch.length === 1 ? opts.alone(batch[0]!.write).then(batch[0]!.resolve, batch[0]!.reject) : runBatch(batch)
      void sent.finally(() => {
        inFlight--
        const left = (articleInFlight.get(article) ?? 1) - 1
        if (left > 0) articleInFlight.set(article, left)
        else articleInFlight.delete(article)
        pump()
      })
    }
  }

  return {
    async write(w: TranslationWrite): Promise<Translation> {
      // Refused before anything is sent, as alone (a rejected promise, never a throw).
      checkWrite(w)
      // A text with codes is checked against its unit's source between two statements (WRITE's
      // codes_ok): alone from the start, and beside the batches, as before them.
      if (w.text.includes(OPEN)) return opts.alone(w)
      return new Promise<Translation>((resolve, reject) => {
        waiting.push({ write: w, key: `${w.articleId}\u0000${w.unitId}\u0000${w.lang}`, resolve, reject })
        pump()
      })
    },
  }
}
