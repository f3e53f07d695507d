import { InvalidInput } from '../model/errors.js'
import { checkId } from '../model/ids.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import type { Warning } from '../model/unit.js'
import { plainTextLenient } from '../codes/tagged-text.js'
import { segmentDocument } from '../documents/index.js'
import type { DocumentFormat } from '../documents/types.js'
import { resolveTextLanguage } from '../segment/resolve-language.js'
import type { ImportInput } from '../store/types.js'

/** An import request as the CLI, the API and the seed loader receive it. */
export interface ImportRequest {
  id: string
  tag: string
  /** Text language; detected when absent (falling back to the tag's language). */
  lang?: string
  /** Target languages; absent on a re-import keeps the stored ones. */
  targets?: string[]
  text: string
  title?: string
  /** Plain text, Markdown or HTML; absent: the stored article's kind on a re-import, else text. */
  format?: DocumentFormat
}

/**
 * Validate an import request and segment its text: the one path every import takes before the
 * store sees it. Throws InvalidInput for a bad id, tag, language, target or an empty text.
 */
export async function prepareImport(
  req: ImportRequest,
  opts: { isNew?: boolean; storedFormat?: DocumentFormat } = {},
): Promise<{ input: ImportInput; warnings: Warning[] }> {
  const id = checkId(req.id, 'article id')
  const tag = parseTag(req.tag)
  if (req.text.trim() === '') throw new InvalidInput(`article ${id} is empty: there is nothing to translate`, 'empty-article')
  const { lang, warnings } = await resolveTextLanguage(detectionText(req.text, req.format ?? opts.storedFormat), req.lang, tag.language)
  const targets = req.targets?.map((t) => parseLanguage(t)) ?? (opts.isNew ? defaultTargets(id, tag.language, lang) : undefined)
  if (targets) checkTargets(targets, lang)
  const format = req.format ?? opts.storedFormat ?? 'text'
  const doc = segmentDocument(req.text, format, { articleId: id, tag: tag.tag, lang })
  const segmented = { lead: doc.lead, units: doc.units }
  const title = req.title ?? firstLine(doc.title ?? plainTextLenient(segmented.units[0]?.source ?? id))
  const input: ImportInput = { id, tag: tag.tag, lang, title, source: req.text, segmented, format }
  if (doc.skeleton) input.skeleton = doc.skeleton
  if (targets) input.targets = targets
  return { input, warnings }
}

/**
 * A new article without targets is translated into its tag's language when the text is written in
 * another one (the seed: tag sv, text en); otherwise there is no sensible default.
 */
function defaultTargets(id: string, tagLanguage: string, textLanguage: string): string[] {
  if (tagLanguage.split('-')[0] !== textLanguage.split('-')[0]) return [tagLanguage]
  throw new InvalidInput(`article ${id} is new: name its target languages (--targets sv,de)`, 'invalid-targets')
}

function checkTargets(targets: string[], lang: string): void {
  if (targets.length === 0) throw new InvalidInput('give at least one target language', 'invalid-targets')
  const seen = new Set<string>()
  for (const t of targets) {
    if (t === lang) throw new InvalidInput(`target language ${t} is the text language; translate into another language`, 'invalid-targets')
    if (seen.has(t)) throw new InvalidInput(`target language ${t} is listed twice`, 'invalid-targets')
    seen.add(t)
  }
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0] ?? s
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/** What a document's language is told from: its text without markup, code or URLs (roughly). */
function detectionText(text: string, format: DocumentFormat | undefined): string {
  if (format === 'html') return text.replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1\s*>|<[^>]*>|&[#\w]+;/gi, ' ')
  if (format === 'md') return text.replace(/^(```|~~~)[\s\S]*?^\1.*$|`[^`\n]*`|\]\([^)]*\)|https?:\/\/\S+|<[^>\n]*>/gm, ' ')
  return text
}
