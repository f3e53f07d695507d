/**
 * Group commit for the versioned write on PostgreSQL. Each write alone is one statement and one
 * transaction (translations.ts), and under load most of PostgreSQL's time goes to what every
 * transaction costs whatever it does: the round trip, the commit, its WAL flush. So while the
 * pool's connections are all busy, the writes that wait for one are sent together, as one
 * statement (WRITE, which takes its parameters as arrays, a write an element), in one
 * transaction, as Tolk's SQLite store does with its group commit.
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
import { bindable, retrying } from './db.js'
import { madeWrite, WRITE, type WriteRow, writeParams } from './translations.js'


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
      let made: Map<number, WriteRow>
      try {
        const result = await retrying(() => opts.pool.query<WriteRow>({ name: 'tolk-write-batch', text: WRITE, values: bindable(columns) }))
        made = new Map(result.rows.filter((r) => r.w_version !== null).map((r) => [Number(r.n), r]))
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
