import type { DocumentFormat, Skeleton } from '../documents/types.js'
import type { TranslationOrigin } from './origin.js'
import type { TranslationUnit } from './unit.js'

export type { TranslationOrigin } from './origin.js'

/**
 * XLIFF 2.0's segment states, plus `rejected`: a reviewer sent the text back with a reason
 * (pending work, exported like a stale translation). `stale` is a separate flag, not a state.
 */
export const STATES = ['initial', 'translated', 'reviewed', 'final', 'rejected'] as const
export type State = (typeof STATES)[number]

/** The states a reviewer may reject: a text someone called done. */
export const REJECTABLE: readonly State[] = ['translated', 'reviewed', 'final']

/** The longest rejection reason, in characters. */
export const MAX_REASON = 2000

/** Why a unit was sent back, and whose text it was. */
export interface Rejection {
  reason: string
  /** Who wrote the rejected text: the translator to tell. */
  translator: string | null
}

/** A stored article (prose, segmented into units). */
export interface Article extends ArticleSummary {
  /** The source text verbatim, as last imported. */
  source: string
  /**
   * The text language was given (`--lang`, `lang=`, a manifest), not detected or assumed: a
   * re-import keeps it, and no tag-mismatch warning is given for the article.
   */
  langConfirmed: boolean
  /** Plain text, Markdown or HTML (schema 16; absent or `text` for every older article). */
  format?: DocumentFormat
  /** A Markdown or HTML article's skeleton: its bytes with a hole per unit. */
  skeleton?: Skeleton
}

/** An article without its source text: what listings need. */
export interface ArticleSummary {
  id: string
  /** Collection tag, e.g. `sv-general`. */
  tag: string
  /** Language the source text is written in (may differ from the tag's language). */
  lang: string
  title: string
  /** 1 on first import; grows by one on each import that changes anything. */
  revision: number
  /** Target languages (BCP 47), in the order given. */
  targets: string[]
  /** Live units (obsolete ones not counted) and their words. */
  units: number
  words: number
  createdAt: string
  updatedAt: string
}

/** A unit as stored: the segmenter's unit plus whether it was removed from the article. */
export interface StoredUnit extends TranslationUnit {
  /** Removed from the article by a re-import: out of reports, kept with its history. */
  obsolete: boolean
  /**
   * An i18next plural form (`few`, `ordinal_two`): the unit counts only in target languages whose
   * CLDR rules have that form.
   */
  plural?: string
  /** A plural form the source language lacks: its source is the group's `_other` string. */
  borrowed?: true
  /** The i18next key, when it is not itself a valid id (spaces, `:`, over 100 characters). */
  key?: string
}

/** One target-language version of one unit. A unit never translated reads as version 0, `initial`. */
export interface Translation {
  articleId: string
  unitId: string
  lang: string
  text: string
  state: State
  /** The unit's source changed after this translation was made. */
  stale: boolean
  /** 0 = never written; grows by one on every write. Travels as a strong ETag `"7"`. */
  version: number
  /** Who wrote it last (account name), null when never written. */
  author: string | null
  /** ISO 8601 time of the last write, null when never written. */
  updatedAt: string | null
  /** The unit's source text this translation was made from (the old text, once stale). */
  madeFrom: string | null
  /** Set while the state is `rejected`: the reviewer's reason and the translator sent it back to. */
  rejection?: Rejection
}

/** One write of a translation, appended on every change; never deleted. */
export interface HistoryEntry {
  articleId: string
  unitId: string
  lang: string
  /** The version this write produced. */
  version: number
  oldText: string | null
  newText: string
  oldState: State
  newState: State
  author: string
  at: string
  /** Where the new text came from (a memory match and its score), null when the author's own. */
  origin: TranslationOrigin | null
  /** The batch (find and replace, bulk action, undo) that made this write; absent for a single write. */
  batch?: string
  /** A confirmation: the same text, stale cleared, checked against the new source (schema 23). */
  confirmation?: true
  /** A rejection's reason (schema 23). */
  reason?: string
  /** A rejection: who wrote the text it sent back (schema 23). */
  translator?: string
}

/** A request to write one translation, from the CLI, the API, the editor or an import. */
export interface TranslationWrite {
  articleId: string
  unitId: string
  lang: string
  text: string
  state: State
  /** The version the writer based the text on; a different current version is a conflict. */
  ifVersion?: number
  author: string
  /** The text is exactly a memory match inserted as it is (see TranslationOrigin); else absent or null. */
  origin?: TranslationOrigin | null
  /** The batch this write belongs to (src/batch/), recorded in the history entry. */
  batch?: string
  /**
   * Confirm a stale translation: the same text and state as stored, `ifVersion` required; stale
   * clears and the history entry is marked as a confirmation. Refused when the text differs,
   * when it is not stale, when it is rejected, or at version 0.
   */
  confirm?: boolean
  /** Required with state `rejected` (and only there): why, at most {@link MAX_REASON} characters. */
  reason?: string
  /**
   * The source the text was made from, when the write puts back an earlier text: an undo
   * (src/batch/apply.ts). The translation is made from it, and stale unless it is the unit's
   * source now (a text that was stale before the batch is stale again). Set by Tolk itself, never
   * taken from a request.
   */
  madeFrom?: string
}

/** The translation of a unit never written in `lang`: version 0, initial, empty. */
export function untranslated(articleId: string, unitId: string, lang: string): Translation {
  return {
    articleId,
    unitId,
    lang,
    text: '',
    state: 'initial',
    stale: false,
    version: 0,
    author: null,
    updatedAt: null,
    madeFrom: null,
  }
}
