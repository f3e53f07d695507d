import type { ArticleSummary, StoredUnit, Translation } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { progressOf } from './coverage-bar.js'
import type { ArticleUnits } from './unit-cache.js'

/** The editor's filters: every segment, untranslated, stale, or translated but not reviewed. */
export const FILTERS = ['all', 'untranslated', 'stale', 'review'] as const
export type Filter = (typeof FILTERS)[number]

/** One editor row: a unit, its translation, and whether a paragraph starts with it. */
export interface Row {
  unit: StoredUnit
  tr: Translation
  paragraphStart: boolean
}

/** Everything one editor page shows. */
export interface EditorData {
  article: ArticleSummary
  lang: string
  filter: Filter
  page: number
  pages: number
  rows: Row[]
  progress: { done: number; total: number; left: number }
}

const KEEP: Record<Filter, (r: Row) => boolean> = {
  all: () => true,
  untranslated: (r) => r.tr.state === 'initial',
  stale: (r) => r.tr.stale,
  review: (r) => r.tr.state === 'translated',
}

/** Parse the `filter` query parameter, falling back to all. */
export function parseFilter(v: string | undefined): Filter {
  return (FILTERS as readonly string[]).includes(v ?? '') ? (v as Filter) : 'all'
}

/**
 * Read one page of the editor: units and translations in two store calls, filtered, then cut to
 * `pageSize` rows; progress from the store's counters. Undefined when `lang` is not a target.
 */
export async function loadEditor(
  store: Store,
  article: ArticleSummary,
  lang: string,
  opts: {
    filter: Filter
    page: number
    pageSize: number
    units: (a: ArticleSummary) => Promise<ArticleUnits>
  },
): Promise<EditorData> {
  const [{ list: units }, translations, coverage] = await Promise.all([
    opts.units(article),
    store.listTranslations(article.id, lang),
    store.coverage({ articles: [article.id], langs: [lang] }),
  ])
  const byUnit = new Map(translations.map((t) => [t.unitId, t]))
  const all: Row[] = []
  let block = -1
  for (const unit of units) {
    const tr = byUnit.get(unit.id)
    if (!tr) continue
    all.push({ unit, tr, paragraphStart: unit.block !== block && block !== -1 })
    block = unit.block
  }
  const kept = opts.filter === 'all' ? all : all.filter(KEEP[opts.filter])
  const pages = Math.max(1, Math.ceil(kept.length / opts.pageSize))
  const page = Math.min(Math.max(1, opts.page), pages)
  const rows = kept.slice((page - 1) * opts.pageSize, page * opts.pageSize)
  const counts = coverage[0]?.units ?? {
    initial: all.length,
    translated: 0,
    reviewed: 0,
    final: 0,
    stale: 0,
  }
  return { article, lang, filter: opts.filter, page, pages, rows, progress: progressOf(counts) }
}

/** The page (1-based) holding a unit under a filter, so a save returns to its row. */
export function pageOf(position: number, pageSize: number): number {
  return Math.max(1, Math.ceil(position / pageSize))
}
