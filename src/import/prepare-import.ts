import { InvalidInput } from '../model/errors.js'
import { checkId } from '../model/ids.js'
import { parseLanguage, parseTag } from '../model/tags.js'
import type { Warning } from '../model/unit.js'
import { plainTextLenient } from '../codes/tagged-text.js'
import { segmentDocument } from '../documents/index.js'
import type { DocumentFormat } from '../documents/types.js'
import { CLI_LANG_FLAG, resolveTextLanguage, type LanguageFlag, type ResolvedLanguage } from '../segment/resolve-language.js'
import type { Article } from '../model/translation.js'
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

/** Options of {@link prepareImport}. */
export interface PrepareOptions {
  /** The article as stored, on a re-import: its confirmed language is kept when none is given. */
  existing?: Article | undefined
  /** How the caller's user names the text language, for warnings (default `--lang xx`). */
  flag?: LanguageFlag
}

/**
 * Validate an import request and segment its text: the one path every import takes before the
 * store sees it. Throws InvalidInput for a bad id, tag, language, target or an empty text.
 */
export async function prepareImport(req: ImportRequest, opts: PrepareOptions = {}): Promise<{ input: ImportInput; warnings: Warning[] }> {
  const id = checkId(req.id, 'article id')
  const tag = parseTag(req.tag)
  if (req.text.trim() === '') throw new InvalidInput(`article ${id} is empty: there is nothing to translate`, 'empty-article')
  const flag = opts.flag ?? CLI_LANG_FLAG
  const storedFormat = opts.existing?.format
  const format = req.format ?? storedFormat ?? 'text'
  // A language once confirmed stays the article's until another is given.
  const stored = req.lang === undefined && opts.existing?.langConfirmed === true
  const given = stored ? opts.existing?.lang : req.lang
  const resolved = await resolveTextLanguage(detectionText(req.text, format), given, tag.language, { stored, flag })
  const { lang, warnings } = resolved
  const targets = req.targets?.map((t) => parseLanguage(t)) ?? (!opts.existing ? defaultTargets(id, tag.language, lang) : undefined)
  if (targets) checkTargets(targets, resolved, flag)
  const doc = segmentDocument(req.text, format, { articleId: id, tag: tag.tag, lang })
  const segmented = { lead: doc.lead, units: doc.units }
  const title = req.title ?? firstLine(doc.title ?? plainTextLenient(segmented.units[0]?.source ?? id))
  const input: ImportInput = { id, tag: tag.tag, lang, title, source: req.text, segmented, format, langConfirmed: resolved.confirmed }
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
  throw new InvalidInput(`article ${id} is new: name its target languages (--targets sv,de)`, 'no-targets')
}

function checkTargets(targets: string[], resolved: ResolvedLanguage, flag: LanguageFlag): void {
  if (targets.length === 0) throw new InvalidInput('give at least one target language', 'no-targets')
  const seen = new Set<string>()
  for (const t of targets) {
    if (t === resolved.lang) throw new InvalidInput(sameAsText(t, resolved, flag), 'target-is-source')
    if (seen.has(t)) throw new InvalidInput(`target language ${t} is listed twice`, 'duplicate-target')
    seen.add(t)
  }
}

/** The refusal of a target equal to the text language; a guessed language is named as one. */
function sameAsText(target: string, resolved: ResolvedLanguage, flag: LanguageFlag): string {
  if (resolved.confirmed) return `target language ${target} is the text language; translate into another language`
  const fix = resolved.alternative
    ? `if the text is in ${resolved.alternative}, say ${flag(resolved.alternative)}`
    : `if the text is in another language, name it with ${flag('xx')}`
  return `target language ${target} is the text language as guessed (the text was not declared); ${fix}`
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
