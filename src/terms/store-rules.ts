import { InvalidInput, NotFound, TolkError } from '../model/errors.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import type { EntryQuery } from './types.js'

/** Most tags a termbase uses. */
export const MAX_USES = 20
/** Entries in a page of listEntries by default, and at most. */
export const ENTRY_PAGE = { default: 100, max: 1000 } as const

/** The tags a termbase uses, canonical; InvalidInput (`invalid-uses`) for itself, a repeat or too many. */
export function checkUses(tag: string, uses: string[]): string[] {
  if (!Array.isArray(uses)) throw new InvalidInput('uses is a list of tags', 'invalid-uses')
  if (uses.length > MAX_USES) throw new InvalidInput(`a termbase uses at most ${MAX_USES} other tags`, 'invalid-uses')
  const out: string[] = []
  for (const u of uses) {
    const canonical = parseTag(u).tag
    if (canonical === tag) throw new InvalidInput(`${tag} cannot use itself`, 'invalid-uses')
    if (out.includes(canonical)) throw new InvalidInput(`${canonical} is named twice in uses`, 'invalid-uses')
    out.push(canonical)
  }
  return out
}

/** The 404 of an entry that is not in the termbase. */
export function unknownEntry(tag: string, id: number): NotFound {
  return new NotFound(`no term entry ${id} in the termbase ${tag}`, 'unknown-term-entry')
}

/** The 412 of a write based on an older version of an entry. */
export function entryConflict(current: number, basedOn: number): TolkError {
  return new TolkError(
    'term-entry-conflict',
    `the term entry is at version ${current}, not ${basedOn}: someone changed it in between; reload it and edit again`,
    412,
  )
}

/** A query with defaults filled in and its language canonical. */
export function entryQuery(q: EntryQuery): { text: string | null; lang: string | null; limit: number; after: number } {
  const limit = q.limit ?? ENTRY_PAGE.default
  if (!Number.isInteger(limit) || limit < 1 || limit > ENTRY_PAGE.max) {
    throw new InvalidInput(`limit is a whole number from 1 to ${ENTRY_PAGE.max}`, 'invalid-input')
  }
  return {
    text: q.text === undefined || q.text === '' ? null : q.text,
    lang: q.lang === undefined ? null : parseLanguage(q.lang),
    limit,
    after: q.after ?? 0,
  }
}
