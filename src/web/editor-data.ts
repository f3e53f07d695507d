import type { ArticleSummary, State, StoredUnit, Translation } from '../model/translation.js'
import { MAX_UNIT_PAGE, type Store } from '../store/types.js'
import { progressOf } from './coverage-bar.js'

/** The editor's filters: every segment, untranslated, stale, translated but not reviewed, rejected, or with an open query. */
export const FILTERS = ['all', 'untranslated', 'stale', 'review', 'rejected', 'queries'] as const
export type Filter = (typeof FILTERS)[number]

/** One editor row: a unit, its translation, and whether a paragraph starts with it. */
export interface Row {
  unit: StoredUnit
  tr: Translation
  paragraphStart: boolean
  /** The aligner's confidence 0–1 when the text is unedited aligned text (`tolk align`). */
  aligned?: number
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
  queries: undefined,
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
  if (opts.filter === 'queries') return loadOpenQueries(store, article, lang, opts)
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
  // The aligned confidences of the page's rows, in one read.
  const aligned = await store.aligned.confidences(article.id, lang, rows.map((r) => r.unit.id))
  for (const r of rows) {
    const c = aligned[r.unit.id]
    if (c !== undefined) r.aligned = c
  }
  const counts = coverage[0]?.units ?? { initial: rows.length, translated: 0, reviewed: 0, final: 0, rejected: 0, stale: 0 }
  const matching = {
    all: counts.initial + counts.translated + counts.reviewed + counts.final + counts.rejected,
    untranslated: counts.initial,
    stale: counts.stale,
    review: counts.translated,
    rejected: counts.rejected,
    queries: 0,
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

/**
 * The "open queries" filter: the units with an open query in this language or on the source
 * (few, as a rule), read by id from the store's index of open queries, then the pages of units
 * that hold them. Going back starts again from the first page.
 */
async function loadOpenQueries(
  store: Store,
  article: ArticleSummary,
  lang: string,
  opts: { cursor: EditorCursor; pageSize: number },
): Promise<EditorData> {
  const wanted = new Set(await store.comments.unitsWithOpenQuery(article.id, lang))
  const [coverage] = await store.coverage({ articles: [article.id], langs: [lang] })
  const counts = coverage?.units ?? { initial: 0, translated: 0, reviewed: 0, final: 0, stale: 0 }
  const rows: Row[] = []
  let after = opts.cursor.after ?? 0
  let block = -1
  let more = false
  while (wanted.size > 0) {
    const page = await store.unitPage(article.id, { lang, ownOnly: true, limit: MAX_UNIT_PAGE, after })
    for (const r of page.rows) {
      if (r.translation && wanted.has(r.unit.id)) {
        if (rows.length === opts.pageSize) {
          more = true
          break
        }
        rows.push({ unit: r.unit, tr: r.translation, paragraphStart: r.unit.block !== block && block !== -1 })
      }
      block = r.unit.block
    }
    if (more || page.next === null) break
    after = page.next
  }
  const pages = Math.max(1, Math.ceil(wanted.size / opts.pageSize))
  const data: EditorData = { article, lang, filter: 'queries', page: Math.min(opts.cursor.page, pages), pages, rows, progress: progressOf(counts) }
  const last = rows.at(-1)
  if (more && last) data.next = { page: Math.min(data.page + 1, pages), after: last.unit.position }
  if (opts.cursor.after) data.prev = { page: 1, after: 0 }
  return data
}

/** The query string of an editor page. */
export function editorQuery(filter: Filter, cursor: EditorCursor): string {
  const at = cursor.after !== undefined ? `&after=${cursor.after}` : cursor.before !== undefined ? `&before=${cursor.before}` : ''
  return `?filter=${filter}&page=${cursor.page}${at}`
}
