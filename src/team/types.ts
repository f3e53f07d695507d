/**
 * Assignments (issue #20): a coordinator hands an article and language to a person, the whole
 * article or a range of its segments, with an optional due date and note. The store keeps them
 * (Store.assignments); src/team/assign.ts checks rights and grants before it writes.
 */

/** An assignment as stored, with the words of its units that are still to do. */
export interface Assignment {
  /** Given by the store, increasing. */
  id: number
  /** The assignments made together (one split) share a batch: the id of its first. */
  batch: number
  article: string
  lang: string
  /** The account the work is given to. */
  user: string
  /**
   * The range as positions at assignment time (`1-40`, `7`); null for the whole article. A range
   * holds the unit ids it held then, so a re-import does not move it.
   */
  segments: string | null
  /** Live units in it now (a range's units that a re-import removed no longer count). */
  units: number
  /** Words of those units. */
  words: number
  /** Words of those units not yet done: not translated, reviewed or final, or stale. */
  wordsLeft: number
  /** ISO date (`2026-12-24`), or null. */
  due: string | null
  note: string | null
  /** Who assigned it. */
  by: string
  /** When (ISO 8601). */
  at: string
  /** Who withdrew it and when (schema 31): left out of "my work" and the team load. Null while it stands. */
  withdrawn: { by: string; at: string } | null
}

/** One person's part of an assignment request, as the store writes it. */
export interface AssignmentPart {
  user: string
  /** Unit ids in position order; undefined for the whole article. */
  units?: string[]
  /** The positions those units held, as `from-to` (or one number); with `units`. */
  segments?: string
}

/** What {@link AssignmentStore.create} writes: one batch of parts of one article and language. */
export interface AssignmentBatch {
  article: string
  lang: string
  parts: AssignmentPart[]
  due?: string
  note?: string
  by: string
}

/** A filter of {@link AssignmentStore.list}; every field narrows. */
export interface AssignmentQuery {
  article?: string
  lang?: string
  user?: string
  /** At most this many, newest first (default 100, at most 1000). */
  limit?: number
  /** Assignments with an id below this (the last id of the page before). */
  before?: number
  /** Only withdrawn ones (true) or only those that stand (false); both when absent. */
  withdrawn?: boolean
}

/** A live unit as the splitter sees it. */
export interface UnitWords {
  id: string
  position: number
  words: number
}

/** Where assignments live (Store.assignments), on both backends. */
export interface AssignmentStore {
  /**
   * Write one batch in one transaction: every part, or none. Throws NotFound for an unknown
   * article (Archived for an archived one), InvalidInput (`invalid-assignment`) for a language that
   * is not among its targets, a unit id that is not a live unit of it, a bad due date, or a note
   * over 2000 characters. Answers the assignments written, in the order of the parts.
   */
  create(batch: AssignmentBatch): Promise<Assignment[]>
  /** Assignments, newest first, filtered and paged; archived articles' are left out. */
  list(query?: AssignmentQuery): Promise<Assignment[]>
  /** One assignment by id, or undefined. */
  get(id: number): Promise<Assignment | undefined>
  /**
   * Withdraw an assignment, once: answers it withdrawn. Throws NotFound (`unknown-assignment`),
   * or a 409 `assignment-withdrawn` when it was withdrawn already (by this call's rival too).
   */
  withdraw(id: number, by: string): Promise<Assignment>
  /** The live units of an article with their words, in position order (what a split cuts). */
  unitWords(article: string): Promise<UnitWords[]>
}
