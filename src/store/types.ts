import type { Article, HistoryEntry, StoredUnit, Translation, TranslationWrite } from '../model/translation.js'
import type { SegmentedArticle, Warning } from '../model/unit.js'
import type { AlignmentCounts } from '../align/types.js'

/** What an import hands the store: the article's fields and its fresh segmentation. */
export interface ImportInput {
  id: string
  tag: string
  lang: string
  title: string
  source: string
  /** Target languages; undefined on re-import keeps the article's targets. */
  targets?: string[]
  segmented: SegmentedArticle
}

/** What an import did (or, with dryRun, would do). */
export interface ImportSummary {
  article: string
  revision: number
  /** False when nothing changed (re-import of an unchanged article) or on a dry run. */
  written: boolean
  units: AlignmentCounts
  warnings: Warning[]
}

/** Units and words of one article in one target language, per state. */
export interface CoverageCounts {
  articleId: string
  lang: string
  units: { initial: number; translated: number; reviewed: number; final: number; stale: number }
  words: { initial: number; translated: number; reviewed: number; final: number; stale: number }
}

/** A unit that still needs work in one language, for report listings. */
export interface PendingUnit {
  id: string
  position: number
  source: string
  words: number
  stale: boolean
  state: string
}

/**
 * Where articles, units, translations and history live. Asynchronous so that a PostgreSQL store
 * can implement it later; hot loops (imports, reports) are single calls that run their whole
 * transaction inside the store.
 */
export interface Store {
  getArticle(id: string): Promise<Article | undefined>
  listArticles(): Promise<Article[]>
  /** Units in position order; obsolete ones only when asked. Throws NotFound for an unknown article. */
  listUnits(articleId: string, opts?: { includeObsolete?: boolean }): Promise<StoredUnit[]>
  /** Import or re-import one article in one transaction; with dryRun, plan only and write nothing. */
  importArticle(input: ImportInput, opts?: { dryRun?: boolean }): Promise<ImportSummary>
  /** The current translation (version 0, `initial`, when never written). Throws NotFound. */
  getTranslation(articleId: string, unitId: string, lang: string): Promise<Translation>
  /** Every translation of an article's live units in one language, in position order. */
  listTranslations(articleId: string, lang: string): Promise<Translation[]>
  /**
   * Write one translation in one transaction: check the version, update, append history.
   * Throws VersionConflict (with the current translation) when `ifVersion` is not current,
   * NotFound for an unknown article or unit, InvalidInput for a language not among the targets.
   */
  writeTranslation(write: TranslationWrite): Promise<Translation>
  /** Every write of a unit's translation, oldest first; all languages unless one is named. */
  history(articleId: string, unitId: string, lang?: string): Promise<HistoryEntry[]>
  /** Coverage counts per article and target language (live units only). */
  coverage(opts?: { articles?: string[]; langs?: string[] }): Promise<CoverageCounts[]>
  /** Live units of one article not yet translated, or stale, in one language, in position order. */
  pendingUnits(articleId: string, lang: string): Promise<PendingUnit[]>
  /** A consistent copy of the whole database to `file`, safe while others use it. */
  backup(file: string): Promise<void>
  close(): Promise<void>
}
