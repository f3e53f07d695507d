/**
 * Batch work (issue #21): find and replace and bulk actions over many units of one language,
 * always previewed first, applied through the versioned write path with the version seen at the
 * preview, and undone as one. See docs/batch.md.
 */
import type { State } from '../model/translation.js'

/** What a batch does to each unit it selects. */
export const BATCH_ACTIONS = ['replace', 'set-state', 'accept-match', 'copy-source', 'confirm', 'undo'] as const
export type BatchAction = (typeof BATCH_ACTIONS)[number]

/** Where a batch looks: named articles, or a tag's articles and resource sets, in one language. */
export interface BatchScope {
  articles?: string[]
  tag?: string
  lang: string
}

/** Which units of the scope a batch touches; every filter given must hold. */
export interface BatchFilter {
  /** Units in one of these states. */
  state?: State[]
  /** Stale units (true) or units that are not stale (false). */
  stale?: boolean
  /** Units with (true) or without (false) an open QA finding (wt-qa). */
  qaFinding?: boolean
  /** Units with (true) or without (false) an open query (wt-comments). */
  openQuery?: boolean
  /** Units whose best memory match scores at least this, 0–101. */
  minMatch?: number
  /** Units at these positions, 1-based and inclusive: `"1-40"`, `"7"`. */
  range?: string
}

/** Find and replace's options. */
export interface ReplaceOptions {
  find: string
  replace: string
  /** `find` is a JavaScript regular expression; `replace` may use `$1`, `$<name>`, `$&`. */
  regex?: boolean
  caseSensitive?: boolean
  /** Match only whole words (no letter, digit or `_` either side). */
  wholeWords?: boolean
}

/** What a caller asks of {@link planBatch}. */
export type BatchRequest = {
  scope: BatchScope
  filter?: BatchFilter
} & (
  | ({ action: 'replace' } & ReplaceOptions)
  | { action: 'set-state'; state: State }
  | { action: 'accept-match'; min: number }
  | { action: 'copy-source' }
  | { action: 'confirm' }
)

/** A word diff part: text that stayed, was added or was removed. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed'
  text: string
}

/** One unit a batch changes (or would change). */
export interface BatchChange {
  article: string
  unit: string
  lang: string
  /** 1-based position in the article. */
  position: number
  /** The version seen at the preview: the If-Match of the write. */
  version: number
  before: string
  after: string
  stateBefore: State
  stateAfter: State
  diff: DiffPart[]
  /** The version the write made (applied batches only). */
  versionAfter?: number
}

/** Why a unit of the scope is left alone: the listing's `skipped`. */
export interface BatchSkip {
  article: string
  unit: string
  lang: string
  /**
   * `forbidden`: the caller's grants do not allow the write (reviewed and final are reviewers');
   * `changed`: the unit was written after the preview (or after the batch, on undo), never
   * overwritten; `refused`: the store refused the new text (its code or text rule); `gone`: the
   * unit or article is no longer there.
   */
  reason: 'forbidden' | 'changed' | 'refused' | 'gone'
  detail: string
}

/** The answer of a preview, an apply or an undo. */
export interface BatchResult {
  id: string
  action: BatchAction
  dryRun: boolean
  /** preview: stored, not applied; applied; undone. */
  status: BatchStatus
  /** Units of the scope examined (at most MAX_BATCH_UNITS). */
  examined: number
  changes: BatchChange[]
  skipped: BatchSkip[]
  /** The batch this one undid (undo batches only). */
  undoOf?: string
}

export type BatchStatus = 'preview' | 'applied' | 'undone'

/** The most units one batch request may examine. */
export const MAX_BATCH_UNITS = 50_000

/** A batch as the store keeps it. */
export interface BatchRecord {
  id: string
  action: BatchAction
  lang: string
  scope: BatchScope
  /** The action's options and the filter, as asked. */
  params: Record<string, unknown>
  /** Who made the preview (and applies it). */
  author: string
  createdAt: string
  status: BatchStatus
  appliedAt: string | null
  undoneAt: string | null
  /** For an undo batch: the batch it undid. */
  undoOf: string | null
  /** For an undone batch: the undo batch that undid it. */
  undoneBy: string | null
}

/** One unit of a stored batch: what was seen, what is to be written, and what was. */
export interface BatchUnit {
  articleId: string
  unitId: string
  lang: string
  /** The unit's position when planned. */
  position: number
  versionBefore: number
  textBefore: string
  stateBefore: State
  textAfter: string
  stateAfter: State
  /** The memory match written (accept-match), for the write's origin; else null. */
  memoryScore: number | null
  /** The source the text before was made from (schema 30): an older one when it was stale; null before any write. */
  madeFromBefore: string | null
  /**
   * An undo's: the source the text after was made from (the undone batch's madeFromBefore), so
   * that a text that was stale goes back stale, and one that was current (a redo) is current
   * again; null for other batches, which follow the write's own rules.
   */
  madeFromAfter: string | null
  /** The version the batch's write made; null until applied, and for a unit skipped. */
  versionAfter: number | null
}

/** What a new batch record holds; the store sets status `preview`. */
export type NewBatch = Pick<BatchRecord, 'id' | 'action' | 'lang' | 'scope' | 'params' | 'author' | 'undoOf'>

/** Batches as the store keeps them (Store.batches), on SQLite and PostgreSQL alike. */
export interface BatchStore {
  /** Store a preview with its units, in order. Throws InvalidInput (`batch-exists`) for an id in use. */
  create(batch: NewBatch, units: Omit<BatchUnit, 'versionAfter'>[]): Promise<BatchRecord>
  /** The batch of this id, or undefined. */
  get(id: string): Promise<BatchRecord | undefined>
  /** Its units, in the order stored. */
  units(id: string): Promise<BatchUnit[]>
  /**
   * Move a batch from one status to the next, atomically: false when it is not in `from` (another
   * request applied or undid it first). `undoneBy` names the undo batch when moving to `undone`.
   */
  advance(id: string, from: BatchStatus, to: BatchStatus, opts?: { undoneBy?: string }): Promise<boolean>
  /** Record the versions an apply wrote, by the unit's index in {@link units}' order. */
  setVersions(id: string, written: { index: number; versionAfter: number }[]): Promise<void>
  /** Batches made by one author, newest first (at most `limit`, default 20). */
  listBy(author: string, limit?: number): Promise<BatchRecord[]>
}
