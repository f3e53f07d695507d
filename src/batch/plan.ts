/**
 * Plan a batch: read its scope, keep the units its filter selects, ask the action what each
 * becomes, leave out what the caller's grants refuse (listed), and store the rest as a preview
 * with the version of each unit seen now, which applying sends as If-Match.
 */
import { randomUUID } from 'node:crypto'
import { refuseWrite } from '../auth/permissions.js'
import type { Principal } from '../auth/types.js'
import { TolkError } from '../model/errors.js'
import type { Store } from '../store/types.js'
import { type Candidate, propose } from './actions.js'
import { checkFilter, createBatchFilters, preparedFilter } from './filters.js'
import { compilePattern, type Pattern } from './pattern.js'
import { changeOf } from './result.js'
import { scopeDocuments, scopeRows } from './scope.js'
import type { BatchRequest, BatchResult, BatchSkip, BatchUnit } from './types.js'

/** A new batch id: random, so that one cannot be guessed from another. */
export const newBatchId = (): string => randomUUID()

/**
 * Plan `request` for `who` and store it as a preview (status `preview`): the answer lists each
 * change with a word diff, and the units left out with why. Throws InvalidInput for a bad
 * scope, filter or pattern (`invalid-regex`), a scope over 50,000 units (`batch-too-large`),
 * RegexTimeout (422) for a regex that runs too long, a 403 `forbidden` when `who` may not write
 * the language at all.
 */
export async function planBatch(store: Store, request: BatchRequest, who: Principal): Promise<BatchResult> {
  // Everything that can be refused without reading the store is refused first.
  const pattern: Pattern | undefined = request.action === 'replace' ? compilePattern(request) : undefined
  if (request.filter) checkFilter(request.filter)
  const { lang, documents } = await scopeDocuments(store, request.scope)
  const refusal = refuseWrite(who, lang, 'translated')
  if (refusal) throw new TolkError('forbidden', refusal, 403)

  const filters = createBatchFilters(store)
  const candidates: Candidate[] = []
  let examined = 0
  for (const doc of documents) {
    const scope = await scopeRows(store, doc, lang)
    examined += scope.rows.length
    const keep = await preparedFilter(filters, request.filter ?? {}, scope)
    scope.rows.forEach((row, index) => {
      if (keep(row, index)) candidates.push({ scope, row, index })
    })
  }

  const skipped: BatchSkip[] = []
  const units: Omit<BatchUnit, 'versionAfter'>[] = []
  for (const p of await propose(store, request, candidates, pattern)) {
    const t = p.candidate.row.translation
    const refused = refuseWrite(who, lang, p.state)
    if (refused) {
      skipped.push({ article: t.articleId, unit: t.unitId, lang, reason: 'forbidden', detail: refused })
      continue
    }
    units.push({
      articleId: t.articleId, unitId: t.unitId, lang, position: p.candidate.row.unit.position, versionBefore: t.version, textBefore: t.text, stateBefore: t.state,
      textAfter: p.text, stateAfter: p.state, memoryScore: p.memoryScore, madeFromBefore: t.madeFrom, madeFromAfter: null,
    })
  }
  const { action, scope, filter, ...options } = request
  const record = await store.batches.create(
    { id: newBatchId(), action, lang, scope: { ...scope, lang }, params: { ...options, filter: filter ?? {} }, author: who.account, undoOf: null },
    units,
  )
  return {
    id: record.id,
    action,
    dryRun: true,
    status: 'preview',
    examined,
    changes: units.map((u) => changeOf(u)),
    skipped,
  }
}
