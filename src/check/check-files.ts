/**
 * `tolk check --files GLOB`: XLIFF 1.2, XLIFF 2.0 and PO files, any mix, read with the formats'
 * own readers (any file of the format, not only Tolk's exports). Each file names its target
 * language (target-language, trgLang, the PO Language header) and, where it can, its source
 * language; each unit is translated, untranslated, stale or empty, and its {{placeholders}} and
 * $t() nestings are compared with the source's, with the file and line of the unit.
 */
import { plainTextLenient } from '../codes/tagged-text.js'
import { readTranslationFile } from '../formats/import-translations.js'
import type { FileUnit, TranslationFile } from '../formats/types.js'
import { InvalidInput } from '../model/errors.js'
import { parseLanguage } from '../model/tags.js'
import { countWords } from '../model/text.js'
import type { CheckedSource } from './check-locales.js'
import { emptyCounts, type LanguageCounts } from './compare-file.js'
import { difference, interpolations, nestings, placeholderMessage, withoutInterpolations } from './placeholders.js'
import { decodeFileBytes } from '../formats/decode-file.js'
import { readBytes } from './read-locales.js'
import type { Problem, ProblemKind } from './types.js'

/** What `--files` checks. */
export interface FilesOptions {
  /** The files, as listed by the globs (see expandGlobs), in order. */
  paths: readonly string[]
  /** Only these target languages (canonical); all when absent. */
  langs?: readonly string[]
  /** The language of a PO file without a Language header (`--target-lang`); else its file name says. */
  targetLang?: string
  /** Source language for word counts when a file names none (PO without our header). */
  source: string
}

/** Check translated files: counts per target language and each problem with its file and line. */
export function checkFiles(opts: FilesOptions): CheckedSource & { sourceLangs: Set<string> } {
  const languages = new Map<string, LanguageCounts>()
  const problems: Problem[] = []
  const sourceLangs = new Set<string>()
  let strings = 0
  let files = 0
  for (const path of opts.paths) {
    const file = readTranslationFile(decodeFileBytes(readBytes(path), path), path, { anyFile: true, ...(opts.targetLang ? { targetLang: opts.targetLang } : {}) })
    const lang = language(file.lang, path)
    const source = file.sourceLang ? language(file.sourceLang, path) : opts.source
    files++
    if (opts.langs && !opts.langs.includes(lang)) continue
    sourceLangs.add(source)
    let counts = languages.get(lang)
    if (!counts) languages.set(lang, (counts = emptyCounts()))
    for (const unit of file.units) {
      // translate="no": not work, as pocount counts (a brand name, an id).
      if (unit.notForTranslation) continue
      strings++
      checkUnit(unit, file, source, counts, (kind, message) => {
        problems.push({ lang, file: path, line: unit.line, key: unit.unitId, kind, severity: 'error', message })
      })
    }
  }
  return { checked: { files, languages: languages.size, strings }, languages, problems, sourceLangs }
}

/** Count one unit and report what is wrong with it. */
function checkUnit(u: FileUnit, file: TranslationFile, sourceLang: string, c: LanguageCounts, report: (kind: ProblemKind, message: string) => void): void {
  // Codes (an XLIFF <g>, <x/>, read as ⟦1⟧…) are not words; a standalone one parts words as a space.
  const words = countWords(withoutInterpolations(plainTextLenient(u.source, ' ')), sourceLang).words
  c.units.total++
  c.keys.total++
  c.forms.total += u.plural ? u.plural.forms.length : 1
  c.words.total += words
  if (u.plural) return checkPluralUnit(u, u.plural, words, c, report)
  if (u.text === undefined || (u.state === 'initial' && !(file.format === 'po' && u.needsReview))) {
    // No target, or a draft (XLIFF 2.0 `initial`, XLIFF 1.2 `needs-translation` and the like).
    c.missing++
    c.missingStrings++
    report('untranslated', `${u.unitId} is untranslated`)
    return
  }
  if (u.rejected) {
    // Our XLIFF 2.0 subState `tolk:rejected`: a reviewer sent it back, so it is pending work.
    c.missing++
    c.missingStrings++
    report('untranslated', `${u.unitId} was rejected by a reviewer and is untranslated until fixed`)
    return
  }
  c.strings++
  if (u.needsReview) {
    // PO `fuzzy`, XLIFF 1.2 `needs-review-translation`, our XLIFF 2.0 subState `tolk:stale`.
    c.stale++
    report('stale', `${u.unitId} is stale: its source changed since it was translated (or it awaits review)`)
    return
  }
  if (u.text.trim() === '' && u.source.trim() !== '') {
    c.empty++
    report('empty', `${u.unitId} has an empty target`)
    return
  }
  c.units.translated++
  c.keys.translated++
  c.forms.translated++
  c.words.translated += words
  const vars = difference(interpolations(withCodeInterpolations(u.source, u)), interpolations(withCodeInterpolations(u.text, u)))
  if (vars) {
    c.placeholders++
    report('placeholder', placeholderMessage(u.unitId, vars))
  }
  const lost = difference(nestings(u.source), nestings(u.text))?.missing ?? []
  if (lost.length > 0) {
    c.nesting++
    report('nesting', `${u.unitId} lost the nesting ${lost.map((k) => `$t(${k})`).join(', ')}`)
  }
}

/**
 * A text with the interpolations its codes show appended (`{{ minutes }}` for ⟦1/⟧), so they are
 * compared like `{{…}}` written out: by the code, whatever a target's copy of it says.
 */
function withCodeInterpolations(text: string, u: FileUnit): string {
  if (!u.codeInterpolations) return text
  let out = text
  for (const [n, shown] of u.codeInterpolations) if (text.includes(`⟦${n}/⟧`)) out += ` ${shown}`
  return out
}

/**
 * A PO plural entry: translated only when every form the header's nplurals asks for is there.
 * Each form is compared with the variables of msgid and msgid_plural together; like an i18next
 * plural, a form may leave out {{count}} ("one file"), never add a variable.
 */
function checkPluralUnit(u: FileUnit, plural: NonNullable<FileUnit['plural']>, words: number, c: LanguageCounts, report: (kind: ProblemKind, message: string) => void): void {
  const present = plural.forms.filter((f) => f !== '')
  if (present.length === 0) {
    c.missing++
    c.missingStrings += plural.forms.length
    report('untranslated', `${u.unitId} is untranslated`)
    return
  }
  c.strings += present.length
  if (u.needsReview) {
    c.stale++
    report('stale', `${u.unitId} is stale: its source changed since it was translated (or it awaits review)`)
    return
  }
  const absent = plural.forms.flatMap((f, i) => (f === '' ? [`msgstr[${i}]`] : []))
  if (absent.length > 0) {
    c.plurals += absent.length
    c.missingStrings += absent.length
    report('plural', `${u.unitId} lacks the plural form${absent.length > 1 ? 's' : ''} ${absent.join(', ')} (the header asks for nplurals=${plural.forms.length})`)
    return
  }
  if (plural.forms.some((f) => f.trim() === '') && u.source.trim() !== '') {
    c.empty++
    report('empty', `${u.unitId} has an empty plural form`)
    return
  }
  c.units.translated++
  c.keys.translated++
  c.forms.translated += plural.forms.length
  c.words.translated += words
  const vars = union(interpolations(u.source), interpolations(plural.source))
  const wrong = plural.forms.map((f) => difference(vars, interpolations(f), 'count')).find((d) => d !== null)
  if (wrong) {
    c.placeholders++
    report('placeholder', placeholderMessage(u.unitId, wrong))
  }
  const nests = union(nestings(u.source), nestings(plural.source))
  const lost = plural.forms.map((f) => difference(nests, nestings(f))?.missing ?? []).find((l) => l.length > 0)
  if (lost) {
    c.nesting++
    report('nesting', `${u.unitId} lost the nesting ${lost.map((k) => `$t(${k})`).join(', ')}`)
  }
}

/** The variables (or nestings) of two texts together; null when neither has any. */
function union(a: string[] | null, b: string[] | null): string[] | null {
  if (!a && !b) return null
  return [...new Set([...(a ?? []), ...(b ?? [])])]
}

function language(tag: string, path: string): string {
  try {
    return parseLanguage(tag)
  } catch (err) {
    throw new InvalidInput(`${path}: ${(err as Error).message}`, 'unknown-language')
  }
}
