import { Archived } from '../model/errors.js'
import { checkId } from '../model/ids.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import type { Article } from '../model/translation.js'
import type { DocumentFormat } from '../documents/types.js'
import type { ImportSummary, Store } from '../store/types.js'
import { CLI_LANG_FLAG, type LanguageFlag } from '../segment/resolve-language.js'
import { prepareImport, type ImportRequest } from './prepare-import.js'

/** Options of {@link importText}. */
export interface ImportTextOptions {
  /** Plan only, write nothing. */
  dryRun?: boolean
  /** How the caller's user names the text language, for warnings (default `--lang xx`). */
  flag?: LanguageFlag
  /** Who imports, for the activity feed (an account, or the CLI's user). */
  by?: string
}

/**
 * Import or re-import one article: validate, segment, align and store in one transaction.
 * The one path the CLI, the API and the seed loader share.
 */
export async function importText(store: Store, req: ImportRequest, opts: ImportTextOptions = {}): Promise<ImportSummary> {
  const existing = await store.getArticle(checkId(req.id, 'article id'))
  const flag = opts.flag ?? CLI_LANG_FLAG
  // An archived id is taken until restored: say so before reading the text as a new article's.
  if (!existing && (await store.getArchived(req.id))) throw new Archived(req.id, 'import')
  if (existing && isUnchanged(existing, req)) return unchangedSummary(existing, flag)
  const { input, warnings } = await prepareImport(req, { existing, flag })
  const summary = await store.importArticle(opts.by !== undefined ? { ...input, by: opts.by } : input, opts)
  return { ...summary, warnings: [...warnings, ...summary.warnings] }
}

/**
 * The same text, tag, language and targets as stored: nothing to segment or align. Checked before
 * language detection and segmentation, which are most of what a re-import of a folder costs.
 */
function isUnchanged(a: Article, req: ImportRequest): boolean {
  if (a.source !== req.text || a.tag !== parseTag(req.tag).tag) return false
  if (req.format !== undefined && req.format !== (a.format ?? 'text')) return false
  // A language given for an article whose language was only guessed confirms it: a change.
  if (req.lang !== undefined && (parseLanguage(req.lang) !== a.lang || !a.langConfirmed)) return false
  if (req.title !== undefined && req.title !== a.title) return false
  if (req.targets === undefined) return true
  const targets = req.targets.map((t) => parseLanguage(t))
  return targets.length === a.targets.length && targets.every((t, i) => t === a.targets[i])
}

function unchangedSummary(a: Article, flag: LanguageFlag): ImportSummary {
  const tagLanguage = parseTag(a.tag).language
  const warnings =
    a.langConfirmed || tagLanguage.split('-')[0] === a.lang.split('-')[0]
      ? []
      : [{ code: 'language-mismatch', message: `the text was taken as ${a.lang} but its tag declares ${tagLanguage} (say ${flag(a.lang)} to confirm it, or ${flag(tagLanguage)} if it is ${tagLanguage})` }]
  return {
    article: a.id,
    revision: a.revision,
    written: false,
    units: { kept: a.units, moved: 0, stale: 0, new: 0, obsolete: 0 },
    warnings,
  }
}
