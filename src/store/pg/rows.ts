/**
 * Rows as node-postgres returns them from the PostgreSQL schema (001-core), and their mapping to
 * the model's objects: the same objects the SQLite store answers (src/store/sqlite/rows.ts), from
 * booleans, parsed JSON and ISO times instead of 0/1 and JSON text.
 */
import type { CodeData } from '../../codes/types.js'
import type { DocumentFormat, Skeleton } from '../../documents/types.js'
import type { Article, ArticleSummary, HistoryEntry, State, StoredUnit, Translation } from '../../model/translation.js'
import type { BlockKind } from '../../model/unit.js'
import { originOf, rejectionOf, reviewOf } from '../sqlite/rows.js'

/** What every listing reads of an article: all but its source text, lead and skeleton. */
export const SUMMARY_COLUMNS = 'a.id, a.tag, a.lang, a.title, a.revision, a.targets, a.live_units, a.live_words, a.created_at, a.updated_at'

export interface PgArticleSummaryRow {
  id: string
  tag: string
  lang: string
  title: string
  revision: number
  targets: string[]
  live_units: number
  live_words: number
  created_at: string
  updated_at: string
}

export interface PgArticleRow extends PgArticleSummaryRow {
  source: string
  lead: string
  lang_confirmed: boolean
  format: DocumentFormat
  skeleton: Skeleton | null
}

export interface PgUnitRow {
  article_id: string
  id: string
  position: number
  block: number
  kind: BlockKind
  source: string
  trailing: string
  words: number
  characters: number | null
  hash: string
  obsolete: boolean
  plural: string | null
  borrowed: boolean
  key: string | null
  codes: CodeData[] | null
  /** Schema 5: a document unit's role (`heading`, `table-cell`, `alt`, …), else null. */
  role: string | null
}

export interface PgTranslationRow {
  article_id: string
  unit_id: string
  lang: string
  text: string
  state: State
  stale: boolean
  version: number
  author: string
  updated_at: string
  made_from: string | null
  history_seq: number | null
  /** Schema 6: while rejected, the reason and who wrote the text sent back; else null. */
  reason: string | null
  translator: string | null
}

export interface PgHistoryRow {
  seq: number
  article_id: string
  unit_id: string
  lang: string
  version: number
  old_text: string | null
  new_text: string
  old_state: State
  new_state: State
  author: string
  at: string
  prev_seq: number | null
  memory_score: number | null
  mt_engine: string | null
  origin_edited: boolean
  aligned_confidence: number | null
  batch_id: string | null
  /** Schema 6: a confirmation; a rejection's reason and whose text it sent back. */
  confirmation: boolean
  reason: string | null
  translator: string | null
}

/** The columns of a history entry a reader needs (not `xact`). */
export const HISTORY_COLUMNS = `h.seq, h.article_id, h.unit_id, h.lang, h.version, h.old_text, h.new_text, h.old_state,
  h.new_state, h.author, h.at, h.prev_seq, h.memory_score, h.mt_engine, h.origin_edited,
  h.aligned_confidence, h.batch_id, h.confirmation, h.reason, h.translator`

export function toArticleSummary(r: PgArticleSummaryRow): ArticleSummary {
  return {
    id: r.id,
    tag: r.tag,
    lang: r.lang,
    title: r.title,
    revision: r.revision,
    targets: r.targets,
    units: r.live_units,
    words: r.live_words,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export function toArticle(r: PgArticleRow): Article {
  const a: Article = { ...toArticleSummary(r), source: r.source, langConfirmed: r.lang_confirmed, format: r.format }
  if (r.skeleton) a.skeleton = r.skeleton
  return a
}

/** A units row (with its article's tag and text language) as a StoredUnit. */
export function toUnit(r: PgUnitRow, article: { tag: string; lang: string }): StoredUnit {
  const unit: StoredUnit = {
    id: r.id,
    articleId: r.article_id,
    tag: article.tag,
    lang: article.lang,
    position: r.position,
    block: r.block,
    kind: r.kind,
    source: r.source,
    trailing: r.trailing,
    words: r.words,
    obsolete: r.obsolete,
  }
  if (r.characters !== null) unit.characters = r.characters
  if (r.plural !== null) unit.plural = r.plural
  if (r.borrowed) unit.borrowed = true
  if (r.key !== null) unit.key = r.key
  if (r.codes) unit.codes = r.codes
  if (r.role) unit.role = r.role
  return unit
}

export function toTranslation(r: PgTranslationRow): Translation {
  return {
    articleId: r.article_id,
    unitId: r.unit_id,
    lang: r.lang,
    text: r.text,
    state: r.state,
    stale: r.stale,
    version: r.version,
    author: r.author,
    updatedAt: r.updated_at,
    madeFrom: r.made_from,
    ...rejectionOf(r),
  }
}

export function toHistory(r: PgHistoryRow): HistoryEntry {
  return {
    articleId: r.article_id,
    unitId: r.unit_id,
    lang: r.lang,
    version: r.version,
    oldText: r.old_text,
    newText: r.new_text,
    oldState: r.old_state,
    newState: r.new_state,
    author: r.author,
    at: r.at,
    origin: originOf({ memory_score: r.memory_score, mt_engine: r.mt_engine, origin_edited: r.origin_edited ? 1 : 0, aligned_confidence: r.aligned_confidence }),
    ...(r.batch_id ? { batch: r.batch_id } : {}),
    ...reviewOf(r),
  }
}
