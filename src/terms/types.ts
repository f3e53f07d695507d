/**
 * Termbases (issue #21, Glossary): a termbase belongs to a tag such as `sv-general` and may use
 * other tags' termbases, in order. An entry is one concept with its terms per language.
 */

/** How a term may be used: TBX's administrative status, in Tolk's four words. */
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'] as const
export type TermStatus = (typeof TERM_STATUSES)[number]

/** TBX-Basic's parts of speech. */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] as const
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number]

/** One term of a concept in one language. */
export interface Term {
  /** BCP 47, canonical (`sv`, `pt-BR`). */
  lang: string
  text: string
  status: TermStatus
  pos?: PartOfSpeech
  note?: string
  /** Match only in this case (`NASA`, `Apple`); by default case is ignored. */
  caseSensitive: boolean
}

/** A term as written by a caller: status and case sensitivity have defaults. */
export type TermInput = Omit<Term, 'status' | 'caseSensitive'> & { status?: TermStatus; caseSensitive?: boolean }

/** What a caller writes of an entry. */
export interface EntryInput {
  terms: TermInput[]
  /** About the concept (a definition, where it applies). */
  note?: string
}

/** A concept with its terms, as stored. */
export interface TermEntry {
  /** Given by the store, unique across every termbase. */
  id: number
  /** The termbase's tag. */
  tag: string
  terms: Term[]
  note?: string
  /** 1 when added, one more per change; the API's ETag. */
  version: number
  updatedAt: string
  updatedBy: string
}

/** A termbase: its tag, the tags it uses in order, and how many entries it holds itself. */
export interface Termbase {
  tag: string
  uses: string[]
  entries: number
}

/** Options of a search of entries. */
export interface EntryQuery {
  /** Terms containing this text, case ignored. */
  text?: string
  /** Only terms of this language are searched. */
  lang?: string
  /** At most this many, by id (default 100, at most 1000). */
  limit?: number
  /** Entries with an id above this (the last id of the previous page). */
  after?: number
}

/** The termbases as the store keeps them (Store.terms). */
export interface TermStore {
  /** Every termbase by tag, with the tags it uses. */
  list(): Promise<Termbase[]>
  /** The termbase of this tag, undefined when it has neither entries nor uses. */
  get(tag: string): Promise<Termbase | undefined>
  /**
   * Set the tags a termbase uses, in order (replacing them), creating the termbase if new. Throws
   * InvalidInput (`invalid-uses`) when it names itself or a tag twice.
   */
  setUses(tag: string, uses: string[]): Promise<Termbase>
  /** Add an entry (creating the termbase if new); InvalidInput for an entry that breaks the rules. */
  addEntry(tag: string, entry: EntryInput, opts: { by: string }): Promise<TermEntry>
  /** Add many entries in one transaction: all or none. Answers how many were added. */
  addEntries(tag: string, entries: EntryInput[], opts: { by: string }): Promise<number>
  /** The entry of this id in this termbase; undefined when there is none. */
  getEntry(tag: string, id: number): Promise<TermEntry | undefined>
  /**
   * Replace an entry's terms and note. Throws NotFound (`unknown-term-entry`), and a 412
   * `term-entry-conflict` when `ifVersion` is given and is not the current version.
   */
  updateEntry(tag: string, id: number, entry: EntryInput, opts: { by: string; ifVersion?: number }): Promise<TermEntry>
  /** Remove an entry; the same errors as updateEntry. */
  deleteEntry(tag: string, id: number, opts?: { ifVersion?: number }): Promise<void>
  /** The termbase's own entries, by id, filtered and paged. */
  listEntries(tag: string, query?: EntryQuery): Promise<TermEntry[]>
  /**
   * Every entry a tag sees: its own, then those of the tags it uses in order (and the tags they
   * use, each termbase once). This is what matching reads.
   */
  resolve(tag: string): Promise<TermEntry[]>
}
