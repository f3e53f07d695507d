/**
 * The PostgreSQL memory follows the history (SQLite's schema 6, memory-sync.ts): every (unit,
 * language) written since the memory last looked gets its entry rewritten from the translation as
 * it is now, or removed when it went back to `initial` or is a machine's unedited text.
 *
 * "Since it last looked" is a snapshot, not a sequence number (see migration 003): the entries to
 * take in are those of transactions visible now and not in `tm_sync.seen`. The work runs once
 * however many servers share the database: a server takes it on under a session advisory lock
 * (one per schema), then reads `tm_sync` in a statement that starts after the lock. A read waits
 * for the lock, then finds the work done or does the rest; the background catch-up only tries it,
 * and leaves the work to whoever holds it.
 *
 * READ COMMITTED, not REPEATABLE READ: the memory's rows are also written by other servers'
 * indexers and imports, and a repeatable read would fail on them. The one statement that writes
 * takes in exactly the transactions visible in the snapshot the statement before read (passed to
 * it, cut at the limit), whatever committed in between: that is left for the next catch-up.
 */
import type pg from 'pg'

/**
 * The advisory lock of the memory's catch-up: this key ("tolk" in ASCII) and a hash of the
 * schema, so that Tolk databases kept in several schemas of one database do not wait on each other.
 */
export const MEMORY_SYNC_LOCK = 0x746f6c6b
const LOCK_KEYS = `$1::integer, hashtext(current_schema())`

/**
 * History entries of transactions visible in snapshot $1 (whose xmax is $4) and not in $3 (whose
 * xmin is $2): both bounds given as values, so that the plan reads the index on xact between them
 * and no further (a catch-up far behind would otherwise read its whole backlog on every slice).
 */
const BETWEEN = /* sql */ `h.xact >= $2::xid8 AND h.xact < $4::xid8 AND NOT pg_visible_in_snapshot(h.xact, $3::pg_snapshot)
  AND pg_visible_in_snapshot(h.xact, $1::pg_snapshot)`

/** The last write of translation `t` is a machine's text nobody edited (schema 1's origins). */
const MACHINE_TEXT = /* sql */ `EXISTS (SELECT 1 FROM history lw WHERE lw.seq = t.history_seq
  AND lw.mt_engine IS NOT NULL AND NOT lw.origin_edited)`

/**
 * Whether history was written that the memory has not taken in: the oldest such entry by xact,
 * with `seen` read once (an InitPlan), so that the plan reads the index on xact from its xmin on
 * (as a join, or as EXISTS, it read the whole history).
 */
export const BEHIND = /* sql */ `(SELECT h.xact FROM history h
  WHERE h.xact >= (SELECT pg_snapshot_xmin(seen) FROM tm_sync WHERE id = 1)
    AND NOT pg_visible_in_snapshot(h.xact, (SELECT seen FROM tm_sync WHERE id = 1))
  ORDER BY h.xact LIMIT 1) IS NOT NULL`

/**
 * Take in the units and languages of the history entries of transactions visible in the snapshot
 * $1 and not in `seen` ($3, whose xmin is $2); count them, and move `seen` to $1.
 */
const TAKE_IN = /* sql */ `
WITH taken AS (
  SELECT h.article_id, h.unit_id, h.lang FROM history h WHERE ${BETWEEN}
), keys AS (
  SELECT DISTINCT article_id, unit_id, lang FROM taken
), written AS (
  INSERT INTO tm_entries (origin, src_lang, tgt_lang, tag, src_hash, prev_hash, next_hash,
    article_id, unit_id, author, updated_at, source, target)
  SELECT 'article', a.lang, t.lang, a.tag,
    CASE WHEN u.source = coalesce(t.made_from, u.source) THEN u.hash END,
    (SELECT p.hash FROM units p WHERE p.article_id = u.article_id AND NOT p.obsolete
       AND p.position = u.position - 1),
    (SELECT n.hash FROM units n WHERE n.article_id = u.article_id AND NOT n.obsolete
       AND n.position = u.position + 1),
    t.article_id, t.unit_id, t.author, t.updated_at, coalesce(t.made_from, u.source), t.text
  FROM keys k
  JOIN translations t ON t.article_id = k.article_id AND t.unit_id = k.unit_id AND t.lang = k.lang
  JOIN units u ON u.article_id = t.article_id AND u.id = t.unit_id
  JOIN articles a ON a.id = t.article_id
  WHERE t.state NOT IN ('initial', 'rejected') AND NOT ${MACHINE_TEXT}
  ORDER BY t.article_id, t.unit_id, t.lang
  ON CONFLICT (article_id, unit_id, tgt_lang) WHERE origin = 'article' DO UPDATE SET
    src_lang = excluded.src_lang, tag = excluded.tag, src_hash = excluded.src_hash,
    prev_hash = excluded.prev_hash, next_hash = excluded.next_hash, author = excluded.author,
    updated_at = excluded.updated_at, source = excluded.source, target = excluded.target
  RETURNING 1
), cleared AS (
  DELETE FROM tm_entries e USING keys k, translations t
  WHERE t.article_id = k.article_id AND t.unit_id = k.unit_id AND t.lang = k.lang
    AND e.origin = 'article' AND e.article_id = t.article_id AND e.unit_id = t.unit_id AND e.tgt_lang = t.lang
    AND (t.state IN ('initial', 'rejected') OR ${MACHINE_TEXT})
  RETURNING 1
), moved AS (
  UPDATE tm_sync SET seen = $1::pg_snapshot WHERE id = 1 RETURNING 1
)
SELECT (SELECT count(*) FROM taken) AS n, (SELECT count(*) FROM written) AS w,
  (SELECT count(*) FROM cleared) AS c, (SELECT count(*) FROM moved) AS m`

/** A pg_snapshot as its parts (xids as bigint: xid8 passes 2^53). */
interface Snapshot {
  xmin: bigint
  xmax: bigint
  xip: bigint[]
}

const parse = (text: string): Snapshot => {
  const [xmin, xmax, xip] = text.split(':')
  return { xmin: BigInt(xmin!), xmax: BigInt(xmax!), xip: xip ? xip.split(',').map(BigInt) : [] }
}
const format = (s: Snapshot) => `${s.xmin}:${s.xmax}:${s.xip.join(',')}`

/**
 * Bring the memory up to date with the history; resolves to the history entries taken in (0 when
 * current, or, unless `wait`, when another server is at it). With `limit`, takes in whole transactions, oldest
 * first, up to about `limit` entries (at least one transaction, and at least every transaction
 * that was still running when the memory last looked).
 */
export async function syncMemory(pool: pg.Pool, opts: { limit?: number; wait: boolean }): Promise<number> {
  const limit = opts.limit ?? Number.MAX_SAFE_INTEGER
  const client = await pool.connect()
  try {
    if (opts.wait) await client.query(`SELECT pg_advisory_lock(${LOCK_KEYS})`, [MEMORY_SYNC_LOCK])
    else {
      const { rows: got } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEYS}) AS ok`, [MEMORY_SYNC_LOCK])
      if (!got[0]!.ok) return 0
    }
    try {
      return await takeIn(client, limit)
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEYS})`, [MEMORY_SYNC_LOCK])
    }
  } finally {
    client.release()
  }
}

async function takeIn(client: pg.PoolClient, limit: number): Promise<number> {
  // Read after the lock: where the memory is, and what this catch-up sees (`now`).
  const { rows } = await client.query<{ now: string; seen: string }>(
    'SELECT pg_current_snapshot()::text AS now, seen::text AS seen FROM tm_sync WHERE id = 1',
  )
  const now = parse(rows[0]!.now)
  const seen = parse(rows[0]!.seen)
  const from = seen.xmin.toString()
  // The oldest entries only, one more than the limit: enough to know where to cut.
  const reading = Number.isFinite(limit) && limit < Number.MAX_SAFE_INTEGER ? limit + 1 : null
  const { rows: counts } = await client.query<{ xact: string; n: number }>(
    `SELECT xact::text AS xact, count(*)::integer AS n FROM
       (SELECT h.xact FROM history h WHERE ${BETWEEN} ORDER BY h.xact LIMIT $5::bigint) oldest
     GROUP BY xact ORDER BY xact`,
    [rows[0]!.now, from, rows[0]!.seen, now.xmax.toString(), reading],
  )
  if (counts.length === 0) return 0
  // Take in transactions below `upTo`: all of them, or the oldest up to the limit. The new
  // `seen` is the snapshot now, cut at `upTo`: it holds what was taken in and nothing more.
  let upTo = now.xmax
  let total = 0
  let cutBefore = false
  for (const c of counts) {
    const x = BigInt(c.xact)
    if (total > 0 && total + c.n > limit && x >= seen.xmax) {
      upTo = x
      cutBefore = true
      break
    }
    total += c.n
  }
  // Not all was read, and nothing to cut before: the last transaction read (the first past the
  // limit, or one running when the memory last looked) is taken in whole, and none after it.
  if (!cutBefore && reading !== null && total >= reading) upTo = BigInt(counts.at(-1)!.xact) + 1n
  const cut: Snapshot = upTo === now.xmax ? now : { xmin: now.xmin < upTo ? now.xmin : upTo, xmax: upTo, xip: now.xip.filter((x) => x < upTo) }
  const { rows: done } = await client.query<{ n: number }>(TAKE_IN, [format(cut), from, rows[0]!.seen, cut.xmax.toString()])
  return done[0]!.n
}
