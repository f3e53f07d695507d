import { refuseAssign, refuseAssignee } from '../auth/permissions.js'
import type { Principal } from '../auth/types.js'
import { InvalidInput, NotFound, TolkError } from '../model/errors.js'
import { parseLanguage, printable } from '../model/tags.js'
import { requireSummary } from '../store/require-article.js'
import type { Store } from '../store/types.js'
import { notATarget, unknownAssignment } from './store-rules.js'
import { formatRange, parseSegments, splitByWords, unitsInRange } from './split.js'
import type { Assignment, AssignmentBatch, AssignmentPart } from './types.js'

/** What a coordinator asks for: the API body, the CLI flags, the dashboard form. */
export interface AssignRequest {
  article: string
  lang: string
  /** One or more account names; several need `split: 'words'`. */
  users: string[]
  split?: 'words'
  /** `1-40`: positions now; with split, the range that is split. */
  segments?: string
  due?: string
  note?: string
}

/** A 403 for a caller who may not assign, or an assignee without the language's grant. */
export class AssignRefused extends TolkError {
  constructor(message: string) {
    super('forbidden', message, 403)
  }
}

/**
 * Assign work: check that `by` may hand out work in the language, that everyone named exists and
 * holds a translator or reviewer grant for it (an assignment never grants rights), cut the
 * segments (a range, or an even word split), and write the batch in one store transaction.
 */
export async function assignWork(store: Store, by: Principal, req: AssignRequest): Promise<Assignment[]> {
  const lang = parseLanguage(req.lang)
  const refusal = refuseAssign(by, lang)
  if (refusal) throw new AssignRefused(refusal)
  const users = req.users
  if (users.length === 0) throw new InvalidInput('name the person to assign: user, or users with split', 'invalid-assignment')
  if (users.length > 1 && req.split !== 'words') {
    throw new InvalidInput(`${users.length} people named: add split "words" (--split words) to share the work between them, or name one`, 'invalid-assignment')
  }
  // The article and language first: a wrong language is the likelier mistake than a missing grant.
  const article = await requireSummary(store, req.article, 'write')
  if (!article.targets.includes(lang)) throw notATarget(article.id, lang, article.targets)
  for (const name of users) {
    const account = await store.accounts.get(name)
    if (!account || account.disabledAt !== null) {
      throw new NotFound(`no account ${printable(name.slice(0, 100))}${account ? ' (it was removed)' : ''}`, 'unknown-account')
    }
    const refused = refuseAssignee(name, account.grants, lang)
    if (refused) throw new AssignRefused(refused)
  }
  const parts = await partsOf(store, { ...req, lang })
  const batch: AssignmentBatch = { article: req.article, lang, parts, by: by.account }
  if (req.due !== undefined) batch.due = req.due
  if (req.note !== undefined) batch.note = req.note
  return store.assignments.create(batch)
}

/**
 * Withdraw assignment `id`: `by` must be allowed to assign in its language (an admin, or a
 * coordinator of it), as to make it. Throws NotFound (`unknown-assignment`), AssignRefused (403),
 * a 409 `assignment-withdrawn` when it was withdrawn already.
 */
export async function withdrawWork(store: Store, by: Principal, id: number): Promise<Assignment> {
  const found = await store.assignments.get(id)
  if (!found) throw unknownAssignment(id)
  const refusal = refuseAssign(by, found.lang)
  if (refusal) throw new AssignRefused(refusal)
  return store.assignments.withdraw(id, by.account)
}

/** Each person's units: the whole article, a range, or a word split of either. */
async function partsOf(store: Store, req: AssignRequest): Promise<AssignmentPart[]> {
  const range = req.segments !== undefined ? parseSegments(req.segments) : undefined
  if (range === undefined && req.split === undefined) return [{ user: req.users[0]! }]
  const all = await store.assignments.unitWords(req.article)
  const units = range ? unitsInRange(all, range) : all
  if (req.split === 'words') return splitByWords(units, req.users)
  if (units.length === 0) throw new InvalidInput(`segments ${req.segments} hold no live segment`, 'invalid-assignment')
  return [{ user: req.users[0]!, units: units.map((u) => u.id), segments: formatRange(range!) }]
}
