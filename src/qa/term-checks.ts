/**
 * Terminology checks of one translation: a preferred target term missing where its source term
 * is found (`untranslated-term`), and a forbidden or deprecated target term used
 * (`forbidden-term`, `deprecated-term`). Matching is src/terms/match.ts's: by word form, never
 * inside a word or a code.
 */
import type { TermHit } from '../terms/match.js'
import type { SegmentFinding } from './types.js'

const quoteAll = (terms: readonly string[]) => terms.map((t) => `“${t}”`).join(' or ')

/** `“flod” is a`, or for another form of the term `“Floden” is the term “flod”, a`. */
function named(hit: TermHit): string {
  return hit.found.toLocaleLowerCase() === hit.term.text.toLocaleLowerCase() ? `“${hit.found}” is a` : `“${hit.found}” is “${hit.term.text}”, a`
}

/**
 * The term findings of one translation: `sourceHits` are the source's terms (a matcher from the
 * text language to the target language), `targetHits` the target's own terms (a matcher from
 * the target language to itself, so each hit's term carries its status).
 */
export function checkTerms(sourceHits: readonly TermHit[], targetHits: readonly TermHit[]): SegmentFinding[] {
  const out: SegmentFinding[] = []
  // A preferred or admitted term of the entry anywhere in the target counts as translated.
  const used = new Set(targetHits.filter((h) => h.term.status === 'preferred' || h.term.status === 'admitted').map((h) => h.entryId))
  const seen = new Set<number>()
  for (const hit of sourceHits) {
    if (seen.has(hit.entryId)) continue
    seen.add(hit.entryId)
    const preferred = hit.targets.filter((t) => t.status === 'preferred').map((t) => t.text)
    if (preferred.length === 0 || used.has(hit.entryId)) continue
    out.push({
      check: 'untranslated-term',
      message: `“${hit.found}” should be translated ${quoteAll(preferred)}`,
      data: { term: hit.found, expected: preferred.join(', ') },
    })
  }
  // A span that is a usable term of another entry is not flagged (the same word, two concepts).
  const fine = new Set(targetHits.filter((h) => h.term.status === 'preferred' || h.term.status === 'admitted').map((h) => `${h.start}:${h.end}`))
  const flagged = new Set<string>()
  for (const hit of targetHits) {
    const status = hit.term.status
    if ((status !== 'forbidden' && status !== 'deprecated') || fine.has(`${hit.start}:${hit.end}`)) continue
    const key = `${hit.start}:${hit.end}`
    if (flagged.has(key)) continue
    flagged.add(key)
    const instead = hit.targets.filter((t) => t.status === 'preferred' || t.status === 'admitted').map((t) => t.text)
    out.push({
      check: status === 'forbidden' ? 'forbidden-term' : 'deprecated-term',
      message: `${named(hit)} ${status} term${instead.length > 0 ? `: use ${quoteAll(instead)}` : ''}`,
      data: { term: hit.found, instead: instead.join(', ') },
    })
  }
  return out
}
