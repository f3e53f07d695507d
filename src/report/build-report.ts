import { NotFound } from '../model/errors.js'
import type { ArticleSummary } from '../model/translation.js'
import type { CoverageCounts, PendingUnit, Store } from '../store/types.js'

/** Units or words per state; a stale unit counts in its state and again in `stale`. */
export interface StateCounts {
  initial: number
  translated: number
  reviewed: number
  final: number
  stale: number
}

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
  untranslated?: ReportedUnit[]
  stale?: ReportedUnit[]
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
  /** Coverage only, without the lists of untranslated and stale segments. */
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
  const articles = await selectArticles(store, opts.articles)
  // Without named articles, ask for all: one pass over the counters, no id list to match.
  const named = opts.articles && opts.articles.length > 0
  const counts = await store.coverage({
    ...(named ? { articles: articles.map((a) => a.id) } : {}),
    ...(opts.langs ? { langs: opts.langs } : {}),
  })
  const byArticle = new Map<string, CoverageCounts[]>()
  for (const c of counts) {
    const list = byArticle.get(c.articleId)
    if (list) list.push(c)
    else byArticle.set(c.articleId, [c])
  }

  for (const article of articles) {
    const langs = (opts.langs ?? article.targets).filter((l) => article.targets.includes(l))
    const rows = byArticle.get(article.id) ?? []
    const total = totalsOf(rows[0])
    const languages: Record<string, LanguageReport> = {}
    for (const lang of langs) {
      const row = rows.find((r) => r.lang === lang)
      const units = row?.units ?? { ...EMPTY, initial: total.units }
      const words = row?.words ?? { ...EMPTY, initial: total.words }
      const report: LanguageReport = { coverage: coverageOf(words), units, words }
      if (!opts.summary) Object.assign(report, listPending(await store.pendingUnits(article.id, lang)))
      languages[lang] = report
    }
    yield {
      id: article.id,
      tag: article.tag,
      lang: article.lang,
      title: article.title,
      revision: article.revision,
      units: total.units,
      words: total.words,
      languages,
    }
  }
}

const EMPTY: StateCounts = { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 }

/** Share of words done and not stale; an article without words is complete. */
export function coverageOf(words: StateCounts): number {
  const total = words.initial + words.translated + words.reviewed + words.final
  if (total === 0) return 1
  const done = Math.max(0, words.translated + words.reviewed + words.final - words.stale)
  return done / total
}

function totalsOf(row: CoverageCounts | undefined): { units: number; words: number } {
  if (!row) return { units: 0, words: 0 }
  const sum = (c: StateCounts) => c.initial + c.translated + c.reviewed + c.final
  return { units: sum(row.units), words: sum(row.words) }
}

function listPending(pending: PendingUnit[]): { untranslated: ReportedUnit[]; stale: ReportedUnit[] } {
  const untranslated: ReportedUnit[] = []
  const stale: ReportedUnit[] = []
  for (const u of pending) {
    const entry: ReportedUnit = { id: u.id, position: u.position, source: u.source }
    if (u.plural) entry.plural = u.plural
    if (u.key !== null) entry.key = u.key
    if (u.stale) stale.push(entry)
    else untranslated.push(entry)
  }
  return { untranslated, stale }
}

async function selectArticles(store: Store, ids: string[] | undefined): Promise<ArticleSummary[]> {
  if (!ids || ids.length === 0) return store.listArticles()
  const found: ArticleSummary[] = []
  for (const id of ids) {
    const a = await store.getArticle(id)
    if (!a) throw new NotFound(`no article ${id}`, 'unknown-article')
    found.push(a)
  }
  return found
}
