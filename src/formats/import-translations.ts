/**
 * Bring translated XLIFF 1.2/2.0 and PO files back. Every target goes through
 * `store.writeTranslation` with the version recorded at export, so history and the version check
 * apply as in the editor; a unit whose source or translation moved on since the export is a
 * conflict in the report, never an overwrite. The whole file is read and checked before the first
 * write, so bad input writes nothing.
 */
import { checkCodes } from '../codes/validate.js'
import { Archived, InvalidInput, NotFound, TolkError, VersionConflict } from '../model/errors.js'
import { normalizeForCompare } from '../model/text.js'
import { checkText, TEXT_LIMITS } from '../model/text-rule.js'
import { parseLanguage, printable } from '../model/tags.js'
import type { State, TranslationWrite } from '../model/translation.js'
import type { Store } from '../store/types.js'
import { readPo } from './po.js'
import type { FileUnit, ReadOptions, TranslationFile } from './types.js'
import { readXliff12 } from './xliff12.js'
import { readXliff2 } from './xliff2.js'
import { translationFileKind } from './file-kind.js'

/** A unit that was not written, and why. */
export interface ImportConflict {
  unitId: string
  /**
   * `source-changed`: the unit's source was edited since the export; `translation-changed`:
   * someone saved a newer version.
   */
  reason: 'source-changed' | 'translation-changed'
  line: number
  /** The text in the file. */
  yours: string
  /** The translation as it is now. */
  current: { text: string; state: State; version: number }
  /** The source as exported, and as it is now (for `source-changed`). */
  source?: { exported: string; current: string }
}

/** What an import did: counts, then the details of what was not written. */
export interface ImportReport {
  article: string
  lang: string
  format: TranslationFile['format']
  updated: number
  /**
   * Stale units the file confirmed: the same text, no longer marked as needing review (PO
   * `#, fuzzy` removed, XLIFF 1.2 `needs-review-translation` made `translated`, the XLIFF 2.0
   * stale subState dropped). Written as confirmations (stale cleared); not among `updated`.
   */
  confirmed: number
  unchanged: number
  conflicted: number
  unknown: number
  conflicts: ImportConflict[]
  /** Units the file names that the article does not have (or no longer has). */
  unknownUnits: { unitId: string; line: number }[]
  /**
   * Units written as drafts because the file translated only some of their segments (XLIFF 2.0
   * another tool split): the segments missing, which the draft keeps as source in `[[…]]`.
   */
  partial: { unitId: string; line: number; missing: string[] }[]
  /**
   * Rejected units the file gives back with the same text but no longer marked as pending: a
   * rejection is answered by editing the text, so they stay rejected (counted in `unchanged`).
   */
  rejected: { unitId: string; line: number }[]
}

/** Who imports, and what they may write. */
export interface ImportOptions {
  /** The author of every write (account name). */
  author: string
  /** Why the importer may not write `state` in `lang` (a 403), or undefined when they may. */
  authorize?: (lang: string, state: State) => string | undefined
}

/** Largest translated file read, in characters (a 10,000-unit XLIFF is about 5 MB). */
export const MAX_FILE_CHARS = 64 << 20

/**
 * Read a translated file, telling XLIFF 2.0, XLIFF 1.2 and PO apart by their content; any other
 * kind of file (empty, TMX, JSON) is refused naming the verb that reads it.
 */
export function readTranslationFile(text: string, name: string, opts: ReadOptions = {}): TranslationFile {
  if (text.length > MAX_FILE_CHARS)
    throw new InvalidInput(
      `${name} is larger than ${MAX_FILE_CHARS} characters; split it`,
      'file-too-large',
    )
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new InvalidInput(`${name} is empty`, 'empty-file')
  // The kind first, so a file meant for another verb is named for what it is.
  const kind = translationFileKind(body, name)
  // Each reader checks the root element itself.
  const file =
    kind === 'xliff2'
      ? readXliff2(body, name, opts)
      : kind === 'xliff12'
        ? readXliff12(body, name, opts)
        : readPo(body, name, opts)
  // `tolk check --files` (anyFile) only reads; a file brought back to be written is checked.
  if (!opts.anyFile) checkFileTexts(file, name)
  return file
}

/**
 * Refuse the whole file when one of its targets breaks the text rule (a PO escape such as `\a`,
 * an XLIFF 2.0 `<cp>`), naming the file, line and unit; the store would refuse that write too,
 * but only after the units before it were written.
 */
function checkFileTexts(file: TranslationFile, name: string): void {
  for (const u of file.units) {
    const where = `${name}: line ${u.line}: the target of unit ${printable(u.unitId)}`
    if (u.text !== undefined) checkText(u.text, TEXT_LIMITS.translation, where)
    for (const form of u.plural?.forms ?? []) checkText(form, TEXT_LIMITS.translation, where)
  }
}

/**
 * Import the targets of `file`. Throws NotFound / InvalidInput for a file that does not fit the
 * database, and a 403 TolkError when `authorize` refuses a write, all before the first write.
 */
export async function importTranslations(
  store: Store,
  file: TranslationFile,
  opts: ImportOptions,
): Promise<ImportReport> {
  const article = await store.getArticle(file.articleId)
  if (!article && (await store.getArchived(file.articleId))) throw new Archived(file.articleId, 'write')
  if (!article)
    throw new NotFound(
      `the file is for article "${printable(file.articleId)}", which this database does not have`,
      'unknown-article',
    )
  const lang = matchTarget(file.lang, article.targets, file.articleId)
  const units = new Map((await store.listUnits(article.id)).map((u) => [u.id, u]))
  const current = new Map(
    (await store.listTranslations(article.id, lang)).map((t) => [t.unitId, t]),
  )
  const seen = new Set<string>()
  for (const u of file.units) {
    if (seen.has(u.unitId))
      throw new InvalidInput(
        `line ${u.line}: unit ${printable(u.unitId)} appears twice in the file`,
        'duplicate-unit',
      )
    seen.add(u.unitId)
  }

  const report: ImportReport = {
    article: article.id,
    lang,
    format: file.format,
    updated: 0,
    confirmed: 0,
    unchanged: 0,
    conflicted: 0,
    unknown: 0,
    conflicts: [],
    unknownUnits: [],
    partial: [],
    rejected: [],
  }
  // First decide every unit, then check permissions, then write: a refusal writes nothing.
  const writes: TranslationWrite[] = []
  const lines: number[] = []
  const missingOf = new Map(file.units.flatMap((u) => (u.missing ? [[u.unitId, u.missing] as const] : [])))
  for (const u of file.units) {
    const unit = units.get(u.unitId)
    const now = current.get(u.unitId)
    if (!unit || !now) {
      report.unknown++
      report.unknownUnits.push({ unitId: u.unitId, line: u.line })
      continue
    }
    // No target: nothing to bring back, whatever happened to the unit meanwhile.
    if (u.text === undefined) {
      report.unchanged++
      continue
    }
    if (normalizeForCompare(u.source) !== normalizeForCompare(unit.source)) {
      report.conflicted++
      report.conflicts.push({
        unitId: u.unitId,
        reason: 'source-changed',
        line: u.line,
        yours: u.text,
        current: { text: now.text, state: now.state, version: now.version },
        source: { exported: u.source, current: unit.source },
      })
      continue
    }
    if (u.text === now.text && now.state === 'rejected') {
      // A rejected unit stays rejected while its text is unchanged; a file that no longer marks
      // it pending tried to confirm it, which does not answer a rejection: listed.
      report.unchanged++
      if (!u.needsReview) report.rejected.push({ unitId: u.unitId, line: u.line })
      continue
    }
    if (confirms(u, now)) {
      writes.push({
        articleId: article.id,
        unitId: u.unitId,
        lang,
        text: now.text,
        state: now.state,
        confirm: true,
        // The text is the one stored now: a file whose version note was lost confirms that.
        ifVersion: u.version ?? now.version,
        author: opts.author,
      })
      lines.push(u.line)
      continue
    }
    if (isUnchanged(u, now)) {
      report.unchanged++
      continue
    }
    writes.push({
      articleId: article.id,
      unitId: u.unitId,
      lang,
      text: u.text,
      state: u.state ?? 'translated',
      // A file whose version note was lost may only fill units nobody has translated yet.
      ifVersion: u.version ?? 0,
      author: opts.author,
    })
    lines.push(u.line)
  }
  // Every target against the text rule refuses the whole file before its first write (a file
  // read by readTranslationFile was checked already, naming its lines).
  checkFileTexts(file, 'the file')
  // A target whose codes do not fit its source refuses the whole file, naming every such unit.
  const bad: string[] = []
  for (const [i, w] of writes.entries()) {
    const unit = units.get(w.unitId)
    if (!unit || w.text === '') continue
    const { errors } = checkCodes(w.text, unit.source)
    if (errors.length) bad.push(`line ${lines[i] ?? 0}: unit ${printable(w.unitId)}: ${errors.map((e) => e.message).join('; ')}`)
  }
  if (bad.length) {
    throw new InvalidInput(`${bad.length} translation${bad.length === 1 ? '' : 's'} in the file do not keep their source's codes, so nothing was written: ${bad.join(' | ')}`, 'code-mismatch')
  }
  for (const state of new Set(writes.map((w) => w.state))) {
    const refusal = opts.authorize?.(lang, state)
    if (refusal) throw new TolkError('forbidden', refusal, 403)
  }
  for (const [i, w] of writes.entries()) {
    try {
      await store.writeTranslation(w)
      if (w.confirm) report.confirmed++
      else report.updated++
      const missing = missingOf.get(w.unitId)
      if (missing) report.partial.push({ unitId: w.unitId, line: lines[i] ?? 0, missing })
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err
      report.conflicted++
      report.conflicts.push({
        unitId: w.unitId,
        reason: 'translation-changed',
        line: lines[i] ?? 0,
        yours: w.text,
        current: err.current as ImportConflict['current'],
      })
    }
  }
  return report
}

/**
 * A stale translation the file confirms: the same text, no longer marked as needing review, and
 * the same state or none said (a PO entry says only done or fuzzy).
 */
function confirms(u: FileUnit, now: { text: string; state: State; stale: boolean }): boolean {
  return now.stale && u.text === now.text && !u.needsReview && (u.state === undefined || u.state === now.state)
}

/** Same text, and either the same state or a state the file cannot (or did not) say. */
function isUnchanged(u: FileUnit, now: { text: string; state: State }): boolean {
  if (u.text !== now.text) return false
  return u.needsReview || u.state === undefined || u.state === now.state
}

/**
 * The article's target language a file names: exactly, or (as Poedit writes `sv_SE` for `sv`)
 * by its base language when that matches one target only.
 */
function matchTarget(fileLang: string, targets: string[], articleId: string): string {
  const lang = parseLanguage(fileLang)
  if (targets.includes(lang)) return lang
  const base = lang.split('-')[0]?.toLowerCase()
  const matches = targets.filter((t) => t.split('-')[0]?.toLowerCase() === base)
  if (matches.length === 1) return matches[0] as string
  throw new InvalidInput(
    `the file is in ${lang}, which is not a target language of ${articleId} (${targets.join(', ') || 'none'})`,
    'not-a-target',
  )
}
