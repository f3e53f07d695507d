import type {
  Article,
  ArticleSummary,
  HistoryEntry,
  State,
  StoredUnit,
  Translation,
  TranslationWrite,
} from '../model/translation.js'
import type { SegmentedArticle, Warning } from '../model/unit.js'
import type { DocumentFormat, Skeleton } from '../documents/types.js'
import type { TranslationOrigin } from '../model/origin.js'
import type { AlignmentCounts } from '../align/types.js'
import type { TranslationMemory } from '../tm/types.js'
import type { Accounts } from '../auth/types.js'
import type { ResourceSets } from './resource-sets.js'
import type { MtCache } from '../mt/cache-types.js'
import type { TermStore } from '../terms/types.js'
import type { AssignmentStore } from '../team/types.js'
import type { ActivityStore } from '../team/activity-types.js'
import type { CommentStore } from '../team/comment-types.js'
import type { NotificationStore } from '../team/notification-types.js'
import type { AlignedWrites } from '../bitext/types.js'
import type { BatchStore } from '../batch/types.js'
import type { QaStore } from '../qa/types.js'

/** How the article listing is ordered: by title, share done, words left, or last change. */
export const ARTICLE_SORTS = ['name', 'progress', 'left', 'changed'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

/** A page of the article listing; see Store.listArticlesPage. */
export interface ArticleListQuery {
  sort: ArticleSort
  limit: number
  search?: string
  tag?: string
  lang?: string
  /** Languages whose articles come first ("my languages first"). */
  first?: string[]
  /** The cursor a previous page answered as `next`. */
  after?: string
}

/** A page of the article listing: each article with its last change (import or translation write). */
export interface ArticleListPage {
  articles: (ArticleSummary & { changedAt: string })[]
  /** The cursor of the next page; null on the last. */
  next: string | null
}

/** What an import hands the store: the article's fields and its fresh segmentation. */
export interface ImportInput {
  id: string
  tag: string
  lang: string
  title: string
  source: string
  /** Target languages; undefined on re-import keeps the article's targets. */
  targets?: string[]
  /**
   * The text language was given rather than detected (see Article.langConfirmed); undefined keeps
   * what is stored (false for a new article). A change of it alone is a new revision.
   */
  langConfirmed?: boolean
  segmented: SegmentedArticle
  /** Plain text (default), Markdown or HTML: a document's units come with `skeleton`. */
  format?: DocumentFormat
  skeleton?: Skeleton
  /** Who imports, for the activity feed's import log; not recorded when absent. */
  by?: string
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
  units: StateCounts
  words: StateCounts
}

/** Units or words per state; `stale` counts stale ones of every state again (a flag, not a state). */
export interface StateCounts {
  initial: number
  translated: number
  reviewed: number
  final: number
  /** Sent back by a reviewer (schema 23): pending work, like initial. */
  rejected: number
  stale: number
}

/** How many numbers {@link ArticleCoverage.counts} holds per target. */
export const COUNTS_PER_TARGET = 10

/**
 * One article with its coverage counters in every target language, in the compact form reports
 * over many articles read: no object per language or state.
 */
export interface ArticleCoverage extends Omit<ArticleSummary, 'createdAt' | 'updatedAt'> {
  /**
   * Ten numbers ({@link COUNTS_PER_TARGET}) per target, in `targets` order: units and words
   * translated, reviewed, final, then stale units and words (a stale unit counts in its state too),
   * then rejected units and words (schema 23). Units in none of the four states are initial.
   */
  counts: number[]
  /**
   * Two numbers per target, in `targets` order: the live plural units and words whose form the
   * language's CLDR rules lack (Russian `_two`), which are none of its units. Absent when the
   * article has no plural units.
   */
  lacks?: number[]
  /**
   * Four numbers per target, in `targets` order: the words of its translated, reviewed and final
   * units by origin, human, memory, mt, aligned (see OriginWords). Set by reports, which read
   * them with originWords; absent from articleCoverage itself.
   */
  origins?: number[]
  /**
   * Live plural units by form (`one`, `other`, `ordinal_few`), for i18next resource sets with
   * plural units. Set by reports that list units (resourceSets.pluralCounts); absent otherwise.
   */
  plurals?: Record<string, number>
  /**
   * One number per target, in `targets` order: the open queries that language's translators
   * face (those in the language and those on the source). Set by reports (comments.openQueriesOf).
   */
  openQueries?: number[]
}

/**
 * One language's pending units as JSON text: the elements of the report's `untranslated` and
 * `stale` arrays (`{"id":…,"position":…,"source":…}`, comma-separated, in position order),
 * exactly as JSON.stringify writes them.
 */
export interface PendingJson {
  untranslated: string
  stale: string
  /** Rejected units that are not stale (a stale one is listed under `stale`). */
  rejected: string
}

/** The pending lists of a report: each unit in one of them. */
export type PendingList = keyof PendingJson

/**
 * Source words of one article's translated, reviewed and final units in one language, by the
 * origin of the write that set their text: unedited memory or machine text, text aligned from
 * an existing translation (the alignment issue; 0 until then), and the rest, a person's. The
 * four add up to those states' words.
 */
export interface OriginWords {
  articleId: string
  lang: string
  human: number
  memory: number
  mt: number
  aligned: number
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

/** The most units one {@link Store.unitPage} call answers. */
export const MAX_UNIT_PAGE = 1000

/**
 * The most units a filtered {@link Store.unitPage} call examines: a filter that matches few units
 * answers a short (even empty) page with a cursor to go on from, rather than read the whole article.
 */
export const UNIT_PAGE_SCAN = 5000

/** The most history entries one {@link Store.historyPage} call answers. */
export const MAX_HISTORY_PAGE = 1000

/** What {@link Store.unitPage} reads: one page of an article's live units, by position. */
export interface UnitPageQuery {
  /** Join each unit's translation in this language (a version 0 one where never written). */
  lang?: string
  /**
   * Only units in this state in `lang` (`stale`: the stale ones); needs `lang`. A plural form the
   * language lacks is none of its units and never matches.
   */
  state?: State | 'stale'
  /** Only the language's own units: leave out plural forms `lang` lacks (the editor's view). */
  ownOnly?: boolean
  /** The units after this position (exclusive): the `next` of the page before. */
  after?: number
  /** Or the units just before this position (exclusive), going back; still in position order. */
  before?: number
  /** Units per page, 1 to {@link MAX_UNIT_PAGE}. */
  limit: number
}

/** One unit of a page, with its translation in the page's language. */
export interface UnitPageRow {
  unit: StoredUnit
  /** Absent without `lang`, and for a plural form the language lacks. */
  translation?: Translation
}

/** One page of units. */
export interface UnitPage {
  /** The article, without its source text. */
  article: ArticleSummary
  /** The white space before the article's first unit (for the plain-text layout). */
  lead: string
  rows: UnitPageRow[]
  /**
   * Where to go on in the direction read: the position to pass as `after` (or, for a `before`
   * page, as `before`) for the following page; null when no unit lies beyond. A filtered page may
   * hold fewer than `limit` rows, even none, while `next` is not null.
   */
  next: number | null
}

/**
 * What {@link Store.historyPage} reads: a unit's history a page at a time, stepping back in time.
 * The first page holds the newest `limit` entries; each `next` the `limit` entries before those.
 */
export interface HistoryPageQuery {
  /** One language; all when absent. */
  lang?: string
  /** The `next` of the page before (opaque: `sv:812,de:77`); the newest entries when absent. */
  cursor?: string
  /** Entries per page, 1 to {@link MAX_HISTORY_PAGE}. */
  limit: number
}

/** One page of a unit's history. */
export interface HistoryPage {
  /** Oldest first, like {@link Store.history}: a history of `limit` entries or fewer is one page. */
  entries: HistoryEntry[]
  /** The cursor of the page of older entries; null when there are none. */
  next: string | null
}

/**
 * A stored text against the one text rule (src/model/text-rule.ts), written before the store
 * enforced it; schema 14 listed them. Gone from the list once the text is rewritten.
 */
export interface TextFault {
  articleId: string
  /** The unit; null for the article's title. */
  unitId: string | null
  /** The target language of a translation, or the article's language for a source or title. */
  lang: string
  what: 'translation' | 'source' | 'title'
  /** What is wrong, as the rule says it ("holds a control character U+0007 …"). */
  problem: string
}

/** An archived article or i18next namespace, as listings of the archive show it. */
export interface ArchivedArticle extends ArticleSummary {
  /** `resource-set` for an i18next namespace. */
  kind: 'article' | 'resource-set'
  archivedAt: string
  /** Who archived it (an account, or the CLI user). */
  archivedBy: string
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
  /** Engines' answers by engine, pair and source text; see src/mt/cache-types.ts. */
  readonly mtCache: MtCache
  /** Termbases by tag, with the tags each uses; see src/terms/types.ts. */
  readonly terms: TermStore
  /** Who is given which article, language and segments; see src/team/types.ts. */
  readonly assignments: AssignmentStore
  /** The activity feed's sources, one per kind; see src/team/activity-types.ts. */
  readonly activity: ActivityStore
  /** Comments and queries on units, with their history; see src/team/comment-types.ts. */
  readonly comments: CommentStore
  /** In-app notifications per account; see src/team/notification-types.ts. */
  readonly notifications: NotificationStore
  /** Storing an existing translation's sentences on their units (`tolk align`); see src/bitext/types.ts. */
  readonly aligned: AlignedWrites
  /** Find-and-replace and bulk-action batches: previews, what they wrote, undo; see src/batch/types.ts. */
  readonly batches: BatchStore
  /** Dismissals of QA findings, shared by everyone; see src/qa/types.ts. */
  readonly qa: QaStore
  /** The article (or namespace); undefined when there is none or it is archived (see getArchived). */
  getArticle(id: string): Promise<Article | undefined>
  /** Every article without its source text, by id; archived ones are left out. */
  listArticles(): Promise<ArticleSummary[]>
  /**
   * One page of the article listing (the dashboard's), never reading source text: articles whose
   * title or id holds `search` (case-insensitive), of `tag`, with `lang` among their targets;
   * those with a target in `first` before the rest; then by `sort` (progress least done first and
   * words left most first, in `lang` or over all targets; last change, the newest import or
   * translation write, newest first), then by id.
   * `next` is the cursor of the following page (keyset: a page costs the same wherever it is),
   * null on the last. Throws InvalidInput for a cursor it did not write.
   */
  listArticlesPage(query: ArticleListQuery): Promise<ArticleListPage>
  /**
   * Archive an article or i18next namespace, in one transaction: from then on it is in no listing
   * (articles, resource sets, reports, coverage), `getArticle` and `resourceSets.get` answer
   * undefined, reads that name it throw `Archived` (404), and writes, imports and saveMissing posts
   * throw `Archived` (409). Nothing of it changes: units, translations, history, counters and
   * memory entries stay as they are. Throws NotFound for an unknown id, Archived (409) when it is
   * archived already.
   */
  archiveArticle(id: string, opts: { by: string }): Promise<ArchivedArticle>
  /**
   * Bring an archived article or namespace back exactly as it was archived. Throws NotFound for an
   * unknown id, a 409 TolkError `not-archived` when it is not archived.
   */
  restoreArticle(id: string, opts: { by: string }): Promise<ArticleSummary>
  /** The archived article or namespace of this id; undefined for a live or unknown one. */
  getArchived(id: string): Promise<ArchivedArticle | undefined>
  /** Every archived article and namespace, by id. */
  listArchived(): Promise<ArchivedArticle[]>
  /**
   * Units in position order; obsolete ones (at their last position) only when asked.
   * Throws NotFound for an unknown article. Like every read below that names an article, it
   * throws Archived (404) for an archived one, and every write Archived (409).
   */
  listUnits(articleId: string, opts?: { includeObsolete?: boolean }): Promise<StoredUnit[]>
  /**
   * One page of an article's live units in position order (keyset on position), with their
   * translations in one language when asked: reads the page's units and translations only, never
   * the whole article, so its cost does not grow with the article. A filtered page examines at
   * most {@link UNIT_PAGE_SCAN} units. Throws NotFound for an unknown article, InvalidInput for a
   * `limit` out of range, a `state` without `lang`, or both `after` and `before`.
   */
  unitPage(articleId: string, query: UnitPageQuery): Promise<UnitPage>
  /** One live or obsolete unit by id, or undefined. Throws NotFound for an unknown article. */
  getUnit(articleId: string, unitId: string): Promise<StoredUnit | undefined>
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
   * {@link history} a page at a time, newest page first (each page oldest first): reads the
   * page's entries only (each language's chain walked back at most `limit` steps), however long
   * the history. Throws NotFound for unknown ids, InvalidInput for a `limit` out of range or a
   * cursor this store did not give.
   */
  historyPage(articleId: string, unitId: string, query: HistoryPageQuery): Promise<HistoryPage>
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
   * Live units of one article in state initial (with or without a row), rejected, or stale, in one language,
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
  /**
   * Words by origin (see OriginWords) for the named articles, one entry per article and language
   * that has done translations; unknown ids are left out.
   */
  originWords(articleIds: string[]): Promise<OriginWords[]>
  /** Stored texts against the text rule, by article, unit and language (see TextFault). */
  textFaults(): Promise<TextFault[]>
  /**
   * pendingUnitsJson of one language and one list (`untranslated`, `stale` or `rejected`) for a stretch of the
   * article: the items among the next `limit` live units after position `after` (the stretch
   * examined, whatever it finds), and where the next stretch starts (null at the end). Lets a
   * report of a very large article stream its lists. Throws NotFound for an unknown article.
   */
  pendingUnitsJsonPage(
    articleId: string,
    lang: string,
    list: PendingList,
    after: number,
    limit: number,
  ): Promise<{ json: string; next: number | null }>
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
  /** A rejection's reason (schema 23), so an open editor shows it at once; absent otherwise. */
  reason?: string
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
