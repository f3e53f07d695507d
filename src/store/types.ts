import type {
  Article,
  ArticleSummary,
  HistoryEntry,
  StoredUnit,
  Translation,
  TranslationWrite,
} from '../model/translation.js'
import type { SegmentedArticle, Warning } from '../model/unit.js'
import type { State } from '../model/translation.js'
import type { TranslationOrigin } from '../model/origin.js'
import type { AlignmentCounts } from '../align/types.js'
import type { TranslationMemory } from '../tm/types.js'
import type { Accounts } from '../auth/types.js'
import type { ResourceSets } from './resource-sets.js'

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
  /**
   * The revision the article is at after the import. On a dry run, the revision the import
   * would produce (the current one when nothing would change).
   */
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

/**
 * One article with its coverage counters in every target language, in the compact form reports
 * over many articles read: no object per language or state.
 */
export interface ArticleCoverage extends Omit<ArticleSummary, 'createdAt' | 'updatedAt'> {
  /**
   * Eight numbers per target, in `targets` order: units and words
   * translated, reviewed, final, then stale units and words (a stale unit counts in its state too).
   * Units in none of the three are initial.
   */
  counts: number[]
  /**
   * Two numbers per target, in `targets` order: the live plural units and words whose form the
   * language's CLDR rules lack (Russian `_two`), which are none of its units. Absent when the
   * article has no plural units.
   */
  lacks?: number[]
}

/**
 * One language's pending units as JSON text: the elements of the report's `untranslated` and
 * `stale` arrays (`{"id":…,"position":…,"source":…}`, comma-separated, in position order),
 * exactly as JSON.stringify writes them.
 */
export interface PendingJson {
  untranslated: string
  stale: string
}

/** A unit that still needs work in one language, for report listings. */
export interface PendingUnit {
  id: string
  position: number
  source: string
  words: number
  stale: boolean
  state: string
  /** An i18next plural form (`few`, `ordinal_two`), else null. */
  plural: string | null
  /** The i18next key of a unit whose id is derived from it (see unitIdOfKey), else null. */
  key: string | null
}

/**
 * Where articles, units, translations and history live. Asynchronous so that a PostgreSQL store
 * can implement it later; hot loops (imports, reports) are single calls that run their whole
 * transaction inside the store.
 */
export interface Store {
  /** The translation memory: every translated unit plus imported TMX; see src/tm/. */
  readonly memory: TranslationMemory
  /** Accounts, grants and API token hashes; see src/auth/. */
  readonly accounts: Accounts
  /** i18next namespaces stored as documents whose units are their keys; see resource-sets.ts. */
  readonly resourceSets: ResourceSets
  getArticle(id: string): Promise<Article | undefined>
  /** Every article without its source text, by id. */
  listArticles(): Promise<ArticleSummary[]>
  /**
   * Units in position order; obsolete ones (at their last position) only when asked.
   * Throws NotFound for an unknown article.
   */
  listUnits(articleId: string, opts?: { includeObsolete?: boolean }): Promise<StoredUnit[]>
  /**
   * Import or re-import one article in one transaction; with dryRun, plan only and write nothing.
   * Units take the ids alignment gives them; edited units' translations (those with text) turn
   * stale, keeping `madeFrom` (the old source) and their version; removed units turn obsolete.
   * Throws InvalidInput for bad ids, tags or languages, a target equal to the text language,
   * or units that do not give back `source`.
   */
  importArticle(input: ImportInput, opts?: { dryRun?: boolean }): Promise<ImportSummary>
  /** The current translation (version 0, `initial`, when never written). Throws NotFound. */
  getTranslation(articleId: string, unitId: string, lang: string): Promise<Translation>
  /**
   * One translation per live unit of an article in one language, in position order; a unit never
   * written in that language reads as version 0 (as getTranslation). Throws NotFound.
   */
  listTranslations(articleId: string, lang: string): Promise<Translation[]>
  /**
   * Write one translation in one transaction: check the version, update, append history.
   * Throws VersionConflict (with the current translation) when `ifVersion` is not current,
   * NotFound for an unknown article or unit (or an obsolete one), InvalidInput for a language not
   * among the targets or an unknown state.
   *
   * Every accepted write is a write: a new version and a history entry, even when text and state
   * are unchanged. `stale` clears when the text changes, or when the state is reviewed/final (a
   * reviewer confirming the text against the new source); otherwise it stays, and `madeFrom`
   * keeps the old source so the change can still be shown; otherwise `madeFrom` is the current
   * source.
   */
  writeTranslation(write: TranslationWrite): Promise<Translation>
  /**
   * Every write of a unit's translation, oldest first; all languages unless one is named.
   * Obsolete units keep theirs. Throws NotFound for unknown ids.
   */
  history(articleId: string, unitId: string, lang?: string): Promise<HistoryEntry[]>
  /**
   * The writes of translations of one article and language after event `after` (a history
   * `seq`), oldest first, at most `limit`: what the editor's live stream sends. Each carries the
   * text and state that write made, and whether the translation is stale now. Shared by every
   * process on the database: their writes land in one history.
   */
  translationEvents(
    articleId: string,
    lang: string,
    after: number,
    limit: number,
  ): Promise<TranslationEvent[]>
  /** The id of the latest translation event of any document (0 when none), where a new stream starts. */
  lastEventId(): Promise<number>
  /**
   * Note where a person is in an article and language (`unit` '' when they left), and whether
   * they are typing. A hint for colleagues, never a lock.
   */
  reportPresence(p: Omit<Presence, 'seq' | 'at'>, now?: Date): Promise<void>
  /** The presence reports of one article and language after `after` (a `seq`), oldest first. */
  presenceAfter(articleId: string, lang: string, after: number): Promise<Presence[]>
  /** The `seq` of the latest presence report of any document (0 when none). */
  lastPresenceSeq(): Promise<number>
  /**
   * Coverage counts per article and target language (live units only), ordered by article id,
   * then target order. Answered from counters kept by the write paths, not by scanning units.
   * Throws NotFound when a named article does not exist.
   */
  coverage(opts?: { articles?: string[]; langs?: string[] }): Promise<CoverageCounts[]>
  /**
   * Live units of one article in state initial (with or without a row), or stale, in one language,
   * in position order. Throws NotFound for an unknown article.
   */
  pendingUnits(articleId: string, lang: string): Promise<PendingUnit[]>
  /**
   * Articles with their coverage counters in each target language, in one read: the named ones
   * in the order named, else all by id, or a page of them (`limit` articles with ids after
   * `after`), so a report over a large database holds one page at a time. Throws NotFound when
   * a named article does not exist.
   */
  articleCoverage(opts?: { articles?: string[]; after?: string; limit?: number }): Promise<ArticleCoverage[]>
  /**
   * pendingUnits of one article for several languages in one read: one list per language, in
   * the order of `langs`. Throws NotFound for an unknown article.
   */
  pendingUnitsByLang(articleId: string, langs: string[]): Promise<PendingUnit[][]>
  /**
   * pendingUnitsByLang written as JSON text by the database, for listings too large to build
   * as objects. Throws NotFound for an unknown article.
   */
  pendingUnitsJson(articleId: string, langs: string[]): Promise<PendingJson[]>
  /** A consistent copy of the whole database to `file` (folders made), safe while others write. */
  backup(file: string): Promise<void>
  /** Release the database; calling it twice is harmless. */
  close(): Promise<void>
}

/** One write of a translation, as the editor's live stream sends it (`event: translation`). */
export interface TranslationEvent {
  /** Increasing over the whole database: the stream's `id:`, and what `Last-Event-ID` resumes from. */
  id: number
  unit: string
  lang: string
  text: string
  state: State
  /** Whether the translation is stale now (a later re-import may have made it so). */
  stale: boolean
  version: number
  author: string
  origin: TranslationOrigin | null
}

/** Where one person is in an article and language (`event: presence`). */
export interface Presence {
  articleId: string
  lang: string
  user: string
  /** The segment they are at; '' once they left. */
  unit: string
  typing: boolean
  /** When it was reported (ISO 8601). */
  at: string
  seq: number
}
