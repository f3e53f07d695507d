import type {
  Article,
  ArticleSummary,
  HistoryEntry,
  State,
  StoredUnit,
  Translation,
} from '../../model/translation.js'
import type { BlockKind } from '../../model/unit.js'
import type { TranslationOrigin } from '../../model/origin.js'
import type { CodeData } from '../../codes/types.js'
import type { DocumentFormat, Skeleton } from '../../documents/types.js'

/** An `articles` row as better-sqlite3 returns it. */
export interface ArticleRow {
  id: string
  tag: string
  lang: string
  title: string
  source: string
  lead: string
  revision: number
  targets: string
  live_units: number
  live_words: number
  created_at: string
  updated_at: string
  lang_confirmed: number
  /** Schema 16: `text`, `md` or `html`. */
  format: DocumentFormat
  /** Schema 16: a document's skeleton as JSON, else null. */
  skeleton: string | null
}

/** A `units` row. */
export interface UnitRow {
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
  obsolete: 0 | 1
  /** Schema 10: the CLDR form of a plural key (`few`, `ordinal_two`), else null. */
  plural: string | null
  /** Schema 10: the form has no source string of its own; it borrows the group's `_other`. */
  borrowed: 0 | 1
  /** Schema 10: the i18next key of a unit whose id is derived from it (not a valid id itself). */
  key: string | null
  /** Schema 16: the unit's codes as JSON, else null. */
  codes: string | null
  /** Schema 20: a document unit's role (`heading`, `table-cell`, `alt`, …), else null. */
  role: string | null
}

/** A `translations` row. */
export interface TranslationRow {
  article_id: string
  unit_id: string
  lang: string
  text: string
  state: State
  stale: 0 | 1
  version: number
  author: string
  updated_at: string
  made_from: string | null
  /** The latest history entry of this unit and language (schema 9). */
  history_seq: number | null
  /** Schema 23: while rejected, the reason and who wrote the text sent back; else null. */
  reason: string | null
  translator: string | null
}

/** A `history` row. */
export interface HistoryRow {
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
  /** The entry before this one of the same unit and language (schema 9). */
  prev_seq: number | null
  /** Schema 11: the score of the memory match written as it was, else null (the author's text). */
  memory_score: number | null
  /** Schema 19: the engine of a machine translation written, else null. */
  mt_engine: string | null
  /** Schema 19: 1 when the author edited the inserted match or machine text before saving. */
  origin_edited: number
  /** Schema 28: an aligned text's confidence in thousandths, else null. */
  aligned_confidence: number | null
  /** Schema 27: the batch that made the write, else null. */
  batch_id: string | null
  /** Schema 23: 1 for a confirmation of a stale translation. */
  confirmation: number
  /** Schema 23: a rejection's reason and whose text it sent back; else null. */
  reason: string | null
  translator: string | null
}

/** Map an articles row to the model's Article. */
export function toArticle(r: ArticleRow): Article {
  const a: Article = { ...toArticleSummary(r), source: r.source, langConfirmed: r.lang_confirmed === 1, format: r.format ?? 'text' }
  if (r.skeleton) a.skeleton = JSON.parse(r.skeleton) as Skeleton
  return a
}

/** Map an `articles` row, read without its source text, to an ArticleSummary. */
export function toArticleSummary(r: Omit<ArticleRow, 'source' | 'lead' | 'format' | 'skeleton'>): ArticleSummary {
  return {
    id: r.id,
    tag: r.tag,
    lang: r.lang,
    title: r.title,
    revision: r.revision,
    targets: JSON.parse(r.targets) as string[],
    units: r.live_units,
    words: r.live_words,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Map a units row (with its article's tag and text language) to a StoredUnit. */
export function toUnit(r: UnitRow, article: { tag: string; lang: string }): StoredUnit {
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
    obsolete: r.obsolete === 1,
  }
  if (r.characters !== null) unit.characters = r.characters
  if (r.plural !== null) unit.plural = r.plural
  if (r.borrowed === 1) unit.borrowed = true
  if (r.key !== null) unit.key = r.key
  if (r.codes) unit.codes = JSON.parse(r.codes) as CodeData[]
  if (r.role) unit.role = r.role
  return unit
}

/** Map a translations row to a Translation. */
export function toTranslation(r: TranslationRow): Translation {
  return {
    articleId: r.article_id,
    unitId: r.unit_id,
    lang: r.lang,
    text: r.text,
    state: r.state,
    stale: r.stale === 1,
    version: r.version,
    author: r.author,
    updatedAt: r.updated_at,
    madeFrom: r.made_from,
    ...rejectionOf(r),
  }
}

/** A rejected row's `rejection` (spread into a Translation), else nothing. */
export function rejectionOf(r: { state: string; reason: string | null; translator: string | null }): { rejection?: Translation['rejection'] } {
  return r.state === 'rejected' && r.reason !== null ? { rejection: { reason: r.reason, translator: r.translator } } : {}
}

/** A history entry's review fields (schema 23), present only when set. */
export function reviewOf(r: { confirmation: number | boolean; reason: string | null; translator: string | null }): Pick<HistoryEntry, 'confirmation' | 'reason' | 'translator'> {
  const out: Pick<HistoryEntry, 'confirmation' | 'reason' | 'translator'> = {}
  if (r.confirmation === 1 || r.confirmation === true) out.confirmation = true
  if (r.reason !== null) out.reason = r.reason
  if (r.translator !== null) out.translator = r.translator
  return out
}

/** Map a history row to a HistoryEntry. */
export function toHistory(r: HistoryRow): HistoryEntry {
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
    origin: originOf(r),
    ...(r.batch_id ? { batch: r.batch_id } : {}),
    ...reviewOf(r),
  }
}

/** The origin a history row records, null for the author's own text. */
export function originOf(
  r: Pick<HistoryRow, 'memory_score' | 'mt_engine' | 'origin_edited' | 'aligned_confidence'>,
): TranslationOrigin | null {
  const edited = r.origin_edited === 1 ? { edited: true } : {}
  if (r.mt_engine !== null) return { kind: 'mt', engine: r.mt_engine, ...edited }
  if (r.aligned_confidence !== null) {
    return { kind: 'aligned', confidence: r.aligned_confidence / 1000, ...edited }
  }
  if (r.memory_score !== null) return { kind: 'memory', score: r.memory_score, ...edited }
  return null
}
