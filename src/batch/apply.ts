/**
 * Apply a stored preview, and undo an applied batch. Each change goes through the one versioned
 * write path (Store.writeTranslation) with the version seen at the preview as If-Match, and names
 * the batch in its history entry: a unit written since is skipped and listed, never overwritten.
 */
import { refuseWrite } from '../auth/permissions.js'
import type { Principal } from '../auth/types.js'
import { Archived, InvalidInput, NotFound, TolkError, VersionConflict } from '../model/errors.js'
import type { TranslationWrite } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { confirmWrite } from './other-capabilities.js'
import { newBatchId, planBatch } from './plan.js'
import { changeOf } from './result.js'
import type { BatchChange, BatchRecord, BatchRequest, BatchResult, BatchSkip, BatchUnit } from './types.js'

/** The batch of this id, which `who` may act on: its author, or an admin. */
async function ownBatch(store: Store, id: string, who: Principal): Promise<BatchRecord> {
  const batch = await store.batches.get(id)
  // Another account's batch answers as unknown: ids are not for browsing.
  const admin = who.grants.some((g) => g.role === 'admin')
  if (!batch || (batch.author !== who.account && !admin)) throw new NotFound(`no batch ${id.slice(0, 64)} of yours`, 'unknown-batch')
  return batch
}

/**
 * Apply the preview `id`: each change written with the version seen at the preview. Throws
 * NotFound (`unknown-batch`), a 409 `batch-not-preview` when it was applied already.
 */
export async function applyBatch(store: Store, id: string, who: Principal): Promise<BatchResult> {
  const batch = await ownBatch(store, id, who)
  // Claimed first: two requests applying one preview at once write it once.
  if (!(await store.batches.advance(id, 'preview', 'applied'))) {
    throw new TolkError('batch-not-preview', `batch ${id} was ${batch.status === 'preview' ? 'applied meanwhile' : batch.status} already; make a new preview`, 409)
  }
  const { changes, skipped } = await writeUnits(store, batch, await store.batches.units(id), who)
  return { id, action: batch.action, dryRun: false, status: 'applied', examined: changes.length + skipped.length, changes, skipped, ...(batch.undoOf ? { undoOf: batch.undoOf } : {}) }
}

/**
 * Preview `request` and apply it at once (the API's `dryRun: false`, the CLI without --dry-run):
 * the versions read while planning are the If-Match of each write; `skipped` lists both the
 * units the preview left out and those the apply found changed.
 */
export async function planAndApply(store: Store, request: BatchRequest, who: Principal): Promise<BatchResult> {
  const preview = await planBatch(store, request, who)
  const applied = await applyBatch(store, preview.id, who)
  return { ...applied, examined: preview.examined, skipped: [...preview.skipped, ...applied.skipped] }
}

/**
 * Undo the applied batch `id`: each unit it wrote goes back to the text and state before it, made
 * from the source it was made from (so a text that was stale is stale again), through the write
 * path, as a batch of its own (action `undo`), unless it was written after the batch: those are
 * listed as skipped (`changed`). Throws NotFound, a 409 `batch-not-applied`.
 */
export async function undoBatch(store: Store, id: string, who: Principal): Promise<BatchResult> {
  const batch = await ownBatch(store, id, who)
  if (batch.status !== 'applied') {
    throw new TolkError('batch-not-applied', `batch ${id} is ${batch.status === 'preview' ? 'a preview, never applied' : 'undone already'}: nothing to undo`, 409)
  }
  const back: Omit<BatchUnit, 'versionAfter'>[] = []
  const skipped: BatchSkip[] = []
  for (const u of await store.batches.units(id)) {
    if (u.versionAfter === null) continue
    let now
    try {
      now = await store.getTranslation(u.articleId, u.unitId, u.lang)
    } catch (err) {
      if (!(err instanceof NotFound || err instanceof Archived)) throw err
      skipped.push({ article: u.articleId, unit: u.unitId, lang: u.lang, reason: 'gone', detail: err.message })
      continue
    }
    if (now.version !== u.versionAfter) {
      skipped.push({
        article: u.articleId, unit: u.unitId, lang: u.lang, reason: 'changed',
        detail: `written after the batch (version ${u.versionAfter}, now ${now.version}${now.author ? ` by ${now.author}` : ''}): left as it is`,
      })
      continue
    }
    back.push({
      articleId: u.articleId, unitId: u.unitId, lang: u.lang, position: u.position, versionBefore: u.versionAfter,
      textBefore: now.text, stateBefore: now.state, textAfter: u.textBefore, stateAfter: u.stateBefore, memoryScore: null,
      // Each text goes back made from the source it was made from: stale if that is an older one.
      madeFromBefore: now.madeFrom, madeFromAfter: u.madeFromBefore,
    })
  }
  const undoId = newBatchId()
  const undo = await store.batches.create(
    { id: undoId, action: 'undo', lang: batch.lang, scope: batch.scope, params: {}, author: who.account, undoOf: id },
    back,
  )
  if (!(await store.batches.advance(id, 'applied', 'undone', { undoneBy: undoId }))) {
    throw new TolkError('batch-not-applied', `batch ${id} was undone meanwhile`, 409)
  }
  await store.batches.advance(undoId, 'preview', 'applied')
  const written = await writeUnits(store, undo, await store.batches.units(undoId), who)
  return {
    id: undoId, action: 'undo', dryRun: false, status: 'applied', undoOf: id,
    examined: back.length + skipped.length, changes: written.changes, skipped: [...skipped, ...written.skipped],
  }
}

/** Write a batch's units one by one with If-Match; what each did, and the versions, recorded. */
async function writeUnits(store: Store, batch: BatchRecord, units: BatchUnit[], who: Principal): Promise<{ changes: BatchChange[]; skipped: BatchSkip[] }> {
  const changes: BatchChange[] = []
  const skipped: BatchSkip[] = []
  const versions: { index: number; versionAfter: number }[] = []
  for (const [index, u] of units.entries()) {
    const skip = (reason: BatchSkip['reason'], detail: string) => skipped.push({ article: u.articleId, unit: u.unitId, lang: u.lang, reason, detail })
    // Grants are read at apply time too: one taken away since the preview counts.
    const refused = refuseWrite(who, u.lang, u.stateAfter)
    if (refused) {
      skip('forbidden', refused)
      continue
    }
    let write: TranslationWrite = {
      articleId: u.articleId, unitId: u.unitId, lang: u.lang, text: u.textAfter, state: u.stateAfter,
      ifVersion: u.versionBefore, author: who.account, batch: batch.id,
      ...(u.memoryScore !== null ? { origin: { kind: 'memory' as const, score: u.memoryScore } } : {}),
      ...(u.madeFromAfter !== null ? { madeFrom: u.madeFromAfter } : {}),
    }
    if (batch.action === 'confirm') write = confirmWrite(write)
    try {
      const t = await store.writeTranslation(write)
      versions.push({ index, versionAfter: t.version })
      changes.push(changeOf({ ...u, versionAfter: t.version }))
    } catch (err) {
      if (err instanceof VersionConflict) skip('changed', `written since the preview (version ${u.versionBefore}, now ${err.current.version}): left as it is`)
      else if (err instanceof NotFound || err instanceof Archived) skip('gone', err.message)
      else if (err instanceof InvalidInput) skip('refused', err.message)
      else throw err
    }
  }
  await store.batches.setVersions(batch.id, versions)
  return { changes, skipped }
}
