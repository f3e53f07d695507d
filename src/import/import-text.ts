import type { ImportSummary, Store } from '../store/types.js'
import { prepareImport, type ImportRequest } from './prepare-import.js'

/**
 * Import or re-import one article: validate, segment, align and store in one transaction.
 * The one path the CLI, the API and the seed loader share.
 */
export async function importText(store: Store, req: ImportRequest, opts: { dryRun?: boolean } = {}): Promise<ImportSummary> {
  const isNew = !(await store.getArticle(req.id))
  const { input, warnings } = await prepareImport(req, { isNew })
  const summary = await store.importArticle(input, opts)
  return { ...summary, warnings: [...warnings, ...summary.warnings] }
}
