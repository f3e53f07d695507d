import { type ArticleCoverage, COUNTS_PER_TARGET, type PendingUnit, type StateCounts, type Store } from '../store/types.js'

/** Units or words per state; a stale unit counts in its state and again in `stale`. */
export type { StateCounts }

/** One segment that still needs work. */
export interface ReportedUnit {
  id: string
  position: number
  source: string
  /** An i18next plural form (`few`, `ordinal_two`): one string of a plural group. */
  plural?: string
  /** The i18next key, when it is no valid unit id (the id is derived from it). */
  key?: string
}

export interface LanguageReport {
  /** Share 0..1 of the article's words in translated, reviewed or final that are not stale. */
  coverage: number
  units: StateCounts
  words: StateCounts
  /** Words of translated, reviewed and final units by the origin of their text; they add up to those. */
  wordsByOrigin?: { human: number; memory: number; mt: number; aligned: number }
  /** Open queries this language's translators face: those asked in it and those on the source (not in a summary). */
  openQueries?: number
  untranslated?: ReportedUnit[]
  stale?: ReportedUnit[]
  /** Units a reviewer sent back (not stale: a stale one is under `stale`). */
  rejected?: ReportedUnit[]
}

export interface ArticleReport {
  id: string
  tag: string
  lang: string
  title: string
  revision: number
  /** Live units and their words (obsolete units count nowhere). */
  units: number
  words: number
  /** A resource set's live plural units by form; absent in a summary and without plural units. */
  plurals?: Record<string, number>
  languages: Record<string, LanguageReport>
}

/** The JSON of `tolk report --format json` and `GET /api/report`. */
export interface Report {
  articles: ArticleReport[]
}

export interface ReportOptions {
  /** Article ids; all when empty or absent. */
  articles?: string[]
  /** Target languages; each article's own targets when absent. */
  langs?: string[]
  /**
   * Coverage only, from the counters: without the lists of untranslated and stale segments, and
   * without wordsByOrigin (which reads every done translation's last text-setting write).
   */
  summary?: boolean
}

/**
 * Coverage per article and target language, and (unless `summary`) each untranslated or stale
 * segment. Coverage comes from the store's counters in one call; listings are read per article.
 */
export async function buildReport(store: Store, opts: ReportOptions = {}): Promise<Report> {
  const articles: ArticleReport[] = []
  for await (const a of reportArticles(store, opts)) articles.push(a)
  return { articles }
}

/**
 * The report one article at a time, so a caller can stream a listing of a large database in
 * bounded memory: only one article's untranslated segments are held at once.
 */
export async function* reportArticles(store: Store, opts: ReportOptions = {}): AsyncGenerator<ArticleReport> {
  for await (const { article, langs, pending } of reportRows(store, opts, (a, ls) => store.pendingUnitsByLang(a.id, ls))) {
    yield toArticleReport(article, langs, pending ?? undefined)
  }
}

/** What one article of a report is made of, before it takes its shape (objects or JSON text). */
export interface ReportRow<P> {
  article: ArticleCoverage
  /** The languages reported, in order: the asked ones among the article's targets. */
  langs: string[]
  /**
   * Per language of `langs`, its pending units (in the form `pendingOf` reads); absent for a
   * summary, null where `pendingOf` left them for the caller to read.
   */
  pending?: P[] | null
}

/**
 * The articles of a report with their counters, and unless `summary` their pending units as
 * `pendingOf` reads them, one article at a time.
 */
export async function* reportRows<P>(
  store: Store,
  opts: ReportOptions,
  pendingOf: (article: ArticleCoverage, langs: string[]) => Promise<P[] | null>,
): AsyncGenerator<ReportRow<P>> {
  for await (const page of coveragePages(store, opts.articles)) {
    // A summary stays on the counters alone (its target: a million units under a second).
    if (!opts.summary) {
      await addOrigins(store, page)
      await addPlurals(store, page)
      await addOpenQueries(store, page)
    }
    for (const article of page) {
      const langs = opts.langs ? opts.langs.filter((l) => article.targets.includes(l)) : article.targets
      if (opts.summary || langs.length === 0) yield { article, langs }
      else yield { article, langs, pending: await pendingOf(article, langs) }
    }
  }
}

/** Give each article of a page its words by origin (ArticleCoverage.origins), in one read. */
async function addOrigins(store: Store, page: ArticleCoverage[]): Promise<void> {
  const byId = new Map(page.map((a) => [a.id, a]))
  for (const a of page) a.origins = new Array<number>(a.targets.length * 4).fill(0)
  for (const o of await store.originWords(page.map((a) => a.id))) {
    const a = byId.get(o.articleId)
    const k = a ? a.targets.indexOf(o.lang) : -1
    if (k >= 0) a!.origins!.splice(k * 4, 4, o.human, o.memory, o.mt, o.aligned)
  }
}

/** Give each resource set of a page with plural units its units by form, in one read of the counters. */
async function addPlurals(store: Store, page: ArticleCoverage[]): Promise<void> {
  if (!page.some((a) => a.lacks)) return
  const counts = await store.resourceSets.pluralCounts(page.filter((a) => a.lacks).map((a) => a.id))
  for (const a of page) {
    const forms = counts.get(a.id)
    if (forms) a.plurals = forms
  }
}

/** Give each article of a page its open queries per target (ArticleCoverage.openQueries), in one read. */
async function addOpenQueries(store: Store, page: ArticleCoverage[]): Promise<void> {
  const byId = new Map(page.map((a) => [a.id, a]))
  for (const a of page) a.openQueries = new Array<number>(a.targets.length).fill(0)
  for (const o of await store.comments.openQueriesOf(page.map((a) => a.id))) {
    const a = byId.get(o.article)
    if (!a) continue
    // A query on the source is open for every language.
    a.targets.forEach((t, k) => {
      if (o.lang === '' || o.lang === t) a.openQueries![k]! += o.open
    })
  }
}

/** Articles read per page: a large database is never held whole (nor kept long enough to cost the collector). */
const PAGE = 1000

/**
 * The named articles at once, or every article a page at a time. The next page is asked for
 * before this one is handed on, so that a database server reads it while the caller turns this
 * one into JSON (on PostgreSQL the two took about the same time, one after the other).
 */
async function* coveragePages(store: Store, named: string[] | undefined): AsyncGenerator<ArticleCoverage[]> {
  if (named && named.length > 0) {
    yield await store.articleCoverage({ articles: named })
    return
  }
  let next: Promise<ArticleCoverage[]> | undefined = store.articleCoverage({ after: '', limit: PAGE })
  try {
    while (next) {
      const page: ArticleCoverage[] = await next
      const last = page[page.length - 1]
      next = last && page.length === PAGE ? store.articleCoverage({ after: last.id, limit: PAGE }) : undefined
      yield page
    }
  } finally {
    // A caller that stopped early leaves the page read ahead unread: its failure is no one's.
    next?.catch(() => {})
  }
}

/** One article's report; `pending` adds the lists of untranslated and stale segments. */
export function toArticleReport(a: ArticleCoverage, langs: readonly string[], pending?: PendingUnit[][]): ArticleReport {
  // An article reported in no language counts no units (as it always has: totals come from
  // the language rows).
  const units = langs.length > 0 ? a.units : 0
  const words = langs.length > 0 ? a.words : 0
  const languages: Record<string, LanguageReport> = {}
  langs.forEach((lang, i) => {
    const report = languageReport(a, lang)
    const list = pending?.[i]
    if (list) Object.assign(report, listPending(list))
    languages[lang] = report
  })
  return { id: a.id, tag: a.tag, lang: a.lang, title: a.title, revision: a.revision, units, words, ...(a.plurals ? { plurals: a.plurals } : {}), languages }
}

/** Units and words per state and the coverage of one target language, from the counters. */
function languageReport(a: ArticleCoverage, lang: string): LanguageReport {
  const k = a.targets.indexOf(lang)
  const at = k * COUNTS_PER_TARGET
  const c = (i: number) => a.counts[at + i] ?? 0
  // Plural forms the language lacks are none of its units.
  const liveUnits = a.units - (a.lacks?.[k * 2] ?? 0)
  const liveWords = a.words - (a.lacks?.[k * 2 + 1] ?? 0)
  const units = { initial: liveUnits - c(0) - c(2) - c(4) - c(8), translated: c(0), reviewed: c(2), final: c(4), rejected: c(8), stale: c(6) }
  const words = { initial: liveWords - c(1) - c(3) - c(5) - c(9), translated: c(1), reviewed: c(3), final: c(5), rejected: c(9), stale: c(7) }
  const report: LanguageReport = { coverage: coverageOf(words), units, words }
  if (a.origins) {
    const o = (i: number) => a.origins![k * 4 + i] ?? 0
    report.wordsByOrigin = { human: o(0), memory: o(1), mt: o(2), aligned: o(3) }
  }
  if (a.openQueries) report.openQueries = a.openQueries[k] ?? 0
  return report
}

/** Share of words done and not stale; an article without words is complete. */
export function coverageOf(words: Omit<StateCounts, 'rejected'> & { rejected?: number }): number {
  const total = words.initial + words.translated + words.reviewed + words.final + (words.rejected ?? 0)
  if (total === 0) return 1
  const done = Math.max(0, words.translated + words.reviewed + words.final - words.stale)
  return done / total
}

function listPending(pending: PendingUnit[]): { untranslated: ReportedUnit[]; stale: ReportedUnit[]; rejected: ReportedUnit[] } {
  const untranslated: ReportedUnit[] = []
  const stale: ReportedUnit[] = []
  const rejected: ReportedUnit[] = []
  for (const u of pending) {
    const entry: ReportedUnit = { id: u.id, position: u.position, source: u.source }
    if (u.plural) entry.plural = u.plural
    if (u.key !== null) entry.key = u.key
    if (u.stale) stale.push(entry)
    else if (u.state === 'rejected') rejected.push(entry)
    else untranslated.push(entry)
  }
  return { untranslated, stale, rejected }
}
