import type pg from 'pg'
import { assertCodes } from '../../codes/validate.js'
import { OPEN } from '../../codes/types.js'
import { Archived, NotFound, VersionConflict } from '../../model/errors.js'
import { alignedThousandths } from '../../model/origin.js'
import { refuseReview } from '../../model/review.js'
import { printable } from '../../model/tags.js'
import { type HistoryEntry, type State, type Translation, type TranslationWrite, untranslated } from '../../model/translation.js'
import { checkWrite, refuseUnwritable } from '../sqlite/translations.js'
import { bindable, type Db, liveArticleOrThrow, notArchived, row, rows } from './db.js'
import { HISTORY_COLUMNS, type PgHistoryRow, type PgTranslationRow, toHistory, toTranslation } from './rows.js'

/** A unit `u` counts in language `l` unless it is a plural form the language's CLDR rules lack. */
export const appliesSql = (u: string, l: string): string =>
  `(${u}.plural IS NULL OR EXISTS (SELECT 1 FROM plural_rules r WHERE r.lang = ${l} AND r.plural = ${u}.plural))`

/**
 * A unit `u` may be written and listed in language `l`: it counts there (appliesSql), or it is a
 * `_zero` form, which i18next uses for a count of 0 in every language; where the CLDR rules have
 * no zero category it is optional: written, served and exported, never counted (#23.8).
 */
export const writableSql = (u: string, l: string): string => `(${u}.plural = 'zero' OR ${appliesSql(u, l)})`

/** What the write statement answers for each write: the unit and translation as read, and the write if made. */
export interface WriteRow {
  /** The write's place in the arrays sent, from 1. */
  n: string
  archived: boolean
  obsolete: boolean
  // Source, targets and text come back only for a write that was not made (they name its
  // refusal): a made write is answered from what was sent, so the driver parses no jsonb, no
  // source and no timestamp on the hot path.
  source: string | null
  targets: string[] | null
  text: string | null
  state: State | null
  stale: boolean | null
  author: string | null
  version: number | null
  applies: boolean
  codes_ok: boolean
  w_stale: boolean | null
  w_version: number | null
  w_made_from: string | null
}

/**
 * Versioned writes in one statement, one round trip, one transaction: for each write, read the
 * unit, its article and the current translation (f); if every check holds (ok), update the row
 * only if its version is still the one read (`WHERE version = …`, which PostgreSQL re-checks
 * after waiting for a concurrent writer's lock) or insert it where there was none (ON CONFLICT DO
 * NOTHING), and append the history entry linked to the one before. The coverage counters follow
 * by trigger. What was read comes back with what was written, so the caller can name a refusal,
 * or run it again when it lost a race (read a version that another writer changed before the
 * update). One write sends one-element arrays; a batch (write-batch.ts) several, one translation
 * each.
 *
 * Each parameter is an array, an element a write: $1 article, $2 unit, $3 lang, $4 text, $5
 * state, $6 author, $7 at, $8 ifVersion (null: any), $9 memory score, $10 mt engine, $11 origin
 * edited, $12 a source whose codes the caller checked, $13 aligned confidence in thousandths, $14
 * the batch (schema 10), $15 confirm, $16 a rejection's reason, $17 the source an undo's text was
 * made from (writeParams). A rewritten text's fault (text_faults) is cleared. A confirmation or
 * rejection (src/model/review.ts) is written only over the same text, and in the state (and stale
 * flag) its rules need; the caller names a refusal from what was read.
 */
export const WRITE = /* sql */ `
  WITH i AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::integer[], $9::integer[], $10::text[], $11::boolean[], $12::text[], $13::integer[], $14::text[],
      $15::boolean[], $16::text[], $17::text[])
      WITH ORDINALITY AS x (article_id, unit_id, lang, new_text, new_state, new_author, at, if_version,
        memory_score, mt_engine, origin_edited, checked_source, aligned, batch_id, confirm, reason, sent_made_from, n)
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
      -- As writtenFrom (src/model/review.ts): stale from the older source a write names, else kept
      -- stale by the rule every write path follows.
      CASE WHEN f.sent_made_from IS NOT NULL THEN f.sent_made_from <> f.source
        ELSE coalesce(f.stale, false) AND NOT f.confirm AND f.new_text = f.text AND f.new_state NOT IN ('reviewed', 'final') END AS new_stale,
      CASE WHEN f.new_state = 'rejected' THEN f.author END AS translator
    FROM f
    WHERE NOT f.archived AND NOT f.obsolete AND f.targets ? f.lang AND f.applies AND f.codes_ok
      AND (f.if_version IS NULL OR coalesce(f.version, 0) = f.if_version)
      AND (NOT f.confirm OR (f.text = f.new_text AND f.stale AND f.state = f.new_state))
      AND (f.new_state <> 'rejected' OR (f.text = f.new_text AND f.state IN ('translated', 'reviewed', 'final')))
  ), upd AS (
    UPDATE translations t SET text = ok.new_text, state = ok.new_state, stale = ok.new_stale, version = t.version + 1,
      author = ok.new_author, updated_at = ok.at::timestamptz,
      made_from = CASE WHEN ok.sent_made_from IS NOT NULL THEN ok.sent_made_from WHEN ok.new_stale THEN t.made_from ELSE ok.source END,
      history_seq = ok.seq, reason = ok.reason, translator = ok.translator
    FROM ok
    WHERE t.article_id = ok.article_id AND t.unit_id = ok.unit_id AND t.lang = ok.lang
      AND t.version = ok.version AND t.stale = ok.stale
    RETURNING ok.n, t.version, t.stale, t.made_from, t.history_seq
  ), ins AS (
    INSERT INTO translations (article_id, unit_id, lang, text, state, stale, version, author, updated_at, made_from, history_seq)
    SELECT ok.article_id, ok.unit_id, ok.lang, ok.new_text, ok.new_state, ok.new_stale, 1, ok.new_author, ok.at::timestamptz,
      coalesce(ok.sent_made_from, ok.source), ok.seq
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
    -- A rewritten text's fault is off the list here, not by trigger (schema 13: the trigger skips
    -- this write, tolk.versioned_write).
    DELETE FROM text_faults tf USING ok, upd
    WHERE upd.n = ok.n AND tf.article_id = ok.article_id AND tf.unit_id = ok.unit_id AND tf.lang = ok.lang
      AND tf.what = 'translation' AND ok.text <> ok.new_text
  )
  SELECT f.n, f.archived, f.obsolete, f.state, f.version, f.applies, f.codes_ok, f.stale, f.author,
    CASE WHEN w.version IS NULL THEN f.source END AS source,
    CASE WHEN w.version IS NULL THEN f.targets END AS targets,
    CASE WHEN w.version IS NULL THEN f.text END AS text,
    w.stale AS w_stale, w.version AS w_version, w.made_from AS w_made_from
  FROM f LEFT JOIN w ON w.n = f.n`

/** The parameters of a write, in the order WRITE numbers them (it takes each as an array, an element a write). */
export function writeParams(w: TranslationWrite, at: string, checkedSource: string | null): unknown[] {
  return [
    w.articleId, w.unitId, w.lang, w.text, w.state, w.author, at, w.ifVersion ?? null,
    w.origin?.kind === 'memory' ? w.origin.score : null,
    w.origin?.kind === 'mt' ? w.origin.engine : null,
    w.origin?.edited === true,
    checkedSource,
    alignedThousandths(w.origin),
    w.batch ?? null,
    w.confirm === true,
    w.state === 'rejected' ? (w.reason ?? null) : null,
    w.madeFrom ?? null,
  ]
}

/** A made write, answered from what was sent and the few columns the statement gave back. */
export function madeWrite(w: TranslationWrite, at: string, found: { w_version: number | null; w_stale: boolean | null; w_made_from: string | null; author: string | null }): Translation {
  const written: Translation = {
    articleId: w.articleId,
    unitId: w.unitId,
    lang: w.lang,
    text: w.text,
    state: w.state,
    stale: found.w_stale === true,
    version: found.w_version as number,
    author: w.author,
    // The time sent, in the form a read gives it back (UTC, ms).
    updatedAt: new Date(at).toISOString(),
    madeFrom: found.w_made_from,
  }
  if (w.state === 'rejected') written.rejection = { reason: w.reason as string, translator: found.author }
  return written
}

/** From the latest entry of each language of the unit (or of one), back along prev_seq. */
const historyChain = (lang: string) => /* sql */ `
  WITH RECURSIVE chain (seq) AS (
    SELECT history_seq FROM translations
    WHERE article_id = $1 AND unit_id = $2${lang} AND history_seq IS NOT NULL
    UNION ALL
    SELECT h.prev_seq FROM chain JOIN history h ON h.seq = chain.seq WHERE h.prev_seq IS NOT NULL
  )
  SELECT ${HISTORY_COLUMNS} FROM chain JOIN history h ON h.seq = chain.seq ORDER BY h.seq`

/** Translation reads and the one versioned write, on a pool or a transaction's connection. */
export function createPgTranslationOps(now: () => string) {
  /** The unit of a read: NotFound or Archived as SQLite says them. */
  const unitOrThrow = async (db: Db, articleId: string, unitId: string): Promise<void> => {
    const found = await row<{ archived: boolean }>(
      db,
      `SELECT NOT ${notArchived('a')} AS archived FROM units u JOIN articles a ON a.id = u.article_id WHERE u.article_id = $1 AND u.id = $2`,
      [articleId, unitId],
    )
    if (found?.archived) throw new Archived(articleId, 'read')
    if (found) return
    await liveArticleOrThrow(db, articleId)
    throw new NotFound(`article ${printable(articleId)} has no unit ${printable(unitId)}`, 'unknown-unit')
  }

  const write = async (db: Db, w: TranslationWrite): Promise<Translation> => {
    checkWrite(w)
    const at = now()
    let checkedSource: string | null = null
    for (;;) {
      // A named statement: each connection parses and plans it once, not on every write.
      const result: pg.QueryResult<WriteRow> = await db.query<WriteRow>({
        name: 'tolk-write-translation',
        text: WRITE,
        values: bindable(writeParams(w, at, checkedSource).map((v) => [v])),
      })
      const found: WriteRow | undefined = result.rows[0]
      if (!found) {
        await liveArticleOrThrow(db, w.articleId, 'write')
        throw new NotFound(`article ${printable(w.articleId)} has no unit ${printable(w.unitId)}`, 'unknown-unit')
      }
      if (found.w_version !== null) return madeWrite(w, at, found)
      // Not written: the statement gave the source and the targets back.
      const source = found.source as string
      refuseUnwritable(w, { ...found, targets: found.targets ?? [] })
      if (!found.codes_ok) {
        // Codes (issue 17) are checked here, against the source read; the write then runs again
        // saying which source it checked, and is refused as a race if that source changed since.
        assertCodes(w.text, source, `unit ${printable(w.unitId)}`)
        checkedSource = source
        continue
      }
      const current = found.version ?? 0
      if (w.ifVersion !== undefined && w.ifVersion !== current) {
        throw new VersionConflict({ text: found.text ?? '', state: found.state ?? 'initial', version: current }, w.ifVersion)
      }
      // A confirmation or rejection the translation as read does not allow, named as SQLite names it.
      refuseReview(w, { text: found.text ?? '', state: found.state ?? 'initial', stale: found.stale === true, version: current })
      // Read one version, and another writer wrote the next before the update: read again.
    }
  }

  return {
    write,
    async get(db: Db, articleId: string, unitId: string, lang: string): Promise<Translation> {
      await unitOrThrow(db, articleId, unitId)
      const r = await row<PgTranslationRow>(db, 'SELECT * FROM translations WHERE article_id = $1 AND unit_id = $2 AND lang = $3', [articleId, unitId, lang])
      return r ? toTranslation(r) : untranslated(articleId, unitId, lang)
    },
    async list(db: Db, articleId: string, lang: string): Promise<Translation[]> {
      await liveArticleOrThrow(db, articleId)
      // A plural form the language's CLDR rules lack (Russian has no `_two`) is not one of its
      // units; a `_zero` form is one in every language (optional where CLDR has no zero).
      const found = await rows<PgTranslationRow & { id: string }>(
        db,
        `SELECT u.id, t.* FROM units u
         LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = $1
         WHERE u.article_id = $2 AND NOT u.obsolete AND ${writableSql('u', '$1')}
         ORDER BY u.position`,
        [lang, articleId],
      )
      return found.map((r) => (r.version ? toTranslation(r) : untranslated(articleId, r.id, lang)))
    },
    async history(db: Db, articleId: string, unitId: string, lang?: string): Promise<HistoryEntry[]> {
      await unitOrThrow(db, articleId, unitId)
      const found =
        lang === undefined
          ? await rows<PgHistoryRow>(db, historyChain(''), [articleId, unitId])
          : await rows<PgHistoryRow>(db, historyChain(' AND lang = $3'), [articleId, unitId, lang])
      return found.map(toHistory)
    },
  }
}
