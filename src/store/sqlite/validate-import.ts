import { InvalidInput } from '../../model/errors.js'
import { checkId } from '../../model/ids.js'
import { parseLanguage, parseTag, printable } from '../../model/tags.js'
import { checkText, TEXT_LIMITS } from '../../model/text-rule.js'
import { reassemble } from '../../model/unit.js'
import { plainText } from '../../codes/tagged-text.js'
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../documents/types.js'
import { renderDocument } from '../../documents/render.js'
import type { ImportInput } from '../types.js'

/** An import's fields after checking, with languages in canonical BCP 47 form. */
export interface CheckedImport {
  id: string
  tag: string
  lang: string
  title: string
  source: string
  lead: string
  /** Canonical targets, or undefined to keep the stored ones. */
  targets: string[] | undefined
  format: DocumentFormat
  /** The skeleton as JSON, null for text. */
  skeleton: string | null
}

/**
 * Check an import before anything is read or written: ids, tag, languages, and that the units
 * give back the source byte for byte (invariant 1), so a store never holds units that disagree
 * with the text they claim to come from.
 */
export function validateImport(input: ImportInput): CheckedImport {
  checkId(input.id, 'article id')
  checkTag(input.tag)
  const lang = language(input.lang)
  if (typeof input.title !== 'string') throw new InvalidInput('the article title must be text')
  if (typeof input.source !== 'string') throw new InvalidInput('the article source must be text')
  // The one text rule (src/model/text-rule.ts), inside the store: every import path passes here.
  checkText(input.title, TEXT_LIMITS.title, `the title of article ${input.id}`)
  checkText(input.source, TEXT_LIMITS.article, `the text of article ${input.id}`)
  const format = input.format ?? 'text'
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidInput(`unknown article format "${printable(String(format))}": use text, md or html`, 'unknown-format')
  }
  if (!givesBackSource(input, format)) {
    throw new InvalidInput(
      `the units of article ${input.id} do not give back its source text: segment the text again`,
      'segmentation-mismatch',
    )
  }
  for (const u of input.segmented.units) checkId(u.id, 'unit id')
  const targets = input.targets?.map((t) => language(t))
  if (targets) {
    const seen = new Set<string>()
    for (const t of targets) {
      if (seen.has(t)) {
        throw new InvalidInput(`target language ${t} is given twice`, 'duplicate-target')
      }
      seen.add(t)
    }
  }
  return {
    id: input.id,
    tag: input.tag,
    lang,
    title: input.title,
    source: input.source,
    lead: input.segmented.lead,
    targets,
    format,
    skeleton: input.skeleton ? JSON.stringify(input.skeleton) : null,
  }
}

/**
 * Invariant 1: a text article's units (their tagged text read back as text) and white space give
 * back its source; a document's skeleton, with every unit's source in its hole, gives back its
 * source byte for byte.
 */
function givesBackSource(input: ImportInput, format: DocumentFormat): boolean {
  const units = input.segmented.units
  if (format === 'text') {
    if (input.skeleton) return false
    return reassemble({ lead: input.segmented.lead, units: units.map((u) => ({ source: plainText(u.source), trailing: u.trailing })) }) === input.source
  }
  const skeleton = input.skeleton
  if (!skeleton || skeleton.format !== format || skeleton.slots.length !== units.length) return false
  return renderDocument(skeleton, units, (p) => units[p - 1]?.source ?? '') === input.source
}

// Intl's canonicalisation costs more than the rest of an import's checks, and a bulk import names
// the same few languages thousands of times. Only accepted input is remembered, and little exists.
function memo(parse: (s: string) => string): (s: string) => string {
  const known = new Map<string, string>()
  return (input) => {
    let hit = known.get(input)
    if (hit === undefined) {
      hit = parse(input)
      if (known.size < 1000) known.set(input, hit)
    }
    return hit
  }
}

const language = memo(parseLanguage)
const checkTag = memo((tag) => {
  parseTag(tag)
  return tag
})

/** Refuse a target equal to the text language (the effective targets, stored or given). */
export function checkTargets(lang: string, targets: readonly string[]): void {
  for (const t of targets) {
    if (t === lang) {
      throw new InvalidInput(
        `target language ${printable(t)} is the text language: a text is not translated into its own language`,
        'target-is-source',
      )
    }
  }
}
