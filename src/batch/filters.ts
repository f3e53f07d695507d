/**
 * The filters of a batch, one predicate per filter, each prepared once per article (it may read
 * the store: memory matches, QA findings, open queries) and then asked unit by unit.
 *
 * `qaFinding` and `openQuery` read what other capabilities keep (QA findings, the team's queries),
 * through `other-capabilities.ts`.
 */
import { InvalidInput } from '../model/errors.js'
import { STATES, type State, type StoredUnit, type Translation } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { bestMatches } from '../tm/pretranslate.js'
import { openQueryUnits, qaFindingUnits } from './other-capabilities.js'
import type { BatchFilter } from './types.js'

/** One live unit of the scope with its translation in the batch's language. */
export interface ScopeRow {
  unit: StoredUnit
  translation: Translation
}

/** An article of the scope, with its rows in position order. */
export interface ScopeArticle {
  article: { id: string; tag: string; lang: string }
  lang: string
  rows: ScopeRow[]
}

/** A filter's question about one row (its index in the article's rows). */
export type RowPredicate = (row: ScopeRow, index: number) => boolean

/** One predicate per filter, prepared for an article. */
export interface BatchFilters {
  state(states: State[]): RowPredicate
  stale(want: boolean): RowPredicate
  range(spec: string): RowPredicate
  minMatch(min: number, scope: ScopeArticle): Promise<RowPredicate>
  qaFinding(want: boolean, scope: ScopeArticle): Promise<RowPredicate>
  openQuery(want: boolean, scope: ScopeArticle): Promise<RowPredicate>
}

/** The filters, reading the store where they need to. */
export function createBatchFilters(store: Store): BatchFilters {
  const inSet = async (units: Promise<ReadonlySet<string>>, want: boolean): Promise<RowPredicate> => {
    const set = await units
    return (r) => set.has(r.unit.id) === want
  }
  return {
    state: (states) => (r) => states.includes(r.translation.state),
    stale: (want) => (r) => r.translation.stale === want,
    range(spec) {
      const { from, to } = parseRange(spec)
      return (r) => r.unit.position >= from && r.unit.position <= to
    },
    async minMatch(min, scope) {
      const units = scope.rows.map((r) => r.unit)
      const best = await bestMatches(store, scope.article, units, units.map((_, i) => i), scope.lang, min)
      return (_r, i) => best[i] !== undefined
    },
    qaFinding: (want, scope) => inSet(qaFindingUnits(store, scope.article.id, scope.lang), want),
    openQuery: (want, scope) => inSet(openQueryUnits(store, scope.article.id, scope.lang), want),
  }
}

/** The predicates of a filter for one article, all of which must hold. */
export async function preparedFilter(filters: BatchFilters, f: BatchFilter, scope: ScopeArticle): Promise<RowPredicate> {
  const all: RowPredicate[] = []
  if (f.state !== undefined) all.push(filters.state(f.state))
  if (f.stale !== undefined) all.push(filters.stale(f.stale))
  if (f.range !== undefined) all.push(filters.range(f.range))
  if (f.minMatch !== undefined) all.push(await filters.minMatch(f.minMatch, scope))
  if (f.qaFinding !== undefined) all.push(await filters.qaFinding(f.qaFinding, scope))
  if (f.openQuery !== undefined) all.push(await filters.openQuery(f.openQuery, scope))
  return (r, i) => all.every((p) => p(r, i))
}

/** Check a filter before any store read: states known, range well formed, minMatch 0–101. */
export function checkFilter(f: BatchFilter): void {
  for (const s of f.state ?? []) {
    if (!(STATES as readonly string[]).includes(s)) throw new InvalidInput(`unknown state "${s}": use ${STATES.join(', ')}`, 'invalid-batch')
  }
  if (f.range !== undefined) parseRange(f.range)
  if (f.minMatch !== undefined && !(Number.isInteger(f.minMatch) && f.minMatch >= 0 && f.minMatch <= 101)) {
    throw new InvalidInput('minMatch is a score from 0 to 101', 'invalid-batch')
  }
}

/** `"1-40"` → positions 1 to 40; `"7"` → 7 only; `"30-"` → 30 to the end. */
export function parseRange(spec: string): { from: number; to: number } {
  const m = /^\s*(\d{1,9})\s*(?:(-)\s*(\d{1,9})?)?\s*$/.exec(spec)
  const from = Number(m?.[1])
  const to = m?.[2] ? (m[3] ? Number(m[3]) : Number.MAX_SAFE_INTEGER) : from
  if (!m || from < 1 || to < from) {
    throw new InvalidInput(`range "${spec}" is not a segment range: write 1-40, 7 or 30- (positions from 1)`, 'invalid-batch')
  }
  return { from, to }
}
