/** Rules both backends' batch stores apply alike. */
import { InvalidInput } from '../model/errors.js'
import { BATCH_ACTIONS, type NewBatch } from './types.js'

/** A batch id: what `newBatchId` makes, and what a history entry's `batch` may hold. */
export const BATCH_ID = /^[\w-]{1,64}$/

/** Refuse a malformed batch before touching the database. */
export function checkNewBatch(b: NewBatch): void {
  if (!BATCH_ID.test(b.id)) throw new InvalidInput('a batch id is 1–64 letters, digits, _ or -', 'invalid-batch')
  if (!(BATCH_ACTIONS as readonly string[]).includes(b.action)) throw new InvalidInput(`unknown batch action ${b.action}`, 'invalid-batch')
  if (typeof b.author !== 'string' || b.author === '') throw new InvalidInput('a batch needs an author', 'invalid-batch')
}

/** The error for a batch id in use. */
export const batchExists = (id: string): InvalidInput => new InvalidInput(`a batch ${id} exists already`, 'invalid-batch')
