import type { ArticleSummary, State, StoredUnit, Translation } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { progressOf } from './coverage-bar.js'

/** The editor's filters: every segment, untranslated, stale, translated but not reviewed, or rejected. */
export const FILTERS = ['all', 'untranslated', 'stale', 'review', 'rejected'] as const
export type Filter = (typeof FILTERS)[number]

/** One editor row: a unit, its translation, and whether a paragraph starts with it. */
export interface Row {
  unit: StoredUnit
  tr: Translation
  paragraphStart: boolean
}

/** Where an editor page starts: after a position, or before one (going back); the page's number. */
export interface EditorCursor {
  page: number
  after?: number
  before?: number
}

/** Everything one editor page shows. */
export interface EditorData {
  article: ArticleSummary
  lang: string
  filter: Filter
  page: number
  pages: number
  rows: Row[]
  /** The cursor of the next page, or undefined on the last. */
  next?: EditorCursor
  /** The cursor of the page before, or undefined on the first. */
  prev?: EditorCursor
  progress: { done: number; total: number; left: number }
}

/** The store's filter for each of the editor's. */
const STATE: Record<Filter, State | 'stale' | undefined> = {
  all: undefined,
  untranslated: 'initial',
  stale: 'stale',
  review: 'translated',
  rejected: 'rejected',
}

/** Parse the `filter` query parameter, falling back to all. */
export function parseFilter(v: string | undefined): Filter {
  return (FILTERS as readonly string[]).includes(v ?? '') ? (v as Filter) : 'all'
}

/** Parse `page`, `after` and `before` from the query; anything malformed reads as the first page. */
export function parseCursor(q: (name: string) => string | undefined): EditorCursor {
  const num = (v: string | undefined) => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : undefined)
  const page = Math.max(1, num(q('page')) ?? 1)
  const after = num(q('after'))
  const before = num(q('before'))
  if (after !== undefined) return { page, after }
  if (before !== undefined) return { page, before }
  return { page: 1 }
}

/**
 * Read one page of the editor: one keyset page of the store (the page's units and translations
 * only, however long the article), the unit before it (for the paragraph mark), and progress and
 * the page count from the store's counters. A filtered page examines a stretch of the article at
 * most (see UNIT_PAGE_SCAN), so it may show fewer rows than `pageSize` and still have a next page.
 */
export async function loadEditor(
  store: Store,
  article: ArticleSummary,
  lang: string,
  opts: { filter: Filter; cursor: EditorCursor; pageSize: number },
): Promise<EditorData> {
  const state = STATE[opts.filter]
  const { cursor } = opts
  const [read, coverage] = await Promise.all([
    store.unitPage(article.id, {
      lang,
      ownOnly: true,
      limit: opts.pageSize,
      ...(state ? { state } : {}),
      ...(cursor.before !== undefined ? { before: cursor.before } : { after: cursor.after ?? 0 }),
    }),
    store.coverage({ articles: [article.id], langs: [lang] }),
  ])
  const first = read.rows[0]
  // A paragraph starts where a unit's block differs from the block of the unit before it.
  const before = first ? (await store.unitPage(article.id, { limit: 1, before: first.unit.position })).rows[0] : undefined
  let block = before ? before.unit.block : -1
  const rows: Row[] = []
  for (const r of read.rows) {
    if (!r.translation) continue
    rows.push({ unit: r.unit, tr: r.translation, paragraphStart: r.unit.block !== block && block !== -1 })
    block = r.unit.block
  }
  const counts = coverage[0]?.units ?? { initial: rows.length, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 }
  const matching = {
    all: counts.initial + counts.translated + counts.reviewed + counts.final + counts.rejected,
    untranslated: counts.initial,
    stale: counts.stale,
    review: counts.translated,
    rejected: counts.rejected,
  }[opts.filter]
  const pages = Math.max(1, Math.ceil(matching / opts.pageSize))
  const backwards = cursor.before !== undefined
  // Back at the start, the page is the first, whatever the link said.
  const page = backwards && read.next === null ? 1 : Math.min(Math.max(1, cursor.page), pages)
  // Going back, `next` of the store is the way further back; going on, the way further on.
  const firstPos = read.rows[0]?.unit.position
  const lastPos = read.rows.at(-1)?.unit.position
  const onward = backwards ? lastPos ?? cursor.before! - 1 : read.next ?? undefined
  const back = backwards ? read.next ?? undefined : cursor.after ? firstPos ?? cursor.after + 1 : undefined
  const data: EditorData = { article, lang, filter: opts.filter, page, pages, rows, progress: progressOf(counts) }
  const more = backwards || read.next !== null
  if (more && onward !== undefined) data.next = { page: Math.min(page + 1, pages), after: onward }
  if (back !== undefined && (backwards ? read.next !== null : true)) data.prev = { page: Math.max(1, page - 1), before: back }
  return data
}

/** The query string of an editor page. */
export function editorQuery(filter: Filter, cursor: EditorCursor): string {
  const at = cursor.after !== undefined ? `&after=${cursor.after}` : cursor.before !== undefined ? `&before=${cursor.before}` : ''
  return `?filter=${filter}&page=${cursor.page}${at}`
}
