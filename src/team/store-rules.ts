import { InvalidInput, NotFound, TolkError } from '../model/errors.js'
import { isValidId } from '../model/ids.js'
import { printable } from '../model/tags.js'
import { checkText } from '../model/text-rule.js'
import type { AssignmentBatch, AssignmentQuery } from './types.js'

/** Longest note of an assignment, in UTF-16 code units. */
export const MAX_NOTE = 2000

/** An ISO date that is a real day (`2026-02-30` is not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * What both stores check of a batch before writing it (the one text rule on the note among it):
 * people and units named once each, a real due date, a note within its limit.
 */
export function checkBatch(batch: AssignmentBatch): void {
  if (batch.parts.length === 0) throw new InvalidInput('an assignment names at least one person', 'invalid-assignment')
  const people = new Set<string>()
  const units = new Set<string>()
  for (const part of batch.parts) {
    if (!isValidId(part.user)) throw new InvalidInput(`"${printable(part.user.slice(0, 100))}" is not an account name`, 'invalid-assignment')
    if (people.has(part.user)) throw new InvalidInput(`${part.user} is named twice: name each person once`, 'invalid-assignment')
    people.add(part.user)
    if (part.units !== undefined && part.units.length === 0) throw new InvalidInput(`the part of ${part.user} holds no segment`, 'invalid-assignment')
    for (const u of part.units ?? []) {
      if (units.has(u)) throw new InvalidInput(`segment ${printable(u)} is given to two people`, 'invalid-assignment')
      units.add(u)
    }
  }
  if (batch.due !== undefined && !isIsoDate(batch.due)) {
    throw new InvalidInput(`due "${printable(batch.due.slice(0, 40))}" is not a date such as 2026-12-24`, 'invalid-assignment')
  }
  if (batch.note !== undefined) checkText(batch.note, MAX_NOTE, 'the note')
}

/** A list query with its defaults: newest first, 100 (at most 1000). */
export function assignmentQuery(q: AssignmentQuery): Required<Pick<AssignmentQuery, 'limit'>> & AssignmentQuery {
  const limit = q.limit ?? 100
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidInput('limit is 1 to 1000', 'invalid-limit')
  return { ...q, limit }
}

/** The error for an assignment there is none of. */
export const unknownAssignment = (id: number) => new NotFound(`no assignment ${id}`, 'unknown-assignment')

/** The error for withdrawing an assignment twice. */
export const alreadyWithdrawn = (id: number, by: string, at: string) =>
  new TolkError('assignment-withdrawn', `assignment ${id} was withdrawn already, by ${by} at ${at}`, 409)

/** The error for a language that is not among an article's targets. */
export const notATarget = (article: string, lang: string, targets: readonly string[]) =>
  new InvalidInput(`${lang} is not a target language of ${article} (its targets: ${targets.join(', ') || 'none'})`, 'not-a-target')

/** The error for a unit id that is not a live unit of the article. */
export const notALiveUnit = (article: string, unit: string) =>
  new InvalidInput(`${printable(unit)} is not a live segment of ${article}: it may have been removed by a re-import; assign again`, 'invalid-assignment')
