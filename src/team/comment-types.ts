/**
 * Comments and queries on units (issue #20): a thread per unit, each comment for one target
 * language or for the source (no `lang`), plain text with `@name` mentions. A query is a question
 * that stays open until someone resolves it; it is *answered* once someone other than its asker
 * replies. Nothing is hard-deleted: edits and deletions are kept in the comment's history.
 */

export const COMMENT_KINDS = ['comment', 'query'] as const
export type CommentKind = (typeof COMMENT_KINDS)[number]

/** One step of a comment's history: its text at that version, and who did what. */
export interface CommentChange {
  version: number
  action: 'added' | 'edited' | 'deleted' | 'resolved'
  text: string
  by: string
  at: string
}

/** A comment as stored. A deleted one keeps its row (and its text in `history`) but shows `deleted`. */
export interface Comment {
  id: number
  article: string
  unit: string
  /** The target language; absent: about the source, for everyone. */
  lang?: string
  kind: CommentKind
  /** The comment this one replies to (always a thread's first comment). */
  parent?: number
  author: string
  /** The current text; '' once deleted. */
  text: string
  /** Account names written as `@name` in the text (existing or not), in order, each once. */
  mentions: string[]
  createdAt: string
  updatedAt: string
  /** 1 when added, one more per edit, deletion or resolution: the API's ETag. */
  version: number
  edited: boolean
  deleted?: { by: string; at: string }
  /** A query someone other than its asker replied to: when first. */
  answeredAt?: string
  /** A query marked resolved: by whom and when. */
  resolved?: { by: string; at: string }
}

/** A thread's first comment with its replies, oldest first. */
export interface CommentThread extends Comment {
  replies: Comment[]
}

/** What a caller adds. */
export interface CommentInput {
  article: string
  unit: string
  lang?: string
  kind: CommentKind
  text: string
  by: string
}

/** Which threads of an article a listing wants. */
export interface CommentQuery {
  /** Only threads of this unit. */
  unit?: string
  /** Only threads of this language (the source's threads are kept: they concern every language). */
  lang?: string
  /** Only queries not resolved (and not deleted). */
  open?: boolean
}

/** Open queries of one article, per language ('' for the source). */
export type OpenQueryCounts = Record<string, number>

/** A change of a comment, for the live stream: which unit's thread moved. */
export interface CommentEvent {
  id: number
  article: string
  unit: string
  /** Absent for a source comment (everyone's thread). */
  lang?: string
  comment: number
}

/** The comments as the store keeps them (Store.comments). */
export interface CommentStore {
  /**
   * Add a thread's first comment. Throws NotFound for an unknown article or unit, Archived (409)
   * for an archived article, InvalidInput for a text that breaks the text rule or is longer than
   * 10,000 characters. Mentioned accounts that exist get a `mention` notification in the same
   * transaction.
   */
  add(input: CommentInput): Promise<Comment>
  /**
   * Reply to a comment (to its thread's first comment when it is a reply). The reply takes the
   * thread's language. A reply by someone other than a query's asker answers it: the asker and
   * the translators of the unit (in the query's language, every language for the source) get an
   * `answered` notification, once per query.
   */
  reply(parent: number, input: { text: string; by: string }): Promise<Comment>
  /** One comment, with its history; undefined when there is none. */
  get(id: number): Promise<(Comment & { history: CommentChange[] }) | undefined>
  /** Replace the text; a 412 `comment-conflict` when `ifVersion` is not the current version. */
  edit(id: number, text: string, opts: { by: string; ifVersion?: number }): Promise<Comment>
  /** Mark a query resolved (409 `not-a-query` for a remark); resolving twice keeps the first. */
  resolve(id: number, opts: { by: string; ifVersion?: number }): Promise<Comment>
  /** Mark deleted (text kept in history); deleting twice keeps the first. */
  remove(id: number, opts: { by: string; ifVersion?: number }): Promise<Comment>
  /** An article's threads (first comments with replies), by unit position then id. Archived articles still answer. */
  threads(article: string, query?: CommentQuery): Promise<CommentThread[]>
  /** How many comments (not deleted) each unit of an article has, in a language and the source. */
  counts(article: string, lang: string): Promise<Record<string, number>>
  /** Open queries of one article per language ('' for the source). */
  openQueries(article: string): Promise<OpenQueryCounts>
  /**
   * Open queries of many articles at once, per article and language ('' for the source): what
   * the report and the dashboard show. Archived articles are left out.
   */
  openQueriesOf(articles: readonly string[]): Promise<{ article: string; lang: string; open: number }[]>
  /** The unit ids of an article with an open query in a language (or on the source): for batch filters. */
  unitsWithOpenQuery(article: string, lang: string): Promise<string[]>
  /** The latest comment event id (0 when none): what the live hub watches. */
  lastEventId(): Promise<number>
  /** Comment events of an article after `after`, for a language (source events included). */
  eventsAfter(article: string, lang: string, after: number, limit: number): Promise<CommentEvent[]>
}
