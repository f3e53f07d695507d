import type Database from 'better-sqlite3'
import { assertCodes } from '../../codes/validate.js'
import { Archived, InvalidInput, NotFound, VersionConflict } from '../../model/errors.js'
import { alignedThousandths, checkOrigin } from '../../model/origin.js'
import { checkReviewWrite, refuseReview, writtenFrom } from '../../model/review.js'
import { addNotificationsSqlite } from './notifications.js'
import { printable } from '../../model/tags.js'
import { checkText, TEXT_LIMITS } from '../../model/text-rule.js'
import {
  STATES,
  type HistoryEntry,
  type Translation,
  type TranslationWrite,
  untranslated,
} from '../../model/translation.js'
import { notArchived } from './archive.js'
import { groupCommit } from './group-commit.js'
import {
  type HistoryRow,
  type TranslationRow,
  toHistory,
  toTranslation,
} from './rows.js'

/** The translation functions of the SQLite store, over one connection. */
export interface TranslationOps {
  get(articleId: string, unitId: string, lang: string): Translation
  list(articleId: string, lang: string): Translation[]
  /** One write in a transaction of its own, or a savepoint inside the caller's. */
  write(write: TranslationWrite): Translation
  /** One write, committed with the others asked for in the same turn (group-commit.ts). */
  writeGrouped(write: TranslationWrite): Promise<Translation>
  history(articleId: string, unitId: string, lang?: string): HistoryEntry[]
}

interface UnitLookup {
  /** 1 when the unit's article is archived (schema 15). */
  archived: 0 | 1
  obsolete: 0 | 1
  source: string
  targets: string
}

/** What a write reads in one statement: the unit, its article's targets, the current row. */
interface WriteLookup {
  archived: 0 | 1
  obsolete: 0 | 1
  source: string
  targets: string
  text: string | null
  state: TranslationRow['state'] | null
  stale: 0 | 1 | null
  version: number | null
  made_from: string | null
  author: string | null
  history_seq: number | null
  /** 0 when the unit is a plural form the language's CLDR rules lack (schema 10), `_zero` aside. */
  applies: 0 | 1
}

/**
 * Build the translation functions. A write is all or nothing (a savepoint in the IMMEDIATE
 * transaction it shares with the writes asked for beside it): one lookup of the unit with its
 * current translation, compare versions, append history, upsert; the coverage counters follow
 * by trigger. A unit's history is a chain (schema 9): each entry links to the one before
 * of its unit and language, the translation row to the latest.
 */
export function createTranslationOps(db: Database.Database, now: () => string): TranslationOps {
  // 1 live, 0 archived (schema 15), no row for an unknown article.
  const articleLive = db.prepare<[string], 0 | 1>(`SELECT ${notArchived('a')} FROM articles a WHERE a.id = ?`).pluck()
  const selectUnit = db.prepare<[string, string], UnitLookup>(`
    SELECT NOT ${notArchived('a')} AS archived, u.obsolete, u.source, a.targets
    FROM units u JOIN articles a ON a.id = u.article_id
    WHERE u.article_id = ? AND u.id = ?`)
  const selectOne = db.prepare<[string, string, string], TranslationRow>(
    'SELECT * FROM translations WHERE article_id = ? AND unit_id = ? AND lang = ?',
  )
  // The hot path of every write: the unit, its article's targets and the current translation
  // in one statement (two B-tree lookups and an index probe), positional parameters throughout.
  const selectForWrite = db.prepare<[string, string, string, string], WriteLookup>(`
    SELECT NOT ${notArchived('a')} AS archived, u.obsolete, u.source, a.targets, t.text, t.state,
      t.stale, t.version, t.made_from, t.author,
      t.history_seq,
      u.plural IS NULL OR u.plural = 'zero' OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = ?) AS applies
    FROM units u JOIN articles a ON a.id = u.article_id
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = ?
    WHERE u.article_id = ? AND u.id = ?`)
  // A plural form the language's CLDR rules lack (Russian has no `_two`) is not one of its units;
  // a `_zero` form is one in every language, as i18next uses it for a count of 0 everywhere:
  // optional where CLDR has no zero category (written, listed, served, never counted: #23.8).
  const selectLive = db.prepare<[string, string, string], TranslationRow & { id: string }>(`
    SELECT u.id, t.* FROM units u
    LEFT JOIN translations t ON t.article_id = u.article_id AND t.unit_id = u.id AND t.lang = ?
    WHERE u.article_id = ? AND u.obsolete = 0
      AND (u.plural IS NULL OR u.plural = 'zero' OR u.plural IN (SELECT r.plural FROM plural_rules r WHERE r.lang = ?))
    ORDER BY u.position`)
  const upsert = db.prepare<
    [string, string, string, string, string, number, number, string, string, string | null, number | bigint, string | null, string | null]
  >(`
    INSERT INTO translations (article_id, unit_id, lang, text, state, stale, version, author,
      updated_at, made_from, history_seq, reason, translator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (article_id, unit_id, lang) DO UPDATE SET text = excluded.text,
      state = excluded.state, stale = excluded.stale, version = excluded.version,
      author = excluded.author, updated_at = excluded.updated_at, made_from = excluded.made_from,
      history_seq = excluded.history_seq, reason = excluded.reason, translator = excluded.translator`)
  const appendHistory = db.prepare<
    [string, string, string, number, string | null, string, string, string, string, string, number | null, number | null, string | null, number, number | null, string | null, number, string | null, string | null]
  >(`
    INSERT INTO history (article_id, unit_id, lang, version, old_text, new_text, old_state,
      new_state, author, at, prev_seq, memory_score, mt_engine, origin_edited, aligned_confidence, batch_id,
      confirmation, reason, translator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  // From the latest entry of each language of the unit (or of one), back along prev_seq. CROSS
  // JOIN keeps SQLite from scanning all of history and probing the chain instead.
  const historyChain = (lang: string) => `
    WITH RECURSIVE chain (seq) AS (
      SELECT history_seq FROM translations
      WHERE article_id = ? AND unit_id = ?${lang} AND history_seq IS NOT NULL
      UNION ALL
      SELECT h.prev_seq FROM chain JOIN history h ON h.seq = chain.seq WHERE h.prev_seq IS NOT NULL
    )
    SELECT h.* FROM chain CROSS JOIN history h ON h.seq = chain.seq ORDER BY h.seq`
  const selectHistory = db.prepare<[string, string], HistoryRow>(historyChain(''))
  const selectHistoryLang = db.prepare<[string, string, string], HistoryRow>(historyChain(' AND lang = ?'))

  /** The article of a read: unknown (404), archived (404), or there. */
  const articleOrThrow = (articleId: string): void => {
    const live = articleLive.get(articleId)
    if (live === undefined) throw new NotFound(`no article ${printable(articleId)}`, 'unknown-article')
    if (!live) throw new Archived(articleId, 'read')
  }
  const unitOrThrow = (articleId: string, unitId: string): UnitLookup => {
    const unit = selectUnit.get(articleId, unitId)
    if (unit?.archived) throw new Archived(articleId, 'read')
    if (unit) return unit
    articleOrThrow(articleId)
    throw new NotFound(`article ${printable(articleId)} has no unit ${printable(unitId)}`, 'unknown-unit')
  }

  // The targets of the article last written to, parsed once: writes come in runs on one article.
  let lastTargets = { json: '', list: [] as string[] }
  const targetsOf = (json: string): string[] => {
    if (json !== lastTargets.json) lastTargets = { json, list: JSON.parse(json) as string[] }
    return lastTargets.list
  }

  const write = db.transaction((w: TranslationWrite): Translation => {
    checkWrite(w)
    const found = selectForWrite.get(w.lang, w.lang, w.articleId, w.unitId)
    if (!found) {
      const live = articleLive.get(w.articleId)
      if (live === undefined) throw new NotFound(`no article ${printable(w.articleId)}`, 'unknown-article')
      if (!live) throw new Archived(w.articleId, 'write')
      throw new NotFound(`article ${printable(w.articleId)} has no unit ${printable(w.unitId)}`, 'unknown-unit')
    }
    refuseUnwritable(w, { archived: found.archived === 1, obsolete: found.obsolete === 1, targets: targetsOf(found.targets), applies: found.applies === 1 })
    // Codes (issue 17): a paired code of the source missing, unbalanced or crossed, or a code it
    // lacks, refuses the write whoever writes (src/codes/validate.ts).
    if (w.text !== '') assertCodes(w.text, found.source, `unit ${printable(w.unitId)}`)
    // No row yet: the unit is untranslated (version 0, initial, empty, not stale).
    const exists = found.version !== null
    const current = {
      text: found.text ?? '',
      state: found.state ?? 'initial',
      stale: found.stale === 1,
      version: found.version ?? 0,
      madeFrom: found.made_from,
    }
    if (w.ifVersion !== undefined && w.ifVersion !== current.version) {
      throw new VersionConflict(
        { text: current.text, state: current.state, version: current.version },
        w.ifVersion,
      )
    }
    refuseReview(w, current)
    const { stale, madeFrom } = writtenFrom(w, current, found.source)
    // A rejection names whose text it sends back: the person to tell.
    const rejection = w.state === 'rejected' ? { reason: w.reason as string, translator: found.author } : undefined
    const at = now()
    const version = current.version + 1
    const { lastInsertRowid: seq } = appendHistory.run(
      w.articleId,
      w.unitId,
      w.lang,
      version,
      exists ? current.text : null,
      w.text,
      current.state,
      w.state,
      w.author,
      at,
      found.history_seq,
      // One column per kind (schemas 11, 19 and 28), each a plain checked value.
      w.origin?.kind === 'memory' ? w.origin.score : null,
      w.origin?.kind === 'mt' ? w.origin.engine : null,
      w.origin?.edited ? 1 : 0,
      alignedThousandths(w.origin),
      w.batch ?? null,
      w.confirm ? 1 : 0,
      rejection?.reason ?? null,
      rejection?.translator ?? null,
    )
    upsert.run(w.articleId, w.unitId, w.lang, w.text, w.state, stale ? 1 : 0, version, w.author, at, madeFrom, seq, rejection?.reason ?? null, rejection?.translator ?? null)
    const written: Translation = {
      articleId: w.articleId,
      unitId: w.unitId,
      lang: w.lang,
      text: w.text,
      state: w.state,
      stale,
      version,
      author: w.author,
      updatedAt: at,
      madeFrom,
    }
    if (rejection) {
      written.rejection = rejection
      // "Your translation was rejected", to its translator, in this transaction.
      if (rejection.translator) {
        addNotificationsSqlite(db, [{ account: rejection.translator, kind: 'rejected', article: w.articleId, lang: w.lang, unit: w.unitId, from: w.author, reason: rejection.reason }], at)
      }
    }
    return written
  })

  return {
    get(articleId, unitId, lang) {
      unitOrThrow(articleId, unitId)
      const row = selectOne.get(articleId, unitId, lang)
      return row ? toTranslation(row) : untranslated(articleId, unitId, lang)
    },
    list(articleId, lang) {
      articleOrThrow(articleId)
      return selectLive
        .all(lang, articleId, lang)
        .map((r) => (r.version ? toTranslation(r) : untranslated(articleId, r.id, lang)))
    },
    // Every accepted write is a write: a new version and a history entry, even when text and state
    // are what they were, so "acknowledged" always means "in the history".
    write: (w) => write.immediate(w),
    writeGrouped: groupCommit(db, write),
    history(articleId, unitId, lang) {
      unitOrThrow(articleId, unitId)
      const rows =
        lang === undefined
          ? selectHistory.all(articleId, unitId)
          : selectHistoryLang.all(articleId, unitId, lang)
      return rows.map(toHistory)
    },
  }
}

/**
 * Refuse a write to a unit that cannot take it, in this order, as both backends do: its article
 * archived, the unit obsolete, the language not a target, a plural form the language lacks.
 */
export function refuseUnwritable(
  w: Pick<TranslationWrite, 'articleId' | 'unitId' | 'lang'>,
  unit: { archived: boolean; obsolete: boolean; targets: readonly string[]; applies: boolean },
): void {
  if (unit.archived) throw new Archived(w.articleId, 'write')
  if (unit.obsolete) {
    throw new NotFound(
      `unit ${printable(w.unitId)} was removed from article ${printable(w.articleId)}; it is kept for its history only`,
      'unknown-unit',
    )
  }
  if (!unit.targets.includes(w.lang)) {
    throw new InvalidInput(
      `${printable(w.lang)} is not a target language of ${printable(w.articleId)} (targets: ${unit.targets.join(', ') || 'none'})`,
      'not-a-target',
    )
  }
  if (!unit.applies) {
    throw new InvalidInput(
      `${printable(w.unitId)} is a plural form ${printable(w.lang)} does not use (its CLDR rules have no such category)`,
      'not-a-plural-form',
    )
  }
}

/** Refuse a malformed write before touching the database (both backends). */
export function checkWrite(w: TranslationWrite): void {
  if (!(STATES as readonly string[]).includes(w.state)) {
    throw new InvalidInput(
      `unknown state "${printable(String(w.state))}": use ${STATES.join(', ')}`,
      'invalid-state',
    )
  }
  if (typeof w.text !== 'string') throw new InvalidInput('the translation text must be text')
  // The one text rule, here where every write passes: no path can store a text against it.
  checkText(w.text, TEXT_LIMITS.translation, `the translation of ${printable(String(w.unitId))} in ${printable(String(w.lang))}`)
  if (typeof w.author !== 'string' || w.author === '') {
    throw new InvalidInput('a translation needs an author')
  }
  checkOrigin(w.origin)
  if (w.batch !== undefined && !(typeof w.batch === 'string' && /^[\w-]{1,64}$/.test(w.batch))) {
    throw new InvalidInput('a batch id is 1–64 letters, digits, _ or -', 'invalid-batch')
  }
  checkReviewWrite(w)
  if (w.ifVersion !== undefined && !(Number.isSafeInteger(w.ifVersion) && w.ifVersion >= 0)) {
    throw new InvalidInput(
      `version ${String(w.ifVersion)} is not a whole number ≥ 0`,
      'invalid-version',
    )
  }
}

